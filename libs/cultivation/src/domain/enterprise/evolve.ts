// evolve folds one stored event into state. It is total: an event whose target it cannot find
// (e.g. filtered out by stateAsOf) leaves state unchanged, so replay never throws.
import type { Envelope } from '../events/envelope';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { addDays, type CalendarDate } from '../shared/calendar-date';
import type { Tier } from '../policy/vocabulary';
import { countsOn, currentValidUntil } from './grant';
import type { EnterpriseState, Grant, RegisteredEnterprise } from './state';

type Registered = RegisteredEnterprise;

function updateGrant(state: Registered, index: number, change: (g: Grant) => Grant): Registered {
  if (index < 0) return state;
  return { ...state, grants: state.grants.map((g, i) => (i === index ? change(g) : g)) };
}

/** Index of the latest live grant of a tier started on or before `date` (the one a dated event targets). */
function targetGrant(state: Registered, tier: Tier, date: CalendarDate): number {
  return state.grants.findLastIndex((g) => g.tier === tier && !g.retracted && g.grantedOn <= date);
}

/** The sweep's lapse names only the tier: prefer the open grant whose validity ends the day before. */
function lapseTarget(state: Registered, tier: Tier, lapsedOn: CalendarDate): number {
  const open = (g: Grant) => g.tier === tier && !g.retracted && g.end === null;
  const exact = state.grants.findIndex((g) => open(g) && addDays(currentValidUntil(g), 1) === lapsedOn);
  return exact >= 0 ? exact : state.grants.findLastIndex((g) => open(g) && g.grantedOn < lapsedOn);
}

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
      const grants = state.grants.map((g) =>
        g.end === null && countsOn(g, on) ? { ...g, end: { kind: 'DEREGISTERED' as const, on } } : g,
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
      return { ...state, grants: [...state.grants, grant] };
    }
    case 'CertificationRenewed': {
      const { tier, ...d } = event.data;
      return updateGrant(state, targetGrant(state, tier, d.renewedOn), (g) => ({
        ...g,
        renewals: [...g.renewals, { ...d, eventId, retracted: false }],
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
