import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`;
const GRANT = `mutation($input: GrantCertificationInput!) { grantCertification(input: $input) { position } }`;
const PROGRESS_ROWS = `tier { tier } metric level current active cumulative`;

type Row = { tier: { tier: string }; metric: string; level: string | null; current: number };
type Answer = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

/** A subscription's answers as they come, and its error or end. */
class Feed {
  readonly answers: Answer[] = [];
  error: unknown;
  private waiters: (() => void)[] = [];
  readonly stop: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.stop = client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (answer) => this.heard(() => this.answers.push(answer as Answer)),
        error: (error) => this.heard(() => (this.error = error)),
        complete: () => this.heard(() => undefined),
      },
    );
  }

  /** Resolves with the first answer (from the start) that `accept` takes; rejects after `ms`. */
  async until(accept: (answer: Answer) => boolean, ms = 5000): Promise<Answer> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.answers.find(accept);
      if (found) return found;
      if (this.error) throw new Error(`subscription failed: ${JSON.stringify(this.error)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching answer within ${ms} ms: ${JSON.stringify(this.answers)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, left);
      });
    }
  }

  /**
   * The errors the server sent for the operation: an `error` message (refused before it ran) or a result carrying
   * errors (refused by the resolver, as graphql-js answers a subscription that cannot start).
   */
  async failure(ms = 5000): Promise<{ message: string; extensions?: Record<string, unknown> }[]> {
    const deadline = Date.now() + ms;
    const found = () => (Array.isArray(this.error) ? this.error : this.answers.find((a) => a.errors)?.errors);
    while (!found() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const errors = found();
    if (!errors) throw new Error(`expected GraphQL errors, got ${JSON.stringify([this.error, this.answers])}`);
    expect(this.answers.some((a) => a.data)).toBe(false);
    return errors;
  }

  private heard(change: () => void): void {
    change();
    for (const wake of this.waiters.splice(0)) wake();
  }
}

const count = (answer: Answer, tier: string) =>
  ((answer.data?.cohortProgressChanged ?? []) as Row[]).find((r) => r.tier.tier === tier && r.level === null)?.current;

describe('live progress over GraphQL subscriptions (graphql-ws)', () => {
  const api = useTestApi();
  const clients: Client[] = [];
  let official: string;

  const connect = (token?: string): Client => {
    const client = createClient({
      url: api.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    clients.push(client);
    return client;
  };

  const write = async (query: string, input: Record<string, unknown>) => {
    const res = await api.graphql(query, { input }, { token: official });
    expect(res.body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    official = await tokenFor('MUNICIPAL_OFFICIAL');
    await write(REGISTER, { creditCode: creditCode(1), name: '滨海示例科技有限公司', district: '120116' });
    await write(REGISTER, { creditCode: creditCode(2), name: '和平示例科技有限公司', district: '120101' });
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
  });

  it("shows an analyst a grant's effect on cohortProgress as soon as the read models apply it", async () => {
    const feed = new Feed(
      connect(await tokenFor('ANALYST')),
      `subscription { cohortProgressChanged { ${PROGRESS_ROWS} } }`,
    );
    const first = await feed.until((a) => count(a, 'TECH_SME') !== undefined);
    expect(count(first, 'TECH_SME')).toBe(0);

    await write(GRANT, { creditCode: creditCode(1), tier: 'TECH_SME', grantedOn: '2026-03-01' });
    const next = await feed.until((a) => count(a, 'TECH_SME') === 1);
    expect(count(next, 'INNOVATIVE_SME')).toBe(0);
    feed.stop();
  });

  it("follows a district official's own district when no district is asked", async () => {
    const feed = new Feed(
      connect(await tokenFor('DISTRICT_OFFICIAL', '120101')),
      `subscription { cohortProgressChanged { ${PROGRESS_ROWS} } }`,
    );
    // 120116's grant (previous test) is not counted in 和平区; then one there is
    const first = await feed.until((a) => count(a, 'TECH_SME') !== undefined);
    expect(count(first, 'TECH_SME')).toBe(0);
    await write(GRANT, { creditCode: creditCode(2), tier: 'TECH_SME', grantedOn: '2026-03-01' });
    await feed.until((a) => count(a, 'TECH_SME') === 1);
    feed.stop();
  });

  it('tells where the read models stand, and again when they advance', async () => {
    const feed = new Feed(connect(await tokenFor('AUDITOR')), `subscription { projectionAdvanced { position lag } }`);
    const first = await feed.until((a) => a.data?.projectionAdvanced !== undefined);
    const before = BigInt((first.data?.projectionAdvanced as { position: string }).position);
    await write(REGISTER, { creditCode: creditCode(3), name: '第三示例科技有限公司', district: '120116' });
    await feed.until((a) => BigInt((a.data?.projectionAdvanced as { position: string }).position) > before);
    feed.stop();
  });

  it('refuses a subscription without a token with a coded error', async () => {
    const errors = await new Feed(connect(), `subscription { projectionAdvanced { position } }`).failure();
    expect(errors[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', rule: 'TOKEN_MISSING' });
  });

  it('refuses a token that is not valid with a coded error', async () => {
    const errors = await new Feed(connect('not-a-jwt'), `subscription { projectionAdvanced { position } }`).failure();
    expect(errors[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a district code that does not exist, naming the field', async () => {
    const feed = new Feed(
      connect(await tokenFor('ANALYST')),
      `subscription { cohortProgressChanged(district: "999999") { ${PROGRESS_ROWS} } }`,
    );
    const errors = await feed.failure();
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'district' });
  });

  it('refuses a query over the socket before validating it (SUBSCRIPTION_ONLY, not a validation error)', async () => {
    const errors = await new Feed(connect(await tokenFor('ANALYST')), `{ secrets }`).failure();
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', rule: 'SUBSCRIPTION_ONLY' });
  });

  it('cuts a socket that never sends connection_init (after about 5 s)', async () => {
    const socket = new WebSocket(api.url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = await new Promise<boolean>((resolve) => {
      const wait = setTimeout(() => resolve(false), 8_000);
      socket.once('close', () => (clearTimeout(wait), resolve(true)));
    });
    socket.terminate();
    expect(closed).toBe(true);
  }, 15_000);

  it('takes subscriptions only: a query over the socket is refused, pointing to POST /graphql', async () => {
    const errors = await new Feed(connect(await tokenFor('ANALYST')), `{ projectionStatus { position } }`).failure();
    expect(errors[0]?.extensions).toMatchObject({ rule: 'SUBSCRIPTION_ONLY' });
  });
});
