// Validation of query arguments. Refusals carry code BAD_USER_INPUT, the field and a rule name, like
// the domain's InvalidInput (whose rule list covers commands only, so queries name their own rules).
import { Refusal, type RuleName } from '@cl/refusals';
import {
  isOneOf,
  LADDERS,
  parseCalendarDate,
  parseDistrictCode,
  TIERS,
  type CalendarDate,
  type Ladder,
  type Tier,
} from '../../domain';
import { MAX_PAGE } from './page-size';

/** A malformed query argument (BAD_USER_INPUT on `field`). */
export class InvalidQueryInput extends Refusal {
  readonly code = 'BAD_USER_INPUT' as const;
  declare readonly field: string;
  constructor(rule: RuleName, field: string, message: string) {
    super(rule, field, message);
  }
}

/** A date argument, or `fallback` when absent. */
export function dateArg(value: string | null | undefined, field: string, fallback: CalendarDate): CalendarDate {
  return value == null ? fallback : parseCalendarDate(value, field);
}

/** An optional district argument (null = whole city). */
export function districtArg(value: string | null | undefined, field = 'district'): string | null {
  return value == null ? null : parseDistrictCode(value, field);
}

/** A tier argument. */
export function tierArg(value: unknown, field = 'tier'): Tier {
  if (isOneOf(TIERS, value)) return value;
  throw new InvalidQueryInput('TIER_UNKNOWN', field, `unknown tier ${String(value)}`);
}

/** A ladder argument. */
export function ladderArg(value: unknown, field = 'ladder'): Ladder {
  if (isOneOf(LADDERS, value)) return value;
  throw new InvalidQueryInput('LADDER_UNKNOWN', field, `unknown ladder ${String(value)}`);
}

export { MAX_PAGE };

/** A page size: 0…MAX_PAGE (default 50). */
export function firstArg(value: number | null | undefined): number {
  const first = value ?? 50;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw new InvalidQueryInput('PAGE_SIZE', 'first', `first must be an integer from 0 to ${MAX_PAGE}`);
  }
  return first;
}
