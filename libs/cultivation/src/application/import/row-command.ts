// One import row as one command: register the enterprise when its stream is new, then grant the
// certification, both decided by the enterprise decider as the mutations would be.
import { createHash } from 'node:crypto';
import type { StoredEvent } from '@cl/event-store';
import type { Actor } from '@cl/platform';
import {
  decide,
  evolve,
  type EnterpriseEvent,
  type EnterpriseState,
  type GrantCertification,
  type RegisterEnterprise,
  type Tier,
  type CertificationLevel,
  type CreditCode,
  type Grant,
} from '../../domain';
import { authorizeEnterpriseCommand } from '../commands';
import type { DuplicateNote, StreamUnit } from './batch-writer';
import type { ImportRow } from './import-rows';

function registration(row: ImportRow, code: CreditCode): RegisterEnterprise {
  return { type: 'RegisterEnterprise', data: { creditCode: code, name: row.name, district: row.district } };
}

function grant(row: ImportRow): GrantCertification {
  return {
    type: 'GrantCertification',
    data: {
      tier: row.tier as Tier, // unknown tiers are refused by the decider (TIER_UNKNOWN)
      level: row.level as CertificationLevel | null,
      certificateNo: row.certificateNo,
      grantedOn: row.grantedOn,
      validUntil: row.validUntil,
      batch: row.batch,
    },
  };
}

/** The grant the row describes: same tier and date, and every detail the row gives agrees. */
const describes = (row: ImportRow) => (g: Grant) =>
  g.tier === row.tier &&
  g.grantedOn === row.grantedOn &&
  (row.validUntil === null || g.validUntil === row.validUntil) &&
  (row.level === null || g.level === row.level) &&
  (row.certificateNo === null || g.certificateNo === row.certificateNo);

/** The same grant is already recorded (and counts). */
function holdsIdenticalGrant(state: EnterpriseState, row: ImportRow): boolean {
  if (state.status === 'UNREGISTERED') return false;
  return state.grants.some((g) => !g.retracted && describes(row)(g));
}

/** The grant the row describes was recorded and then retracted (and is not recorded again since). */
function retractedGrant(state: EnterpriseState, row: ImportRow): Grant | undefined {
  if (state.status === 'UNREGISTERED' || holdsIdenticalGrant(state, row)) return undefined;
  return state.grants.findLast((g) => g.retracted && describes(row)(g));
}

/** "Retracted on <day> by <actor>: <reason>", from the stream's CertificationRetracted event of the grant. */
export function retractionNote(grant: Grant, events: readonly StoredEvent[]): DuplicateNote {
  const retraction = events.find(
    (e) =>
      e.type === 'CertificationRetracted' &&
      (e.data as { retractedEventId?: string }).retractedEventId === grant.eventId,
  );
  const actor = (retraction?.metadata.actor as { sub?: string } | undefined)?.sub ?? 'unknown';
  const when = retraction ? retraction.recordedAt.toISOString().slice(0, 10) : 'an unknown day';
  const reason = (retraction?.data as { reason?: string } | undefined)?.reason;
  return {
    rule: 'GRANT_RETRACTED',
    message:
      `this ${grant.tier} grant of ${grant.grantedOn} (event ${grant.eventId}) was retracted on ${when} by ${actor}` +
      `${reason ? ` (${reason})` : ''}: not imported again; grant it with grantCertification if it stands`,
  };
}

/** What a row says about the grant: the input its command id and fingerprint stand for. */
function grantFields(row: ImportRow, code: CreditCode): unknown[] {
  return [code, row.tier, row.level, row.certificateNo, row.grantedOn, row.validUntil, row.batch];
}

/**
 * A deterministic command id from the importing actor and what the row says about the grant: the same actor
 * importing the same row again, from any file, is recognised as the same command and writes nothing. The actor is
 * part of it because idempotency keys belong to their caller; another actor's identical row is told apart by the
 * decider instead (the identical grant is already recorded: a duplicate, nothing written).
 */
export function rowCommandId(row: ImportRow, code: CreditCode, actorSub: string): string {
  return rowCommandIdOf(actorSub, grantFields(row, code));
}

function rowCommandIdOf(actorSub: string, fields: readonly unknown[]): string {
  return `import-${createHash('sha256')
    .update(JSON.stringify([actorSub, ...fields]))
    .digest('hex')
    .slice(0, 40)}`;
}

/** Registration (if new) and grant in one decision; [] when the same grant is already recorded. */
export function decideImportRow(
  row: ImportRow,
  code: CreditCode,
  state: EnterpriseState,
  context: { today: import('../../domain').CalendarDate },
): EnterpriseEvent[] {
  if (holdsIdenticalGrant(state, row) || retractedGrant(state, row)) return [];
  const registered = state.status === 'UNREGISTERED' ? decide(registration(row, code), state, context) : [];
  const after = registered.reduce<EnterpriseState>((s, event) => evolve(s, { eventId: 'pending', event }), state);
  return [...registered, ...decide(grant(row), after, context)];
}

/**
 * The row as a unit of the batch writer, authorised for the actor like the two mutations. One object per row
 * (methods on the prototype, not three closures each): an import holds every row's unit until it is written.
 */
class ImportRowUnit implements StreamUnit {
  readonly commandId: string;
  readonly operation = 'importCertifications';
  readonly input: unknown[];

  constructor(
    private readonly row: ImportRow,
    private readonly code: CreditCode,
    private readonly actor: Actor,
  ) {
    this.input = grantFields(row, code);
    this.commandId = rowCommandIdOf(actor.sub, this.input);
  }

  authorize(state: EnterpriseState): void {
    const command = state.status === 'UNREGISTERED' ? registration(this.row, this.code) : grant(this.row);
    authorizeEnterpriseCommand(this.actor, command, state);
  }

  decide(state: EnterpriseState, context: { today: import('../../domain').CalendarDate }): EnterpriseEvent[] {
    return decideImportRow(this.row, this.code, state, context);
  }

  explainDuplicate(state: EnterpriseState, events: readonly StoredEvent[]): DuplicateNote | null {
    const retracted = retractedGrant(state, this.row);
    return retracted ? retractionNote(retracted, events) : null;
  }
}

/** The row as a unit of the batch writer, authorised for the actor like the two mutations. */
export function importRowUnit(row: ImportRow, code: CreditCode, actor: Actor): StreamUnit {
  return new ImportRowUnit(row, code, actor);
}
