// `npm run bench:console -- --url http://localhost:3000 --token <token> [--runs 5] [--screenshot file.png]`:
// the console's dashboard in a real Chromium against a running service (e.g. `npm run demo`), cold cache
// each run: time to the first progress figures and to the drawn charts, and the JavaScript shipped (gzip).
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import sparticuz from '@sparticuz/chromium';
import { chromium } from 'playwright-core';

interface Args {
  url: string;
  token: string;
  runs: number;
  screenshot?: string;
  webDir: string;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const token = value('token') ?? process.env.TOKEN;
  if (!token) throw new Error('--token <an ANALYST token> is required (npm run demo prints one)');
  return {
    url: (value('url') ?? 'http://localhost:3000').replace(/\/$/, ''),
    token,
    runs: Number(value('runs') ?? 5),
    screenshot: value('screenshot'),
    webDir: resolve(value('web-dir') ?? 'dist/web'),
  };
}

const gzipKiB = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const assets = join(args.webDir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gzip = new Map(files.map((f) => [f, gzipKiB(readFileSync(join(assets, f)))]));
  const allJs = [...gzip.values()].reduce((a, b) => a + b, 0);

  const browser = await chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: sparticuz.args.filter((a) => a !== '--single-process' && a !== '--no-zygote'),
  });
  const figures: number[] = [];
  const charts: number[] = [];
  let dashboardJs = 0;
  for (let run = 0; run < args.runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await context.addInitScript(`sessionStorage.setItem('cl.token', ${JSON.stringify(args.token)})`);
    const page = await context.newPage();
    const loaded = new Set<string>();
    page.on('response', (r) => {
      const name = new URL(r.url()).pathname.replace('/assets/', '');
      if (gzip.has(name)) loaded.add(name);
    });
    await page.goto(`${args.url}/dashboard`, { waitUntil: 'commit' });
    await page.locator('[data-testid="progress-TECH_SME"] [data-testid="current"]').waitFor({ timeout: 60_000 });
    figures.push((await page.evaluate('performance.now()')) as number);
    await page.locator('canvas').nth(3).waitFor({ timeout: 60_000 });
    charts.push((await page.evaluate('performance.now()')) as number);
    dashboardJs = [...loaded].reduce((sum, f) => sum + gzip.get(f)!, 0);
    if (args.screenshot && run === args.runs - 1) {
      await page.waitForTimeout(1500); // let the charts finish their entry animation
      await page.screenshot({ path: args.screenshot, fullPage: true });
    }
    await context.close();
  }
  await browser.close();
  const result = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    runs: args.runs,
    firstFiguresMs: { median: Math.round(median(figures)), all: figures.map(Math.round) },
    chartsDrawnMs: { median: Math.round(median(charts)), all: charts.map(Math.round) },
    dashboardJsGzipKiB: Math.round(dashboardJs),
    allJsGzipKiB: Math.round(allJs),
    largestChunksGzipKiB: Object.fromEntries(
      [...gzip.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([f, k]) => [f, Math.round(k)]),
    ),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:console failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
