// A published list's rows without a credit code, matched by name (DOMAIN.md, "Lists as they are
// published"): the name's key (see nameKey) against every registered enterprise's current and former
// names, and against the enterprises this file itself registers, narrowed by the row's district when
// it gives one. One lookup of all the file's keys, not a query per row.
import type { RuleName } from '@cl/refusals';
import type { EventStore } from '@cl/event-store';
import { type Actor, hasRole } from '@cl/platform';
import type { DataSource } from 'typeorm';
import { districtByCode, nameKey } from '../../domain';
import {
  enterprisesByNameKeys,
  nameSuggestions,
  readLiveCheckpoint,
  registeredCodes,
  type NameCandidate,
  type NameSuggestion,
  type SuggestionQuery,
} from '../../read-models';
import { waitForPosition } from '../queries/status/projection-status';
import type { Refusal } from './batch-writer';
import { ReadModelsBehind } from './import-errors';
import type { ImportRow } from './import-rows';

/** Where registered names are looked up. */
export interface NameDirectory {
  /** Resolves once every event now in the log is reflected; throws ReadModelsBehind after `waitMs`. */
  catchUp(waitMs: number): Promise<void>;
  /** The registered enterprises known by each key (current or former name). */
  byKeys(keys: readonly string[]): Promise<Map<string, NameCandidate[]>>;
  /** Which of `codes` are registered. */
  registered(codes: readonly string[]): Promise<Set<string>>;
  /** Up to three registered names resembling each query's (by its index in `queries`). */
  suggest(queries: readonly SuggestionQuery[]): Promise<Map<number, NameSuggestion[]>>;
}

/** How long an import waits for the read models to reach the log's head before matching names. */
export const NAME_MATCH_WAIT_MS = 30_000;

/** The read models as the directory: read-your-writes by waiting for the checkpoint to reach the head. */
export class ReadModelNameDirectory implements NameDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  async catchUp(waitMs: number): Promise<void> {
    const head = await this.store.head();
    if (head === null || (await waitForPosition(this.dataSource, head, waitMs))) return;
    throw new ReadModelsBehind(head, (await readLiveCheckpoint(this.dataSource)).position, waitMs);
  }

  byKeys(keys: readonly string[]): Promise<Map<string, NameCandidate[]>> {
    return enterprisesByNameKeys(this.dataSource, keys);
  }

  registered(codes: readonly string[]): Promise<Set<string>> {
    return registeredCodes(this.dataSource, codes);
  }

  suggest(queries: readonly SuggestionQuery[]): Promise<Map<number, NameSuggestion[]>> {
    return nameSuggestions(this.dataSource, queries);
  }
}

/**
 * A row found by name (its credit code filled in), or refused with the candidates it matched (NAME_AMBIGUOUS) or
 * the registered names it resembles (NAME_NOT_FOUND: suggestions, never applied).
 */
export type NameMatch =
  | { readonly kind: 'matched'; readonly row: ImportRow }
  | {
      readonly kind: 'refused';
      readonly refusal: Refusal;
      readonly candidates: string[];
      suggestions: readonly NameSuggestion[];
    };

const refused = (rule: RuleName, field: string, message: string, candidates: string[] = []): NameMatch => ({
  kind: 'refused',
  refusal: { code: 'RULE_VIOLATION', rule, field, message },
  candidates,
  suggestions: [],
});

/** A district cell the alias table does not know, quoted as written (DOMAIN.md, "Districts as written"). */
const unknownDistrict = (row: ImportRow): NameMatch =>
  refused(
    'DISTRICT_UNKNOWN',
    'district',
    `unknown district 「${row.district}」: write one of Tianjin's 16 districts (with or without 区), its code, ` +
      'or a functional zone or park inside it (经开区, 高新区, 东疆, 武清开发区…)',
  );

const districtName = (code: string) => districtByCode(code)?.name ?? code;

function describe(c: NameCandidate): string {
  const where = c.districtCodes.map(districtName).join('/');
  return `${c.creditCode} (${c.name}${c.current ? '' : ', a former name'}, ${where})`;
}

/**
 * One match per row: null for a row with a credit code (it names its enterprise itself). A district
 * official's report names only candidates located in their district (the others are counted): they may
 * not read enterprises elsewhere, and could not act on them anyway.
 */
