// The console under test: the whole API (serving the built page) on a real PostgreSQL with a seeded
// demo cohort, a real Chromium driving it, and helpers for the journeys.
import sparticuz from '@sparticuz/chromium';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { EVENT_STORE, seedDemoCohort } from '@cl/cultivation';
import type { EventStore } from '@cl/event-store';
import { createLogger, freePort, loadConfig, type Role } from '@cl/platform';
import { createTestDatabase } from '@cl/testing';
import { createApi } from '../../apps/api/src/create-api';
import { TEST_JWT_SECRET, tokenFor } from './tokens';
import { WEB_DIR } from './web-build';

export interface ConsoleHarness {
  readonly url: string;
  /** POST /graphql as the API's own client would (the figures the page must show). */
  graphql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** A fresh browser context (viewport 1280×800 unless told), signed in with a pasted token for the role. */
  signIn(role: Role, options?: { district?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  /** A fresh page, not signed in. */
  open(viewport?: { width: number; height: number }): Promise<Page>;
  /** Console errors and uncaught exceptions on the console's own pages since the journey started. */
  readonly consoleErrors: string[];
}

export interface ConsoleOptions {
  /** Cohort size (the demo generator, seed 42). */
  enterprises: number;
  /** Extra configuration (e.g. OIDC); called with the port the API will listen on. */
  env?: (port: number) => Promise<Record<string, string>> | Record<string, string>;
}

export function useConsole(options: ConsoleOptions): ConsoleHarness {
  let app: NestExpressApplication | undefined;
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  let url = '';

  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? (await tokenFor('AUDITOR'))}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data as T;
  };

  // Seeding and projecting take some 5 ms an enterprise on a loaded machine: this bounds a hang, measures nothing.
  const setupLimit = Math.max(180_000, options.enterprises * 15);
  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env = (await options.env?.(port)) ?? {};
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      JWT_SECRET: TEST_JWT_SECRET,
      LAPSE_SWEEP: 'false',
      WEB_DIR,
      ...env,
    });
    app = await createApi({ config, logger: createLogger('silent'), databaseUrl: db.url, schemaFile: true });
    await app.listen(port, '127.0.0.1');
    await seedDemoCohort(app.get<EventStore>(EVENT_STORE), { seed: 42, enterprises: options.enterprises });
    // Wait until the read models have applied the whole cohort.
    for (;;) {
      const { projectionStatus } = await graphql<{ projectionStatus: { lag: number } }>('{ projectionStatus { lag } }');
      if (projectionStatus.lag === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // @sparticuz/chromium's flags are for one page per process (serverless); a test opens many contexts.
    const args = sparticuz.args.filter((arg) => arg !== '--single-process' && arg !== '--no-zygote');
    browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args });
  }, setupLimit);

  beforeEach(() => {
    consoleErrors.length = 0;
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    // Every journey fails on any console error of the console's own pages.
    expect(consoleErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  async function open(viewport = { width: 1280, height: 800 }): Promise<Page> {
    if (!browser) throw new Error('useConsole(): the browser exists only inside tests');
    const context = await browser.newContext({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith(url)) {
        consoleErrors.push(`${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => {
      if (page.url().startsWith(url)) consoleErrors.push(error.message);
    });
    return page;
  }

  return {
    get url() {
      return url;
    },
    graphql,
    consoleErrors,
    open,
    async signIn(role, { district, viewport } = {}) {
      const page = await open(viewport);
      await page.goto(`${url}/`);
      await page.getByLabel('令牌').fill(await tokenFor(role, district));
      await page.getByRole('button', { name: '用令牌登录' }).click();
      await page.getByTestId('signed-in-user').waitFor();
      return page;
    },
  };
}

/** "1,238" → 1238 (the page writes thousands separators). */
export function readNumber(text: string | null): number {
  return Number((text ?? '').replace(/[,\s]/g, ''));
}

/** Picks an option of an Element Plus select by its visible label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: option }).first().click();
}

/** Types a date into an Element Plus date picker (YYYY-MM-DD) and confirms it. */
export async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(date);
  await input.press('Enter');
}

/**
 * Waits until what the page shows passes `check` (the page renders asynchronously), then returns it;
 * fails with the last value seen. A check of content, not of speed: the wait only bounds a hang.
 */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const text = (locator: Locator) =>
  locator
    .first()
    .textContent({ timeout: 1000 })
    .then((t) => (t ?? '').trim());

/** The locator's text is exactly `expected`. */
export async function seeText(locator: Locator, expected: string): Promise<void> {
  await until(
    () => text(locator),
    (t) => t === expected,
    `expected the text ${JSON.stringify(expected)}`,
  );
}

/** The locator's text contains `part`. */
export async function seeContaining(locator: Locator, part: string): Promise<void> {
  await until(
    () => text(locator),
    (t) => t.includes(part),
    `expected a text containing ${JSON.stringify(part)}`,
  );
}

/** The locator matches `count` elements. */
export async function seeCount(locator: Locator, count: number): Promise<void> {
  await until(
    () => locator.count(),
    (n) => n === count,
    `expected ${count} elements`,
  );
}
