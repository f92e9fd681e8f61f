import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AccessDenied } from '@cl/platform';
import { Refusal, RULES } from '@cl/refusals';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../domain';
import { IdempotencyKeyReused, VersionConflict } from './commands';
import { ImportFileRefused, ReadModelsBehind } from './import/import-errors';
import { InvalidQueryInput } from './queries/query-input';

describe('one refusal model', () => {
  const refusals: Refusal[] = [
    new InvalidInput('DATE_FORMAT', 'grantedOn', 'grantedOn is YYYY-MM-DD'),
    new NotFound('ENTERPRISE_NOT_FOUND', 'creditCode', 'not registered'),
    new Conflict('ENTERPRISE_ALREADY_REGISTERED', 'creditCode', 'already registered'),
    new RuleViolation('PREREQUISITE_MISSING', 'tier', 'needs INNOVATIVE_SME', { requires: ['INNOVATIVE_SME'] }),
    new VersionConflict('expectedVersion', 'the stream moved on'),
    new IdempotencyKeyReused('c-1'),
    new InvalidQueryInput('PAGE_SIZE', 'first', 'first is at most 100'),
    new AccessDenied('UNAUTHENTICATED', 'expired', 'TOKEN_EXPIRED'),
    new ImportFileRefused('FILE_EMPTY', 'no rows'),
    new ReadModelsBehind('10', '9', 5000),
  ];

  it.each(refusals.map((r) => [r.name, r] as const))('%s is a Refusal with a code and a catalogued rule', (_, r) => {
    expect(r).toBeInstanceOf(Refusal);
    expect(r).toBeInstanceOf(Error);
    expect(r.code).toMatch(/^[A-Z_]+$/);
    expect(RULES).toContain(r.rule);
    expect(r.field === null || typeof r.field === 'string').toBe(true);
  });

  it('keeps the details a client acts on', () => {
    expect(refusals[3]!.details).toEqual({ requires: ['INNOVATIVE_SME'] });
    expect(new ReadModelsBehind('10', '9', 5000).details).toEqual({ head: '10', reached: '9' });
  });
});

describe('the rule catalogue', () => {
  const root = resolve(import.meta.dirname, '../../../..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return sources(path);
      return /\.ts$/.test(e.name) && !/spec\.ts$|fixtures\.ts$/.test(e.name) ? [path] : [];
    });
  const code = ['libs/cultivation/src', 'libs/platform/src']
    .flatMap((d) => sources(join(root, d)))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('holds each rule once', () => {
    expect(new Set(RULES).size).toBe(RULES.length);
  });

  it('holds only rules the service raises (a rule nothing raises would keep a console text alive for nothing)', () => {
    const unraised = RULES.filter((rule) => !code.includes(`'${rule}'`));
    expect(unraised).toEqual([]);
  });
});
