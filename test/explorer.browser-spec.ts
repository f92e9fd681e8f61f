// The analysts' GraphQL explorer in a real Chromium: reached from the console, every request on this origin (its
// editor, workers and fonts are bundled), its saved example run with the console's token.
import type { Request } from 'playwright-core';
import { seeContaining, useConsole } from './support/console';

const ui = useConsole({ enterprises: 30 });

describe('the GraphQL explorer at /graphiql', () => {
  it('opens from the console for an analyst, loads nothing from another origin and runs an example with the token', async () => {
    const page = await ui.signIn('ANALYST');
    const requests: Request[] = [];
    page.context().on('request', (request) => requests.push(request));

    await page.getByTestId('explorer-link').click();
    await page.waitForURL(`${ui.url}/graphiql`);
    // The saved examples open as tabs; the first is in the editor once Monaco has loaded.
    await seeContaining(page.locator('.graphiql-query-editor'), 'ExampleCohortProgress');
    await page.getByRole('button', { name: /Execute query/ }).click();

    // The first saved example is the city's progress: its answer comes back in the result pane.
    await seeContaining(page.locator('.graphiql-response'), '"cohortProgress"');
    await seeContaining(page.locator('.graphiql-response'), '科技型中小企业');

    const elsewhere = requests.map((r) => r.url()).filter((u) => !u.startsWith(ui.url) && !/^(data|blob):/.test(u));
    expect(elsewhere).toEqual([]);
    const asked = requests.filter((r) => r.url() === `${ui.url}/graphql` && r.method() === 'POST');
    expect(asked.length).toBeGreaterThan(0);
    for (const request of asked) expect(request.headers().authorization).toMatch(/^Bearer ey/);
  });

  it('is not offered to a district official, whose desk is the console', async () => {
    const page = await ui.signIn('DISTRICT_OFFICIAL', { district: '120116' });
    await page.getByTestId('signed-in-district').waitFor();
    expect(await page.getByTestId('explorer-link').count()).toBe(0);
  });
});
