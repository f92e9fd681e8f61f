// evolve folds one stored event into state. It is total: an event whose target it cannot find
// (e.g. filtered out by stateAsOf) leaves state unchanged, so replay never throws. Grants are kept in
// effective-date order and renewals by renewedOn, whatever order they were recorded in, so every
// view of a set of events is the same for any recording order (history arrives out of order).
import type { Envelope } from '../events/envelope';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { compareDates, type CalendarDate } from '../shared/calendar-date';
import { TIERS } from '../policy/tier-policy';
import type { Tier } from '../policy/vocabulary';
import { countsOn, grantEnding } from './grant';
import type { EnterpriseState, Grant, RegisteredEnterprise, Renewal } from './state';

type Registered = RegisteredEnterprise;

/**
 * How a fold writes: `own` false copies what changes and shares the rest (evolve: the state given stays as it was);
 * `own` true changes the state in place (evolveOwned: the caller owns it and everything in it), so folding a stream
 * allocates no copy of the state per event.
 */
function assign<T extends object>(target: T, patch: Partial<T>, own: boolean): T {
  return own ? Object.assign(target, patch) : { ...target, ...patch };
}

function updateGrant(state: Registered, index: number, change: (g: Grant) => Partial<Grant>, own: boolean): Registered {
  if (index < 0) return state;
  const grant = state.grants[index]!;
  if (own) {
    Object.assign(grant, change(grant));
    return state;
  }
  const grants = [...state.grants];
  grants[index] = { ...grant, ...change(grant) };
  return { ...state, grants };
}

/** Index of the latest live grant of a tier started on or before `date` (the one a dated event targets). */
function targetGrant(state: Registered, tier: Tier, date: CalendarDate): number {
  return state.grants.findLastIndex((g) => g.tier === tier && !g.retracted && g.grantedOn <= date);
}

/**
 * The sweep's lapse names only the tier: the live grant whose validity (after renewals) ends the day before and that
 * ends by lapsing then, not one revoked or deregistered earlier whose validity happens to end the same day (a grant
 * revoked and granted again on one day: the lapse is the new grant's, and must not undo the revocation).
 */
function lapseTarget(state: Registered, tier: Tier, lapsedOn: CalendarDate): number {
  const live = (g: Grant) => g.tier === tier && !g.retracted;
  const exact = state.grants.findIndex((g) => {
    const ending = grantEnding(g);
    return live(g) && ending.kind === 'LAPSED' && ending.on === lapsedOn;
  });
  return exact >= 0 ? exact : state.grants.findLastIndex((g) => live(g) && g.end === null && g.grantedOn < lapsedOn);
}

