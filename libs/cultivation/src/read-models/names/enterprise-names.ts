// Reads of `enterprise_name`: the registered enterprises a published list's names may mean.
import type { Sql } from '../projection/sql';
import { LIVE_SCHEMA, qualified } from '../schema';

/** A registered enterprise known by a name key (its current or a former name). */
export interface NameCandidate {
  readonly creditCode: string;
  /** The name as registered that has this key. */
  readonly name: string;
  readonly current: boolean;
  /** Every district it has been located in, the current one last. */
  readonly districtCodes: readonly string[];
}

/** Keys per statement: one index probe each, and a parameter of a few hundred kB at most. */
const KEYS_PER_QUERY = 10_000;

/** The enterprises known by each of `keys` (a key with none is absent from the map). */
export async function enterprisesByNameKeys(sql: Sql, keys: readonly string[]): Promise<Map<string, NameCandidate[]>> {
  const found = new Map<string, NameCandidate[]>();
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const rows: { name_key: string; credit_code: string; name: string; current: boolean; district_codes: string[] }[] =
      await sql.query(
        `SELECT name_key, credit_code, name, current, district_codes FROM ${qualified(LIVE_SCHEMA, 'enterprise_name')}
         WHERE name_key = ANY($1::text[]) ORDER BY name_key, credit_code`,
        [keys.slice(i, i + KEYS_PER_QUERY)],
      );
    for (const r of rows) {
      const list = found.get(r.name_key) ?? [];
      list.push({ creditCode: r.credit_code, name: r.name, current: r.current, districtCodes: r.district_codes });
      found.set(r.name_key, list);
    }
  }
  return found;
}

/** Which of `codes` are registered enterprises in the read models. */
export async function registeredCodes(sql: Sql, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += KEYS_PER_QUERY) {
    const rows: { credit_code: string }[] = await sql.query(
      `SELECT credit_code FROM ${qualified(LIVE_SCHEMA, 'enterprise_summary')} WHERE credit_code = ANY($1::text[])`,
      [codes.slice(i, i + KEYS_PER_QUERY)],
    );
    for (const r of rows) found.add(r.credit_code);
  }
  return found;
}
