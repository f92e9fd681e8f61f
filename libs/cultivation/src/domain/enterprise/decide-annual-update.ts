// RecordAnnualUpdate: an enterprise's yearly information update was submitted (DOMAIN.md, Yearly duties).
import { InvalidInput } from '../errors';
import type { EnterpriseEvent } from '../events/enterprise-events';
import type { DecisionContext, RecordAnnualUpdate } from './commands';
import { requireActive } from './guards';
import { effectiveDate } from './input';
import type { EnterpriseState } from './state';

/** A registered enterprise; the year of the duty at most the submission's year, and not before 2000. */
export function decideAnnualUpdate(
  { data }: RecordAnnualUpdate,
  state: EnterpriseState,
  ctx: DecisionContext,
): EnterpriseEvent[] {
  requireActive(state);
  const submittedOn = effectiveDate(data.submittedOn, 'submittedOn', ctx);
  const { year } = data;
  if (!Number.isInteger(year) || year < 2000 || year > Number(submittedOn.slice(0, 4))) {
    throw new InvalidInput(
      'YEAR_OUT_OF_RANGE',
      'year',
      `year must be a whole year from 2000 to the year it was submitted (${submittedOn.slice(0, 4)})`,
    );
  }
  return [{ type: 'AnnualUpdateRecorded', data: { year, submittedOn } }];
}
