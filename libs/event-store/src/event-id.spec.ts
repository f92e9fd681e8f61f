import { newEventId } from './event-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newEventId', () => {
  it('makes RFC 9562 version 7 UUIDs that carry the time they were made', () => {
    const at = Date.UTC(2026, 11, 1, 12, 0, 0, 123);
    const id = newEventId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts ids of later milliseconds after earlier ones, as text and as PostgreSQL uuid order', () => {
    const ids = [0, 1, 255, 65_535, 65_536, Date.UTC(2026, 0, 1), Date.UTC(2089, 0, 1)].map((ms) => newEventId(ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not repeat within a millisecond, across refills of its random pool', () => {
    const at = Date.now();
    const ids = Array.from({ length: 5_000 }, () => newEventId(at));
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(UUID_V7));
  });
});
