// Idempotency keys belong to their caller (DOMAIN.md "Who may do what"): a command id names one actor's one
// operation with one input. The record of a command id is the store's (event_commands in PostgreSQL, a marker
// stream in EventStoreDB, reached through findCommand and append's duplicate answer); what the id was used for is
// kept as a fingerprint in the metadata of the events it wrote. Both write paths — the command executor and the
// batch writer of imports — ask `sameCommand` of the first events, so both answer a reused key alike.
import { createHash } from 'node:crypto';
import type { StoredEvent } from '@cl/event-store';
import { Refusal } from '@cl/refusals';

/** A command id sent again for another operation, input or actor: nothing is written. */
export class IdempotencyKeyReused extends Refusal {
  readonly code = 'CONFLICT' as const;
  constructor(commandId: string) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      'commandId',
      `commandId ${commandId} was already used for another operation, input or caller: send a new commandId ` +
        '(only the same caller repeating the same operation with the same input gets the first result back)',
    );
  }
}

/**
 * JSON with object keys sorted and absent values (undefined or null: GraphQL treats an omitted nullable argument
 * and an explicit null alike) dropped: the same input always gives the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Built in one string, without the entry pairs and part arrays of each level: an import fingerprints every row.
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i++) text += `${i === 0 ? '' : ','}${i in value ? canonicalJson(value[i]) : ''}`;
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  text = '{';
  // Object.keys: the own enumerable string keys, as Object.entries; sort() orders strings by UTF-16 code units.
  const keys = Object.keys(object);
  if (!sortedKeys(keys)) keys.sort();
  for (const key of keys) {
    const v = object[key];
    if (v === undefined || v === null) continue;
    text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${text}}`;
}

/** True when the keys are already in order (sort() copies them even then). */
function sortedKeys(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/** What a command id stands for: who (sub), which operation on which stream, and a hash of the input. */
export function commandFingerprint(actorSub: string, operation: string, streamId: string, input: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ input, operation, streamId, sub: actorSub })) // keys in order: nothing to sort
    .digest('base64url');
}

/**
 * True when the events a command id first wrote came from the same command. Events recorded before fingerprints
 * existed are matched on the actor alone.
 */
export function sameCommand(
  first: readonly Pick<StoredEvent, 'metadata'>[],
  fingerprint: string,
  actorSub: string,
): boolean {
  const metadata = first[0]?.metadata;
  if (!metadata) return true; // a record without events: nothing to compare, nothing was written
  if (typeof metadata.commandFingerprint === 'string') return metadata.commandFingerprint === fingerprint;
  return (metadata.actor as { sub?: unknown } | undefined)?.sub === actorSub;
}

/** Throws IdempotencyKeyReused unless the first events of `commandId` came from this same command. */
export function assertSameCommand(
  first: readonly StoredEvent[],
  commandId: string,
  fingerprint: string,
  actorSub: string,
): void {
  if (!sameCommand(first, fingerprint, actorSub)) throw new IdempotencyKeyReused(commandId);
}
