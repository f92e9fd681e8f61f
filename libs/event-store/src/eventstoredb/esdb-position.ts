// EventStoreDB's $all position is a pair: the events of one append share a commit position and differ by
// prepare position. The port's Position is one decimal integer, so the pair is packed into it as
// commit × 2^64 + prepare: numeric order is then (commit, prepare) order, and a checkpoint taken inside
// one append's group resumes after exactly that event.
import type { Position } from '../event-store';

const SHIFT = 64n;
const MASK = (1n << SHIFT) - 1n;

/** A $all position of EventStoreDB. */
export interface EsdbPositionPair {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Packs (commit, prepare) into a port Position. */
export function fromEsdbPosition({ commit, prepare }: EsdbPositionPair): Position {
  if (commit < 0n || prepare < 0n || commit > MASK || prepare > MASK) {
    throw new RangeError(`EventStoreDB position out of range: (${commit}, ${prepare})`);
  }
  return ((commit << SHIFT) | prepare).toString();
}

/** Unpacks a port Position made by fromEsdbPosition. */
export function toEsdbPosition(position: Position): EsdbPositionPair {
  const packed = BigInt(position);
  return { commit: packed >> SHIFT, prepare: packed & MASK };
}
