// What the console's journeys share: the two widths, the four roles, and reading what the page hands over.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Role } from '@cl/platform';

export const BINHAI = '120116';

/** A desk and a phone. */
export const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

/** Each role (the district official of 滨海新区). */
export const ROLES: [Role, string | undefined][] = [
  ['ANALYST', undefined],
  ['AUDITOR', undefined],
  ['MUNICIPAL_OFFICIAL', undefined],
  ['DISTRICT_OFFICIAL', BINHAI],
];

export const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * Clicks `testid` and returns the file the page hands over. A whole export reads every page of the answer first:
 * the wait bounds a hang only (3 minutes), it measures nothing.
 */
export async function download(page: Page, testid: string): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByTestId(testid).click(),
  ]);
  return { name: file.suggestedFilename(), path: (await file.path())! };
}

/** A downloaded CSV's lines (BOM and the last line break dropped). */
export function csvLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n$/, '')
    .split('\r\n');
}

/** Nothing sticks out sideways: the page is no wider than the window. */
export async function fitsWidth(page: Page, width: number): Promise<void> {
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}
