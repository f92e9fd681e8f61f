import { LiveFeed, LiveFeedFull } from './live-feed';

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('LiveFeed', () => {
  let stamp = 1;
  let asked = 0;
  let answer = { rows: 1 };
  const question = { key: 'q', ask: () => (asked++, Promise.resolve(answer)) };
  let feed: LiveFeed;

  beforeEach(() => {
    stamp = 1;
    asked = 0;
    answer = { rows: 1 };
    feed = new LiveFeed({ stamp: () => Promise.resolve(String(stamp)), intervalMs: 10, maxSubscribers: 2 });
  });
  afterEach(() => feed.close());

  it('answers at once, then only when the read models advanced and the answer changed', async () => {
    const sub = feed.subscribe(question);
    expect(await sub.next()).toEqual({ value: { rows: 1 }, done: false });
    stamp = 2; // advanced, same answer: nothing sent
    await settle();
    answer = { rows: 2 };
    stamp = 3;
    expect(await sub.next()).toEqual({ value: { rows: 2 }, done: false });
  });

  it('asks one question once per tick however many listen to it', async () => {
    const a = feed.subscribe(question);
    const b = feed.subscribe(question);
    await Promise.all([a.next(), b.next()]);
    asked = 0;
    answer = { rows: 5 };
    stamp = 9;
    await Promise.all([a.next(), b.next()]);
    expect(asked).toBe(1);
  });

  it('refuses a subscriber beyond its bound, and takes one again when another leaves', async () => {
    const a = feed.subscribe(question);
    feed.subscribe(question);
    expect(() => feed.subscribe(question)).toThrow(LiveFeedFull);
    await a.return!();
    expect(feed.size).toBe(1);
    expect(() => feed.subscribe(question)).not.toThrow();
  });

  it('ends every subscription when closed', async () => {
    const a = feed.subscribe(question);
    await a.next();
    const pending = a.next();
    feed.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(feed.size).toBe(0);
  });
});
