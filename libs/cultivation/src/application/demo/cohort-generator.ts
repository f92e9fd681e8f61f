// A synthetic cohort of the city's size with plausible spreads: districts (滨海新区 largest), both
// ladders from 2019 to today, annual 科技型中小 re-registration, 3-year terms renewed or left to lapse,
// a few revocations, relocations, retractions and deregistrations. Enterprise i depends only on
// (seed, i): a cohort of 300 is the first 300 of a cohort of 30,000.
import {
  addDays,
  addYears,
  type CalendarDate,
  type CertificationLevel,
  creditCodeCheckCharacter,
  CREDIT_CODE_ALPHABET,
  DISTRICTS,
  type EnterpriseCommand,
  fromEpochDay,
  type RevocationReason,
  type Tier,
  toEpochDay,
} from '../../domain';
import { Prng } from './prng';

type DatedCommand = Exclude<
  EnterpriseCommand,
  { type: 'RegisterEnterprise' | 'RecordLapses' | 'RetractCertification' }
>;

/** One step of an enterprise's history: a command, or the retraction of its latest grant of a tier. */
export type DemoStep =
  | { readonly on: CalendarDate; readonly command: DatedCommand }
  | { readonly on: CalendarDate; readonly retract: { readonly tier: Tier; readonly reason: string } };

export interface DemoEnterprise {
  readonly creditCode: string;
  readonly name: string;
  readonly district: string;
  readonly industryCode: string;
  /** In effective-date order, none after `today`. Registration comes first; the lapse sweep runs between. */
  readonly steps: DemoStep[];
}

// Shares of enterprises by district: the Binhai New Area holds the most, the outer districts the fewest.
const DISTRICT_WEIGHTS: readonly (readonly [string, number])[] = DISTRICTS.map((d) => [
  d.code,
  (
    {
      '120116': 28,
      '120111': 9,
      '120114': 7,
      '120110': 7,
      '120113': 6,
      '120112': 6,
      '120104': 6,
      '120103': 5,
      '120101': 3,
      '120102': 3,
      '120105': 3,
      '120106': 2,
      '120118': 4,
      '120115': 4,
      '120117': 3,
      '120119': 4,
    } as Record<string, number>
  )[d.code] ?? 1,
]);

const SYLLABLES = [...'华泰宏达瑞恒鑫博海创源正联信德中新金远盛通天安嘉永科智星辰启航云峰'];
const TRADES: readonly (readonly [string, string])[] = [
  ['科技', 'M75'],
  ['电子', 'C39'],
  ['生物', 'C27'],
  ['医药', 'C27'],
  ['智能装备', 'C34'],
  ['新材料', 'C30'],
  ['精密机械', 'C34'],
  ['软件', 'I65'],
  ['信息技术', 'I65'],
  ['环保科技', 'N77'],
  ['汽车零部件', 'C36'],
  ['装备制造', 'C35'],
  ['化工', 'C26'],
  ['光电', 'C39'],
  ['新能源', 'C38'],
  ['数据', 'I64'],
  ['仪器仪表', 'C40'],
  ['航空科技', 'C37'],
  ['海洋科技', 'M73'],
  ['食品', 'C14'],
];
const REVOCATION_REASONS: readonly (readonly [RevocationReason, number])[] = [
  ['FAILED_REVIEW', 4],
  ['NO_LONGER_ELIGIBLE', 4],
  ['MISSED_REPORTING', 3],
  ['SAFETY_OR_QUALITY_INCIDENT', 1],
  ['ENVIRONMENTAL_VIOLATION', 1],
  ['FRAUD', 1],
];

const FIRST_YEAR = 2019;
const ORG_SPACE = 31 ** 7;

function base31(value: number, width: number): string {
  let text = '';
  for (let i = 0; i < width; i++, value = Math.floor(value / 31)) text = CREDIT_CODE_ALPHABET[value % 31] + text;
  return text;
}

