// What an operations team scrapes and probes: /metrics after real writes, /health/live and /health/ready.
import { DataSource } from 'typeorm';
import { LOCKS } from '../libs/cultivation/src/read-models/schema';
import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const METRICS_TOKEN = 'scrape-token-0123456789';
const BINHAI = '120116';

/** Samples of the text exposition: `name{labels}` → value. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** The value of one sample whose labels include `labels` (0 when there is none yet). */
function sample(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let total = 0;
  for (const [key, value] of samples) {
    const [metric, rest = ''] = key.split('{');
    if (metric === name && wanted.every((w) => rest.includes(w))) total += value;
  }
  return total;
}

describe('operations: metrics and health', () => {
  const api = useTestApi({ METRICS_TOKEN });

  const scrape = async () => {
    const res = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseMetrics(await res.text());
  };

  it('refuses /metrics without the token, or with another one', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('ledger_');
  });

  it('counts a grant, a refusal and an import, with their GraphQL operations and the appends', async () => {
    const official = await tokenFor('DISTRICT_OFFICIAL', BINHAI);
    const before = await scrape();
    const code = creditCode(16_001);
    const register = await api.graphql(
      `mutation Register($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`,
      { input: { creditCode: code, name: '天津度量科技有限公司', district: BINHAI } },
      { token: official },
    );
    expect(register.body.errors).toBeUndefined();
    const GRANT = `mutation Grant($input: GrantCertificationInput!) { grantCertification(input: $input) { position } }`;
    const grant = await api.graphql(
      GRANT,
      { input: { creditCode: code, tier: 'TECH_SME', grantedOn: '2026-03-01' } },
      { token: official },
    );
    expect(grant.body.errors).toBeUndefined();
    const refused = await api.graphql(
      GRANT,
      { input: { creditCode: code, tier: 'SRDI_SME', grantedOn: '2026-03-01' } },
      { token: official },
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'PREREQUISITE_MISSING',
    });
    const csv = [
      '统一社会信用代码,企业名称,所属区,认定类型,认定日期',
      `${creditCode(16_002)},天津度量甲有限公司,滨海新区,科技型中小企业,2024-04-01`,
      `${creditCode(16_003)},天津度量乙有限公司,滨海新区,专精特新中小企业,2024-04-01`,
    ].join('\n');
    const imported = await api.graphql(
      `mutation Import($input: ImportCertificationsInput!) { importCertifications(input: $input) { accepted rejected } }`,
      { input: { fileName: 'list.csv', contentBase64: Buffer.from(csv).toString('base64') } },
      { token: official },
    );
    expect(imported.body.data).toEqual({ importCertifications: { accepted: 1, rejected: 1 } });

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(moved('ledger_commands_total', { command: 'GrantCertification', outcome: 'accepted' })).toBe(1);
    expect(
      moved('ledger_commands_total', {
        command: 'GrantCertification',
        outcome: 'refused',
        rule: 'PREREQUISITE_MISSING',
      }),
    ).toBe(1);
    expect(moved('ledger_commands_total', { command: 'RegisterEnterprise', outcome: 'accepted' })).toBe(1);
    expect(moved('ledger_import_rows_total', { outcome: 'accepted' })).toBe(1);
    expect(moved('ledger_import_rows_total', { outcome: 'rejected' })).toBe(1);
    // register + grant one by one, the import's batch in one appendMany
    expect(moved('ledger_event_store_append_duration_seconds_count', { outcome: 'ok' })).toBe(3);
    expect(moved('graphql_operation_duration_seconds_count', { operation: 'Grant', code: 'OK' })).toBe(1);
    expect(moved('graphql_operation_duration_seconds_count', { operation: 'Grant', code: 'RULE_VIOLATION' })).toBe(1);
    expect(moved('graphql_operation_duration_seconds_count', { operation: 'Import', type: 'mutation' })).toBe(1);
    expect(moved('http_request_duration_seconds_count', { route: '/graphql', status_code: '200' })).toBe(4);
    expect(sample(after, 'ledger_db_pool_clients', { pool: 'read_models', state: 'total' })).toBeGreaterThan(0);
    expect(sample(after, 'ledger_db_pool_clients', { pool: 'event_store', state: 'total' })).toBeGreaterThan(0);
    expect(after.has('ledger_projection_lag_events')).toBe(true);
    expect(after.get('ledger_rebuild_running')).toBe(0);
    // No credit code, enterprise name or token ever becomes a label value.
    const text = [...after.keys()].join('\n');
    expect(text).not.toContain(code);
    expect(text).not.toContain(official);
  });

  it('caps GraphQL operation names so a client cannot grow the label set without bound', async () => {
    for (let i = 0; i < 105; i++) await api.graphql(`query Probe${i} { districts { code } }`);
    const samples = await scrape();
    const names = new Set(
      [...samples.keys()]
        .filter((k) => k.startsWith('graphql_operation_duration_seconds_count'))
        .map((k) => /operation="([^"]+)"/.exec(k)?.[1]),
    );
    expect(names.size).toBeLessThanOrEqual(101); // 100 distinct names, then "other"
    expect(names.has('other')).toBe(true);
  });

  it('answers /health/live, and /health/ready with the database, the migrations and the projection', async () => {
    const live = await fetch(`${api.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; details: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual(['database', 'migrations', 'projection']);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});

describe('operations: readiness follows the projection lag', () => {
  const api = useTestApi({ READY_MAX_PROJECTION_LAG_SECONDS: '1' });

  const ready = async () => {
    const res = await fetch(`${api.url}/health/ready`);
    return { status: res.status, body: (await res.json()) as { details: Record<string, Record<string, unknown>> } };
  };
  /** Polls until `want` (bounded; the test then asserts what it found). */
  const readyUntil = async (want: number) => {
    let answer = await ready();
    for (let i = 0; i < 80 && answer.status !== want; i++) {
      await new Promise((r) => setTimeout(r, 250));
      answer = await ready();
    }
    return answer;
  };

  it('is unready while the read models lag more than READY_MAX_PROJECTION_LAG_SECONDS, ready once caught up', async () => {
    expect((await ready()).status).toBe(200);
    // Hold the APPLY lock every projector batch takes: the projector waits, the log moves on.
    const holder = api.app.get(DataSource).createQueryRunner();
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', [LOCKS.namespace, LOCKS.apply]);
      const registered = await api.graphql(
        `mutation { registerEnterprise(input: {creditCode: "${creditCode(16_100)}", name: "天津滞后科技有限公司", district: "${BINHAI}"}) { position } }`,
        {},
        { token: await tokenFor('DISTRICT_OFFICIAL', BINHAI) },
      );
      expect(registered.body.errors).toBeUndefined();
      const behind = await readyUntil(503);
      expect(behind.status).toBe(503);
      expect(behind.body.details.projection).toMatchObject({ status: 'down', lagEvents: 1, maxLagSeconds: 1 });
      expect(behind.body.details.database).toMatchObject({ status: 'up' });
      const metrics = await (await fetch(`${api.url}/metrics`)).text();
      expect(metrics).toMatch(/^ledger_projection_lag_events 1$/m);
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1, $2)', [LOCKS.namespace, LOCKS.apply]);
      await holder.release();
    }
    const caughtUp = await readyUntil(200);
    expect(caughtUp.status).toBe(200);
    expect(caughtUp.body.details.projection).toMatchObject({ status: 'up', lagEvents: 0 });
  });
});
