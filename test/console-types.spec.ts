import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import config from '../codegen';

// `npm run typecheck` is: the generator (every console document validated against schema.gql, the types written
// into apps/web/src/api/generated, which git does not keep), then tsc and vue-tsc. These tests run the same steps
// on a console document with a field the schema does not have, and expect each to refuse it.

const root = resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const codegen = join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js');
const QUERIES = join(root, 'apps/web/src/api/queries.ts');
const output = Object.values(config.generates)[0];
// The generator's reporter prints nothing under NODE_ENV=test (which jest sets); run it as `npm run` would.
const env = { ...process.env, NODE_ENV: 'development' };

async function generateInto(dir: string, documents: string) {
  const file = join(dir, 'codegen.json');
  const generated = join(dir, 'generated/');
  await writeFile(
    file,
    JSON.stringify({ schema: join(root, 'schema.gql'), documents, generates: { [generated]: output } }),
  );
  return run(process.execPath, [codegen, '--config', file], { cwd: root, env });
}

describe('console operation types come from schema.gql', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'cl-types-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  beforeAll(() => run(process.execPath, [codegen, '--config', 'codegen.ts'], { cwd: root, env }), 60_000);

  it('the generator writes every console operation, each command its own typed document', async () => {
    const types = await readFile(join(root, 'apps/web/src/api/generated/graphql.ts'), 'utf8');
    for (const name of ['DashboardQuery', 'EnterpriseQuery', 'RetractCertificationMutation', 'ImportMutation'])
      expect(types).toContain(`export type ${name} =`);
    expect(types).toContain('export const GrantCertificationDocument = ');
  });

  it('the generator refuses a console document that asks for a field the schema lacks', async () => {
    const source = await readFile(QUERIES, 'utf8');
    const wrong = source.replace('      oidcResource\n', '      oidcResource\n      oidcAudience\n');
    expect(wrong).not.toBe(source);
    await writeFile(join(dir, 'queries.ts'), wrong);
    const failure = await generateInto(dir, join(dir, 'queries.ts')).then(
      () => undefined,
      (e: { stdout: string; stderr: string }) => `${e.stdout}\n${e.stderr}`,
    );
    expect(failure).toContain('Cannot query field "oidcAudience" on type "ServiceInfo"');
  });

  it('tsc refuses a document the generated types do not know, and a field its result lacks', () => {
    const fixture = join(root, 'apps/web/src/api/__typecheck-fixture__.ts');
    const text = [
      `import { graphql } from './generated';`,
      `import { SERVICE_INFO } from './queries';`,
      `graphql(\`query ServiceInfo { serviceInfo { name oidcAudience } }\`);`,
      `declare const answer: import('./generated/graphql').ServiceInfoQuery;`,
      `export const audience: string = answer.serviceInfo.oidcAudience;`,
      `export const doc = SERVICE_INFO;`,
    ].join('\n');
    const host = ts.createCompilerHost({});
    const readFileOf = host.readFile.bind(host);
    host.readFile = (name) => (resolve(name) === fixture ? text : readFileOf(name));
    const exists = host.fileExists.bind(host);
    host.fileExists = (name) => resolve(name) === fixture || exists(name);
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(root, 'apps/web/tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => undefined,
      },
    );
    const program = ts.createProgram([fixture], { ...parsed!.options, noEmit: true }, host);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && resolve(d.file.fileName) === fixture)
      .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]}`);
    expect(errors).toEqual([
      expect.stringMatching(/^TS2769: No overload matches this call/),
      expect.stringMatching(/^TS2339: Property 'oidcAudience' does not exist/),
    ]);
  });
});
