// Sign-in that says why, and a district's own view of the dashboard, in a real Chromium.
import { SignJWT } from 'jose';
import { TokenService, type Role } from '@cl/platform';
import { seeContaining, useConsole } from './support/console';
import { BINHAI, fitsWidth, WIDTHS } from './support/journeys';
import { TEST_JWT_SECRET, tokenFor } from './support/tokens';

const ui = useConsole({ enterprises: 300 });

async function tryToken(token: string) {
  const page = await ui.open();
  await page.goto(`${ui.url}/dashboard`);
  await page.getByLabel('令牌').fill(token);
  await page.getByRole('button', { name: '用令牌登录' }).click();
  return page;
}

describe('signing in', () => {
  it.each([
    ['the text hello', async () => 'hello', '这不是有效的令牌格式'],
    [
      'a token signed with another secret',
      () => new TokenService({ secret: 'another-secret-another-secret-123' }).sign({ sub: 'x', roles: ['ANALYST'] }),
      '令牌的签名不被本系统信任',
    ],
    [
      'an expired token',
      () =>
        new SignJWT({ roles: ['ANALYST'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      '令牌已过期',
    ],
    [
      'a token whose role the service does not know',
      () => new TokenService({ secret: TEST_JWT_SECRET }).sign({ sub: 'x', roles: ['MAYOR' as Role] }),
      '令牌中的角色（MAYOR）不是本系统的角色',
    ],
  ])('says why it refuses %s, and stays on the sign-in page', async (_, token, sentence) => {
    const page = await tryToken(await token());
    await seeContaining(page.getByRole('alert'), sentence);
    expect(new URL(page.url()).pathname).toBe('/signin');
  });
});

describe("a district's own view", () => {
  it.each(WIDTHS)(
    'shows a district official at $width px the share of the city on every card, never a badge or bar judged against the city’s target',
    async (viewport) => {
      const page = await ui.signIn('DISTRICT_OFFICIAL', { district: BINHAI, viewport });
      await seeContaining(page.getByTestId('progress-TECH_SME').getByTestId('share-of-city'), '占全市');
      const cards = page.locator('[data-testid^="progress-"]');
      const count = await cards.count();
      expect(count).toBeGreaterThanOrEqual(5); // every tier of the ladders
      expect(await cards.getByTestId('share-of-city').count()).toBe(count);
      expect(await cards.getByText(/按期可达|按期难达/).count()).toBe(0);
      expect(await cards.locator('.el-progress').count()).toBe(0); // no percentage of the city's target
      expect(await page.getByTestId('set-target').count()).toBe(0); // only a municipal official sets targets
      await fitsWidth(page, viewport.width);
    },
  );

  it('lets a municipal official set a district’s target, which that district is then measured against', async () => {
    const page = await ui.signIn('MUNICIPAL_OFFICIAL');
    const form = page.getByTestId('set-target');
    await form.getByLabel('适用范围').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '滨海新区' }).click();
    await form.getByLabel('目标').fill('100');
    await form.getByRole('button', { name: '保存' }).click();
    await seeContaining(form.getByRole('status'), '已设定滨海新区科技型中小企业目标：100 家');
    const district = await ui.graphql<{ cohortProgress: { tier: { tier: string }; target: number | null }[] }>(
      `query { cohortProgress(district: "${BINHAI}") { tier { tier } target } }`,
      {},
      await tokenFor('ANALYST'),
    );
    expect(district.cohortProgress.find((r) => r.tier.tier === 'TECH_SME')?.target).toBe(100);
  });
});
