// Tianjin's 16 districts (GB/T 2260). The district is recorded by officials, never derived
// from the credit code, whose area digits name the issuing authority.
import { InvalidInput } from '../errors';

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
