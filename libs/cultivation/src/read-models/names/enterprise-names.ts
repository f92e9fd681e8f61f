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

/** The suggestions wanted per name. */
export const SUGGESTIONS_PER_NAME = 3;

/** A name's key as the generated column core_key holds it (migration NameCoreKey): without 天津(市) and legal form. */
export function coreKey(key: string): string {
  return key.replace(/^天津市?/, '').replace(/(股份)?有限(责任)?公司$/, '');
}

const likePattern = (core: string) => `%${core.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Up to three registered enterprises per query whose name resembles it (DOMAIN.md, "Suggestions, never guesses"):
 * names containing the list's name first (a short name: 天锻, TCL中环), then by trigram similarity of the names
 * without 天津(市) and legal form, within the row's district and the reader's. One statement per name, its values
 * constants, so the planner probes the trigram index.
 * Without pg_trgm, containment only (similarity then the share of the name the list's name covers).
 */
export async function nameSuggestions(
  sql: Sql,
  queries: readonly SuggestionQuery[],
): Promise<Map<number, NameSuggestion[]>> {
  const found = new Map<number, NameSuggestion[]>();
  if (queries.length === 0) return found;
  const [trgm] = (await sql.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)) as unknown[];
  const score = trgm ? 'similarity(n.core_key, $1)' : 'length($1)::real / greatest(length(n.core_key), 1)';
  const table = qualified(LIVE_SCHEMA, 'enterprise_name');
  for (const [index, q] of queries.entries()) {
    const core = coreKey(q.key);
    if (core === '') continue;
    // A core of one or two characters has no trigram of its own: the index finds it at the start of a name's core
    // (word similarity, 天锻 in 天锻压力机), where a containment test would read every name.
    const where =
      trgm && [...core].length < 3 ? '$1 <% n.core_key' : `${trgm ? 'n.core_key % $1 OR ' : ''}n.core_key LIKE $2`;
    const rows: { credit_code: string; name: string; similarity: number }[] = await sql.query(
      `SELECT credit_code, name, similarity FROM (
         SELECT DISTINCT ON (n.credit_code) n.credit_code, n.name, ${score} AS similarity,
           strpos(n.core_key, $1) > 0 AS contains
         FROM ${table} n
         WHERE (${where}) AND $2 <> ''
           AND ($3 = '' OR $3 = ANY(n.district_codes))
           AND ($4 = '' OR n.district_codes[cardinality(n.district_codes)] = $4)
         ORDER BY n.credit_code, strpos(n.core_key, $1) > 0 DESC, ${score} DESC, n.current DESC
       ) m ORDER BY contains DESC, similarity DESC, credit_code LIMIT ${SUGGESTIONS_PER_NAME}`,
      [core, likePattern(core), q.district, q.scope],
    );
    if (rows.length > 0) {
      found.set(
        index,
        rows.map((r) => ({
          creditCode: r.credit_code,
          name: r.name,
          similarity: Math.round(r.similarity * 1000) / 1000,
        })),
      );
    }
  }
  return found;
}
