// The dashboard follows the service: a grant recorded elsewhere (another official, the API) shows on an analyst's
// open dashboard without a reload, through the cohortProgressChanged subscription.
import { creditCode } from './support/credit-codes';
import { readNumber, seeText, useConsole } from './support/console';
import { tokenFor } from './support/tokens';

const ui = useConsole({ enterprises: 40 });
const NEW = creditCode(7_001);

describe('the live dashboard', () => {
  it("shows a grant recorded elsewhere in today's figures without a reload", async () => {
    const page = await ui.signIn('ANALYST');
    const current = page.getByTestId('progress-TECH_SME').getByTestId('current');
    await current.waitFor();
    const before = readNumber(await current.textContent());
    // a mark that a reload would wipe
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));

    const official = await tokenFor('MUNICIPAL_OFFICIAL');
    await ui.graphql(
      `mutation { registerEnterprise(input: { creditCode: "${NEW}", name: "实时示例科技有限公司", district: "120116" }) { position } }`,
      {},
      official,
    );
    await ui.graphql(
      `mutation { grantCertification(input: { creditCode: "${NEW}", tier: TECH_SME, grantedOn: "2026-12-01" }) { position } }`,
      {},
      official,
    );

    await seeText(current, (before + 1).toLocaleString('en'));
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
