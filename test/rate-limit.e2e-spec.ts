import { DataSource } from 'typeorm';
import { creditCode } from './support/credit-codes';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { position } }`;
const IMPORT = `mutation($input: ImportCertificationsInput!) { importCertifications(input: $input) { rows } }`;
const register = (n: number) => ({
  input: { creditCode: creditCode(1400 + n), name: `天津限流${n}公司`, district: '120116' },
});

describe('per-actor rate limits (configured low)', () => {
  const api = useTestApi({ RATE_LIMIT_WRITES_PER_MINUTE: '2', RATE_LIMIT_IMPORTS_PER_MINUTE: '1' });

  it('answers the write over the limit with 429, RATE_LIMITED and Retry-After, writes nothing, and keeps each actor apart', async () => {
    const events = async () =>
      (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM events'))[0].n as number;
    const token = await tokenFor('MUNICIPAL_OFFICIAL', undefined, 'busy.official');
    for (const n of [1, 2]) expect((await api.graphql(REGISTER, register(n), { token })).status).toBe(200);
    const head = await events();
    const refused = await api.graphql(REGISTER, register(3), { token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      rule: 'WRITES_PER_MINUTE',
      field: 'registerEnterprise',
    });
    expect(await events()).toBe(head);
    const other = await tokenFor('MUNICIPAL_OFFICIAL', undefined, 'calm.official');
    expect((await api.graphql(REGISTER, register(4), { token: other })).body.errors).toBeUndefined();
    // reads are not writes
    expect((await api.graphql('{ projectionStatus { lag } }', {}, { token })).status).toBe(200);
  });

  it('limits imports on their own budget', async () => {
    const token = await tokenFor('MUNICIPAL_OFFICIAL', undefined, 'importer');
    const input = {
      input: { fileName: 'empty.csv', contentBase64: Buffer.from('统一社会信用代码\n').toString('base64') },
    };
    expect((await api.graphql(IMPORT, input, { token })).status).toBe(200);
    const refused = await api.graphql(IMPORT, input, { token });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', rule: 'IMPORTS_PER_MINUTE' });
  });
});
