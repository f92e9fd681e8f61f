import { type CalendarDate, isValidCreditCode, nameKey } from '../../domain';
import { DEMO_BLOCK, demoEnterprise, demoName, PUBLISHED_END_2024 } from './cohort-generator';
import { demoShape } from './demo-shape';

const TODAY = '2025-06-30' as CalendarDate;
const cohort = (seed: number, n: number) => Array.from({ length: n }, (_, i) => demoEnterprise(seed, i, TODAY));

describe('the demo cohort generator', () => {
  it('generates the same cohort for the same seed, and another for another seed', () => {
    expect(cohort(42, 200)).toEqual(cohort(42, 200));
    expect(cohort(7, 200).map((e) => e.creditCode)).not.toEqual(cohort(42, 200).map((e) => e.creditCode));
  });

  it('does not depend on the cohort size: a small cohort is the start of a large one', () => {
    expect(cohort(42, 50)).toEqual(cohort(42, 500).slice(0, 50));
  });

  it('gives every enterprise a distinct credit code that passes the GB 32100 check', () => {
    const codes = cohort(42, 5000).map((e) => e.creditCode);
    expect(codes.every(isValidCreditCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('spreads the cohort plausibly: Binhai largest, both ladders, annual tech-SME grants, nothing after today', () => {
    const all = cohort(42, 5000);
    const byDistrict = new Map<string, number>();
    for (const e of all) byDistrict.set(e.district, (byDistrict.get(e.district) ?? 0) + 1);
    const largest = [...byDistrict].sort((a, b) => b[1] - a[1])[0]!;
    expect(largest[0]).toBe('120116');
    expect(byDistrict.size).toBe(16);

    const steps = all.flatMap((e) => e.steps);
    const kinds = new Set(steps.map((s) => ('retract' in s ? 'Retract' : s.command.type)));
    expect([...kinds].sort()).toEqual([
      'DeregisterEnterprise',
      'GrantCertification',
      'RelocateEnterprise',
      'RenewCertification',
      'Retract',
      'RevokeCertification',
    ]);
    const granted = new Set(
      steps.flatMap((s) => ('command' in s && s.command.type === 'GrantCertification' ? [s.command.data.tier] : [])),
    );
    expect(granted.size).toBe(7);
    expect(steps.every((s) => s.on >= '2019-01-01' && s.on <= TODAY)).toBe(true);
    const techSmeYears = all.map((e) =>
      e.steps
        .filter((s) => 'command' in s && s.command.type === 'GrantCertification' && s.command.data.tier === 'TECH_SME')
        .map((s) => s.on.slice(0, 4)),
    );
    expect(techSmeYears.some((years) => years.length >= 3 && new Set(years).size === years.length)).toBe(true);
    for (const e of all) expect(e.steps.map((s) => s.on)).toEqual(e.steps.map((s) => s.on).sort());
  });

  it('names no two enterprises alike (the registry holds a name once), up to the largest cohort', () => {
    for (const [from, to] of [
      [0, 60_000], // the two-syllable names and the first three-syllable ones
      [990_000, 1_000_000], // the end of a million
    ] as const) {
      const keys = new Set<string>();
      for (let i = from; i < to; i++) keys.add(nameKey(demoName(42, i).name));
      expect(keys.size).toBe(to - from);
    }
    const names = cohort(42, 5000).map((e) => nameKey(e.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^天津.+(有限公司|股份有限公司)$/.test(n))).toBe(true);
  });

  it("has the city's published end-2024 shape, in proportion to its size, and the decider refuses none of it", () => {
    const n = DEMO_BLOCK / 10;
    const shape = demoShape(42, n, '2026-12-06' as CalendarDate, '2024-12-31' as CalendarDate);
    expect(shape.refusals).toEqual([]);
    const share = (published: number) => (published * n) / DEMO_BLOCK;
    const near = (count: number | undefined, published: number) => {
      expect(count).toBeGreaterThanOrEqual(Math.floor(share(published) * 0.9));
      expect(count).toBeLessThanOrEqual(Math.ceil(share(published) * 1.1));
    };
    near(shape.valid.LITTLE_GIANT, PUBLISHED_END_2024.LITTLE_GIANT);
    near(shape.valid.SINGLE_CHAMPION_MUNICIPAL, PUBLISHED_END_2024.SINGLE_CHAMPION_MUNICIPAL);
    near(shape.valid.SINGLE_CHAMPION_NATIONAL, PUBLISHED_END_2024.SINGLE_CHAMPION_NATIONAL);
    near(shape.innovative2025FirstBatch, PUBLISHED_END_2024.INNOVATIVE_SME_2025_FIRST_BATCH);
    expect(shape.valid.SRDI_SME).toBeGreaterThan(share(PUBLISHED_END_2024.SRDI_SME));
    expect(shape.valid.SRDI_SME).toBeLessThan(share(PUBLISHED_END_2024.SRDI_SME) * 1.15);
    expect(shape.valid.INNOVATIVE_SME).toBeGreaterThan(share(PUBLISHED_END_2024.INNOVATIVE_SME));
    expect(shape.valid.INNOVATIVE_SME).toBeLessThan(share(PUBLISHED_END_2024.INNOVATIVE_SME) * 1.15);
    // 科技型: a batch in every month from March to November, each registration ending 31 December.
    expect(Object.keys(shape.techSmeByMonth).sort()).toEqual(
      ['03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2024-${m}`),
    );
    const districts = Object.entries(shape.byDistrict).sort((a, b) => b[1] - a[1]);
    expect(districts[0]![0]).toBe('120116');
    expect(districts[0]![1] / n).toBeGreaterThan(0.25);
  }, 60_000);

  it('ends every 科技型 registration on 31 December of its year', () => {
    const techSme = cohort(42, 2000).flatMap((e) =>
      e.steps.flatMap((s) =>
        'command' in s && s.command.type === 'GrantCertification' && s.command.data.tier === 'TECH_SME'
          ? [s.command.data]
          : [],
      ),
    );
    expect(techSme.length).toBeGreaterThan(1000);
    for (const g of techSme) {
      expect(g.validUntil ?? null).toBeNull(); // the policy's default: the end of the grant's year
      expect(g.batch).toMatch(/^\d{4}年第[1-9]批$/);
    }
  });
});
