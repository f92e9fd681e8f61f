// Exports are the whole answer (issue 21, item 3) over the cohort of 30,000 enterprises, for each role at a
// desk's 1440×900 and a phone's 390×844: the rows of the file are the total the page shows, each once, under a
// title row that says what was selected.
import ExcelJS from 'exceljs';
import { readNumber, seeContaining, seeText, useConsole } from './support/console';
import { csvLines, download, fitsWidth, ROLES, today, WIDTHS } from './support/journeys';

/** The demo cohort: the 企业 list of the city is 60 pages of the largest size (500). */
const ui = useConsole({ enterprises: 30_000 });
/** A journey reads every page of an answer of up to 30,000 rows; the limit bounds a hang on a shared machine. */
const EXPORT_LIMIT = 300_000;

describe.each(WIDTHS)('exports at $width px, over 30,000 enterprises', (viewport) => {
  it.each(ROLES)(
    'exports, as %s, every enterprise the filter selects (the total shown), titled with what was selected',
    async (role, district) => {
      const page = await ui.signIn(role, { district, viewport });
      await page.goto(`${ui.url}/enterprises`);
      await seeContaining(page.getByTestId('enterprise-total'), '共');
      const total = readNumber((await page.getByTestId('enterprise-total').textContent())!.replace(/[^\d,]/g, ''));
      expect(total).toBeGreaterThan(500); // more than one page of the largest size
      if (!district) expect(total).toBeGreaterThan(29_000); // the city's cohort, not a sample
      await fitsWidth(page, viewport.width);

      const file = await download(page, 'export-enterprise-csv');
      const place = district ? '滨海新区' : '全市';
      expect(file.name).toBe(`企业_${place}_${today}.csv`);
      const [title, header, ...rows] = csvLines(file.path);
      expect(title).toBe(`企业｜区：${place}｜查询日期：${today}`);
      expect(header).toBe('企业名称,统一社会信用代码,区,梯队位置');
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((r) => r.split(',')[1])).size).toBe(total); // each enterprise once
      if (district) expect(new Set(rows.map((r) => r.split(',')[2]))).toEqual(new Set(['滨海新区']));
      await seeText(page.getByTestId('export-enterprise-done'), `已导出 ${total.toLocaleString('en-US')} 行`);
    },
    EXPORT_LIMIT,
  );

  it(
    'exports the expiring list as XLSX with date cells, the whole list, under a title row',
    async () => {
      const page = await ui.signIn('MUNICIPAL_OFFICIAL', { viewport });
      await page.goto(`${ui.url}/expiring`);
      const days = page.locator('#expiring-withinDays input, input#expiring-withinDays').first();
      await seeContaining(page.getByTestId('expiring-total'), '共');
      const within90 = await page.getByTestId('expiring-total').textContent();
      await days.fill('730');
      await days.press('Tab');
      await page.getByRole('button', { name: '搜索' }).click();
      for (let tries = 0; (await page.getByTestId('expiring-total').textContent()) === within90; tries++) {
        if (tries > 100) throw new Error('the list did not follow the new filter');
        await page.waitForTimeout(100);
      }
      const total = readNumber((await page.getByTestId('expiring-total').textContent())!.replace(/[^\d,]/g, ''));
      expect(total).toBeGreaterThan(100); // more than the first page on screen
      await fitsWidth(page, viewport.width);
      if (viewport.width < 600) {
        // The phone's card shows the two figures the list is for.
        const card = page.getByTestId('expiring-table').getByTestId('row').first();
        await seeContaining(card, '有效期至');
        await seeContaining(card, '剩余天数');
      }

      const file = await download(page, 'export-expiring-xlsx');
      expect(file.name).toBe(`到期_全市_${today}_730.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file.path);
      const sheet = book.worksheets[0]!;
      expect(sheet.getCell('A1').value).toBe(`到期｜区：全市｜查询日期：${today}｜天内到期：730`);
      const headers = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(headers).toEqual([
        '企业名称',
        '统一社会信用代码',
        '区',
        '类型',
        '级别',
        '认定日期',
        '有效期至',
        '剩余天数',
        '证书编号',
      ]);
      expect(sheet.actualRowCount - 2).toBe(total);
      const validUntil = sheet.getCell('G3').value;
      expect(validUntil).toBeInstanceOf(Date);
      expect(typeof sheet.getCell('H3').value).toBe('number');
    },
    EXPORT_LIMIT,
  );
});
