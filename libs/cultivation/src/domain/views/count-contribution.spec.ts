import { fold } from '../enterprise/evolve';
import type { EnterpriseEvent } from '../events/enterprise-events';
import { BINHAI, HEPING, granted, registered, relocated, renewed, withIds } from '../spec-fixtures';
import {
  CITY,
  contributionChange,
  countFacts,
  netChange,
  weightedContribution,
  type ContributionQuery,
} from './count-contribution';

const factsOf = (district: string, ...events: EnterpriseEvent[]) =>
  countFacts(fold(withIds([registered(district), ...events])));
const q: ContributionQuery = {
  dates: ['2024-06-30', '2025-06-30', '2026-01-31', '2026-06-30'].map((on) => on as never),
  districts: [HEPING, BINHAI, CITY],
  metrics: ['ACTIVE', 'CUMULATIVE', 'GRANTED', 'RENEWED', 'ENDED'],
};
const history = [
  granted('TECH_SME', '2024-02-01', '2026-12-31'),
  granted('INNOVATIVE_SME', '2024-03-01', '2027-02-28'),
  renewed('TECH_SME', '2026-11-01', '2029-12-31'),
];
const lateGrant = granted('HIGH_TECH', '2026-01-15', '2028-12-31');
/** Three enterprises' changes: two identical late grants (one in each district) and a late relocation. */
const changes = [
  { before: factsOf(HEPING, ...history), after: factsOf(HEPING, ...history, lateGrant) },
  { before: factsOf(BINHAI, ...history), after: factsOf(BINHAI, ...history, lateGrant) },
  { before: factsOf(HEPING, ...history), after: factsOf(HEPING, ...history, relocated(HEPING, BINHAI, '2025-01-01')) },
];
const plain = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, n]) => n !== 0).sort());

describe('netChange', () => {
  it('evaluated once, gives the sum of each change’s contributionChange', () => {
    const sum = new Map<string, number>();
    for (const { before, after } of changes)
      for (const [k, n] of contributionChange(before, after, q)) sum.set(k, (sum.get(k) ?? 0) + n);
    expect(plain(weightedContribution(netChange(changes), q))).toEqual(plain(sum));
    // Two late 高新 grants city-wide on 2026-01-31; the relocation moves 科技型 from 和平区 to 滨海新区 in 2025.
    expect(sum.get(`2026-01-31|${CITY}|ACTIVE|HIGH_TECH|ANY`)).toBe(2);
    expect(sum.get(`2025-06-30|${HEPING}|ACTIVE|TECH_SME|ANY`)).toBe(-1);
    expect(sum.get(`2025-06-30|${BINHAI}|ACTIVE|TECH_SME|ANY`)).toBe(1);
    expect(sum.has(`2025-06-30|${CITY}|ACTIVE|TECH_SME|ANY`)).toBe(false);
  });

  it('keeps only the facts that changed, equal ones merged with a weight', () => {
    const net = netChange(changes.slice(0, 2));
    expect(net.segments.every(([s]) => s.tier === 'HIGH_TECH')).toBe(true);
    expect(net.occurrences.map(([o, n]) => `${o.kind} ${o.districtCode} ${o.on} ×${n}`).sort()).toEqual([
      `ENDED ${HEPING} 2029-01-01 ×1`,
      `ENDED ${BINHAI} 2029-01-01 ×1`,
      `GRANTED ${HEPING} 2026-01-15 ×1`,
      `GRANTED ${BINHAI} 2026-01-15 ×1`,
    ]);
    const twice = netChange([changes[0]!, changes[0]!]);
    expect(twice.occurrences.map(([, n]) => n)).toEqual([2, 2]);
  });

  it('leaves nothing when nothing changed (a late rename changes no count)', () => {
    const facts = factsOf(HEPING, ...history);
    expect(netChange([{ before: facts, after: factsOf(HEPING, ...history) }])).toEqual({
      segments: [],
      occurrences: [],
    });
  });
});
