// The cohort as known at a moment (issue 25): a moment is noted, then 1,000 grants dated months back are
// recorded after it (late facts), so `cohortProgress(knownAt)` must take each of them back out of the counts.
import { writeToB2Enterprises } from './b2-commands';

/** Late events recorded after the noted moment. */
export const LATE_EVENTS = 1_000;
/** Their effective date: inside the window the knownAt questions ask about (dates from LATE_FROM_DAYS back). */
const LATE_GRANTED_ON = '2026-01-15';
/** The knownAt questions ask dates up to this many days before BENCH_TODAY (2026-06-30): all after LATE_GRANTED_ON. */
export const LATE_WINDOW_DAYS = 160;

/** Notes the moment, then records the late grants (高新, on the first B2 enterprises); returns the moment. */
export async function recordLateEvents(url: string): Promise<string> {
  const knownAt = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20)); // recorded strictly after it
  await writeToB2Enterprises(url, LATE_EVENTS, 'late', (_i, { creditCode }) => ({
    operation: 'GrantCertification',
    input: { creditCode, tier: 'HIGH_TECH', grantedOn: LATE_GRANTED_ON },
    command: { type: 'GrantCertification', data: { tier: 'HIGH_TECH', grantedOn: LATE_GRANTED_ON } },
  }));
  return knownAt;
}
