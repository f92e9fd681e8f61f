// `npm run token` from a checkout: a token the service accepts, and a clear refusal of a wrong argument. It runs
// the light entry (apps/cli/src/token-main.ts), which loads no Nest, TypeORM or GraphQL.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TokenService } from '@cl/platform';
import { TEST_JWT_SECRET } from './support/tokens';

const run = promisify(execFile);
const env = { ...process.env, JWT_SECRET: TEST_JWT_SECRET };
const token = (...args: string[]) => run('npm', ['run', '-s', 'token', '--', ...args], { env, timeout: 120_000 });

describe('npm run token', () => {
  it("prints a token for a district official that the service's token check accepts", async () => {
    const { stdout } = await token('--role', 'DISTRICT_OFFICIAL', '--district', '120116', '--sub', 'zhang');
    const actor = await new TokenService({ secret: TEST_JWT_SECRET }).verify(stdout.trim());
    expect(actor).toMatchObject({ sub: 'zhang', roles: ['DISTRICT_OFFICIAL'], district: '120116' });
  });

  it('refuses a district official without a district, saying which option is missing', async () => {
    await expect(token('--role', 'DISTRICT_OFFICIAL')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--district is required for DISTRICT_OFFICIAL'),
    });
  });

  it('refuses a district code that is not one of Tianjin’s', async () => {
    await expect(token('--role', 'DISTRICT_OFFICIAL', '--district', '110101')).rejects.toMatchObject({
      stderr: expect.stringContaining("--district must be one of Tianjin's district codes"),
    });
  });
});
