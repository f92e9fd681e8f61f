// One import row as one command: register the enterprise when its stream is new, then grant, renew or revoke
// the certification as the row's section (or the list) says, decided by the enterprise decider as the
// mutations would be.
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
  type RenewCertification,
  type RevokeCertification,
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

/** A section 撤销/取消资格 names no reason: the list's revocation is a failed re-review (DOMAIN.md, Sections). */
export const LIST_REVOCATION_REASON = 'FAILED_REVIEW' as const;

/** The certification command the row's action stands for; its date is the row's date. */
function certificationCommand(row: ImportRow): GrantCertification | RenewCertification | RevokeCertification {
  const tier = row.tier as Tier;
  switch (row.action) {
    case 'GRANT':
      return grant(row);
    case 'RENEW':
      return {
        type: 'RenewCertification',
        data: { tier, renewedOn: row.grantedOn, validUntil: row.validUntil, certificateNo: row.certificateNo },
      };
    case 'REVOKE':
      return { type: 'RevokeCertification', data: { tier, revokedOn: row.grantedOn, reason: LIST_REVOCATION_REASON } };
    default: {
      const never: never = row.action;
      throw new Error(`unknown import action ${String(never)}`);
    }
  }
}

/** The grant the row describes: same tier and date, and every detail the row gives agrees. */
const describes = (row: ImportRow) => (g: Grant) =>
  g.tier === row.tier &&
  g.grantedOn === row.grantedOn &&
  (row.validUntil === null || g.validUntil === row.validUntil) &&
  (row.level === null || g.level === row.level) &&
  (row.certificateNo === null || g.certificateNo === row.certificateNo);

/** The same grant, renewal or revocation is already recorded (and counts). */
function holdsIdenticalGrant(state: EnterpriseState, row: ImportRow): boolean {
  if (state.status === 'UNREGISTERED') return false;
  const live = state.grants.filter((g) => !g.retracted && g.tier === row.tier);
  switch (row.action) {
    case 'GRANT':
      return live.some(describes(row));
    case 'RENEW':
      return live.some((g) =>
        g.renewals.some(
          (r) =>
            !r.retracted &&
            r.renewedOn === row.grantedOn &&
            (row.validUntil === null || r.validUntil === row.validUntil) &&
            (row.certificateNo === null || r.certificateNo === row.certificateNo),
        ),
      );
    case 'REVOKE':
      return live.some((g) => g.end?.kind === 'REVOKED' && g.end.on === row.grantedOn);
  }
}

/** The grant the row describes was recorded and then retracted (and is not recorded again since). */
function retractedGrant(state: EnterpriseState, row: ImportRow): Grant | undefined {
  if (row.action !== 'GRANT' || state.status === 'UNREGISTERED' || holdsIdenticalGrant(state, row)) return undefined;
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
  const fields = [code, row.tier, row.level, row.certificateNo, row.grantedOn, row.validUntil, row.batch];
  // A grant row's id is as it was before lists had sections: files imported then are still recognised.
  return row.action === 'GRANT' ? fields : [row.action, ...fields];
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

/** Registration (if new, for a grant) and the row's command in one decision; [] when it is already recorded. */
export function decideImportRow(
  row: ImportRow,
  code: CreditCode,
  state: EnterpriseState,
  context: { today: import('../../domain').CalendarDate },
): EnterpriseEvent[] {
  if (holdsIdenticalGrant(state, row) || retractedGrant(state, row)) return [];
  const registers = state.status === 'UNREGISTERED' && row.action === 'GRANT';
  const registered = registers ? decide(registration(row, code), state, context) : [];
  const after = registered.reduce<EnterpriseState>((s, event) => evolve(s, { eventId: 'pending', event }), state);
  return [...registered, ...decide(certificationCommand(row), after, context)];
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
    const registers = state.status === 'UNREGISTERED' && this.row.action === 'GRANT';
    const command = registers ? registration(this.row, this.code) : certificationCommand(this.row);
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
