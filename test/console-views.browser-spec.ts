// The console's views as officials, analysts and auditors read them (issue 21), at a desk's 1440×900
// and a phone's 390×844: history in words, forms that write once, nothing off-screen.
import { seeContaining, seeText, useConsole } from './support/console';
import { creditCode } from './support/credit-codes';
import { BINHAI, fitsWidth, ROLES, WIDTHS } from './support/journeys';

/**
 * 3,000 enterprises: enough for the journeys here; the exports are asserted at 30,000 in
 * console-exports.browser-spec.ts.
 */
const ui = useConsole({ enterprises: 3000 });

interface HistoryEvent {
  type: string;
  position: string;
  data: Record<string, unknown>;
}
async function historyOf(creditCode: string): Promise<HistoryEvent[]> {
  const data = await ui.graphql<{ enterpriseHistory: HistoryEvent[] }>(
    'query ($c: String!) { enterpriseHistory(creditCode: $c) { type position data } }',
    { c: creditCode },
  );
  return data.enterpriseHistory;
}

/** No stored event type (CamelCase), no JSON and none of the events' positions in `text`. */
function inPeoplesWords(text: string, events: HistoryEvent[]): void {
  expect(text).not.toMatch(/\b(Enterprise|Certification)[A-Z][a-z]+/);
  expect(text).not.toContain('{');
  for (const e of events) expect(text).not.toMatch(new RegExp(`(?<![\\d-])${e.position}(?![\\d-])`));
}

interface Candidate {
  creditCode: string;
  name: string;
  deregisteredOn: string | null;
  certifications: { tier: string; state: string }[];
}
async function enterprisesOf(district: string): Promise<Candidate[]> {
  const data = await ui.graphql<{ enterprises: { edges: { node: Candidate }[] } }>(
    `query ($d: String) { enterprises(filter: { district: $d }, first: 500) {
      edges { node { creditCode name deregisteredOn certifications { tier state } } } } }`,
    { d: district },
  );
  return data.enterprises.edges.map((e) => e.node);
}

describe.each(WIDTHS)('the console at $width px', (viewport) => {
  it('shows an auditor the timeline in words; the stored types, JSON and positions only under 技术详情', async () => {
    const enterprise = (await enterprisesOf('120101')).find((e) => e.certifications.length >= 2)!;
    const events = await historyOf(enterprise.creditCode);
    const page = await ui.signIn('AUDITOR', { viewport });
    await page.goto(`${ui.url}/enterprises/${enterprise.creditCode}`);
    const timeline = page.getByTestId('timeline');
    await seeContaining(timeline, '登记企业');
    await seeContaining(timeline, '授予');
    await seeContaining(timeline, '演示数据生成 · 系统');
    inPeoplesWords((await timeline.textContent())!, events);
    await fitsWidth(page, viewport.width);
    // The credit code stays on one line.
    const code = await page.getByTestId('enterprise-credit-code').boundingBox();
    expect(code!.height).toBeLessThan(30);

    await page.getByTestId('tech-toggle').click();
    await seeContaining(timeline, 'CertificationGranted');
    await seeContaining(timeline, '{"tier"');
    await seeContaining(timeline, events[0]!.position);
  }, 120_000);

  it('says what a write did, and writes a resubmitted form once', async () => {
    const candidates = (await enterprisesOf(BINHAI)).filter(
      (e) => !e.deregisteredOn && !e.certifications.some((c) => c.tier === 'TECH_SME' || c.tier === 'INNOVATIVE_SME'),
    );
    // Each width takes its own enterprise.
    const enterprise = candidates[viewport.width < 600 ? 1 : 0]!;
    const page = await ui.signIn('DISTRICT_OFFICIAL', { district: BINHAI, viewport });
    await page.goto(`${ui.url}/work?creditCode=${enterprise.creditCode}`);
    await seeText(page.getByTestId('work-enterprise-name'), enterprise.name);
    await fitsWidth(page, viewport.width);

    // The first answer is lost on the way back (the write happened): the form stays as it was.
    let dropped = false;
    await page.route('**/graphql', async (route) => {
      if (!dropped && route.request().postData()?.includes('grantCertification')) {
        dropped = true;
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await page.getByTestId('submit').click();
    await seeContaining(page.getByTestId('work-error'), '网络中断');
    // The browser reports the dropped request itself; that is this journey's doing.
    ui.consoleErrors.splice(
      0,
      ui.consoleErrors.length,
      ...ui.consoleErrors.filter((e) => !/ERR_CONNECTION_RESET|Failed to load resource/.test(e)),
    );

    await page.getByTestId('submit').click();
    await seeText(page.getByTestId('work-result').getByRole('status'), '该表单已提交过，未重复写入');
    const grants = (await historyOf(enterprise.creditCode)).filter(
      (e) => e.type === 'CertificationGranted' && e.data.tier === 'TECH_SME',
    );
    expect(grants).toHaveLength(1);

    // A second grant of another tier: the result is a sentence, the tier stays chosen.
    await page.getByLabel('类型', { exact: true }).click();
    await page
      .locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '创新型中小企业' })
      .first()
      .click();
    await page.getByTestId('submit').click();
    const result = page.getByTestId('work-result');
    await seeContaining(result, '已办理：授予创新型中小企业');
    inPeoplesWords((await result.textContent())!, await historyOf(enterprise.creditCode));
    await seeContaining(page.getByTestId('field-tier'), '创新型中小企业');
  });

  it('says so when an enterprise is registered', async () => {
    const page = await ui.signIn('DISTRICT_OFFICIAL', { district: BINHAI, viewport });
    await page.goto(`${ui.url}/work`);
    await page.getByText('登记企业', { exact: true }).click();
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(creditCode(980_000 + viewport.width));
    await page.getByLabel('企业名称', { exact: true }).fill(`天津滨海登记测试${viewport.width}有限公司`);
    await page.getByTestId('submit').click();
    await seeContaining(
      page.getByTestId('work-result'),
      `已办理：登记企业「天津滨海登记测试${viewport.width}有限公司」，所属滨海新区`,
    );
  });

  it('fits every page of every role into the window', async () => {
    const code = (await enterprisesOf(BINHAI))[0]!.creditCode;
    for (const [role, district] of ROLES) {
      const page = await ui.signIn(role, { district, viewport });
      for (const path of ['/dashboard', '/enterprises', '/expiring', `/enterprises/${code}`, '/work']) {
        await page.goto(`${ui.url}${path}`);
        await page.locator('.cl-page').first().waitFor();
        await page.waitForLoadState('networkidle');
        await fitsWidth(page, viewport.width);
      }
    }
  }, 240_000);
});