export async function matchNames(
  rows: readonly ImportRow[],
  directory: NameDirectory,
  actor: Actor,
  waitMs = NAME_MATCH_WAIT_MS,
): Promise<(NameMatch | null)[]> {
  const cityWide = hasRole(actor, 'MUNICIPAL_OFFICIAL');
  const visible = (c: NameCandidate) => cityWide || c.districtCodes.at(-1) === actor.district;
  const listed = (all: NameCandidate[]) => {
    const shown = all.filter(visible);
    const hidden = all.length - shown.length;
    const elsewhere = hidden > 0 ? `${shown.length > 0 ? '; ' : ''}${hidden} located outside your district` : '';
    return { shown, text: `${shown.map(describe).join('; ')}${elsewhere}` };
  };
  const byName = rows.flatMap((row, i) => (row.creditCode === '' ? [i] : []));
  const knownDistrict = (row: ImportRow) => row.district === '' || districtByCode(row.district) !== undefined;
  // A row with a credit code names its enterprise itself, but its district cell must still be one we know.
  const matches: (NameMatch | null)[] = rows.map((row) =>
    row.creditCode !== '' && !knownDistrict(row) ? unknownDistrict(row) : null,
  );
  if (byName.length === 0) return matches;
  await directory.catchUp(waitMs);

  const keys = new Map<number, string>();
  for (const i of byName) if (rows[i]!.name !== '') keys.set(i, nameKey(rows[i]!.name));
  const wanted = new Set(keys.values());
  // Enterprises this file registers (a row with a credit code not yet registered) are matched too.
  const newByKey = new Map<string, Map<string, NameCandidate>>();
  const coded = rows.filter((r) => r.creditCode !== '' && r.name !== '' && wanted.has(nameKey(r.name)));
  const known = await directory.registered([...new Set(coded.map((r) => r.creditCode))]);
  for (const r of coded) {
    if (known.has(r.creditCode)) continue;
    const key = nameKey(r.name);
    const list = newByKey.get(key) ?? new Map<string, NameCandidate>();
    if (!list.has(r.creditCode)) {
      list.set(r.creditCode, { creditCode: r.creditCode, name: r.name, current: true, districtCodes: [r.district] });
    }
    newByKey.set(key, list);
  }
  const registered = await directory.byKeys([...wanted]);

  for (const i of byName) {
    const row = rows[i]!;
    const key = keys.get(i);
    if (key === undefined) {
      matches[i] = refused('NAME_REQUIRED', 'name', 'a row without a credit code needs the enterprise name to find it');
      continue;
    }
    if (!knownDistrict(row)) {
      matches[i] = unknownDistrict(row);
      continue;
    }
    const all = [...(registered.get(key) ?? []), ...(newByKey.get(key)?.values() ?? [])];
    const here = row.district === '' ? all : all.filter((c) => c.districtCodes.includes(row.district));
    if (here.length === 1) {
      const [only] = here as [NameCandidate];
      matches[i] = {
        kind: 'matched',
        row: { ...row, creditCode: only.creditCode, district: row.district || (only.districtCodes.at(-1) ?? '') },
      };
    } else if (here.length === 0) {
      const elsewhere = all.length > 0 ? `; by that name: ${listed(all).text}` : '';
      matches[i] = refused(
        'NAME_NOT_FOUND',
        'name',
        `no registered enterprise is named ${row.name}${row.district ? ` in ${districtName(row.district)}` : ''} ` +
          `(current or former name)${elsewhere}: check the name, or add its credit code to register it`,
      );
    } else {
      matches[i] = refused(
        'NAME_AMBIGUOUS',
        'name',
        `${here.length} registered enterprises are named ${row.name}${row.district ? ` in ${districtName(row.district)}` : ''}: ` +
          `${listed(here).text}; add the credit code of the one meant`,
        listed(here).shown.map((c) => c.creditCode),
      );
    }
  }
  await attachSuggestions(rows, matches, directory, cityWide ? '' : (actor.district ?? ''));
  return matches;
}

/** Suggestions for the rows whose name matched no enterprise: one batched search, for those rows only. */
async function attachSuggestions(
  rows: readonly ImportRow[],
  matches: readonly (NameMatch | null)[],
  directory: NameDirectory,
  scope: string,
): Promise<void> {
  const unmatched = matches.flatMap((m, i) =>
    m?.kind === 'refused' && m.refusal.rule === 'NAME_NOT_FOUND' ? [{ i, m }] : [],
  );
  const found = await directory.suggest(
    unmatched.map(({ i }) => ({ key: nameKey(rows[i]!.name), district: rows[i]!.district, scope })),
  );
  unmatched.forEach(({ m }, q) => {
    if (m.kind === 'refused') m.suggestions = found.get(q) ?? [];
  });
}
