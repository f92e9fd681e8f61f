// Names shared by the migration, the projection writers, rebuild/verify and the queries. The read
// models live in their own PostgreSQL schema so that a rebuild can swap a whole schema atomically.
import { CITY } from '../domain';

/** The schema queries read and the live projector writes. */
export const LIVE_SCHEMA = 'read_model';
/** Where `rebuild` builds a replacement before swapping it in. */
export const REBUILD_SCHEMA = 'rm_rebuild';
/** Where `verify` builds its scratch copy. */
export const VERIFY_SCHEMA = 'rm_verify';
/** Name of the checkpoint row of the read-model projection. */
export const CHECKPOINT_NAME = 'read_models';
/**
 * The LISTEN/NOTIFY channel on which a commit that moves the live checkpoint announces it (JSON payload: `position`,
 * `generation`, and `from`, the generation replaced, for a rebuild's swap): see live-checkpoint/live-checkpoint.ts.
 */
export const CHECKPOINT_CHANNEL = 'cl_read_models';
/** Pseudo district code of the city-wide aggregate rows (so city totals never sum 16 districts). */
export const ALL_DISTRICTS = CITY;

/** Every read-model table, in the order they are created, copied and compared. */
export const READ_MODEL_TABLES = [
  'projection_checkpoint',
  'enterprise_summary',
  'enterprise_name',
  'certification_grant',
  'active_interval',
  'count_tree',
  'enterprise_tier_first',
  'targets',
] as const;
export type ReadModelTable = (typeof READ_MODEL_TABLES)[number];

/**
 * Advisory-lock keys (two-int form: namespace, key). LEADER is held on a session for a worker's life;
 * APPLY is taken per transaction by whoever writes the live schema (projector batch, rebuild swap),
 * so two writers never interleave; REBUILD is held while a rebuild runs; SWAP is taken exclusively by
 * a rebuild's swap (before APPLY) and shared by a verify while it compares, so the tables it compares
 * are not renamed away under its snapshot, and neither blocks the projector.
 */
export const LOCKS = { namespace: 7_340_101, leader: 1, apply: 2, rebuild: 3, swap: 4 } as const;

/** Only our own identifiers are ever interpolated into SQL; this guards against anything else. */
export function qualified(schema: string, table: ReadModelTable): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  return `${schema}.${table}`;
}
