// The layer rules of .dependency-cruiser.cjs, shown to bite: dependency-cruiser's own API runs them over
// a small tree laid out like this library, with one deliberate violation per rule. And a check no import
// rule can make: application and GraphQL code never name a read-model table in SQL of their own.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { READ_MODEL_TABLES } from '../read-models/schema';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(new URL(import.meta.url).pathname), '../../../..');
const rules: IForbiddenRuleType[] = require(join(ROOT, '.dependency-cruiser.cjs')).forbidden;

/** Violations (rule name, from → to) of the project's rules over files laid out in a scratch tree. */
async function violationsIn(files: Record<string, string>): Promise<string[]> {
  const base = mkdtempSync(join(tmpdir(), 'layers-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(base, path)), { recursive: true });
      writeFileSync(join(base, path), text);
    }
    const result = await cruise(['libs'], { baseDir: base, ruleSet: { forbidden: rules }, validate: true });
    if (typeof result.output === 'string') throw new Error(result.output);
    return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const src = 'libs/cultivation/src';
const readModels = {
  [`${src}/read-models/schema.ts`]: "export const LIVE_SCHEMA = 'read_model';\n",
  [`${src}/read-models/queries/find.ts`]:
    "import { LIVE_SCHEMA } from '../schema';\nexport const find = () => LIVE_SCHEMA;\n",
  [`${src}/read-models/index.ts`]: "export { find } from './queries/find';\n",
};

describe('layer rules (dependency-cruiser)', () => {
  it('let application code use the read models through their index', async () => {
    const ok = `import { find } from '../read-models';\nexport const q = () => find();\n`;
    expect(await violationsIn({ ...readModels, [`${src}/application/queries.ts`]: ok })).toEqual([]);
  });

  it('fail when application code reaches a read-model table definition or the projection directly', async () => {
    const bad = `import { LIVE_SCHEMA } from '../read-models/schema';\nexport const q = () => LIVE_SCHEMA;\n`;
    expect(await violationsIn({ ...readModels, [`${src}/application/sweep.ts`]: bad })).toEqual([
      `application-reads-read-models-by-index: ${src}/application/sweep.ts → ${src}/read-models/schema.ts`,
    ]);
  });

  it('fail when the read models import application code, or a resolver reads storage', async () => {
    const app = `export const clock = () => 1;\n`;
    const leak = `import { clock } from '../application/clock';\nexport const x = clock;\n`;
    const resolver = `import { find } from '../read-models';\nexport const r = find;\n`;
    expect(
      await violationsIn({
        ...readModels,
        [`${src}/application/clock.ts`]: app,
        [`${src}/read-models/leak.ts`]: leak,
        [`${src}/graphql/resolver.ts`]: resolver,
      }),
    ).toEqual([
      `graphql-goes-through-application: ${src}/graphql/resolver.ts → ${src}/read-models/index.ts`,
      `read-models-know-no-application: ${src}/read-models/leak.ts → ${src}/application/clock.ts`,
    ]);
  });
});

describe('query SQL lives in read-models', () => {
  const sourcesUnder = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? sourcesUnder(join(dir, e.name))
        : e.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
    );
  // A table after FROM / JOIN / INTO / UPDATE (schema-qualified or built by a helper), or the schema itself.
  const tables = READ_MODEL_TABLES.join('|');
  const table = new RegExp(`\\b(FROM|JOIN|INTO|UPDATE)\\s[^\\n]{0,60}?\\b(${tables})\\b|\\bread_model\\.`, 'i');

  it('no application or GraphQL source names a read-model table', () => {
    const files = ['application', 'graphql'].flatMap((d) => sourcesUnder(join(ROOT, src, d)));
    expect(files.length).toBeGreaterThan(20);
    const naming = files.filter((f) => table.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(naming).toEqual([]);
  });
});
