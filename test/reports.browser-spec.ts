// The 已发布数据 page in a real Chromium: an official publishes a report, a grant dated before the report's date
// is recorded afterwards, and the page shows the restatement in Chinese: the difference and the event behind it.
import { readFileSync } from 'node:fs';
import { creditCode } from './support/credit-codes';
import { seeContaining, seeText, typeDate, useConsole } from './support/console';
import { tokenFor } from './support/tokens';

const ui = useConsole({ enterprises: 60 });
const LATE = creditCode(9_001);
const AS_OF = '2026-09-30';

async function caughtUp(): Promise<void> {
  for (;;) {
    const { projectionStatus } = await ui.graphql<{ projectionStatus: { lag: number } }>(
      '{ projectionStatus { lag } }',
    );
    if (projectionStatus.lag === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the 已发布数据 page', () => {
  it('publishes a report and shows its restatement in Chinese, with the late event that explains it', async () => {
    const official = await tokenFor('MUNICIPAL_OFFICIAL');
    await ui.graphql(
      `mutation { registerEnterprise(input: { creditCode: "${LATE}", name: "迟报示例科技有限公司", district: "120116" }) { position } }`,
      {},
      official,
    );
    await caughtUp();

    const page = await ui.signIn('MUNICIPAL_OFFICIAL');
    await page.getByRole('menuitem', { name: '已发布数据' }).click();
    await page.getByLabel('标题', { exact: true }).fill('截至2026年9月30日全市培育情况');
    const asOf = page.getByLabel('截至日期', { exact: true });
    await asOf.fill(AS_OF);
    await asOf.press('Enter');
    await page.getByTestId('publish-report').click();
    await seeContaining(page.getByTestId('publish-notice'), '已发布：截至2026年9月30日全市培育情况');
    await seeContaining(page.getByTestId('reports-table'), '截至2026年9月30日全市培育情况');
    const { reports } = await ui.graphql<{
      reports: { id: string; rows: { tier: { tier: string }; current: number }[] }[];
    }>('{ reports { id rows { tier { tier } current } } }');
    const [report] = reports;
    const published = report!.rows.find((r) => r.tier.tier === 'INNOVATIVE_SME')!.current;

    // Weeks later: a 创新型 grant dated August is registered.
    await ui.graphql(
      `mutation { grantCertification(input: { creditCode: "${LATE}", tier: INNOVATIVE_SME, grantedOn: "2026-08-01" }) { position } }`,
      {},
      official,
    );
    await caughtUp();

    await page.getByTestId(`restate-${report!.id}`).click();
    const restatement = page.getByTestId('restatement');
    await seeContaining(restatement.locator('h2'), '「截至2026年9月30日全市培育情况」更正说明');
    await seeText(page.getByTestId('difference-INNOVATIVE_SME'), '+1');
    const events = page.getByTestId('events-INNOVATIVE_SME');
    await seeContaining(events, '迟报示例科技有限公司 · 认定 · 生效日期 2026-08-01');
    await seeContaining(events, '+1');
    const row = restatement.locator('tr', { has: page.getByTestId('difference-INNOVATIVE_SME') });
    await seeContaining(row, '创新型中小企业');
    await seeContaining(row, `累计${published}${published + 1}+1`);
    // The export carries the same rows.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-restatement-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('更正说明_截至2026年9月30日全市培育情况_2026-09-30_全市.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain(
      `创新型中小企业,,累计,${published},${published + 1},1,迟报示例科技有限公司（${LATE}）,认定,2026-08-01,`,
    );
  });

  it('shows a district official how many of their enterprises are overdue with this year’s update', async () => {
    const district = '120116';
    const year = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
    const overdue = async (asOf: string | null) =>
      (
        await ui.graphql<{
          overdueAnnualUpdates: { totalCount: number; edges: { node: { enterprise: { name: string } } }[] };
        }>(
          `query($year: Int!, $asOf: Date, $district: String) {
            overdueAnnualUpdates(year: $year, asOf: $asOf, district: $district, first: 10) {
              totalCount edges { node { enterprise { name } } } } }`,
          { year, asOf, district },
        )
      ).overdueAnnualUpdates;
    const overdueAnnualUpdates = await overdue(null);
    expect(overdueAnnualUpdates.totalCount).toBeGreaterThan(0); // the demo cohort records no updates
    const page = await ui.signIn('DISTRICT_OFFICIAL', { district });
    const card = page.getByTestId('overdue-updates');
    await seeContaining(card, `${year}年度信息更新逾期 · 滨海新区`);
    const total = overdueAnnualUpdates.totalCount;
    await seeText(card.getByTestId('overdue-count'), total.toLocaleString('en-US'));
    await seeContaining(card, overdueAnnualUpdates.edges[0]!.node.enterprise.name);
    if (total > 10)
      await seeText(card.getByTestId('overdue-shown'), `显示前 10 条，共 ${total.toLocaleString('en-US')} 条`);
    // On the due day itself the annual update is not yet overdue: the card follows the dashboard's date.
    const onDueDay = (await overdue(`${year}-05-31`)).totalCount;
    expect(onDueDay).toBeLessThan(total);
    await typeDate(page, '日期', `${year}-05-31`);
    await seeText(card.getByTestId('overdue-count'), onDueDay.toLocaleString('en-US'));
  });
});
