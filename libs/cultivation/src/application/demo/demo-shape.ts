// The demo cohort's figures on a date, computed by deciding every enterprise's history in memory with the
// enterprise decider (no database): what README prints beside the city's published figures, and what the demo
// test holds to their shape. A command the decider refuses is counted: the generator must write none.
import { type CalendarDate, countsOn, DomainError, evolve, type EnterpriseState } from '../../domain';
import { demoEnterprise } from './cohort-generator';
import { demoUnits } from './seed-demo-cohort';

export interface DemoShape {
  readonly enterprises: number;
  /** Enterprises holding a counting grant of each tier on the date (单项冠军 also by level). */
  readonly valid: Record<string, number>;
  /** 创新型 grants of the batch 2025年第一批. */
  readonly innovative2025FirstBatch: number;
  /** 科技型 grants per calendar month of the date's year (the province's monthly batches). */
  readonly techSmeByMonth: Record<string, number>;
  /** Enterprises per district (where registered). */
  readonly byDistrict: Record<string, number>;
  /** Commands the decider refused (the first few, with the rule). */
  readonly refused: number;
  readonly refusals: string[];
}

/** Generates enterprises 0..n−1 of the cohort `seed` up to `today` and counts them on `on`. */
export function demoShape(seed: number, n: number, today: CalendarDate, on: CalendarDate): DemoShape {
  const valid: Record<string, number> = {};
  const techSmeByMonth: Record<string, number> = {};
  const byDistrict: Record<string, number> = {};
  let innovative2025FirstBatch = 0;
  let refused = 0;
  const refusals: string[] = [];
  const add = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    const enterprise = demoEnterprise(seed, i, today);
    add(byDistrict, enterprise.district);
    let state: EnterpriseState = { status: 'UNREGISTERED' };
    let eventNo = 0;
    for (const unit of demoUnits(seed, enterprise, today)) {
      try {
        for (const event of unit.decide(state, { today })) state = evolve(state, { eventId: `e${eventNo++}`, event });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (refusals.length < 10) refusals.push(`${enterprise.creditCode} ${unit.commandId}: ${error.rule}`);
        refused++;
      }
    }
    if (state.status === 'UNREGISTERED') continue;
    const held = new Set<string>();
    for (const g of state.grants) {
      if (g.retracted) continue;
      if (countsOn(g, on)) held.add(g.tier === 'SINGLE_CHAMPION' ? `SINGLE_CHAMPION_${g.level}` : g.tier);
      if (g.tier === 'INNOVATIVE_SME' && g.batch === '2025年第一批') innovative2025FirstBatch++;
      if (g.tier === 'TECH_SME' && g.grantedOn.startsWith(on.slice(0, 4))) add(techSmeByMonth, g.grantedOn.slice(0, 7));
    }
    for (const tier of held) add(valid, tier);
  }
  return { enterprises: n, valid, innovative2025FirstBatch, techSmeByMonth, byDistrict, refused, refusals };
}
