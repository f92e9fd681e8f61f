// Stored events are never rewritten; an older shape is lifted to the current one when read,
// one version step at a time, by functions registered per (type, fromVersion).
import { CURRENT_SCHEMA_VERSIONS } from './schema-versions';

export interface StoredEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** Lifts `data` from schema version N to N + 1. */
export type Upcaster = (data: unknown) => unknown;

export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  constructor(private readonly current: Readonly<Record<string, number>> = CURRENT_SCHEMA_VERSIONS) {}

  /** Registers the step from `fromVersion` to `fromVersion + 1` of one event type. */
  register(type: string, fromVersion: number, upcaster: Upcaster): this {
    this.steps.set(`${type}@${fromVersion}`, upcaster);
    return this;
  }

  /** Brings a stored event to the current schema version of its type. */
  upcast(stored: StoredEvent): StoredEvent {
    const target = this.current[stored.type];
    if (target === undefined) throw new Error(`unknown event type ${stored.type}`);
    let { schemaVersion, data } = stored;
    if (schemaVersion > target)
      throw new Error(`${stored.type} v${schemaVersion} is newer than this code (v${target})`);
    while (schemaVersion < target) {
      const step = this.steps.get(`${stored.type}@${schemaVersion}`);
      if (!step) throw new Error(`no upcaster for ${stored.type} from v${schemaVersion}`);
      data = step(data);
      schemaVersion += 1;
    }
    return { type: stored.type, schemaVersion, data };
  }
}

/** The registry the application reads events through; register production upcasters here. */
export const upcasters = new UpcasterRegistry();

/** Brings a stored event to the current schema version using the shared registry. */
export function upcast(stored: StoredEvent): StoredEvent {
  return upcasters.upcast(stored);
}

/** An event as the store hands it back: its type and data, and the metadata it was written with. */
export interface PersistedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * The schema version an event was written with: metadata.schemaVersion, or 1 when it is missing (or not
 * a positive integer): an event written before versions were recorded has the first shape of its type.
 */
export function schemaVersionIn(metadata: Readonly<Record<string, unknown>>): number {
  const version = Number(metadata.schemaVersion ?? 1);
  return Number.isInteger(version) && version >= 1 ? version : 1;
}

/** The one way stored events are read: lifted from the version they were written with to the current one. */
export function upcastRecorded(
  recorded: PersistedEvent,
  registry: UpcasterRegistry = upcasters,
): { type: string; data: unknown } {
  const { type, data } = registry.upcast({
    type: recorded.type,
    schemaVersion: schemaVersionIn(recorded.metadata),
    data: recorded.data,
  });
  return { type, data };
}