/** A valid, unique credit code for enterprise `index`: 91 + area + "MA" + 7 scrambled characters + check. */
export function demoCreditCode(seed: number, index: number, area: string): string {
  const mix = Prng.for(seed, -1).int(0, ORG_SPACE - 1);
  const org = (index * 7_368_787 + mix) % ORG_SPACE; // 7,368,787 is prime to 31: distinct for every index
  const first17 = `91${area}MA${base31(org, 7)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** Generates the whole history of enterprise `index` of the cohort `seed`, up to `today`. */
export function demoEnterprise(seed: number, index: number, today: CalendarDate): DemoEnterprise {
  const rng = Prng.for(seed, index);
  const t = toEpochDay(today);
  const thisYear = Number(today.slice(0, 4));
  const district = rng.weighted(DISTRICT_WEIGHTS);
  const area = rng.chance(0.4) ? '120000' : district;
  const [trade, industryCode] = rng.pick(TRADES);
  const name = `天津${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}${trade}${rng.chance(0.85) ? '有限公司' : '股份有限公司'}`;
  const steps: DemoStep[] = [];
  const at = (day: number) => fromEpochDay(day);
  const dayIn = (year: number, fromMonth: number, toMonth: number) => {
    const from = toEpochDay(`${year}-${String(fromMonth).padStart(2, '0')}-01` as CalendarDate);
    const to = toEpochDay(
      `${toMonth === 12 ? year + 1 : year}-${String((toMonth % 12) + 1).padStart(2, '0')}-01` as CalendarDate,
    );
    return rng.int(from, to - 1);
  };
  const grant = (tier: Tier, day: number, level?: CertificationLevel, certificateNo?: string, batch?: string) =>
    steps.push({
      on: at(day),
      command: { type: 'GrantCertification', data: { tier, grantedOn: at(day), level, certificateNo, batch } },
    });
  const revoke = (tier: Tier, day: number) =>
    steps.push({
      on: at(day),
      command: {
        type: 'RevokeCertification',
        data: { tier, revokedOn: at(day), reason: rng.weighted(REVOCATION_REASONS) },
      },
    });

  /** A 3-year grant, renewed at each expiry with probability `renew`, maybe revoked; returns the day it stops counting. */
  const term = (tier: Tier, day: number, renew: number, level?: CertificationLevel, no?: () => string): number => {
    grant(tier, day, level, no?.());
    let end = toEpochDay(addDays(addYears(at(day), 3), -1));
    const revokeOn = rng.chance(0.02) ? rng.int(day + 30, day + 3 * 365) : Infinity;
    while (rng.chance(renew)) {
      const renewedOn = end - rng.int(10, 60);
      if (renewedOn > t || renewedOn >= revokeOn) break;
      steps.push({
        on: at(renewedOn),
        command: { type: 'RenewCertification', data: { tier, renewedOn: at(renewedOn), certificateNo: no?.() } },
      });
      end = toEpochDay(addDays(addYears(at(end + 1), 3), -1));
    }
    if (revokeOn <= Math.min(end, t)) {
      revoke(tier, revokeOn);
      return revokeOn;
    }
    return end + 1;
  };

  // The tech ladder: annual 科技型中小 registration from an entry year, then 高新, rarely 领军.
  if (rng.chance(0.62)) {
    const entry = rng.int(FIRST_YEAR, thisYear);
    let registered = true;
    for (let year = entry; year <= thisYear; year++) {
      if (registered) {
        const day = dayIn(year, 3, 9);
        if (day > t) break;
        const no = `${year}${district}${rng.pick(['A', 'B', 'C'])}${String(rng.int(1, 9_999_999)).padStart(7, '0')}`;
        grant('TECH_SME', day, undefined, no, `${year}年第${rng.int(1, 3)}批`);
        if (rng.chance(0.005) && day + 30 <= t) {
          steps.push({
            on: at(day + rng.int(5, 30)),
            retract: { tier: 'TECH_SME', reason: '录入错误 (entered in error)' },
          });
        } else if (rng.chance(0.01)) {
          const on = day + rng.int(20, 120);
          if (on <= Math.min(t, toEpochDay(`${year}-12-31` as CalendarDate))) revoke('TECH_SME', on);
        }
      }
      registered = registered ? rng.chance(0.82) : rng.chance(0.25);
    }
    if (rng.chance(0.33)) {
      const year = Math.min(thisYear, entry + rng.int(0, 2));
      const day = dayIn(year, 10, 12);
      const gr = () => `GR${year}12${String(rng.int(0, 999_999)).padStart(6, '0')}`;
      if (day <= t) {
        const ended = term('HIGH_TECH', day, 0.7, undefined, gr);
        const lapsedYear = Number(at(ended).slice(0, 4)) + 1;
        if (ended <= t && rng.chance(0.3) && lapsedYear <= thisYear) {
          const again = dayIn(lapsedYear, 10, 12);
          if (again > ended && again <= t) term('HIGH_TECH', again, 0.5, undefined, gr);
        }
        if (rng.chance(0.06)) {
          const leader = day + rng.int(200, 900);
          if (leader <= t && leader < ended) term('TECH_LEADER', leader, 0.6);
        }
      }
    }
  }

  // The specialised ladder: 创新型 → 专精特新 (held on the day, STRICT) → 小巨人 (STRICT) → 单项冠军 (RECORD).
  if (rng.chance(0.3)) {
    const day = dayIn(rng.int(FIRST_YEAR, thisYear), 4, 8);
    if (day <= t) {
      const innovativeEnds = term('INNOVATIVE_SME', day, 0.65);
      if (rng.chance(0.45)) {
        const srdi = rng.chance(0.3) ? day : day + rng.int(60, 700);
        if (srdi <= t && srdi < innovativeEnds) {
          const srdiEnds = term('SRDI_SME', srdi, 0.65);
          const giant = srdi + rng.int(150, 800);
          if (rng.chance(0.07) && giant <= t && giant < srdiEnds) {
            const giantEnds = term('LITTLE_GIANT', giant, 0.75, 'NATIONAL');
            const champion = giant + rng.int(200, 900);
            if (rng.chance(0.35) && champion <= t && champion < giantEnds) {
              term('SINGLE_CHAMPION', champion, 0.7, rng.chance(0.85) ? 'MUNICIPAL' : 'NATIONAL');
            }
          } else if (rng.chance(0.01) && giant <= t) {
            term('SINGLE_CHAMPION', giant, 0.7, 'MUNICIPAL'); // a champion that skipped the 小巨人 rung
          }
        }
      }
    }
  }

  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const first = steps[0]?.on;
  if (first && rng.chance(0.03)) {
    const on = rng.int(toEpochDay(first), t);
    const toDistrict = rng.weighted(DISTRICT_WEIGHTS.filter(([code]) => code !== district));
    const relocation: DemoStep = {
      on: at(on),
      command: { type: 'RelocateEnterprise', data: { toDistrict, effectiveOn: at(on) } },
    };
    const after = steps.findIndex((s) => s.on > relocation.on);
    steps.splice(after < 0 ? steps.length : after, 0, relocation);
  }
  const last = steps.at(-1)?.on;
  if (last && rng.chance(0.01)) {
    const on = toEpochDay(last) + rng.int(1, 400);
    if (on <= t) {
      steps.push({
        on: at(on),
        command: { type: 'DeregisterEnterprise', data: { effectiveOn: at(on), reason: '注销 (dissolved)' } },
      });
    }
  }
  return { creditCode: demoCreditCode(seed, index, area), name, district, industryCode, steps };
}
