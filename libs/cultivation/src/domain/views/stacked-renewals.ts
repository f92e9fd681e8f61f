// Renewals recorded before "one renewal per term" that the rule would have refused: a second renewal of a
// term already renewed (each added a term), or a term longer than the policy allows. Events are never
// edited: this names them so an auditor can retract them (latest first), after which the fold is right.
import type { EnterpriseState } from '../enterprise/state';
import { termsOf } from '../enterprise/grant';
import { grantablePolicyOn, termEnd, type Policies } from '../policy/policy';
import type { Tier } from '../policy/vocabulary';
import type { CalendarDate } from '../shared/calendar-date';

export type StackedRenewalProblem =
  /** Dated before the term it extended began: that term's predecessor had been renewed already. */
  | 'TERM_ALREADY_RENEWED'
  /** The term it opened runs past the tier's maximum validity from its first day. */
  | 'TERM_TOO_LONG';

export interface StackedRenewal {
  readonly tier: Tier;
  readonly grantEventId: string;
  readonly renewalEventId: string;
  readonly renewedOn: CalendarDate;
  readonly validUntil: CalendarDate;
  readonly problems: readonly StackedRenewalProblem[];
}

/** The enterprise's live renewals that stack on a term already renewed or stretch a term beyond policy. */
export function stackedRenewals(state: EnterpriseState, policies?: Policies): StackedRenewal[] {
  if (state.status === 'UNREGISTERED') return [];
  const found: StackedRenewal[] = [];
  for (const grant of state.grants.filter((g) => !g.retracted)) {
    const terms = termsOf(grant);
    const opened = new Set(terms.map((t) => t.renewal));
    terms.forEach((term, i) => {
      const before = terms[i - 1];
      if (!term.renewal || !before) return;
      const problems: StackedRenewalProblem[] = [];
      if (term.renewal.renewedOn < before.start) problems.push('TERM_ALREADY_RENEWED');
      const policy = grantablePolicyOn(grant.tier, term.renewal.renewedOn, policies);
      if (policy && term.end > termEnd(policy.maxValidity, term.start)) problems.push('TERM_TOO_LONG');
      if (problems.length) found.push(finding(grant.tier, grant.eventId, term.renewal, problems));
    });
    // A renewal that carried the end no further renewed a term some other renewal had already extended.
    for (const r of grant.renewals)
      if (!r.retracted && !opened.has(r)) found.push(finding(grant.tier, grant.eventId, r, ['TERM_ALREADY_RENEWED']));
  }
  return found;
}

const finding = (
  tier: Tier,
  grantEventId: string,
  r: { eventId: string; renewedOn: CalendarDate; validUntil: CalendarDate },
  problems: StackedRenewalProblem[],
): StackedRenewal => ({
  tier,
  grantEventId,
  renewalEventId: r.eventId,
  renewedOn: r.renewedOn,
  validUntil: r.validUntil,
  problems,
});
