import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository (npm test runs there). */
const ROOT = process.cwd();
export const WEB_DIR = join(ROOT, 'dist/web');

/** Builds the console into dist/web when it is missing or its sources changed since (a fresh clone has none). */
export function ensureWebBuild(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs'), 'web'], { cwd: ROOT, stdio: 'inherit' });
}
