import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const SHOTS = '../test-output';
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
  expect(summary, 'axe-core found WCAG 2.1 AA violations').toEqual([]);
}

test('the start page says what Turnus is, in Norwegian, with one h1', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page).toHaveTitle('Turnus');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Turnus' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByText('arbeidsleder i BPA')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Åpne demoplanen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/ui-start.png`, fullPage: true });
});

test('keyboard only: Tab reaches the demo button and Enter shows the overview', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: 'Åpne demoplanen' });
  await expect(button, 'the demo button is the first stop for Tab').toBeFocused();
  await page.screenshot({ path: `${SHOTS}/ui-focus.png` });
  await page.keyboard.press('Enter');

  const heading = page.getByRole('heading', { level: 2, name: 'Demoplan for Ingrid' });
  await expect(heading).toBeVisible();
  await expect(heading, 'focus moves to the overview so a screen reader reads it').toBeFocused();
  const assistants = page.getByRole('list', { name: 'Assistenter' }).getByRole('listitem');
  await expect(assistants).toHaveText(['Kari Nordmann', 'Łukasz Wiśniewski', 'Áilu Čoalbmi']);
  await expect(page.getByText('Planen har 38 vakter for tre assistenter.')).toBeVisible();
  await expect(page.getByText('fant to brudd og én advarsel')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/ui-overview.png`, fullPage: true });
});

test('dark colour scheme keeps every text readable', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Åpne demoplanen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Demoplan for Ingrid' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/ui-dark.png`, fullPage: true });
});

test('at 200 % zoom nothing needs sideways scrolling', async ({ page }) => {
  // A 1280 × 800 window at 200 % zoom lays out like a 640 × 400 one.
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Åpne demoplanen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Demoplan for Ingrid' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page is no wider than the window').toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/ui-zoom200.png`, fullPage: true });
});

test('with forced colours (Windows high contrast) the button and focus stay visible', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', contrast: 'more' });
  await page.goto('/');
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: 'Åpne demoplanen' });
  await expect(button).toBeFocused();
  const outline = await button.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline, 'the focus ring is drawn, not left to colour alone').toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Demoplan for Ingrid' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ui-forced-colors.png`, fullPage: true });
});

test('when the demo cannot be opened the page says so, and the button still works', async ({ page }) => {
  await page.goto('/?fail=io');
  await page.getByRole('button', { name: 'Åpne demoplanen' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('Demoplanen kunne ikke åpnes. Turnus fikk ikke lest demoplanen.');
  await expect(page.getByRole('heading', { level: 2, name: 'Demoplan for Ingrid' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Åpne demoplanen' })).toBeEnabled();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/ui-error.png`, fullPage: true });
});
