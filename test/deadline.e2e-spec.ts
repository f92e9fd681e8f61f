// A mutation cut off by REQUEST_TIMEOUT_MS: its answer says whether it may have been recorded. A write already
// begun is reported with outcome UNKNOWN and the commandId it is recorded under (assigned by the service when the
// caller sent none); sent again with that key it returns the first result and is recorded once. A write that had
// not begun never runs.
import { Writable } from 'node:stream';
import pino from 'pino';
import { EVENT_STORE } from '@cl/cultivation';
import type { EventStore } from '@cl/event-store';
import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const TIMEOUT_MS = 1000;
const CODE = creditCode(26_001);
const RENAME = (alias: string, name: string, on: string, commandId?: string) =>
  `${alias}: renameEnterprise(input: {creditCode: "${CODE}", name: "${name}", effectiveOn: "${on}"` +
  `${commandId ? `, commandId: "${commandId}"` : ''}}) { position events { type } enterprise { name version } }`;

describe('a mutation cut off by the request deadline', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk, _encoding, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done()),
  });
  const api = useTestApi({ REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) }, pino({ level: 'info' }, sink));
  let token: string;
  let store: EventStore;
  const renames = async () =>
    (await store.readStream(`enterprise-${CODE}`)).filter((e) => e.type === 'EnterpriseRenamed').map((e) => e.data);

  beforeAll(async () => {
    token = await tokenFor('MUNICIPAL_OFFICIAL');
    store = api.app.get<EventStore>(EVENT_STORE);
    const registered = await api.graphql(
      `mutation { registerEnterprise(input: {creditCode: "${CODE}", name: "天津期限科技有限公司", district: "120116"}) { position } }`,
      {},
      { token },
    );
    expect(registered.body.errors).toBeUndefined();
  });

  it('says the outcome is unknown, gives the assigned commandId, and the retry with it records the write once', async () => {
    // The first rename's append is held (in flight) until after the deadline has answered.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const append = store.append.bind(store);
    let appends = 0;
    store.append = async (request) => {
      appends++;
      await held;
      return append(request);
    };
    try {
      const cut = await api.graphql(
        `mutation { ${RENAME('first', '天津期限新名科技有限公司', '2026-01-05')} ${RENAME('second', '天津期限另名科技有限公司', '2026-01-06')} }`,
        {},
        { token },
      );
      expect(cut.status).toBe(503);
      expect(cut.headers.get('retry-after')).toBe('5');
      const error = cut.body.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: 'UNAVAILABLE', retryable: true, outcome: 'UNKNOWN' });
      expect(error?.message).toMatch(/may or may not have been recorded.*same commandId/);
      // the held write's key; the second mutation had not begun, so it has none and never runs
      const commandIds = error?.extensions?.commandIds as Record<string, string>;
      expect(Object.keys(commandIds)).toEqual(['first']);
      expect(commandIds.first).toMatch(/^[0-9a-f-]{36}$/);

      release();
      // The cut request runs to its end: the held rename commits, the second is refused as it begins.
      for (let i = 0; i < 100 && !lines.some((l) => l.includes('passed its deadline')); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(lines.filter((l) => l.includes('passed its deadline'))).toHaveLength(1);
      expect(await renames()).toEqual([{ name: '天津期限新名科技有限公司', effectiveOn: '2026-01-05' }]);

      const retried = await api.graphql<{
        first: { position: string; events: unknown[]; enterprise: { name: string } };
      }>(`mutation { ${RENAME('first', '天津期限新名科技有限公司', '2026-01-05', commandIds.first)} }`, {}, { token });
      expect(retried.status).toBe(200);
      expect(retried.body.data?.first).toMatchObject({ events: [], enterprise: { name: '天津期限新名科技有限公司' } });
      expect(await renames()).toEqual([{ name: '天津期限新名科技有限公司', effectiveOn: '2026-01-05' }]);
      expect(appends).toBe(1); // the second rename never reached the store; the retry replayed the first result
    } finally {
      release();
      store.append = append;
    }
  });
});
