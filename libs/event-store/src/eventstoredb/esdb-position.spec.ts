import { comparePositions, isPosition } from '../position';
import { toStoredEvent } from './esdb-mapping';
import { fromEsdbPosition, toEsdbPosition } from './esdb-position';

describe('EventStoreDB positions in the port', () => {
  it('round-trips (commit, prepare) through one Position', () => {
    for (const pair of [
      { commit: 0n, prepare: 0n },
      { commit: 1_234n, prepare: 1_300n },
      { commit: (1n << 63n) - 1n, prepare: (1n << 64n) - 1n },
    ]) {
      const position = fromEsdbPosition(pair);
      expect(isPosition(position)).toBe(true);
      expect(toEsdbPosition(position)).toEqual(pair);
    }
  });

  it('orders the events of one append (same commit) by prepare, and any later commit after them', () => {
    const group = [1_000n, 1_120n, 1_240n].map((prepare) => fromEsdbPosition({ commit: 1_000n, prepare }));
    const next = fromEsdbPosition({ commit: 1_360n, prepare: 1_360n });
    expect(comparePositions(group[0]!, group[1]!)).toBe(-1);
    expect(comparePositions(group[1]!, group[2]!)).toBe(-1);
    expect(comparePositions(group[2]!, next)).toBe(-1);
    // A checkpoint on the second event of the group is before the third (the commit position alone was not).
    expect(toEsdbPosition(group[1]!)).toEqual({ commit: 1_000n, prepare: 1_120n });
  });

  it('refuses positions that do not fit', () => {
    expect(() => fromEsdbPosition({ commit: 1n << 64n, prepare: 0n })).toThrow(RangeError);
    expect(() => fromEsdbPosition({ commit: 0n, prepare: -1n })).toThrow(RangeError);
  });

  it('gives each read event its own (commit, prepare) position, not the commit position its group shares', () => {
    const read = (prepare: bigint) =>
      toStoredEvent({
        event: {
          streamId: 'enterprise-x',
          revision: 0n,
          id: '00000000-0000-4000-8000-000000000000',
          type: 'Happened',
          isJson: true,
          data: {},
          metadata: {},
          created: new Date(0),
          position: { commit: 5_000n, prepare },
        },
      } as never)!.position;
    expect(read(5_000n)).not.toBe(read(5_100n));
    expect(toEsdbPosition(read(5_100n))).toEqual({ commit: 5_000n, prepare: 5_100n });
  });
});
