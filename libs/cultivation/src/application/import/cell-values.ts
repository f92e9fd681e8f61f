// Cell values as officials write them, turned into what the commands take. A value that cannot be
// read is passed on unchanged, so the decider refuses it with its own rule and field.
import { CERTIFICATION_LEVELS, fromEpochDay, isCalendarDate, resolveDistrict, TIERS, tierEntryOn } from '../../domain';
import type { CalendarDate } from '../../domain';

const squash = (value: string) => value.replace(/[\s"'“”‘’「」『』《》]/g, '').toUpperCase();

const TIER_NAMES = new Map<string, string>();
for (const tier of TIERS) {
  const policy = tierEntryOn(tier, '2025-01-01' as CalendarDate);
  for (const name of [tier, policy.nameZh, policy.nameEn]) TIER_NAMES.set(squash(name), tier);
}
for (const [name, tier] of [
  ['科小', 'TECH_SME'],
  ['科技型中小', 'TECH_SME'],
  ['高企', 'HIGH_TECH'],
  ['高新技术', 'HIGH_TECH'],
  ['国家高新技术企业', 'HIGH_TECH'],
  ['领军企业', 'TECH_LEADER'],
  ['创新型中小', 'INNOVATIVE_SME'],
  ['专精特新', 'SRDI_SME'],
  ['专精特新企业', 'SRDI_SME'],
  ['市级专精特新中小企业', 'SRDI_SME'],
  ['小巨人', 'LITTLE_GIANT'],
  ['小巨人企业', 'LITTLE_GIANT'],
  ['专精特新小巨人', 'LITTLE_GIANT'],
  ['国家级专精特新小巨人企业', 'LITTLE_GIANT'],
  ['单项冠军', 'SINGLE_CHAMPION'],
  ['单项冠军企业', 'SINGLE_CHAMPION'],
  ['制造业单项冠军', 'SINGLE_CHAMPION'],
  ['制造业单项冠军示范企业', 'SINGLE_CHAMPION'],
] as const) {
  TIER_NAMES.set(squash(name), tier);
}

/** A tier code from a code, a Chinese or English tier name; else the text as given. */
export function tierOf(cell: string): string {
  return TIER_NAMES.get(squash(cell)) ?? cell.trim();
}

const LEVEL_NAMES = new Map<string, string>([
  ...CERTIFICATION_LEVELS.map((l) => [l, l] as const),
  ['国家级', 'NATIONAL'],
  ['国家', 'NATIONAL'],
  ['市级', 'MUNICIPAL'],
  ['省级', 'MUNICIPAL'], // Tianjin is a municipality: its provincial level is the municipal one
  ['省市级', 'MUNICIPAL'],
  ['区级', 'DISTRICT'],
  ['区县级', 'DISTRICT'],
]);

/** A level code from a code or 国家级/市级/区级; null when blank; else the text as given. */
export function levelOf(cell: string): string | null {
  const text = cell.trim();
  if (!text) return null;
  return LEVEL_NAMES.get(squash(text)) ?? text;
}

/** A district code through the domain's alias table (DOMAIN.md, "Districts as written"); else the text as given. */
export function districtOf(cell: string): string {
  return resolveDistrict(cell) ?? cell.trim();
}

const pad = (n: string) => n.padStart(2, '0');
const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: .*)?$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
// Excel's serial day 25569 is 1970-01-01 (its calendar counts a 29 Feb 1900 that never was).
const EXCEL_EPOCH_OFFSET = 25569;

/** A date written YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD or as an Excel serial number. */
export function dateOf(cell: string): string | null {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    return isCalendarDate(date) ? date : text;
  }
  if (/^\d{5}(\.0+)?$/.test(text)) {
    const serial = Number(text);
    if (serial > 36526 && serial < 73051) return fromEpochDay(serial - EXCEL_EPOCH_OFFSET); // 2000–2099
  }
  return text;
}
