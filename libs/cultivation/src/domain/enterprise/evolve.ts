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

function updateGrant(state: Registered, index: number, change: (g: Grant) => Grant): Registered {
  if (index < 0) return state;
  return { ...state, grants: state.grants.map((g, i) => (i === index ? change(g) : g)) };
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

/** Inserts `item` after every element that sorts before or with it (stable for equal keys). */
function insertSorted<T>(list: readonly T[], item: T, order: (a: T, b: T) => number): T[] {
  const at = list.findIndex((x) => order(item, x) < 0);
  return at < 0 ? [...list, item] : [...list.slice(0, at), item, ...list.slice(at)];
}

const renewalOrder = (a: Renewal, b: Renewal) =>
  compareDates(a.renewedOn, b.renewedOn) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

/** The former names after a rename to `name`: the old name added once, the new one no longer former. */
function renamedFrom(state: Registered, name: string): string[] {
  const former = (state.formerNames ?? []).filter((n) => n !== name && n !== state.name);
  return state.name === name ? former : [...former, state.name];
}

function evolveRegistered(state: Registered, { eventId, event }: Envelope<EnterpriseEvent>): EnterpriseState {
  switch (event.type) {
    case 'EnterpriseRegistered':
      return state; // a second registration is never decided; ignore it on replay
    case 'EnterpriseRenamed':
      return {
        ...state,
        name: event.data.name,
        renamedOn: event.data.effectiveOn,
        formerNames: renamedFrom(state, event.data.name),
      };
    case 'EnterpriseRelocated': {
      const { toDistrictCode: districtCode, effectiveOn: from } = event.data;
      return { ...state, locations: [...state.locations, { districtCode, from }] };
    }
    case 'EnterpriseDeregistered': {
      const on = event.data.effectiveOn;
      // A recorded lapse does not end a grant that a later-recorded renewal carried past it (grantEnding
      // goes by validity then), so deregistration ends it like a grant with no end.
      const grants = state.grants.map((g) =>
        (g.end === null || g.end.kind === 'LAPSED') && countsOn(g, on)
          ? { ...g, end: { kind: 'DEREGISTERED' as const, on } }
          : g,
      );
      return { ...state, grants, status: 'DEREGISTERED', deregisteredOn: on, deregistrationReason: event.data.reason };
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
      return { ...state, grants: insertSorted(state.grants, grant, grantOrder) };
    }
    case 'CertificationRenewed': {
      const { tier, ...d } = event.data;
      return updateGrant(state, targetGrant(state, tier, d.renewedOn), (g) => ({
        ...g,
        renewals: insertSorted(g.renewals, { ...d, eventId, retracted: false }, renewalOrder),
      }));
    }
    case 'CertificationRevoked': {
      const { tier, revokedOn: on, reason, note } = event.data;
      const end = { kind: 'REVOKED' as const, on, reason, ...(note === undefined ? {} : { note }) };
      return updateGrant(state, targetGrant(state, tier, on), (g) => ({ ...g, end }));
    }
    case 'CertificationLapsed': {
      const { tier, lapsedOn: on } = event.data;
      return updateGrant(state, lapseTarget(state, tier, on), (g) => ({ ...g, end: { kind: 'LAPSED', on } }));
    }
    case 'CertificationRetracted': {
      const id = event.data.retractedEventId;
      const grants = state.grants.map((g) =>
        g.eventId === id
          ? { ...g, retracted: true }
          : { ...g, renewals: g.renewals.map((r) => (r.eventId === id ? { ...r, retracted: true } : r)) },
      );
      return { ...state, grants };
    }
    case 'AnnualUpdateRecorded':
      return { ...state, annualUpdates: [...(state.annualUpdates ?? []), event.data] };
    default: {
      const _never: never = event;
      return _never;
    }
  }
}

/** Folds one event (with its stored eventId) into the enterprise's state. */
export function evolve(state: EnterpriseState, envelope: Envelope<EnterpriseEvent>): EnterpriseState {
  if (state.status !== 'UNREGISTERED') return evolveRegistered(state, envelope);
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

/** Folds a whole stream from the initial state. */
export function fold(
  envelopes: Iterable<Envelope<EnterpriseEvent>>,
  from: EnterpriseState = { status: 'UNREGISTERED' },
): EnterpriseState {
  let state = from;
  for (const e of envelopes) state = evolve(state, e);
  return state;
}
