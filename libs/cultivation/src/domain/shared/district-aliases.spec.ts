import { DISTRICT_ALIASES } from './district-aliases';
import { DISTRICTS, resolveDistrict } from './districts';

describe('the district alias table', () => {
  it('has one entry for each of the 16 districts, in code order', () => {
    expect(DISTRICT_ALIASES.map((a) => a.code)).toEqual(DISTRICTS.map((d) => d.code));
  });

  it.each(DISTRICTS.map((d) => [d.name, d.code]))('resolves %s by its name, short name and code', (name, code) => {
    expect(resolveDistrict(name)).toBe(code);
    expect(resolveDistrict(`天津市${name}`)).toBe(code);
    expect(resolveDistrict(name.replace(/(新区|区)$/, ''))).toBe(code);
    expect(resolveDistrict(code)).toBe(code);
  });

  it.each([
    ['经开区', '120116'],
    ['天津经济技术开发区', '120116'],
    ['TEDA', '120116'],
    ['teda', '120116'],
    ['保税区', '120116'],
    ['天津港保税区', '120116'],
    ['高新区', '120116'],
    ['滨海高新区', '120116'],
    ['东疆', '120116'],
    ['东疆综合保税区', '120116'],
    ['中新天津生态城', '120116'],
    ['生态城', '120116'],
    ['临港', '120116'],
    ['塘沽区', '120116'],
    ['武清开发区', '120114'],
    ['京津科技谷', '120114'],
    ['蓟县', '120119'],
    ['西青开发区', '120111'],
    ['华明高新区', '120110'],
  ])('resolves the zone or former name %s to %s', (cell, code) => expect(resolveDistrict(cell)).toBe(code));

  it.each([
    ['滨海新区（高新区）', '120116'],
    ['滨海新区(高新区)', '120116'],
    ['滨海新区 （ 东疆 ）', '120116'],
    ['武清区（武清开发区）', '120114'],
    ['滨海（经开区）', '120116'],
    ['（生态城）', '120116'],
    ['ＴＥＤＡ', '120116'],
  ])('resolves %s with its bracketed zone, brackets of either width', (cell, code) =>
    expect(resolveDistrict(cell)).toBe(code),
  );

  it.each(['雄安新区', '北京市海淀区', '武清区（东疆）', '滨海新区（雄安）', '开发区', '', '区'])(
    'knows nothing of %s (unknown, or its parts name different districts)',
    (cell) => expect(resolveDistrict(cell)).toBeUndefined(),
  );

  it('names no alias for two districts', () => {
    const all = DISTRICT_ALIASES.flatMap((a) => [...a.names, ...a.zones].map((n) => [n, a.code] as const));
    const owners = new Map<string, Set<string>>();
    for (const [n, code] of all) owners.set(n, new Set([...(owners.get(n) ?? []), code]));
    expect([...owners].filter(([, codes]) => codes.size > 1)).toEqual([]);
  });
});
