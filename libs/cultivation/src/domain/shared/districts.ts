// Tianjin's 16 districts (GB/T 2260). The district is recorded by officials, never derived
// from the credit code, whose area digits name the issuing authority.
import { InvalidInput } from '../errors';
import { DISTRICT_ALIASES } from './district-aliases';

export interface District {
  readonly code: string;
  readonly name: string;
}

/** The catalogue, in code order. */
export const DISTRICTS: readonly District[] = [
  { code: '120101', name: '和平区' },
  { code: '120102', name: '河东区' },
  { code: '120103', name: '河西区' },
  { code: '120104', name: '南开区' },
  { code: '120105', name: '河北区' },
  { code: '120106', name: '红桥区' },
  { code: '120110', name: '东丽区' },
  { code: '120111', name: '西青区' },
  { code: '120112', name: '津南区' },
  { code: '120113', name: '北辰区' },
  { code: '120114', name: '武清区' },
  { code: '120115', name: '宝坻区' },
  { code: '120116', name: '滨海新区' },
  { code: '120117', name: '宁河区' },
  { code: '120118', name: '静海区' },
  { code: '120119', name: '蓟州区' },
];

const BY_CODE = new Map(DISTRICTS.map((d) => [d.code, d]));

/** The district with this code, or undefined. */
export function districtByCode(code: string): District | undefined {
  return BY_CODE.get(code);
}

/** Validates a district code against the catalogue; refuses with DISTRICT_UNKNOWN. */
export function parseDistrictCode(input: unknown, field = 'district'): string {
  const code = typeof input === 'string' ? input.trim() : '';
  if (!BY_CODE.has(code)) throw new InvalidInput('DISTRICT_UNKNOWN', field, `unknown district code ${String(input)}`);
  return code;
}

/** A written name as the alias table compares it: NFKC (full-width brackets and letters alike), no spaces. */
function aliasKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]/g, '')
    .toUpperCase();
}

const BY_ALIAS = new Map<string, string>();
for (const d of DISTRICTS) {
  const aliases = DISTRICT_ALIASES.find((a) => a.code === d.code);
  for (const name of [d.code, d.name, ...(aliases?.names ?? []), ...(aliases?.zones ?? [])]) {
    const key = aliasKey(name);
    const taken = BY_ALIAS.get(key);
    if (taken !== undefined && taken !== d.code) throw new Error(`district alias ${name} names ${taken} and ${d.code}`);
    BY_ALIAS.set(key, d.code);
  }
}

/** As written, then without 天津(市), then either without a trailing 区/新区 the table does not hold. */
function resolvePart(text: string): string | undefined {
  const key = aliasKey(text);
  for (const k of [key, key.replace(/^天津市?/, '')]) {
    const code = BY_ALIAS.get(k) ?? BY_ALIAS.get(k.replace(/(新区|区)$/, ''));
    if (code !== undefined) return code;
  }
  return undefined;
}

/**
 * The district a list's cell names: a code, a name with or without 区/新区, a former name, a zone or park inside
 * it, or a district with its zone in brackets of either width (「滨海新区（高新区）」). Undefined when a part is
 * unknown or the parts name different districts.
 */
export function resolveDistrict(cell: string): string | undefined {
  const text = cell.normalize('NFKC').trim();
  if (text === '') return undefined;
  const bracketed = /^(.*?)\s*[([]([^()[\]]+)[)\]]\s*$/.exec(text);
  if (!bracketed) return resolvePart(text);
  const parts = [bracketed[1]!, bracketed[2]!].filter((p) => p.trim() !== '').map(resolvePart);
  const [first] = parts;
  return first !== undefined && parts.every((p) => p === first) ? first : undefined;
}
