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

// Shares of enterprises by district: the Binhai New Area holds the most (its functional zones count in it, as
// the city's statistics count them), the central districts fewer, the outer ones the fewest.
const DISTRICT_WEIGHTS: readonly (readonly [string, number])[] = DISTRICTS.map((d) => [
  d.code,
  (
    {
      '120116': 30,
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
      '120119': 3,
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
const FORMS = ['有限公司', '股份有限公司'];
/** A step prime to 2, 3, 5, 11 and 31: i ↦ (i·STEP + offset) mod n is one-to-one for every n used here. */
const STEP = 7_368_787;
const TWO_SYLLABLE_NAMES = SYLLABLES.length ** 2 * TRADES.length * FORMS.length; // 43,560

/**
 * The name of enterprise `index`, never another's (the registry holds a name once): the first 43,560 take two
 * brand syllables, the rest three, each through a one-to-one scramble of its index (so names look drawn at random).
 */
export function demoName(seed: number, index: number): { name: string; industryCode: string } {
  const offset = Prng.for(seed, -2).int(0, 2 ** 30);
  const syllables = index < TWO_SYLLABLE_NAMES ? 2 : 3;
  const space = SYLLABLES.length ** syllables * TRADES.length * FORMS.length;
  let n = ((index < TWO_SYLLABLE_NAMES ? index : index - TWO_SYLLABLE_NAMES) * STEP + offset) % space;
  const digit = (base: number) => {
    const d = n % base;
    n = Math.floor(n / base);
    return d;
  };
  const form = FORMS[digit(FORMS.length)]!;
  const [trade, industryCode] = TRADES[digit(TRADES.length)]!;
  const brand = Array.from({ length: syllables }, () => SYLLABLES[digit(SYLLABLES.length)]).join('');
  return { name: `天津${brand}${trade}${form}`, industryCode };
}

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

/**
 * The city's published figures for the end of 2024 (Tianjin Daily, 2025-01-27; STACK.md "Real counts") that the
 * default cohort of 30,000 reproduces on 2024-12-31, and the 2025 first 创新型 batch. A cohort of another size
 * holds them in proportion.
 */
export const PUBLISHED_END_2024 = {
  SRDI_SME: 2_500, // valid, "more than"
  LITTLE_GIANT: 283,
  SINGLE_CHAMPION_MUNICIPAL: 169,
  SINGLE_CHAMPION_NATIONAL: 38,
  INNOVATIVE_SME: 5_800, // valid, "more than"
  INNOVATIVE_SME_2025_FIRST_BATCH: 1_570,
} as const;

/** The size of the block in which every role below is held by exactly its number of enterprises. */
export const DEMO_BLOCK = 30_000;
/** The published date of Tianjin's 2025 first 创新型 batch is not in our sources: the demo dates it mid-June. */
export const INNOVATIVE_2025_FIRST_BATCH_ON = '2025-06-16' as CalendarDate;
const END_2024 = toEpochDay('2024-12-31' as CalendarDate);
const FIRST_DAY = toEpochDay(`${FIRST_YEAR}-01-01` as CalendarDate);

/** Ranks in the block: which enterprises hold what on 2024-12-31 (ranges of a one-to-one scramble of the index). */
const ROLES = {
  championNational: [0, 38],
  championMunicipal: [38, 207],
  littleGiant: [150, 433], // 57 champions are 小巨人 too; the others skipped that rung (recorded)
  srdi: [150, 2_750], // 2,600 valid, the 小巨人 among them
  srdiLater: [2_750, 3_500], // 创新型 holders whose 专精特新 comes in 2025 or 2026
  srdiLost: [10_400, 10_700], // held before, revoked or lapsed before the end of 2024
  innovative: [150, 6_100], // 5,950 valid: every 专精特新 holder, and the rest
  innovative2025: [6_100, 7_670], // the 2025 first batch: 1,570
  innovativeLater: [7_670, 9_200], // later 2025 and 2026 batches
  innovativeLost: [9_200, 10_400], // revoked before the end of 2024
} as const satisfies Record<string, readonly [number, number]>;

const within = (rank: number, [from, to]: readonly [number, number]) => rank >= from && rank < to;

/** Generates the whole history of enterprise `index` of the cohort `seed`, up to `today`. */
export function demoEnterprise(seed: number, index: number, today: CalendarDate): DemoEnterprise {
  const rng = Prng.for(seed, index);
  const rank = ((index % DEMO_BLOCK) * STEP + Prng.for(seed, -3).int(0, DEMO_BLOCK - 1)) % DEMO_BLOCK;
  const t = toEpochDay(today);
  const thisYear = Number(today.slice(0, 4));
  const district = rng.weighted(DISTRICT_WEIGHTS);
  const area = rng.chance(0.4) ? '120000' : district;
  const { name, industryCode } = demoName(seed, index);
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
  const revoke = (tier: Tier, day: number, reason?: RevocationReason) =>
    steps.push({
      on: at(day),
      command: {
        type: 'RevokeCertification',
        data: { tier, revokedOn: at(day), reason: reason ?? rng.weighted(REVOCATION_REASONS) },
      },
    });

  /**
   * A 3-year term from `day`, re-reviewed (复核) a few weeks before each end: always while it ends before `holdUntil`,
   * then with probability `renew`, never after today. Returns the day it stops counting (its end + 1).
   */
  const term = (
    tier: Tier,
    day: number,
    holdUntil: number,
    renew: number,
    level?: CertificationLevel,
    no?: () => string,
  ) => {
    grant(tier, day, level, no?.());
    let end = toEpochDay(addDays(addYears(at(day), 3), -1));
    while (end < holdUntil || rng.chance(renew)) {
      const renewedOn = end - rng.int(10, 60); // within the renewal window: the term ends weeks later
      if (renewedOn > t) break;
      steps.push({
        on: at(renewedOn),
        command: { type: 'RenewCertification', data: { tier, renewedOn: at(renewedOn), certificateNo: no?.() } },
      });
      end = toEpochDay(addDays(addYears(at(end + 1), 3), -1));
    }
    return end + 1;
  };
  /** A year drawn from weights per year, from 2019. */
  const yearOf = (weights: readonly number[]) => FIRST_YEAR + rng.weighted(weights.map((w, i) => [i, w] as const));

  // The tech ladder: 科技型中小 registered in the province's monthly batches (March to November, each valid to
  // 31 December), re-registered most years; then 高新, rarely 领军.
  if (rng.chance(0.62)) {
    const entry = rng.int(FIRST_YEAR, thisYear);
    let registered = true;
    for (let year = entry; year <= thisYear; year++) {
      if (registered) {
        const month = rng.int(3, 11);
        const day = toEpochDay(
          `${year}-${String(month).padStart(2, '0')}-${rng.chance(0.5) ? '15' : '28'}` as CalendarDate,
        );
        if (day > t) break;
        const no = `${year}${district}${rng.pick(['A', 'B', 'C'])}${String(rng.int(1, 9_999_999)).padStart(7, '0')}`;
        grant('TECH_SME', day, undefined, no, `${year}年第${month - 2}批`);
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
        const ended = term('HIGH_TECH', day, 0, 0.7, undefined, gr);
        const lapsedYear = Number(at(ended).slice(0, 4)) + 1;
        if (ended <= t && rng.chance(0.3) && lapsedYear <= thisYear) {
          const again = dayIn(lapsedYear, 10, 12);
          if (again > ended && again <= t) term('HIGH_TECH', again, 0, 0.5, undefined, gr);
        }
        if (rng.chance(0.06)) {
          const leader = day + rng.int(200, 900);
          if (leader <= t && leader < ended) term('TECH_LEADER', leader, 0, 0.6);
        }
      }
    }
  }

  // The specialised ladder, by rank: 创新型 → 专精特新 (创新型 held that day, STRICT) → 小巨人 (STRICT) → 单项冠军.
  const holdsAtEnd2024 = (role: readonly [number, number]) => within(rank, role);
  if (holdsAtEnd2024(ROLES.innovative) || within(rank, ROLES.srdiLost)) {
    // 专精特新 first granted by weights per year (2024: 594 of the 2,600, as published), 创新型 the same day or before.
    const isSrdi = holdsAtEnd2024(ROLES.srdi);
    const isLost = within(rank, ROLES.srdiLost);
    const srdiDay = dayIn(yearOf(isLost ? [10, 15, 20, 25, 30, 0] : [8, 10, 14, 20, 25, 23]), 4, 11);
    const innovativeDay =
      isSrdi || isLost
        ? Math.max(FIRST_DAY, srdiDay - (rng.chance(0.4) ? 0 : rng.int(30, 400)))
        : dayIn(yearOf([0, 0, 0, 30, 35, 35]), 4, 11);
    if (innovativeDay <= t) {
      const innovativeEnds = term('INNOVATIVE_SME', innovativeDay, isLost ? 0 : END_2024 + 1, 0.65);
      if (isSrdi && srdiDay <= t) {
        const srdiEnds = term('SRDI_SME', srdiDay, END_2024 + 1, 0.7);
        if (holdsAtEnd2024(ROLES.littleGiant)) {
          // 小巨人: a national batch after the 专精特新 grant, while it holds, by the end of 2024.
          const from = Math.max(srdiDay + 90, toEpochDay('2019-06-01' as CalendarDate));
          const giant = rng.int(Math.min(from, END_2024 - 30), END_2024 - 30);
          if (giant <= t && giant < srdiEnds && giant >= srdiDay)
            term('LITTLE_GIANT', giant, END_2024 + 1, 0.75, 'NATIONAL');
        }
      } else if (within(rank, ROLES.srdiLater)) {
        // 专精特新 after the end of 2024, while the 创新型 title still holds.
        const day = rng.int(END_2024 + 30, Math.max(END_2024 + 30, Math.min(innovativeEnds - 1, END_2024 + 700)));
        if (day < innovativeEnds && day <= t) term('SRDI_SME', day, 0, 0.7);
      } else if (isLost && srdiDay <= t && srdiDay < innovativeEnds) {
        const srdiEnds = term('SRDI_SME', srdiDay, 0, 0);
        const revokeOn = rng.int(srdiDay + 60, Math.min(srdiEnds - 1, END_2024));
        if (srdiEnds > END_2024 && revokeOn <= t) revoke('SRDI_SME', revokeOn, 'FAILED_REVIEW');
      }
    }
  } else if (within(rank, ROLES.innovative2025) || within(rank, ROLES.innovativeLater)) {
    const day = within(rank, ROLES.innovative2025)
      ? toEpochDay(INNOVATIVE_2025_FIRST_BATCH_ON)
      : dayIn(rng.chance(0.5) ? 2025 : 2026, 7, 11);
    const batch = within(rank, ROLES.innovative2025) ? '2025年第一批' : undefined;
    if (day <= t) grant('INNOVATIVE_SME', day, undefined, undefined, batch);
  } else if (within(rank, ROLES.innovativeLost)) {
    const day = dayIn(rng.int(2022, 2023), 4, 11);
    const revokeOn = rng.int(day + 60, END_2024);
    if (day <= t) grant('INNOVATIVE_SME', day);
    if (revokeOn <= t) revoke('INNOVATIVE_SME', revokeOn);
  }
  const champion = holdsAtEnd2024(ROLES.championNational)
    ? 'NATIONAL'
    : holdsAtEnd2024(ROLES.championMunicipal)
      ? 'MUNICIPAL'
      : null;
  if (champion) {
    const day = dayIn(yearOf([10, 12, 16, 20, 22, 20]), 5, 11);
    if (day <= Math.min(t, END_2024)) term('SINGLE_CHAMPION', day, END_2024 + 1, 0.7, champion);
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
  // Deregistration ends every certification: only enterprises off the specialised ladder's published counts.
  if (last && rank >= ROLES.srdiLost[1] && rng.chance(0.01)) {
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
