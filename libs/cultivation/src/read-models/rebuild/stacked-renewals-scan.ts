// The log read for renewals stacked before "one renewal per term" (issue 22): every enterprise stream folded
// once with the domain's own evolve, then asked stackedRenewals. It reads the events, not the read models (the
// log is the record), one stream at a time where the store reads by stream, else every state held to the end.
import { comparePositions, type EventStore, type StoredEvent } from '@cl/event-store';
import { stackedRenewals, type StackedRenewal } from '../../domain';
import * as fold from '../projection/fold';

export interface EnterpriseWithStackedRenewals {
  readonly creditCode: string;
  readonly name: string;
  readonly renewals: readonly StackedRenewal[];
}

const PAGE = 5_000;

function found(code: string, stream: fold.FoldedStream, into: EnterpriseWithStackedRenewals[]): void {
  const renewals = stackedRenewals(stream.state);
  const name = stream.state.status === 'UNREGISTERED' ? '' : stream.state.name;
  if (renewals.length) into.push({ creditCode: code, name, renewals });
}

/** Events up to `upTo` in pages: by stream where the store can, else in global order. */
async function* pages(store: EventStore, upTo: string): AsyncIterable<StoredEvent[]> {
  if (store.readByStream) {
    yield* store.readByStream(upTo, { pageSize: PAGE });
    return;
  }
  for (let from: string | null = null; ;) {
    const page: StoredEvent[] = (await store.readAll(from, PAGE)).filter(
      (e) => comparePositions(e.position, upTo) <= 0,
    );
    if (page.length === 0) return;
    yield page;
    from = page.at(-1)!.position;
    if (comparePositions(from, upTo) >= 0) return;
  }
}

/** Every enterprise whose recorded history holds stacked renewals, by credit code, with the renewals' event ids. */
export async function findStackedRenewals(
  store: EventStore,
  upTo?: string | null,
): Promise<EnterpriseWithStackedRenewals[]> {
  const head = upTo === undefined ? await store.head() : upTo;
  if (head === null) return [];
  const streams = new Map<string, fold.FoldedStream>();
  const result: EnterpriseWithStackedRenewals[] = [];
  let current: string | null = null;
  for await (const page of pages(store, head)) {
    for (const e of page) {
      const code = fold.enterpriseCode(e.streamId);
      if (code === null) continue;
      // Read by stream, a stream is complete once another begins: judge it and let its state go.
      if (store.readByStream && current !== null && code !== current) {
        found(current, streams.get(current)!, result);
        streams.delete(current);
      }
      current = code;
      let stream = streams.get(code);
      if (!stream) streams.set(code, (stream = fold.foldedStream()));
      fold.foldEvent(stream, e);
    }
  }
  for (const [code, stream] of streams) found(code, stream, result);
  return result.sort((a, b) => (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : 0));
}

/** One line per stacked renewal, as verify prints them. */
export function describeStackedRenewals(found: readonly EnterpriseWithStackedRenewals[]): string[] {
  return found.flatMap((e) =>
    e.renewals.map(
      (r) =>
        `${e.creditCode} ${e.name}: ${r.tier} grant ${r.grantEventId}: renewal ${r.renewalEventId} (${r.renewedOn} → ${r.validUntil}) ${r.problems.join(', ')}`,
    ),
  );
}
