// Random sequences of commands; whatever the decider accepts must keep the ledger's invariants.
import * as fc from 'fast-check';
import { DomainError } from '../errors';
import type { Envelope } from '../events/envelope';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { DISTRICTS } from '../shared/districts';
import { addDays, type CalendarDate } from '../shared/calendar-date';
import { TIERS } from '../policy/tier-policy';
import { CERTIFICATION_LEVELS, REVOCATION_REASONS, type Tier } from '../policy/vocabulary';
import { countingSegments, type CountingSegment } from '../views/counting-segments';
import { registered } from '../spec-fixtures';
import type { EnterpriseCommand } from './commands';
import { decide } from './decide';
import { evolve, fold } from './evolve';
import { countsOn, grantEnding, liveRenewals, termsOf } from './grant';
import { allTierGroups, renewalDueFrom, termEnd, tierPolicyOn } from '../policy/policy';
import type { EnterpriseState, RegisteredEnterprise } from './state';

const START = '2018-01-01' as CalendarDate;
const TODAY = '2025-12-31' as CalendarDate;
// Biased to a few tiers so renewals, revocations and prerequisites meet a matching grant often.
const tier = fc.constantFrom<Tier>('HIGH_TECH', 'HIGH_TECH', 'TECH_SME', 'INNOVATIVE_SME', 'SRDI_SME', ...TIERS);
const rarely = <T>(a: fc.Arbitrary<T>) => fc.option(a, { freq: 5, nil: undefined });

// Most steps move a date cursor forward (so the order rule rarely blocks them); validUntil offsets
// are relative to the step's date. Retraction needs a real eventId, resolved at run time.
type Step = {
  gap: number;
  kind: 'grant' | 'renew' | 'revoke' | 'retract' | 'relocate' | 'lapses' | 'deregister';
  tier: Tier;
  pick: number;
  validFor?: number;
  level?: (typeof CERTIFICATION_LEVELS)[number];
};
const step: fc.Arbitrary<Step> = fc.record(
  {
    gap: fc.integer({ min: -20, max: 90 }),
    kind: fc.constantFrom(
      'grant',
      'grant',
      'grant',
      'renew',
      'renew',
      'renew',
      'revoke',
      'retract',
      'relocate',
      'lapses',
      'deregister',
    ),
    tier,
    pick: fc.nat(),
    validFor: rarely(fc.integer({ min: -10, max: 1200 })),
    level: rarely(fc.constantFrom(...CERTIFICATION_LEVELS)),
  },
  { requiredKeys: ['gap', 'kind', 'tier', 'pick'] },
);

function resolve(s: Step, state: EnterpriseState, on: CalendarDate): EnterpriseCommand | null {
  const validUntil = s.validFor === undefined ? undefined : addDays(on, s.validFor);
  switch (s.kind) {
    case 'grant':
      return { type: 'GrantCertification', data: { tier: s.tier, grantedOn: on, validUntil, level: s.level } };
    case 'renew':
      return { type: 'RenewCertification', data: { tier: s.tier, renewedOn: on, validUntil } };
    case 'revoke':
      return {
        type: 'RevokeCertification',
        data: { tier: s.tier, revokedOn: on, reason: REVOCATION_REASONS[s.pick % 7] ?? 'OTHER' },
      };
    case 'relocate':
      return {
        type: 'RelocateEnterprise',
        data: { toDistrict: DISTRICTS[s.pick % DISTRICTS.length]?.code ?? '', effectiveOn: on },
      };
    case 'lapses':
      return { type: 'RecordLapses', data: { asOf: s.pick % 2 ? on : undefined } };
    case 'deregister':
      return s.pick % 8 ? null : { type: 'DeregisterEnterprise', data: { effectiveOn: on, reason: 'closed' } };
    case 'retract': {
      if (state.status === 'UNREGISTERED') return null;
      const targets = state.grants.flatMap((g) => [
        { tier: g.tier, id: g.eventId },
        ...g.renewals.map((r) => ({ tier: g.tier, id: r.eventId })),
      ]);
      const t = targets[s.pick % Math.max(targets.length, 1)];
      return t ? { type: 'RetractCertification', data: { tier: t.tier, eventId: t.id, reason: 'error' } } : null;
    }
  }
}

function run(steps: Step[]): { state: RegisteredEnterprise; log: Envelope<EnterpriseEvent>[] } {
  const log: Envelope<EnterpriseEvent>[] = [{ eventId: 'ev-0', event: registered() }];
  let state = fold(log);
  let cursor = START;
  for (const s of steps) {
    cursor = addDays(cursor, s.gap);
    const command = resolve(s, state, cursor);
    if (!command) continue;
    let events: EnterpriseEvent[];
    try {
      events = decide(command, state, { today: TODAY });
    } catch (e) {
      if (e instanceof DomainError) continue; // refused: writes nothing
      throw e;
    }
    for (const event of events) {
      const envelope = { eventId: `ev-${log.length}`, event };
      log.push(envelope);
      state = evolve(state, envelope);
    }
  }
  return { state: state as RegisteredEnterprise, log };
}

