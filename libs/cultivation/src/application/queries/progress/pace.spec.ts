import type { CalendarDate } from '../../../domain';
import { monthsBefore, monthsBetween, pace, yearlyDates } from './pace';

const d = (s: string) => s as CalendarDate;

describe('pace', () => {
  it('computes every figure of a row with a target', () => {
    // 2026-12-31 → 2027-12-31 is 365 days = 11.9918 months; 1,200 remaining / 11.9918 = 100.068 per month.
    // Recent: (3,000 − 2,700) / 6 = 50 per month; projected 3,000 + 50 × 11.9918 = 3,599.6 → 3,600 < 4,200.
    const p = pace({
      current: 3000,
      currentMonthsAgo: 2700,
      target: 4200,
      asOf: d('2026-12-31'),
      deadline: d('2027-12-31'),
    });
    expect(p.percent).toBeCloseTo(71.4286, 3);
    expect(p.remaining).toBe(1200);
    expect(p.requiredMonthlyPace).toBeCloseTo(100.0685, 3);
    expect(p.recentMonthlyPace).toBe(50);
    expect(p.projectedAtDeadline).toBe(3600);
    expect(p.onTrack).toBe(false);
  });

  it('is on track when the projection reaches the target, and never asks for negative pace', () => {
    const p = pace({
      current: 500,
      currentMonthsAgo: 200,
      target: 400,
      asOf: d('2026-01-01'),
      deadline: d('2027-12-31'),
    });
    expect(p.remaining).toBe(0);
    expect(p.requiredMonthlyPace).toBe(0);
    expect(p.onTrack).toBe(true);
  });

  it('has no required pace once the deadline has passed, and projects the current count', () => {
    const p = pace({
      current: 90,
      currentMonthsAgo: 60,
      target: 100,
      asOf: d('2028-03-01'),
      deadline: d('2027-12-31'),
    });
    expect(p.requiredMonthlyPace).toBeNull();
    expect(p.projectedAtDeadline).toBe(90);
    expect(p.onTrack).toBe(false);
  });

  it('reports only the recent pace without a target (a shrinking count gives a negative pace)', () => {
    expect(pace({ current: 10, currentMonthsAgo: 13, target: null, asOf: d('2026-01-01'), deadline: null })).toEqual({
      percent: null,
      remaining: null,
      requiredMonthlyPace: null,
      recentMonthlyPace: -0.5,
      projectedAtDeadline: null,
      onTrack: null,
    });
  });

  it('counts months as days / 30.4375 and steps back calendar months clamped to the month end', () => {
    expect(monthsBetween(d('2024-01-01'), d('2025-01-01'))).toBeCloseTo(366 / 30.4375, 10);
    expect(monthsBefore(d('2025-08-31'), 6)).toBe('2025-02-28');
    expect(monthsBefore(d('2024-08-31'), 6)).toBe('2024-02-29');
    expect(monthsBefore(d('2025-03-15'), 6)).toBe('2024-09-15');
  });

  describe('a tier whose registrations all end on 31 December (科技型)', () => {
    it('reads the deadline’s day a year before and twelve months back', () => {
      expect(yearlyDates(d('2026-11-27'), d('2027-12-31'))).toEqual({
        sameDayBefore: '2025-12-31',
        yearsToDeadline: 2,
        yearAgo: '2025-11-27',
      });
      expect(yearlyDates(d('2026-12-31'), d('2027-12-31'))).toMatchObject({
        sameDayBefore: '2026-12-31',
        yearsToDeadline: 1,
      });
    });

    it('projects from the same point of the yearly cycle, not along a line through the new-year drop', () => {
      // March: 3,000 registered so far this year, 6,000 on 1 October last year → a straight line says −500 a
      // month and "behind". Year-end 2025 held 12,000 and March is 1,000 above last March: 12,000 + 2 × 1,000.
      const input = {
        current: 3000,
        currentMonthsAgo: 6000,
        target: 13000,
        asOf: d('2026-03-31'),
        deadline: d('2027-12-31'),
      };
      expect(pace(input).onTrack).toBe(false);
      const yearly = pace({ ...input, yearly: { sameDayBefore: 12000, yearsToDeadline: 2, yearOverYear: 1000 } });
      expect(yearly.projectedAtDeadline).toBe(14000);
      expect(yearly.onTrack).toBe(true);
      expect(yearly.recentMonthlyPace).toBe(-500); // still what the contract says it is
    });
  });
});
