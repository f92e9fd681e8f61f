import type { CalendarDate } from '../domain';

/** The only source of "now" and "today" for the application (the domain receives them as data). */
export abstract class Clock {
  abstract now(): Date;
  /** Today's calendar date in the service's time zone. */
  abstract today(): CalendarDate;
}

// Building an Intl.DateTimeFormat costs far more than using one (it showed in command profiles).
const formats = new Map<string, Intl.DateTimeFormat>();

/** Calendar date of an instant in a time zone (Tianjin: Asia/Shanghai), whatever the server's TZ. */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(instant) as CalendarDate;
}

/** The wall clock, with today in the city's time zone. */
export class SystemClock extends Clock {
  constructor(private readonly timeZone = 'Asia/Shanghai') {
    super();
  }
  now(): Date {
    return new Date();
  }
  today(): CalendarDate {
    return calendarDateIn(new Date(), this.timeZone);
  }
}

/** A clock that says what it is told (tests, imports of historical data). */
export class FixedClock extends Clock {
  constructor(
    private instant: Date,
    private readonly timeZone = 'Asia/Shanghai',
  ) {
    super();
  }
  set(instant: Date): void {
    this.instant = instant;
  }
  now(): Date {
    return this.instant;
  }
  today(): CalendarDate {
    return calendarDateIn(this.instant, this.timeZone);
  }
}