/** No term longer than the policy allows: each renewal re-reviews the term before it once, in its window. */
function expectTermsWithinPolicy(state: RegisteredEnterprise): void {
  for (const g of state.grants.filter((x) => !x.retracted)) {
    const terms = termsOf(g);
    expect(terms.length).toBe(liveRenewals(g).length + 1); // every live renewal opened a term of its own
    expect(terms[0]!.end <= termEnd(tierPolicyOn(g.tier, g.grantedOn).maxValidity, g.grantedOn)).toBe(true);
    terms.forEach((term, i) => {
      const before = terms[i - 1];
      if (!before || !term.renewal) return;
      const policy = tierPolicyOn(g.tier, term.renewal.renewedOn);
      expect(term.renewal.renewedOn >= before.start).toBe(true);
      expect(term.renewal.renewedOn >= renewalDueFrom(policy, before.end)).toBe(true);
      expect(term.renewal.renewedOn <= before.end).toBe(true);
      expect(term.end <= termEnd(policy.maxValidity, term.start)).toBe(true);
    });
  }
}

const overlaps = (a: { from: string; until: string | null }, b: { from: string; until: string | null }) =>
  a.from < (b.until ?? '9999-12-31') && b.from < (a.until ?? '9999-12-31');

function activeOnFromSegments(segments: CountingSegment[], t: Tier, date: CalendarDate): number {
  return segments.filter(
    (s) =>
      s.metric === 'ACTIVE' &&
      s.level === 'ANY' &&
      s.tier === t &&
      s.from <= date &&
      (s.until === null || date < s.until),
  ).length;
}

describe('enterprise decider properties', () => {
  it('accepted commands keep the invariants', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 60 }), (steps) => {
        const { state, log } = run(steps);
        const live = state.grants.filter((g) => !g.retracted);
        expectTermsWithinPolicy(state);
        // Folding the stored events again (also after a JSON round trip) gives the same state.
        expect(fold(log)).toEqual(state);
        expect(fold(JSON.parse(JSON.stringify(log)) as typeof log)).toEqual(state);
        // The fold above changes its own state in place (evolveOwned); evolve leaves the state it is given as it was.
        log.reduce<EnterpriseState>(
          (given, e) => {
            const before = structuredClone(given);
            const next = evolve(given, e);
            expect(given).toEqual(before);
            return next;
          },
          { status: 'UNREGISTERED' },
        );
        // Never two counting grants of one tier on any date.
        for (const a of live)
          for (const b of live) {
            if (a !== b && a.tier === b.tier) {
              expect(
                overlaps(
                  { from: a.grantedOn, until: grantEnding(a).on },
                  { from: b.grantedOn, until: grantEnding(b).on },
                ),
              ).toBe(false);
            }
          }
        // An ended grant never counts from its end day; nothing counts from deregistration on.
        for (const g of state.grants) {
          if (g.end && g.end.kind !== 'LAPSED') expect(countsOn(g, g.end.on)).toBe(false);
          if (state.status === 'DEREGISTERED') expect(countsOn(g, state.deregisteredOn)).toBe(false);
        }
        const segments = countingSegments(state);
        // ACTIVE segments of one tier+level never overlap (one enterprise counts at most once).
        const active = segments.filter((s) => s.metric === 'ACTIVE');
        for (const a of active)
          for (const b of active) {
            if (a !== b && a.tier === b.tier && a.level === b.level) expect(overlaps(a, b)).toBe(false);
          }
        // Segments agree with the grants on every boundary day.
        const days = new Set<CalendarDate>(
          state.grants.flatMap((g) => [g.grantedOn, grantEnding(g).on, addDays(grantEnding(g).on, -1)]),
        );
        for (const date of days)
          for (const t of TIERS) {
            // A group counts once while any member counts.
            const members = allTierGroups().find((g) => g.tier === t)?.members ?? [t];
            const direct = live.some((g) => members.includes(g.tier) && countsOn(g, date)) ? 1 : 0;
            expect(activeOnFromSegments(segments, t, date)).toBe(direct);
          }
      }),
      { numRuns: 300 },
    );
  });

  it('no renewals and retractions of one grant, on any dates in any order, give a term longer than policy', () => {
    const grantStep: Step = { gap: 0, kind: 'grant', tier: 'INNOVATIVE_SME', pick: 0 };
    const renewalStep = fc.record({
      gap: fc.integer({ min: 0, max: 2900 }), // a date anywhere from the grant to today
      kind: fc.constantFrom<Step['kind']>('renew', 'renew', 'renew', 'retract'),
      tier: fc.constant<Tier>('INNOVATIVE_SME'),
      pick: fc.nat(),
      validFor: rarely(fc.integer({ min: 300, max: 1500 })),
    });
    fc.assert(
      fc.property(fc.array(renewalStep, { minLength: 1, maxLength: 30 }), (steps) => {
        // Each step's gap is from START (not cumulative): renewals arrive on arbitrary dates, repeated and late.
        const relative = steps.map((s, i) => ({ ...s, gap: s.gap - (i === 0 ? 0 : (steps[i - 1]?.gap ?? 0)) }));
        const { state } = run([grantStep, ...relative]);
        expectTermsWithinPolicy(state);
      }),
      { numRuns: 300 },
    );
  });
});
