import { type CalendarDate, isValidCreditCode } from '../../domain';
import { demoEnterprise } from './cohort-generator';

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
});
