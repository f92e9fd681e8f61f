import { dateOf, districtOf, levelOf, tierOf } from './cell-values';
import { columnOf } from './columns';

describe('import cell values', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['45260', '2023-11-30'],
    ['2024-02-30', '2024-02-30'], // not a day: left for the decider to refuse (DATE_FORMAT)
    ['soon', 'soon'],
  ])('reads the date %s as %s', (cell, date) => expect(dateOf(cell)).toBe(date));

  it('reads blank dates as absent', () => expect(dateOf('  ')).toBeNull());

  it.each([
    ['科技型中小企业', 'TECH_SME'],
    ['专精特新“小巨人”企业', 'LITTLE_GIANT'],
    ['专精特新"小巨人"企业', 'LITTLE_GIANT'],
    ['high_tech', 'HIGH_TECH'],
    ['Innovative SME', 'INNOVATIVE_SME'],
    ['制造业单项冠军企业', 'SINGLE_CHAMPION'],
    ['星级企业', '星级企业'],
  ])('reads the tier %s as %s', (cell, tier) => expect(tierOf(cell)).toBe(tier));

  it.each([
    ['滨海新区', '120116'],
    ['天津市滨海新区', '120116'],
    ['滨海', '120116'],
    ['120104', '120104'],
    ['南开', '120104'],
    ['雄安新区', '雄安新区'],
  ])('reads the district %s as %s', (cell, code) => expect(districtOf(cell)).toBe(code));

  it.each([
    ['国家级', 'NATIONAL'],
    ['市级', 'MUNICIPAL'],
    ['区级', 'DISTRICT'],
    ['national', 'NATIONAL'],
    ['', null],
  ])('reads the level %s as %s', (cell, level) => expect(levelOf(cell)).toBe(level));

  it.each([
    ['统一社会信用代码', 'creditCode'],
    ['*统一社会信用代码', 'creditCode'],
    ['认定日期（YYYY-MM-DD）', 'grantedOn'],
    ['Valid until', 'validUntil'],
    ['certificate_no', 'certificateNo'],
    ['备注', undefined],
  ])('names the column %s %s', (cell, column) => expect(columnOf(cell)).toBe(column));
});
