import { calendarDateIn, FixedClock } from './clock';

describe('today in Tianjin', () => {
  it('is the calendar date in Asia/Shanghai, whatever the server’s time zone', () => {
    // 2026-12-31 17:30 UTC is already 2027-01-01 01:30 in Tianjin
    expect(calendarDateIn(new Date('2026-12-31T17:30:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(calendarDateIn(new Date('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-12-31');
    expect(calendarDateIn(new Date('2026-12-31T17:30:00Z'), 'UTC')).toBe('2026-12-31');
  });

  it('moves with a fixed clock that is set', () => {
    const clock = new FixedClock(new Date('2027-02-28T16:00:00Z'));
    expect(clock.today()).toBe('2027-03-01');
    clock.set(new Date('2027-02-28T15:00:00Z'));
    expect(clock.today()).toBe('2027-02-28');
  });
});
