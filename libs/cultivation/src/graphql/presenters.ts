import type { StoredEvent } from '@cl/event-store';
import { enterpriseView, type CalendarDate, type EnterpriseState } from '../domain';
import type { Enterprise, RecordedEvent } from './types/enterprise.types';

/** The contract's Enterprise from write-model state, as seen on `today`. */
export function presentEnterprise(state: EnterpriseState, version: number, today: CalendarDate): Enterprise | null {
  const view = enterpriseView(state, today);
  return view ? { ...view, formerNames: [...view.formerNames], version } : null;
}

/** A stored event with its metadata, as auditors and command results see it. */
export function presentEvent(event: StoredEvent): RecordedEvent {
  const meta = event.metadata as {
    actor?: { sub?: string };
    source?: string;
    correlationId?: string;
    causationId?: string;
    commandId?: string;
  };
  return {
    position: event.position,
    version: event.version,
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    recordedAt: event.recordedAt,
    actor: meta.actor?.sub ?? null,
    source: meta.source ?? 'UNKNOWN',
    correlationId: meta.correlationId ?? null,
    causationId: meta.causationId ?? null,
    commandId: meta.commandId ?? null,
    metadata: event.metadata,
  };
}
