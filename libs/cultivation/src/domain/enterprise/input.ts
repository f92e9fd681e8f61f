// Field-level validation shared by the command deciders. Each failure is an InvalidInput that
// names the GraphQL input field.
import { InvalidInput } from '../errors';
import type { RuleName } from '../rules';
import { parseCalendarDate, type CalendarDate } from '../shared/calendar-date';
import type { TierPolicy } from '../policy/policy-types';
import { isOneOf, TIERS, type CertificationLevel, type Tier } from '../policy/vocabulary';
import type { DecisionContext } from './commands';

/** Trimmed non-empty text of at most `max` characters. */
export function requiredText(value: unknown, field: string, rule: RuleName, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new InvalidInput(rule, field, `${field} must not be empty`);
  if (text.length > max) {
    const tooLong = rule === 'NAME_REQUIRED' ? 'NAME_TOO_LONG' : 'TEXT_TOO_LONG';
    throw new InvalidInput(tooLong, field, `${field} has at most ${max} characters`);
  }
  return text;
}

/** Trimmed text, or undefined when absent or blank. */
export function optionalText(value: unknown, field: string, max: number): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return undefined;
  if (text.length > max) throw new InvalidInput('TEXT_TOO_LONG', field, `${field} has at most ${max} characters`);
  return text;
}

/** One of the seven tier codes. */
export function parseTier(value: unknown, field = 'tier'): Tier {
  if (isOneOf(TIERS, value)) return value;
  throw new InvalidInput('TIER_UNKNOWN', field, `unknown tier ${String(value)}`);
}

/** The requested level if the tier's policy allows it, else the policy's default when absent. */
export function parseLevel(policy: TierPolicy, value: unknown, field = 'level'): CertificationLevel {
  if (value === undefined || value === null) return policy.defaultLevel;
  if (isOneOf(policy.levels, value)) return value;
  throw new InvalidInput(
    'LEVEL_NOT_ALLOWED',
    field,
    `${policy.tier} is certified at ${policy.levels.join(' or ')}, not ${String(value)}`,
  );
}

/** A real date that is not after the server's today. */
export function effectiveDate(value: unknown, field: string, context: DecisionContext): CalendarDate {
  const date = parseCalendarDate(value, field);
  if (date > context.today) {
    throw new InvalidInput('EFFECTIVE_DATE_IN_FUTURE', field, `${field} ${date} is after today (${context.today})`);
  }
  return date;
}
