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

/** A registered name offered for a list's name that matched none: never applied by itself. */
export interface NameSuggestion {
  readonly creditCode: string;
  /** The registered name (current, or a former one) that resembles the list's name. */
  readonly name: string;
  /** Trigram similarity (0–1) of the two names without 天津(市) and the legal form. */
  readonly similarity: number;
}

/** One unmatched name: its key, the row's district ('' for any) and the district the reader may see ('' for all). */
export interface SuggestionQuery {
  readonly key: string;
  readonly district: string;
  readonly scope: string;
}

/** The suggestions wanted per name, and the names per statement (each a few index probes). */
export const SUGGESTIONS_PER_NAME = 3;
const NAMES_PER_QUERY = 200;

// The row's key as the generated column core_key holds a registered name's (migration NameCoreKey).
const CORE = `regexp_replace(regexp_replace(q.key, '^天津市?', ''), '(股份)?有限(责任)?公司$', '')`;
const LIKE_PATTERN = `'%' || replace(replace(replace(c.core, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

/**
 * Up to three registered enterprises per query whose name resembles it (DOMAIN.md, "Suggestions, never guesses"):
 * names containing the list's name first (a short name: 天锻, TCL中环), then by trigram similarity of the names
 * without 天津(市) and legal form, within the row's district and the reader's. With pg_trgm the trigram index
 * finds them; without it, containment only (similarity then the share of the name the list's name covers).
 */
export async function nameSuggestions(
  sql: Sql,
  queries: readonly SuggestionQuery[],
): Promise<Map<number, NameSuggestion[]>> {
  const found = new Map<number, NameSuggestion[]>();
  if (queries.length === 0) return found;
  const [trgm] = (await sql.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)) as unknown[];
  const similar = trgm
    ? { where: 'n.core_key % c.core OR', score: 'similarity(n.core_key, c.core)' }
    : { where: '', score: 'length(c.core)::real / greatest(length(n.core_key), 1)' };
  const table = qualified(LIVE_SCHEMA, 'enterprise_name');
  for (let start = 0; start < queries.length; start += NAMES_PER_QUERY) {
    const chunk = queries.slice(start, start + NAMES_PER_QUERY);
    const rows: { i: string; credit_code: string; name: string; similarity: number }[] = await sql.query(
      `SELECT c.i, s.credit_code, s.name, s.similarity
       FROM (SELECT q.i, q.district, q.scope, ${CORE} AS core
             FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q(key, district, scope, i)) c
       CROSS JOIN LATERAL (
         SELECT m.credit_code, m.name, m.similarity, m.contains FROM (
           SELECT n.credit_code, n.name, ${similar.score} AS similarity, strpos(n.core_key, c.core) > 0 AS contains,
             row_number() OVER (PARTITION BY n.credit_code
               ORDER BY strpos(n.core_key, c.core) > 0 DESC, ${similar.score} DESC, n.current DESC) AS nth
           FROM ${table} n
           WHERE c.core <> '' AND (${similar.where} n.core_key LIKE ${LIKE_PATTERN})
             AND (c.district = '' OR c.district = ANY(n.district_codes))
             AND (c.scope = '' OR n.district_codes[cardinality(n.district_codes)] = c.scope)
         ) m WHERE m.nth = 1
         ORDER BY m.contains DESC, m.similarity DESC, m.credit_code LIMIT ${SUGGESTIONS_PER_NAME}
       ) s
       ORDER BY c.i, s.contains DESC, s.similarity DESC, s.credit_code`,
      [chunk.map((q) => q.key), chunk.map((q) => q.district), chunk.map((q) => q.scope)],
    );
    for (const r of rows) {
      const index = start + Number(r.i) - 1;
      const list = found.get(index) ?? [];
      list.push({ creditCode: r.credit_code, name: r.name, similarity: Math.round(r.similarity * 1000) / 1000 });
      found.set(index, list);
    }
  }
  return found;
}
