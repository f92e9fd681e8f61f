import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@cl/event-store';
import { NO_METRICS } from '@cl/platform';
import { MeasuredEventStore } from './measured-event-store';

describe('MeasuredEventStore', () => {
  it('offers the inner store’s optional reads, so callers do not fall back to reading the whole log', async () => {
    const inner = new InMemoryEventStore();
    const measured = new MeasuredEventStore(inner, NO_METRICS);
    const event = (type: string) => ({ eventId: randomUUID(), type, data: {}, metadata: {} });
    await measured.append({ streamId: 'a', events: [event('Early')], expected: 'NO_STREAM' });
    const moment = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const late = await measured.append({ streamId: 'b', events: [event('Late')], expected: 'NO_STREAM' });

    expect(measured.readRecordedAfter).toBeDefined();
    const found = await measured.readRecordedAfter!(moment, late.position!, 10);
    expect(found.map((e) => e.type)).toEqual(['Late']);
    expect(measured.readByStream).toBeDefined();
  });
});
