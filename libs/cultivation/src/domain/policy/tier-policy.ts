// The one place the public rules of the two ladders live (DOMAIN.md, "Policy"): the tier catalogue
// and every policy version. Code reads them through policyOn(date); a later revision (a merged
// standard, a new local tier or group) is appended here as a new version, never edited in place.
import { TEXT_LIMITS } from '../enterprise/text-limits';
import type { CalendarDate } from '../shared/calendar-date';
import type {
  CertificateNoFormat,
  PolicyVersion,
  TierGroup,
  TierPolicy,
  ValidityRule,
  YearlyDuties,
} from './policy-types';

/**
 * Every tier and group code any version uses, ladder by ladder, rung by rung, groups last (the
 * GraphQL enum Tier). A new tier or group of a later version adds its code here.
 */
export const TIERS = [
  'TECH_SME',
  'HIGH_TECH',
  'TECH_LEADER',
  'INNOVATIVE_SME',
  'SRDI_SME',
  'LITTLE_GIANT',
  'SINGLE_CHAMPION',
  'TECH_AND_INNOVATIVE_SME',
] as const;
export type Tier = (typeof TIERS)[number];

const THREE_YEARS: ValidityRule = { kind: 'YEARS', years: 3 };
const FREE_TEXT: CertificateNoFormat = { kind: 'FREE_TEXT', maxLength: TEXT_LIMITS.certificateNo };
// 高新 certificates: GR + year + province code (Tianjin 12) + serial, e.g. GR202312000273.
const HIGH_TECH_NO: CertificateNoFormat = {
  kind: 'PATTERN',
  pattern: /^GR\d{4}\d{2}\d{6}$/,
  description: 'GR + 4-digit year + 2-digit province code + 6 digits, e.g. GR202312000273',
  example: 'GR202312000273',
};

// No source sets a re-review window for any tier, so a renewal may be recorded in a term's last 12 months.
const common = {
  defaultValidity: THREE_YEARS,
  maxValidity: THREE_YEARS,
  certificateNo: FREE_TEXT,
  renewalWindowMonths: 12,
};

// 工信部企业〔2022〕63号: certified 创新型/专精特新/小巨人 (and 单项冠军) update their information on the platform by
// 31 May each year; a newly certified 专精特新 enterprise files within three months.
const ANNUAL_UPDATE: YearlyDuties = { annualUpdateDue: '05-31' };

const TECH_SME: TierPolicy = {
  ...common,
  tier: 'TECH_SME',
  ladder: 'TECH',
  rung: 1,
  nameZh: '科技型中小企业',
  nameEn: 'Tech-based SME',
  // Registration numbers are valid for the year of registration only; re-registration is annual.
  defaultValidity: { kind: 'END_OF_START_YEAR' },
  maxValidity: { kind: 'END_OF_START_YEAR' },
  levels: ['MUNICIPAL'],
  defaultLevel: 'MUNICIPAL',
  prerequisites: [],
};

const HIGH_TECH: TierPolicy = {
  ...common,
  tier: 'HIGH_TECH',
  ladder: 'TECH',
  rung: 2,
  nameZh: '高新技术企业',
  nameEn: 'High-tech enterprise',
  levels: ['MUNICIPAL'],
  defaultLevel: 'MUNICIPAL',
  prerequisites: [],
  certificateNo: HIGH_TECH_NO,
};

const TECH_LEADER: TierPolicy = {
  ...common,
  tier: 'TECH_LEADER',
  ladder: 'TECH',
  rung: 3,
  nameZh: '科技领军企业',
  nameEn: 'Tech leading enterprise',
  levels: ['MUNICIPAL'],
  defaultLevel: 'MUNICIPAL',
  prerequisites: [{ anyOf: ['HIGH_TECH'], mode: 'RECORD' }],
};

const INNOVATIVE_SME: TierPolicy = {
  ...common,
  tier: 'INNOVATIVE_SME',
  yearlyDuties: ANNUAL_UPDATE,
  ladder: 'SPECIALIZED',
  rung: 1,
  nameZh: '创新型中小企业',
  nameEn: 'Innovative SME',
  levels: ['MUNICIPAL'],
  defaultLevel: 'MUNICIPAL',
  prerequisites: [],
};

