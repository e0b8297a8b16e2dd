import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openDemo, shot, showPage } from './helpers';

// Rotation patterns checked on their own (RULES.md "Checking a rotation pattern"), on the real
// core: a pattern that is saved but not applied to any day is still checked, repeated over a
// year, and its breaches are shown once each at the pattern's week and weekday, on the Rotations
// page and in the whole plan's Lovsjekk, and counted in the Lovsjekk badge.
const TODAY = '2026-06-03';
// Seven slots are made through the form and the pages are scanned by axe: more than the default.
test.setTimeout(90_000);
const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];

async function openDemoOn(page: Page) {
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await openDemo(page, `?today=${TODAY}`);
}

async function badge(page: Page): Promise<number> {
  const badge = page.getByRole('navigation', { name: 'Sider i planen' }).locator('.badge');
  if ((await badge.count()) === 0) return 0;
  return Number((await badge.innerText()).replace(/\D+/g, ''));
}

/** The pattern's own law check on the Rotations page. */
const patternCheck = (page: Page, name: string) => page.getByRole('region', { name: `Lovsjekk av mønsteret «${name}»` });

/** Makes a one-week pattern "Lange dager": Jonas on the long day (08:00–20:00) every day of
 * the week, red days too, from a Monday a year ahead. It is saved only, not applied to any
 * day. */
async function saveLongDays(page: Page) {
  await page.locator('#rotation-name').fill('Lange dager');
  await page.locator('#rotation-weeks').fill('1');
  await page.locator('#rotation-start').fill('07.06.2027');
  for (let i = 0; i < 7; i++) {
    await page.getByRole('button', { name: 'Legg til en vakt i mønsteret' }).click();
    await page.locator(`#slot-${i}-day`).selectOption({ label: WEEKDAYS[i] });
    await page.locator(`#slot-${i}-type`).selectOption({ label: 'L – Langdag' });
    await page.locator(`#slot-${i}-who`).selectOption({ label: 'Jonas Haugland' });
    await page.locator(`#slot-${i}-red`).uncheck();
  }
  await page.getByRole('button', { name: 'Lagre mønsteret' }).click();
  await expect(page.getByText('1 uke, 7 vakter')).toBeVisible();
}

test('a pattern of seven long days is checked on its own: each breach once, at its week and weekday', async ({ page }) => {
  await openDemoOn(page);
  const before = await badge(page);
  await showPage(page, 'Turnusmønstre');
  // The demo's three-week pattern keeps the law over 54 weeks (18 whole cycles).
  await expect(patternCheck(page, 'Treukersturnus')).toContainText('Mønsteret bryter ingen regler over 54 uker.');

  await saveLongDays(page);
  const check = patternCheck(page, 'Lange dager');
  await expect(check).toContainText('gjentatt fra første mandag i 52 uker');
  await expect(check.locator('.pattern-count')).toHaveText(/^Mønsteret har \d+ brudd og \d+ (advarsel|advarsler)\.$/);
  // 84 hours a week with no weekly rest: the weekly rest is broken, once, at week 1.
  const weeklyRest = check.locator('.finding').filter({ has: page.getByRole('heading', { level: 5, name: /Ukehvile/ }) });
  await expect(weeklyRest).toHaveCount(1);
  await expect(weeklyRest).toContainText('Brudd');
  await expect(weeklyRest.locator('.pattern-place dd')).toHaveText(/^Turnusen «Lange dager», uke 1, mandag: \d+ ganger på 52 uker/);
  // Every pattern finding says where in the pattern it lies.
  const listed = await check.locator('.finding').count();
  await expect(check.locator('.finding .pattern-place')).toHaveCount(listed);
  const violations = await check.locator('.finding.violation').count();
  expect(violations).toBeGreaterThan(0);

  // The pattern is not applied: the plan's shifts are as before, yet the badge counts it.
  await expect.poll(() => badge(page)).toBe(before + (await check.locator('.finding.violation, .finding.warning').count()));
  await expectNoAxeViolations(page);
  await shot(page, 'ui-rotation-check');

  // The finding's button opens the pattern in the form, at the slot where it lies.
  await weeklyRest.getByRole('button', { name: /^Endre mønsteret\s*: Ukehvile/ }).click();
  await expect(page.locator('#rotation-name')).toHaveValue('Lange dager');
  await expect(page.locator('#slot-0-type')).toBeFocused();

  // Two five-hour days a week: the pattern keeps the law, and says so.
  const removeButtons = page.locator('table.slots').getByRole('button', { name: /^Fjern/ });
  while ((await removeButtons.count()) > 2) await removeButtons.last().click();
  for (const i of [0, 1]) await page.locator(`#slot-${i}-type`).selectOption({ label: 'H – Helg' });
  await page.getByRole('button', { name: 'Lagre mønsteret' }).click();
  await expect(page.getByText('1 uke, 2 vakter')).toBeVisible();
  await expect(check).toContainText('Mønsteret bryter ingen regler over 52 uker.');
  await expect.poll(() => badge(page)).toBe(before);
});

test('the whole plan’s Lovsjekk lists the pattern’s findings with their place, and leads to the pattern', async ({ page }) => {
  await openDemoOn(page);
  await showPage(page, 'Turnusmønstre');
  await saveLongDays(page);
  await showPage(page, 'Lovsjekk');
  const fromPattern = page.locator('.findings .finding').filter({ has: page.locator('.pattern-place') });
  await expect(fromPattern.first()).toBeVisible();
  await expect(fromPattern.first().locator('.pattern-place dt')).toHaveText('I turnusmønsteret');
  await expect(fromPattern.first().locator('.pattern-place dd')).toContainText('Turnusen «Lange dager», uke 1,');
  // The filters work on them like on any finding.
  await page.getByLabel('Vis assistent', { exact: true }).selectOption({ label: 'Jonas Haugland' });
  await expect(fromPattern.first()).toBeVisible();
  await page.getByLabel('Periode', { exact: true }).selectOption('year');
  await page.getByLabel('År', { exact: true }).selectOption('2026');
  await expect(fromPattern, 'the pattern starts in June 2027: it is not in force in 2026').toHaveCount(0);
  await page.getByLabel('År', { exact: true }).selectOption('2027');
  await expect(fromPattern.first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-lovsjekk-rotation');

  await fromPattern.first().getByRole('button', { name: /^Vis turnusmønsteret/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Vakttyper og turnusmønstre' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 4, name: 'Lovsjekk av mønsteret «Lange dager»' })).toBeFocused();
});

test('in English, at 200 % text, the place in the pattern is English too', async ({ page }) => {
  await openDemoOn(page);
  await showPage(page, 'Turnusmønstre');
  await saveLongDays(page);
  await showPage(page, 'Innstillinger');
  await page.getByLabel('English').check();
  await page.getByLabel('200 %').check();
  await page.getByRole('button', { name: 'Shift types and rota patterns' }).click();
  const check = page.getByRole('region', { name: 'Law check of the pattern «Lange dager»' });
  await expect(check.locator('.pattern-place dd').first()).toHaveText(/^Rotation «Lange dager», week 1, \w+day: \d+ times in 52 weeks/);
  await expect(check.locator('.pattern-place dt').first()).toHaveText('In the rota pattern');
  await expect(check.locator('.pattern-count')).toHaveText(/^The pattern has \d+ violations? and \d+ warnings?\.$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page is no wider than the window').toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-rotation-check-en-200');
});
