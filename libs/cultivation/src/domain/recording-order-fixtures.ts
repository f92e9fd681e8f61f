// Test support (pure): a set of non-overlapping grants per tier with renewals and revocations, and
// the stream you get by recording them in a given order. The domain spec and the read-model spec
// of "history out of order" both permute the same histories.
import type { EnterpriseCommand } from './enterprise/commands';
import { decide } from './enterprise/decide';
import { fold } from './enterprise/evolve';
import type { Envelope } from './events/envelope';
import type { EnterpriseEvent } from './events/enterprise-events';
import type * as FC from 'fast-check';
import { addDays, type CalendarDate } from './shared/calendar-date';
import { BINHAI, HEPING, registered, relocated } from './spec-fixtures';

type FastCheck = typeof FC;
type Arbitrary<T> = FC.Arbitrary<T>;

export const TODAY = '2026-11-30' as CalendarDate;
export const TIERS_USED = ['TECH_SME', 'HIGH_TECH', 'INNOVATIVE_SME'] as const;

/** A set of grants per tier, each dated after the previous one's validity (as granted and renewed); renewBefore: days before the end. */
export type Entry = { tier: (typeof TIERS_USED)[number]; gap: number; renewBefore?: number; revokeAfter?: number };
/** Up to 12 grants of three tiers; `fc` is passed in so this file stays free of runtime imports. */
export function historyArbitrary(fc: FastCheck): Arbitrary<Entry[]> {
  return fc.array(
    fc.record({
      tier: fc.constantFrom(...TIERS_USED),
      gap: fc.integer({ min: 0, max: 400 }),
      renewBefore: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      revokeAfter: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  );
}

export type Item = { grant: EnterpriseCommand; followUps: EnterpriseCommand[] };

/** Valid commands built in effective-date order; each grant starts after the tier's last one ended. */
export function plan(entries: Entry[]): Item[] {
  const next: Record<string, CalendarDate> = {};
  const items: Item[] = [];
  for (const e of entries) {
    const from = addDays(next[e.tier] ?? ('2016-01-01' as CalendarDate), e.gap);
    if (from > '2026-06-01' || from.endsWith('-12-31')) continue;
    // Default validity: TECH_SME to 31 Dec, the others 3 years; a renewal adds 3 years (1 for TECH_SME).
    const years = e.tier === 'TECH_SME' ? 0 : 3;
    const validUntil = years === 0 ? (`${from.slice(0, 4)}-12-31` as CalendarDate) : addDays(from, 365 * years - 5);
    let end = validUntil;
    const followUps: EnterpriseCommand[] = [];
    if (e.renewBefore !== undefined && e.tier !== 'TECH_SME') {
      // Re-reviewed in the term's last 12 months (the renewal window), up to 300 days before it ends.
      const on = addDays(end, -e.renewBefore);
      if (on <= end && on <= TODAY) {
        followUps.push({
          type: 'RenewCertification',
          data: { tier: e.tier, renewedOn: on, validUntil: addDays(end, 300) },
        });
        end = addDays(end, 300);
      }
    }
    if (e.revokeAfter !== undefined) {
      const on = addDays(from, e.revokeAfter);
      const last = followUps.length ? (followUps[0]!.data as { renewedOn: CalendarDate }).renewedOn : from;
      // The next grant still starts after the validity as granted and renewed: recorded before the
      // revocation, it must not overlap (the decider cannot know a revocation yet to be recorded).
      if (on <= end && on > last && on <= TODAY) {
        followUps.push({ type: 'RevokeCertification', data: { tier: e.tier, revokedOn: on, reason: 'FAILED_REVIEW' } });
      }
    }
    items.push({
      grant: { type: 'GrantCertification', data: { tier: e.tier, grantedOn: from, validUntil } },
      followUps,
    });
    next[e.tier] = addDays(end, 1);
  }
  return items;
}

/** Records the items in the given order (each follow-up right after its grant), deciding every command. */
export function record(items: Item[], order: number[]): Envelope<EnterpriseEvent>[] {
  const log: Envelope<EnterpriseEvent>[] = [
    { eventId: 'reg', event: registered() },
    { eventId: 'moved', event: relocated(HEPING, BINHAI, '2021-07-01') },
  ];
  for (const i of order) {
    const item = items[i]!;
    for (const [k, command] of [item.grant, ...item.followUps].entries()) {
      const events = decide(command, fold(log), { today: TODAY });
      events.forEach((event, j) => log.push({ eventId: `i${i}-${k}-${j}`, event }));
    }
  }
  return log;
}
