// Field-level validation shared by the command deciders. Each failure is an InvalidInput that
// names the GraphQL input field.
import { InvalidInput } from '../errors';
import type { RuleName } from '../rules';
import { parseCalendarDate, type CalendarDate } from '../shared/calendar-date';
import type { TierPolicy } from '../policy/policy-types';
import { TIERS } from '../policy/tier-policy';
import { isOneOf, type CertificationLevel, type Tier } from '../policy/vocabulary';
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

// C0 and C1 controls and DEL (tab, line breaks, NUL, escape…): never part of a registered name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;

/** An enterprise name: required, at most `max` characters, no control characters inside. */
export function enterpriseName(value: unknown, field: string, max: number): string {
  const name = requiredText(value, field, 'NAME_REQUIRED', max);
  const bad = CONTROL_CHARACTER.exec(name);
  if (bad) {
    const code = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new InvalidInput(
      'NAME_CONTROL_CHARACTER',
      field,
      `${field} contains the control character ${code} at position ${bad.index + 1}`,
    );
  }
  return name;
}

/** Trimmed text, or undefined when absent or blank. */
export function optionalText(value: unknown, field: string, max: number): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return undefined;
  if (text.length > max) throw new InvalidInput('TEXT_TOO_LONG', field, `${field} has at most ${max} characters`);
  return text;
}

/** One of the tier or group codes (whether it may be granted is the policy's to say). */
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

/** The earliest effective date the ledger accepts: earlier is a typo (1025), not history. */
export const EARLIEST_EFFECTIVE_DATE = '2000-01-01' as CalendarDate;

/** A real date from 2000-01-01 up to the server's today. */
export function effectiveDate(value: unknown, field: string, context: DecisionContext): CalendarDate {
  const date = parseCalendarDate(value, field);
  if (date > context.today) {
    throw new InvalidInput('EFFECTIVE_DATE_IN_FUTURE', field, `${field} ${date} is after today (${context.today})`);
  }
  if (date < EARLIEST_EFFECTIVE_DATE) {
    throw new InvalidInput(
      'DATE_BEFORE_2000',
      field,
      `${field} ${date} is before ${EARLIEST_EFFECTIVE_DATE}, the earliest date the ledger records`,
    );
  }
  return date;
}