const SRDI_SME: TierPolicy = {
  ...common,
  tier: 'SRDI_SME',
  yearlyDuties: { ...ANNUAL_UPDATE, firstFilingMonths: 3 },
  ladder: 'SPECIALIZED',
  rung: 2,
  nameZh: '专精特新中小企业',
  nameEn: 'Specialized, refined, distinctive and novel SME',
  levels: ['MUNICIPAL'],
  defaultLevel: 'MUNICIPAL',
  prerequisites: [{ anyOf: ['INNOVATIVE_SME'], mode: 'STRICT' }],
};

const LITTLE_GIANT: TierPolicy = {
  ...common,
  tier: 'LITTLE_GIANT',
  yearlyDuties: ANNUAL_UPDATE,
  ladder: 'SPECIALIZED',
  rung: 3,
  nameZh: '专精特新"小巨人"企业',
  nameEn: 'SRDI "little giant"',
  levels: ['NATIONAL'],
  defaultLevel: 'NATIONAL',
  prerequisites: [{ anyOf: ['SRDI_SME'], mode: 'STRICT' }],
};

const SINGLE_CHAMPION: TierPolicy = {
  ...common,
  tier: 'SINGLE_CHAMPION',
  yearlyDuties: ANNUAL_UPDATE,
  ladder: 'SPECIALIZED',
  rung: 4,
  nameZh: '制造业单项冠军企业',
  nameEn: 'Manufacturing single champion',
  levels: ['NATIONAL', 'MUNICIPAL'],
  defaultLevel: 'MUNICIPAL',
  prerequisites: [{ anyOf: ['LITTLE_GIANT'], mode: 'RECORD' }],
};

// 工信部企业〔2026〕2号: 科技型 and 创新型中小企业 together are 科技和创新型中小企业, the first rung of the
// national ladder 科技和创新型 → 专精特新 → 小巨人; each keeps its own certificate, evaluation and validity.
const TECH_AND_INNOVATIVE_SME: TierGroup = {
  tier: 'TECH_AND_INNOVATIVE_SME',
  ladder: 'SPECIALIZED',
  rung: 1,
  nameZh: '科技和创新型中小企业',
  nameEn: 'Tech-and-innovative SME',
  members: ['TECH_SME', 'INNOVATIVE_SME'],
};

/** Every policy version, oldest first. The first also judges dates before its effectiveFrom. */
export const POLICY_VERSIONS: readonly PolicyVersion[] = [
  {
    id: 'plan-2025',
    effectiveFrom: '2000-01-01' as CalendarDate,
    source:
      '国科发政〔2017〕115号 (科技型中小企业); 工信部企业〔2022〕63号 (创新型/专精特新/小巨人); 工信部政法〔2023〕138号 (单项冠军); 天津市2025–2027年行动方案',
    summary:
      'Seven certificate tiers on two ladders. SRDI_SME needs INNOVATIVE_SME (STRICT); LITTLE_GIANT needs SRDI_SME (STRICT); TECH_LEADER needs HIGH_TECH (RECORD); SINGLE_CHAMPION needs LITTLE_GIANT (RECORD).',
    tiers: { TECH_SME, HIGH_TECH, TECH_LEADER, INNOVATIVE_SME, SRDI_SME, LITTLE_GIANT, SINGLE_CHAMPION },
    groups: [],
  },
  {
    id: 'revision-2026',
    effectiveFrom: '2026-04-01' as CalendarDate,
    source: '工信部企业〔2026〕2号《优质中小企业梯度培育管理办法》(issued 2026-01-17)',
    summary:
      'TECH_SME and INNOVATIVE_SME together form the group TECH_AND_INNOVATIVE_SME (科技和创新型中小企业), each keeping its own certificate and validity; SRDI_SME now needs TECH_SME or INNOVATIVE_SME (STRICT). Everything else as before.',
    tiers: {
      TECH_SME,
      HIGH_TECH,
      TECH_LEADER,
      INNOVATIVE_SME,
      SRDI_SME: { ...SRDI_SME, prerequisites: [{ anyOf: ['TECH_SME', 'INNOVATIVE_SME'], mode: 'STRICT' }] },
      LITTLE_GIANT,
      SINGLE_CHAMPION,
    },
    groups: [TECH_AND_INNOVATIVE_SME],
  },
];
