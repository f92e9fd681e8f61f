// The console's journeys in a real Chromium against the running service over a seeded demo cohort.
import { readFileSync } from 'node:fs';
import { creditCode } from './support/credit-codes';
import { choose, readNumber, seeContaining, seeCount, seeText, typeDate, useConsole } from './support/console';
import { OIDC_CLIENT_ID, OIDC_RESOURCE, startOidcProvider, type TestProvider } from './support/oidc';
import { tokenFor } from './support/tokens';

const BINHAI = '120116';
let provider: TestProvider | undefined;
const ui = useConsole({
  enterprises: 400,
  env: async (port) => {
    provider = await startOidcProvider(`http://127.0.0.1:${port}`);
    return {
      JWT_JWKS_URL: provider.jwksUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID,
      OIDC_RESOURCE,
    };
  },
});
afterAll(() => provider?.close());

interface Progress {
  tier: { tier: string };
  current: number;
  asOf: string;
}
const PROGRESS = `query ($asOf: Date, $district: String) {
  cohortProgress(asOf: $asOf, district: $district) { tier { tier } current asOf }
}`;
const current = (rows: Progress[], tier: string) => rows.find((r) => r.tier.tier === tier)!.current;
const card = (page: import('playwright-core').Page, tier: string) =>
  page.getByTestId(`progress-${tier}`).getByTestId('current');

interface EnterpriseRow {
  creditCode: string;
  name: string;
  deregisteredOn: string | null;
  certifications: { tier: string; state: string; grantedOn: string; eventId: string }[];
}
async function enterprisesOf(district: string): Promise<EnterpriseRow[]> {
  const data = await ui.graphql<{ enterprises: { edges: { node: EnterpriseRow }[] } }>(
    `query ($district: String) { enterprises(filter: { district: $district }, first: 400) {
      edges { node { creditCode name deregisteredOn certifications { tier state grantedOn eventId } } } } }`,
    { district },
  );
  return data.enterprises.edges.map((e) => e.node);
}

