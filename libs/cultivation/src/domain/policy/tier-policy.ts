// The one place the public rules of the two ladders live (DOMAIN.md, "Policy"). Code reads them
// through policyOn(date); a later revision is appended as a new version, never edited in place.
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificateNoFormat, PolicyVersion, TierPolicy, ValidityRule } from './policy-types';

const THREE_YEARS: ValidityRule = { kind: 'YEARS', years: 3 };
const FREE_TEXT: CertificateNoFormat = { kind: 'FREE_TEXT', maxLength: 64 };
// 高新 certificates: GR + year + province code (Tianjin 12) + serial, e.g. GR202312000273.
const HIGH_TECH_NO: CertificateNoFormat = {
  kind: 'PATTERN',
  pattern: /^GR\d{4}\d{2}\d{6}$/,
  description: 'GR + 4-digit year + 2-digit province code + 6 digits, e.g. GR202312000273',
};

const common = { defaultValidity: THREE_YEARS, maxValidity: THREE_YEARS, certificateNo: FREE_TEXT };

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
  prerequisites: [{ tier: 'HIGH_TECH', mode: 'RECORD' }],
};

const INNOVATIVE_SME: TierPolicy = {
  ...common,
  tier: 'INNOVATIVE_SME',
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
  ladder: 'SPECIALIZED',
  rung: 2,
  nameZh: '专精特新中小企业',
  nameEn: 'Specialized, refined, distinctive and novel SME',
  levels: ['MUNICIPAL'],
  defaultLevel: 'MUNICIPAL',
  prerequisites: [{ tier: 'INNOVATIVE_SME', mode: 'STRICT' }],
};

const LITTLE_GIANT: TierPolicy = {
  ...common,
  tier: 'LITTLE_GIANT',
  ladder: 'SPECIALIZED',
  rung: 3,
  nameZh: '专精特新"小巨人"企业',
  nameEn: 'SRDI "little giant"',
  levels: ['NATIONAL'],
  defaultLevel: 'NATIONAL',
  prerequisites: [{ tier: 'SRDI_SME', mode: 'STRICT' }],
};

const SINGLE_CHAMPION: TierPolicy = {
  ...common,
  tier: 'SINGLE_CHAMPION',
  ladder: 'SPECIALIZED',
  rung: 4,
  nameZh: '制造业单项冠军企业',
  nameEn: 'Manufacturing single champion',
  levels: ['NATIONAL', 'MUNICIPAL'],
  defaultLevel: 'MUNICIPAL',
  prerequisites: [{ tier: 'LITTLE_GIANT', mode: 'RECORD' }],
};

/** Every policy version, oldest first. The first also judges dates before its effectiveFrom. */
export const POLICY_VERSIONS: readonly PolicyVersion[] = [
  {
    id: 'plan-2025',
    effectiveFrom: '2000-01-01' as CalendarDate,
    tiers: { TECH_SME, HIGH_TECH, TECH_LEADER, INNOVATIVE_SME, SRDI_SME, LITTLE_GIANT, SINGLE_CHAMPION },
  },
  // Next: { id: 'revision-2026', effectiveFrom: '2026-04-01', tiers: {...} } merging the first rungs.
];
