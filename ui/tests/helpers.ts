import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const SHOTS = '../test-output';
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`,
  );
  expect(summary, 'axe-core found WCAG 2.1 AA violations').toEqual([]);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Loads the app and waits for the start page (the window shows it once the core has said
 * that no plan is open yet). */
export async function gotoStart(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Velkommen til Turnus' })).toBeVisible();
}

/** Opens the demo plan from the start page and waits for the turnus grid. */
export async function openDemo(page: Page, query = '') {
  await page.goto(`/${query}`);
  await page.getByRole('button', { name: 'Åpne demoplanen' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
}

/** Shows a page of the open plan through the navigation. */
export async function showPage(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Sider i planen' }).getByRole('button', { name, exact: false }).first().click();
  await expect(page.getByRole('heading', { level: 2, name, exact: false }).first()).toBeFocused();
}

/** Presses Tab until `predicate` holds for the focused element; fails after `limit` presses. */
export async function tabUntil(page: Page, predicate: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(predicate);
    if (found) return;
  }
  throw new Error(`Tab never reached an element where ${predicate}`);
}

/** The folder of the page's session on the test server: the dialogs' paths starting with `/`
 * are inside it, so a test can read what the app wrote. The session starts with the page's
 * first command, so call this after the page has shown something from the core. */
export async function sessionRoot(page: Page): Promise<string> {
  const root = await page.evaluate(() => (window as unknown as { turnusTest?: { root: string } }).turnusTest?.root);
  expect(root, 'the page has a session on the test server').toBeTruthy();
  return root!;
}