describe('the console', () => {
  it("shows an analyst each tier's count as cohortProgress gives it, with thousands separators", async () => {
    const page = await ui.signIn('ANALYST');
    await seeText(page.getByTestId('signed-in-role'), '分析人员');
    const api = (await ui.graphql<{ cohortProgress: Progress[] }>(PROGRESS)).cohortProgress;
    await card(page, 'TECH_SME').waitFor();
    for (const tier of ['TECH_SME', 'HIGH_TECH', 'INNOVATIVE_SME', 'SRDI_SME']) {
      const expected = current(api, tier);
      expect(await card(page, tier).textContent()).toBe(expected.toLocaleString('en-US'));
    }
    await seeText(page.getByTestId('dashboard-date'), api[0]!.asOf);
  });

  it('follows a change of date and district with the figures of that date and district', async () => {
    const page = await ui.signIn('ANALYST');
    await card(page, 'TECH_SME').waitFor();
    await typeDate(page, '日期', '2025-06-30');
    await choose(page, '区', '滨海新区');
    const api = (await ui.graphql<{ cohortProgress: Progress[] }>(PROGRESS, { asOf: '2025-06-30', district: BINHAI }))
      .cohortProgress;
    await seeText(page.getByTestId('dashboard-date'), '2025-06-30');
    await seeContaining(page.getByRole('heading', { level: 2 }), '滨海新区');
    for (const tier of ['TECH_SME', 'INNOVATIVE_SME']) {
      await seeText(card(page, tier), current(api, tier).toLocaleString('en-US'));
    }
  });

  it('lets a district official grant a certification and then shows the count one higher', async () => {
    const candidate = (await enterprisesOf(BINHAI)).find(
      (e) => !e.deregisteredOn && !e.certifications.some((c) => c.tier === 'TECH_SME'),
    )!;
    const page = await ui.signIn('DISTRICT_OFFICIAL', { district: BINHAI });
    await seeText(page.getByTestId('signed-in-district'), '滨海新区');
    const before = readNumber(await card(page, 'TECH_SME').textContent());

    await page.getByRole('menuitem', { name: '办理' }).click();
    await page.getByLabel('企业', { exact: true }).fill(candidate.name);
    await page.locator('.el-select-dropdown__item', { hasText: candidate.creditCode }).click();
    await seeText(page.getByTestId('work-enterprise-name'), candidate.name);
    await page.getByTestId('submit').click();
    await seeContaining(page.getByTestId('work-result'), '已办理：授予科技型中小企业');
    await seeContaining(page.getByTestId('work-certifications'), '科技型中小企业');

    await page.getByRole('menuitem', { name: '进度' }).click();
    await seeText(card(page, 'TECH_SME'), (before + 1).toLocaleString('en-US'));
  });

  it('shows a refused grant on the field the API names, in Chinese, with the rule', async () => {
    const holder = (await enterprisesOf(BINHAI)).find(
      (e) => !e.deregisteredOn && e.certifications.some((c) => c.tier === 'TECH_SME' && c.state === 'ACTIVE'),
    )!;
    const page = await ui.signIn('DISTRICT_OFFICIAL', { district: BINHAI });
    await page.goto(`${ui.url}/work?creditCode=${holder.creditCode}`);
    await seeText(page.getByTestId('work-enterprise-name'), holder.name);
    await page.getByTestId('submit').click();
    const error = page.getByTestId('field-tier').locator('.el-form-item__error');
    await seeContaining(error, '该企业已持有有效的此类认定');
    await seeContaining(error, 'TIER_ALREADY_ACTIVE');
    await seeCount(page.getByTestId('work-result'), 0);
  });

  it('lets an official retract a grant picked from the enterprise’s certifications', async () => {
    const enterprise = (await enterprisesOf(BINHAI)).find(
      (e) => !e.deregisteredOn && e.certifications.filter((c) => c.state === 'ACTIVE').length === 1,
    )!;
    const grant = enterprise.certifications.find((c) => c.state === 'ACTIVE')!;
    const page = await ui.signIn('MUNICIPAL_OFFICIAL');
    await page.goto(`${ui.url}/work?creditCode=${enterprise.creditCode}`);
    await page.getByText('更正撤回', { exact: true }).click();
    await page.getByLabel('要撤回的认定或复核').click();
    await page
      .locator('.el-select-dropdown__item:visible', {
        hasText: new RegExp(`授予 · .+ · 认定日期 ${grant.grantedOn}`),
      })
      .first()
      .click();
    await page.getByLabel('原因', { exact: true }).fill('录入错误：该批次名单误录');
    await page.getByTestId('submit').click();
    await seeContaining(page.getByTestId('work-result'), '已办理：撤回一条');
    await seeContaining(page.getByTestId('work-certifications'), '已更正撤回');
    const after = await ui.graphql<{ enterprise: EnterpriseRow }>(
      'query ($c: String!) { enterprise(creditCode: $c) { creditCode name deregisteredOn certifications { tier state grantedOn eventId } } }',
      { c: enterprise.creditCode },
    );
    expect(after.enterprise.certifications.find((c) => c.eventId === grant.eventId)?.state).toBe('RETRACTED');
  });

  it('lets an auditor replay an enterprise as of a date and read its event timeline', async () => {
    const enterprise = (await enterprisesOf('120101')).find(
      (e) => new Set(e.certifications.map((c) => c.grantedOn)).size >= 2,
    )!;
    const firstGrant = enterprise.certifications.map((c) => c.grantedOn).sort()[0]!;
    const page = await ui.signIn('AUDITOR');
    await page.goto(`${ui.url}/enterprises/${enterprise.creditCode}`);
    await seeText(page.getByTestId('enterprise-name'), enterprise.name);
    await seeContaining(page.getByTestId('timeline'), '登记企业');
    await seeContaining(page.getByTestId('timeline'), '演示数据生成');

    await typeDate(page, '截至日期', firstGrant);
    await page.getByTestId('replay').click();
    await seeText(page.getByTestId('snapshot-on'), firstGrant);
    const snapshot = await ui.graphql<{ enterpriseAsOf: { enterprise: { certifications: unknown[] } | null } }>(
      'query ($c: String!, $on: Date!) { enterpriseAsOf(creditCode: $c, on: $on) { enterprise { certifications { tier } } } }',
      { c: enterprise.creditCode, on: firstGrant },
    );
    const expected = snapshot.enterpriseAsOf.enterprise!.certifications.length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(enterprise.certifications.length);
    await seeCount(page.getByTestId('snapshot-certifications').locator('tbody tr'), expected);
  });

  it('imports a list with a bad row and shows and downloads the per-row report', async () => {
    const page = await ui.signIn('DISTRICT_OFFICIAL', { district: BINHAI });
    await page.getByRole('menuitem', { name: '导入' }).click();
    const csv = [
      '统一社会信用代码,企业名称,所属区,认定类型,认定日期',
      `${creditCode(990001)},天津滨海控制台测试有限公司,滨海新区,科技型中小企业,2025-04-01`,
      '91120116MA0000000X,天津滨海校验位错误有限公司,滨海新区,科技型中小企业,2025-04-01',
    ].join('\n');
    await page.getByLabel('文件（CSV 或 XLSX）').setInputFiles({
      name: '滨海名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByTestId('import-submit').click();
    await seeContaining(page.getByTestId('import-summary'), '2 行：接受 1，重复 0，拒绝 1');
    const rows = page.getByTestId('import-rows').locator('tbody tr');
    await seeCount(rows, 2);
    await seeContaining(rows.nth(1), '拒绝');
    await seeContaining(rows.nth(1), 'CREDIT_CODE_CHECK');
    await seeContaining(rows.nth(1), '统一社会信用代码校验位不正确');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-report').click()]);
    expect(download.suggestedFilename()).toMatch(/^滨海名单_report_\d{4}-\d{2}-\d{2}\.csv$/);
    const report = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(report).toHaveLength(3);
    expect(report[2]).toContain('CREDIT_CODE_CHECK');

    // A list that names it short: not found, and the registered name is offered as a list, never applied.
    await page.getByLabel('文件（CSV 或 XLSX）').setInputFiles({
      name: '简称名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '企业名称,所属区,认定类型,认定日期\n注：排名不分先后,,,\n滨海控制台测试,滨海新区（经开区）,创新型中小企业,2025-04-02\n',
      ),
    });
    await page.getByTestId('import-submit').click();
    await seeContaining(page.getByTestId('import-summary'), '1 行：接受 0，重复 0，拒绝 1');
    await seeContaining(page.getByTestId('import-summary'), '跳过 1 行');
    await seeContaining(rows.nth(0), '跳过');
    await seeContaining(rows.nth(1), 'NAME_NOT_FOUND');
    const offered = rows.nth(1).getByTestId('import-suggestions').locator('li');
    await seeCount(offered, 1);
    await seeContaining(offered.nth(0), `天津滨海控制台测试有限公司（${creditCode(990001)}）`);
  });

  it("downloads the district breakdown as a CSV whose rows are the API's", async () => {
    const page = await ui.signIn('ANALYST');
    await card(page, 'TECH_SME').waitFor();
    const api = await ui.graphql<{
      districtBreakdown: { district: { code: string }; active: number; cumulative: number }[];
    }>('{ districtBreakdown(tier: TECH_SME) { district { code } active cumulative } }');
    const date = await page.getByTestId('dashboard-date').textContent();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-breakdown-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`各区分布_科技型中小企业_${date}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe(`各区分布｜类型：科技型中小企业｜日期：${date}`);
    expect(lines[1]).toBe('区划代码,区,有效,累计');
    const rows = lines.slice(2).map((line) => {
      const [code, , active, cumulative] = line.split(',');
      return { district: { code }, active: Number(active), cumulative: Number(cumulative) };
    });
    expect(rows).toEqual(api.districtBreakdown);
    expect(rows).toHaveLength(16);
  });

  it("offers a district official only their district's enterprises", async () => {
    const page = await ui.signIn('DISTRICT_OFFICIAL', { district: BINHAI });
    await page.getByRole('menuitem', { name: '企业' }).click();
    const total = (await enterprisesOf(BINHAI)).length;
    await seeText(page.getByTestId('enterprise-total'), `共 ${total.toLocaleString('en-US')} 家`);
    expect(await page.getByLabel('区', { exact: true }).isDisabled()).toBe(true);
    const districts = await page.getByTestId('row-district').allTextContents();
    expect(districts.length).toBeGreaterThan(0);
    expect(new Set(districts)).toEqual(new Set(['滨海新区']));
  });

  it('signs in through the single sign-on (authorization code + PKCE) and reads with the access token', async () => {
    const page = await ui.open();
    await page.goto(`${ui.url}/enterprises`);
    await page.getByTestId('sso-sign-in').click();
    await page.locator('input[name="login"]').fill('zhang.wei');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL(`${ui.url}/enterprises`);
    await seeText(page.getByTestId('signed-in-user'), '张伟');
    await seeText(page.getByTestId('signed-in-role'), '区级经办人员');
    await seeText(page.getByTestId('signed-in-district'), '滨海新区');
    await seeContaining(page.getByTestId('enterprise-total'), '共');
    await seeCount(page.getByRole('menuitem', { name: '办理' }), 1);
  });

  it('works on a 390-pixel phone and switches to English', async () => {
    const page = await ui.signIn('ANALYST', { viewport: { width: 390, height: 844 } });
    await card(page, 'TECH_SME').waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await page.getByTestId('language-switch').click();
    await seeText(page.getByTestId('signed-in-role'), 'Analyst');
    await seeContaining(page.getByRole('heading', { level: 2 }), 'Progress toward the targets');
    await seeCount(page.getByLabel('Date', { exact: true }), 1);
  });

  it('can be used with the keyboard alone: sign in, then move to another page', async () => {
    const page = await ui.open();
    await page.goto(`${ui.url}/`);
    await page.getByLabel('令牌').focus();
    await page.keyboard.insertText(await tokenFor('ANALYST'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await card(page, 'TECH_SME').waitFor();
    await page.getByRole('menuitem', { name: '进度' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${ui.url}/enterprises`);
    await seeContaining(page.getByTestId('enterprise-total'), '共');
  });

  it('refuses a token that is not a JWT without leaving the sign-in page', async () => {
    const page = await ui.open();
    await page.goto(`${ui.url}/dashboard`);
    await page.getByLabel('令牌').fill('not-a-token');
    await page.getByRole('button', { name: '用令牌登录' }).click();
    await seeContaining(page.getByRole('alert'), '这不是有效的令牌格式');
    expect(new URL(page.url()).pathname).toBe('/signin');
  });
});
