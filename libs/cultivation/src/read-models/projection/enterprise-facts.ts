// Everything the read models keep about one enterprise, derived from its domain state alone. The
// projector derives these before and after a batch and writes the difference.
import {
  countingSegments,
  currentDistrict,
  currentValidUntil,
  firstReached,
  grantEnding,
  nameKey,
  occurrences,
  type RegisteredEnterprise,
  type CalendarDate,
  type CountingSegment,
  type EnterpriseState,
  type Occurrence,
  type Tier,
} from '../../domain';

export interface GrantRow {
  grant_event_id: string;
  credit_code: string;
  tier: Tier;
  level: string;
  granted_on: CalendarDate;
  valid_until: CalendarDate;
  counts_until: CalendarDate;
}

export interface IntervalRow {
  credit_code: string;
  tier: Tier;
  level: string;
  district_code: string;
  from_on: CalendarDate;
  until_on: CalendarDate;
}

export interface FirstRow {
  credit_code: string;
  tier: Tier;
  first_on: CalendarDate;
}

/** One name an enterprise is known by (current or former), for matching published lists and search. */
export interface NameRow {
  credit_code: string;
  name_key: string;
  name: string;
  current: boolean;
  /** Every district it has been located in, the current one last. */
  district_codes: string[];
}

export interface EnterpriseFacts {
  readonly segments: CountingSegment[];
  readonly occurrences: Occurrence[];
  readonly grants: GrantRow[];
  readonly intervals: IntervalRow[];
  readonly firsts: FirstRow[];
  readonly names: NameRow[];
}

const NONE: EnterpriseFacts = { segments: [], occurrences: [], grants: [], intervals: [], firsts: [], names: [] };

/** The current name and every former one, each key once (a rename that changed only the width of a bracket). */
function nameRows(state: RegisteredEnterprise): NameRow[] {
  const now = currentDistrict(state);
  const districts = [...new Set(state.locations.map((l) => l.districtCode).filter((d) => d !== now)), now];
  const rows = new Map<string, NameRow>();
  for (const [name, current] of [[state.name, true] as const, ...state.formerNames.map((n) => [n, false] as const)]) {
    const key = nameKey(name);
    if (!rows.has(key))
      rows.set(key, { credit_code: state.creditCode, name_key: key, name, current, district_codes: districts });
  }
  return [...rows.values()];
}

/** The read-model facts of one enterprise state (none before registration). */
export function enterpriseFacts(state: EnterpriseState): EnterpriseFacts {
  if (state.status === 'UNREGISTERED') return NONE;
  const code = state.creditCode;
  const segments = countingSegments(state);
  const grants = state.grants
    .filter((g) => !g.retracted)
    .map((g) => ({
      grant_event_id: g.eventId,
      credit_code: code,
      tier: g.tier,
      level: g.level,
      granted_on: g.grantedOn,
      valid_until: currentValidUntil(g),
      counts_until: grantEnding(g).on,
    }));
  const intervals = segments
    .filter((s) => s.metric === 'ACTIVE' && s.until !== null)
    .map((s) => ({
      credit_code: code,
      tier: s.tier,
      level: s.level,
      district_code: s.districtCode,
      from_on: s.from,
      until_on: s.until!,
    }));
  const firsts = Object.entries(firstReached(state)).map(([tier, first_on]) => ({
    credit_code: code,
    tier: tier as Tier,
    first_on,
  }));
  return { segments, occurrences: occurrences(state), grants, intervals, firsts, names: nameRows(state) };
}

/** The summary row of a registered enterprise. */
export function summaryOf(
  state: EnterpriseState,
): { name: string; district_code: string; industry_code: string | null; deregistered_on: CalendarDate | null } | null {
  if (state.status === 'UNREGISTERED') return null;
  return {
    name: state.name,
    district_code: currentDistrict(state),
    industry_code: state.industryCode ?? null,
    deregistered_on: state.status === 'DEREGISTERED' ? state.deregisteredOn : null,
  };
}