/** Effective-date order of grants: grantedOn, then catalogue order of the tier, then event id. */
function grantOrder(a: Grant, b: Grant): number {
  return (
    compareDates(a.grantedOn, b.grantedOn) ||
    TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}

/** Inserts `item` after every element that sorts before or with it (stable for equal keys); in place when `own`. */
function insertSorted<T>(list: readonly T[], item: T, order: (a: T, b: T) => number, own: boolean): T[] {
  const found = list.findIndex((x) => order(item, x) < 0);
  const into = writable(list, own);
  into.splice(found < 0 ? list.length : found, 0, item);
  return into;
}

/** The list itself to change in place when the fold owns it, else a copy. */
function writable<T>(list: readonly T[], own: boolean): T[] {
  return own ? (list as T[]) : [...list];
}

const renewalOrder = (a: Renewal, b: Renewal) =>
  compareDates(a.renewedOn, b.renewedOn) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

/** The former names after a rename to `name`: the old name added once, the new one no longer former. */
function renamedFrom(state: Registered, name: string): string[] {
  const former = (state.formerNames ?? []).filter((n) => n !== name && n !== state.name);
  return state.name === name ? former : [...former, state.name];
}

function evolveRegistered(
  state: Registered,
  { eventId, event }: Envelope<EnterpriseEvent>,
  own: boolean,
): EnterpriseState {
  switch (event.type) {
    case 'EnterpriseRegistered':
      return state; // a second registration is never decided; ignore it on replay
    case 'EnterpriseRenamed':
      return assign(
        state,
        { name: event.data.name, renamedOn: event.data.effectiveOn, formerNames: renamedFrom(state, event.data.name) },
        own,
      );
    case 'EnterpriseRelocated': {
      const { toDistrictCode: districtCode, effectiveOn: from } = event.data;
      const locations = writable(state.locations, own);
      locations.push({ districtCode, from });
      return assign(state, { locations }, own);
    }
    case 'EnterpriseDeregistered': {
      const on = event.data.effectiveOn;
      // A recorded lapse does not end a grant that a later-recorded renewal carried past it (grantEnding
      // goes by validity then), so deregistration ends it like a grant with no end.
      let changed = state;
      state.grants.forEach((g, i) => {
        if ((g.end === null || g.end.kind === 'LAPSED') && countsOn(g, on)) {
          changed = updateGrant(changed, i, () => ({ end: { kind: 'DEREGISTERED' as const, on } }), own);
        }
      });
      return assign(
        changed,
        { status: 'DEREGISTERED', deregisteredOn: on, deregistrationReason: event.data.reason } as Partial<Registered>,
        own,
      );
    }
    case 'CertificationGranted': {
      const { skippedPrerequisites, ...d } = event.data;
      const grant: Grant = {
        ...d,
        eventId,
        skippedPrerequisites: [...skippedPrerequisites],
        renewals: [],
        end: null,
        retracted: false,
      };
      return assign(state, { grants: insertSorted(state.grants, grant, grantOrder, own) }, own);
    }
    case 'CertificationRenewed': {
      const { tier, ...d } = event.data;
      const renewal: Renewal = { ...d, eventId, retracted: false };
      return updateGrant(
        state,
        targetGrant(state, tier, d.renewedOn),
        (g) => ({ renewals: insertSorted(g.renewals, renewal, renewalOrder, own) }),
        own,
      );
    }
    case 'CertificationRevoked': {
      const { tier, revokedOn: on, reason, note } = event.data;
      const end = { kind: 'REVOKED' as const, on, reason, ...(note === undefined ? {} : { note }) };
      return updateGrant(state, targetGrant(state, tier, on), () => ({ end }), own);
    }
    case 'CertificationLapsed': {
      const { tier, lapsedOn: on } = event.data;
      return updateGrant(state, lapseTarget(state, tier, on), () => ({ end: { kind: 'LAPSED', on } }), own);
    }
    case 'CertificationRetracted': {
      // Only the grant retracted, or the one whose renewal is, changes.
      const id = event.data.retractedEventId;
      const index = state.grants.findIndex((g) => g.eventId === id || g.renewals.some((r) => r.eventId === id));
      return updateGrant(
        state,
        index,
        (g) =>
          g.eventId === id
            ? { retracted: true }
            : { renewals: g.renewals.map((r) => (r.eventId === id ? { ...r, retracted: true } : r)) },
        own,
      );
    }
    case 'AnnualUpdateRecorded':
      return { ...state, annualUpdates: [...(state.annualUpdates ?? []), event.data] };
    default: {
      const _never: never = event;
      return _never;
    }
  }
}

/** Folds one event (with its stored eventId) into the enterprise's state; `state` stays as it was. */
export function evolve(state: EnterpriseState, envelope: Envelope<EnterpriseEvent>): EnterpriseState {
  return evolveState(state, envelope, false);
}

/**
 * Folds one event into a state the caller owns — nothing else holds it or anything in it (a fold from the initial
 * state, or a fresh copy): changes it in place and returns it, the same state evolve would return, without copying
 * the state per event.
 */
export function evolveOwned(state: EnterpriseState, envelope: Envelope<EnterpriseEvent>): EnterpriseState {
  return evolveState(state, envelope, true);
}

function evolveState(state: EnterpriseState, envelope: Envelope<EnterpriseEvent>, own: boolean): EnterpriseState {
  if (state.status !== 'UNREGISTERED') return evolveRegistered(state, envelope, own);
  if (envelope.event.type !== 'EnterpriseRegistered') return state;
  const { creditCode, name, districtCode, industryCode } = envelope.event.data;
  return {
    status: 'ACTIVE',
    creditCode,
    name,
    renamedOn: null,
    formerNames: [],
    ...(industryCode === undefined ? {} : { industryCode }),
    locations: [{ districtCode, from: null }],
    grants: [],
  };
}

/** Folds a whole stream from the initial state (in place: the state is this fold's own), or from `from` (kept as it was). */
export function fold(envelopes: Iterable<Envelope<EnterpriseEvent>>, from?: EnterpriseState): EnterpriseState {
  let state = from ?? { status: 'UNREGISTERED' };
  const step = from ? evolve : evolveOwned;
  for (const e of envelopes) state = step(state, e);
  return state;
}
