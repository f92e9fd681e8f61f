// Checks that depend on the enterprise's history rather than on the input alone.
import { NotFound, RuleViolation } from '../errors';
import type { CalendarDate } from '../shared/calendar-date';
import { lastEffectiveDateOf } from './grant';
import type { ActiveEnterprise, EnterpriseState } from './state';

/** The enterprise must exist and not be deregistered. */
export function requireActive(state: EnterpriseState): ActiveEnterprise {
  if (state.status === 'UNREGISTERED') {
    throw new NotFound('ENTERPRISE_NOT_FOUND', 'creditCode', 'no enterprise is registered under this credit code');
  }
  if (state.status === 'DEREGISTERED') {
    throw new RuleViolation(
      'ENTERPRISE_DEREGISTERED',
      'creditCode',
      `the enterprise was deregistered on ${state.deregisteredOn}; nothing is accepted after it`,
    );
  }
  return state;
}

/** Latest effective date anywhere in the enterprise's live history. */
export function lastDateOverall(state: ActiveEnterprise): CalendarDate | null {
  const dates = [state.renamedOn, ...state.locations.map((l) => l.from), ...state.grants.map(lastEffectiveDateOf)];
  return dates.reduce<CalendarDate | null>((a, d) => (d && (!a || d > a) ? d : a), null);
}

/** A new effective date may not be earlier than the last one on the same timeline. */
export function requireNotBefore(date: CalendarDate, last: CalendarDate | null, field: string, timeline: string): void {
  if (last && date < last) {
    throw new RuleViolation(
      'EFFECTIVE_DATE_ORDER',
      field,
      `${field} ${date} is earlier than the last ${timeline} date ${last}`,
    );
  }
}
