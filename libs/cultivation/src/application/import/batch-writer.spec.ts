import { InMemoryEventStore } from '@cl/event-store';
import type { EnterpriseEvent } from '../../domain';
import { FixedClock } from '../clock';
import { CommandExecutor } from '../commands';
import { type BatchContext, EnterpriseBatchWriter, type StreamWork } from './batch-writer';

const clock = new FixedClock(new Date('2026-06-30T04:00:00Z'));
const context: BatchContext = {
  actor: { sub: 'test', roles: ['MUNICIPAL_OFFICIAL'] },
  source: 'SYSTEM',
  correlationId: 'c',
};
const registered = (n: number): EnterpriseEvent => ({
  type: 'EnterpriseRegistered',
  data: { creditCode: `code-${n}`, name: `E${n}`, districtCode: '120101' },
});

/** Batch b of 3 streams, one unit each; `boom` makes the unit of batch b throw an error that is not a refusal. */
function batch(b: number, boom?: number): StreamWork[] {
  return [0, 1, 2].map((s) => ({
    streamId: `enterprise-${b}-${s}`,
    units: [
      {
        commandId: `c-${b}-${s}`,
        operation: 'RegisterEnterprise',
        input: { b, s },
        decide: () => {
          if (b === boom) throw new Error('machinery broke');
          return [registered(b * 10 + s)];
        },
      },
    ],
  }));
}

it('writes many batches with several under way and reports them in order', async () => {
  const store = new InMemoryEventStore();
  const writer = new EnterpriseBatchWriter(store, clock, new CommandExecutor(store, clock));
  const seen: string[] = [];
  await writer.writeAll(
    Array.from({ length: 10 }, (_, b) => batch(b)),
    context,
    (works, outcomes) => {
      seen.push(works[0]!.streamId);
      expect(outcomes.flat().every((o) => o.status === 'accepted')).toBe(true);
    },
  );
  expect(seen).toEqual(Array.from({ length: 10 }, (_, b) => `enterprise-${b}-0`));
  const streams = await store.readStreams(Array.from({ length: 10 }, (_, b) => `enterprise-${b}-2`));
  expect([...streams.values()].every((events) => events.length === 1)).toBe(true);
});

it('rejects when a batch fails, starts no batch after it, and has finished those under way', async () => {
  const store = new InMemoryEventStore();
  const writer = new EnterpriseBatchWriter(store, clock, new CommandExecutor(store, clock));
  const seen: number[] = [];
  const batches = function* () {
    for (let b = 0; b < 20; b++) yield batch(b, 4);
  };
  await expect(
    writer.writeAll(batches(), context, (works) => seen.push(Number(works[0]!.streamId.split('-')[1]))),
  ).rejects.toThrow('machinery broke');
  expect(seen).toEqual([0, 1, 2, 3]);
  const written = await store.readStreams(Array.from({ length: 20 }, (_, b) => `enterprise-${b}-0`));
  const writtenBatches = [...written].filter(([, events]) => events.length > 0).map(([id]) => Number(id.split('-')[1]));
  expect(writtenBatches).not.toContain(4);
  expect(Math.max(...writtenBatches)).toBeLessThan(4 + 3); // at most the batches already under way
});

describe('idempotency keys: one record and one check for the batch path and the command executor', () => {
  const unit = (commandId: string, input: unknown, n: number) => ({
    commandId,
    operation: 'RegisterEnterprise',
    input,
    decide: () => [registered(n)],
  });
  const spec = (streamId: string, input: unknown, n: number) => ({
    decider: {
      initialState: () => ({ status: 'UNREGISTERED' }),
      evolve: (s: unknown) => s,
      decide: () => [registered(n)],
    },
    streamId,
    command: { type: 'RegisterEnterprise' },
    operation: 'RegisterEnterprise',
    input,
  });

  it('answers a key the executor recorded: the same command is a duplicate, another one is refused and writes nothing', async () => {
    const store = new InMemoryEventStore();
    const executor = new CommandExecutor(store, clock);
    const writer = new EnterpriseBatchWriter(store, clock, executor);
    await executor.execute(spec('enterprise-a', { n: 1 }, 1), { ...context, commandId: 'key-1' });

    const outcomes = await writer.write(
      [
        { streamId: 'enterprise-a', units: [unit('key-1', { n: 1 }, 1)] },
        { streamId: 'enterprise-b', units: [unit('key-1', { n: 1 }, 2)] },
      ],
      context,
    );
    expect(outcomes[0]).toEqual([{ status: 'duplicate', note: null }]);
    expect(outcomes[1]?.[0]).toMatchObject({ status: 'rejected', code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await store.readStream('enterprise-b')).toEqual([]);
  });

  it('refuses in the executor a key the batch path recorded for another input or actor, and replays the same', async () => {
    const store = new InMemoryEventStore();
    const executor = new CommandExecutor(store, clock);
    await new EnterpriseBatchWriter(store, clock, executor).write(
      [{ streamId: 'enterprise-c', units: [unit('key-2', { n: 3 }, 3)] }],
      context,
    );
    const replay = await executor.execute(spec('enterprise-c', { n: 3 }, 3), { ...context, commandId: 'key-2' });
    expect(replay.duplicate).toBe(true);
    await expect(
      executor.execute(spec('enterprise-c', { n: 4 }, 3), { ...context, commandId: 'key-2' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED', field: 'commandId' });
    const stranger = { ...context, actor: { sub: 'someone-else', roles: ['MUNICIPAL_OFFICIAL' as const] } };
    await expect(
      executor.execute(spec('enterprise-c', { n: 3 }, 3), { ...stranger, commandId: 'key-2' }),
    ).rejects.toMatchObject({ rule: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await store.readStream('enterprise-c')).toHaveLength(1);
  });
});
