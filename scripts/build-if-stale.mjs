// Builds a part of the project only when its sources changed since its last build, so that `npm start`, `npm run
// token`, `demo`, `import`… start at once when nothing changed, and a fresh clone (no dist/) still builds first.
// Usage: node scripts/build-if-stale.mjs [api] [web]   (both when none is named)
// A part is stale when its output is missing or the list of its source files with their sizes and modification
// times differs from the one recorded by its last build (dist/.build-<part>): an edit, a new or a deleted file.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = process.cwd(); // npm runs scripts from the project root
const PARTS = {
  api: {
    sources: ['apps/api', 'apps/cli', 'apps/projector', 'libs', 'bench', '.swcrc', 'package-lock.json'],
    output: 'dist/apps/api/src/main.js',
    script: 'build:api',
  },
  // The explorer (apps/web/graphiql.html) bundles the served schema: schema.gql is a source of the page too.
  web: { sources: ['apps/web', 'schema.gql', 'package-lock.json'], output: 'dist/web/index.html', script: 'build:web' },
};
// apps/web/src/api/generated is written by the web build itself (from schema.gql and the documents, both sources).
const SKIP = new Set(['node_modules', 'dist', 'results', 'generated']);

function fingerprint(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) visit(join(path, name));
    } else hash.update(`${relative(ROOT, path)}\t${stat.size}\t${stat.mtimeMs}\n`);
  };
  for (const path of paths) visit(join(ROOT, path));
  return hash.digest('hex');
}

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script], { cwd: ROOT, stdio: 'inherit' });
    // A signal while building stops the build (and this step) only.
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.once('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(PARTS);
for (const name of names) {
  const part = PARTS[name];
  if (!part) throw new Error(`build-if-stale: unknown part ${name} (api, web)`);
  const stamp = join(ROOT, 'dist', `.build-${name}`);
  // Taken before building: a file saved during the build makes the next run build again.
  const current = fingerprint(part.sources);
  const fresh = existsSync(join(ROOT, part.output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current;
  if (fresh) continue;
  const code = await run(part.script);
  if (code !== 0) process.exit(code);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(stamp, current);
}
