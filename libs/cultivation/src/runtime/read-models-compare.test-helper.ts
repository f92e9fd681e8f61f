// Test support for moved logs (backup and restore, copy-log): the read models of two ledgers whose logs hold the
// same events under different positions, with the source's positions translated event by event.
import type { StoredEvent } from '@cl/event-store';
import type { DataSource } from 'typeorm';
import { LIVE_SCHEMA } from '../read-models/schema';
import { dumpReadModels } from '../read-models/testing/read-model-fixture';

type Dump = Record<string, unknown[]>;

/** Rewrites every value of a key naming a position (`position`, `last_position`, …) through `map`. */
function mapPositions(dump: Dump, map: (position: string) => string): Dump {
  return JSON.parse(
    JSON.stringify(dump, (key, value: unknown) =>
      /position/.test(key) && value !== null ? map(String(value)) : value,
    ),
  ) as Dump;
}

/** Both ledgers' read models, the source's positions replaced by those its events have in the target. */
export async function readModelsOfMovedLog(
  source: { dataSource: DataSource; events: StoredEvent[] },
  target: { dataSource: DataSource; events: StoredEvent[] },
): Promise<{ source: Dump; target: Dump }> {
  const byId = new Map(target.events.map((e) => [e.eventId, e.position]));
  const toTarget = new Map(source.events.map((e) => [e.position, byId.get(e.eventId) ?? `missing ${e.eventId}`]));
  return {
    source: mapPositions(
      await dumpReadModels(source.dataSource, LIVE_SCHEMA),
      (p) => toTarget.get(p) ?? `unknown ${p}`,
    ),
    target: mapPositions(await dumpReadModels(target.dataSource, LIVE_SCHEMA), (p) => p),
  };
}
