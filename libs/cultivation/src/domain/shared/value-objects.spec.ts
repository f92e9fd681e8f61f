import { InvalidInput } from '../errors';
import {
  addDays,
  addYears,
  compareDates,
  daysBetween,
  endOfYear,
  fromEpochDay,
  isCalendarDate,
  parseCalendarDate,
  toEpochDay,
  type CalendarDate,
} from './calendar-date';
import { creditCodeCheckCharacter, parseCreditCode } from './credit-code';
import { DISTRICTS, districtByCode, parseDistrictCode } from './districts';

const d = (s: string) => s as CalendarDate;

describe('unified social credit code', () => {
  it.each(['91110000710925462X', '91520000214434146R', '9112000023944464XD'])('accepts %s', (code) => {
    expect(parseCreditCode(code)).toBe(code);
  });

  it('trims and upper-cases before checking', () => {
    expect(parseCreditCode('  91110000710925462x ')).toBe('91110000710925462X');
  });

  it.each([
    ['91110000710925462', 'CREDIT_CODE_LENGTH'],
    ['91110000710925462XX', 'CREDIT_CODE_LENGTH'],
    ['9111000071092546IX', 'CREDIT_CODE_CHARACTER'],
    ['91110000710925462Y', 'CREDIT_CODE_CHECK'],
  ])('refuses %s by rule %s', (code, rule) => {
    expect(() => parseCreditCode(code)).toThrow(InvalidInput);
    expect(() => parseCreditCode(code)).toThrow(expect.objectContaining({ rule, field: 'creditCode' }));
  });

  it('computes the check character generators need', () => {
    expect(creditCodeCheckCharacter('91520000214434146')).toBe('R');
  });
});

describe('calendar dates', () => {
  it('refuses impossible days and other formats', () => {
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(isCalendarDate('2027-2-3')).toBe(false);
    expect(() => parseCalendarDate('2027-02-30', 'grantedOn')).toThrow(
      expect.objectContaining({ rule: 'DATE_FORMAT', field: 'grantedOn' }),
    );
    expect(parseCalendarDate('2024-02-29', 'grantedOn')).toBe('2024-02-29');
  });

  it('does arithmetic without time-zone drift', () => {
    expect(addDays(d('2027-12-31'), 0)).toBe('2027-12-31');
    expect(addDays(d('2027-12-31'), 1)).toBe('2028-01-01');
    expect(addDays(d('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addYears(d('2024-02-29'), 1)).toBe('2025-02-28');
    expect(endOfYear(d('2025-03-04'))).toBe('2025-12-31');
    expect(daysBetween(d('2025-01-01'), d('2026-01-01'))).toBe(365);
    expect(compareDates(d('2025-01-02'), d('2025-01-10'))).toBeLessThan(0);
  });
});

describe('districts', () => {
  it('has the 16 Tianjin districts', () => {
    expect(DISTRICTS).toHaveLength(16);
    expect(districtByCode('120116')?.name).toBe('滨海新区');
  });

  it('refuses an unknown code', () => {
    expect(() => parseDistrictCode('120107', 'district')).toThrow(
      expect.objectContaining({ rule: 'DISTRICT_UNKNOWN', field: 'district' }),
    );
  });
});

describe('epoch-day conversion', () => {
  it('round-trips every day of four centuries', () => {
    const start = toEpochDay(d('1900-01-01'));
    for (let day = start; day < start + 146097; day += 1) {
      expect(toEpochDay(fromEpochDay(day))).toBe(day);
    }
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(toEpochDay(d('2000-02-29')))).toBe('2000-02-29');
  });
});
