import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openDemo, shot, showPage } from './helpers';

// The whole plan's law check, on the real core: Lovsjekk shows the whole plan by default (not
// only the weeks the grid shows), its badge counts the whole plan, and the period, the order
// and the filters are chosen with labelled selects, by keyboard too.
//
// The demo plan is made as of `?today=`; the browser's clock is set to the same day, so the
// grid opens on the two weeks from that Monday (1–14 June 2026) and the demo's deliberate
// findings lie in the weeks after.
const TODAY = '2026-06-03';

async function openDemoOn(page: Page) {
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await openDemo(page, `?today=${TODAY}`);
}

const findings = (page: Page) => page.locator('.findings .finding');
const countStatus = (page: Page) => page.locator('.check-count[role="status"]');

/** The number the navigation's Lovsjekk badge shows. */
async function badge(page: Page): Promise<number> {
  const text = await page.getByRole('navigation', { name: 'Sider i planen' }).locator('.badge').innerText();
  return Number(text.replace(/\D+/g, ''));
}

/** The ISO dates of every finding listed, as the "Når" fact gives them (d.m.yyyy). */
async function listedDates(page: Page): Promise<string[]> {
  const texts = await findings(page).locator('dt:text-is("Når") + dd').allInnerTexts();
  return texts.map((text) => {
    const [d, m, y] = text.split(/[–-]/)[0].trim().split('.');
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  });
}

test('the whole plan is checked by default: a finding after the grid’s weeks is listed and counted in the badge', async ({ page }) => {
  await openDemoOn(page);
  await expect(page.getByRole('grid')).toContainText('14.06.2026');
  const gridFlags = await page.locator('[role="grid"] .flag').count();
  const counted = await badge(page);

  await showPage(page, 'Lovsjekk');
  await expect(page.getByLabel('Periode', { exact: true })).toHaveValue('whole');
  await expect(page.getByLabel('Periode', { exact: true }).locator('option:checked')).toHaveText('Hele planen');
  await expect(countStatus(page)).toHaveText(/^Viser (\d+) av \1 funn\.$/);
  const dates = await listedDates(page);
  const later = dates.filter((d) => d > '2026-06-14');
  expect(later.length, `findings after the grid's two weeks are listed: ${dates.join(', ')}`).toBeGreaterThan(0);
  const serious = await findings(page).filter({ has: page.locator('.severity', { hasText: /Brudd|Advarsel/ }) }).count();
  expect(counted, 'the badge counts the whole plan’s violations and warnings, not only the grid’s').toBe(serious);
  expect(counted, `more than the ${gridFlags} flags the grid's weeks show`).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-lovsjekk-whole-plan');
});

test('period choice: the grid’s period, a month, a year and the whole plan, announced politely', async ({ page }) => {
  await openDemoOn(page);
  await showPage(page, 'Lovsjekk');
  await expect(countStatus(page)).toHaveText(/^Viser \d+ av \d+ funn\.$/);
  const whole = await findings(page).count();

  await page.getByLabel('Periode', { exact: true }).selectOption('grid');
  await expect(page.getByLabel('Periode', { exact: true }).locator('option:checked')).toHaveText(
    'Perioden som vises i turnusen (01.06.2026–14.06.2026)',
  );
  await expect(countStatus(page)).not.toHaveText(`Viser ${whole} av ${whole} funn.`);
  for (const d of await listedDates(page)) expect(d <= '2026-06-14', `${d} lies in the grid's weeks`).toBe(true);

  await page.getByLabel('Periode', { exact: true }).selectOption('month');
  const month = page.getByLabel('Måned', { exact: true });
  await expect(month).toHaveValue('2026-06');
  await month.selectOption({ label: 'Desember 2026' });
  await expect(page.getByText('Ingen funn i denne perioden. Planen følger reglene.')).toBeVisible();
  await expect(countStatus(page)).toHaveText('Viser 0 av 0 funn.');

  await page.getByLabel('Periode', { exact: true }).selectOption('year');
  await expect(page.getByLabel('År', { exact: true })).toHaveValue('2026');
  await expect(countStatus(page)).toHaveText(`Viser ${whole} av ${whole} funn.`);
  await page.getByLabel('År', { exact: true }).selectOption('2027');
  await expect(page.getByText('Ingen funn i denne perioden. Planen følger reglene.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Periode', { exact: true }).selectOption('whole');
  await expect(countStatus(page)).toHaveText(`Viser ${whole} av ${whole} funn.`);
});

test('keyboard only: sort by rule and severity, filter by assistant and rule, and an empty result says so', async ({ page }) => {
  await openDemoOn(page);
  await showPage(page, 'Lovsjekk');
  await expect(countStatus(page)).toHaveText(/^Viser \d+ av \d+ funn\.$/);
  const total = await findings(page).count();

  // Tab from the heading reaches the period, then the order, then the two filters.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Periode', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Sorter etter', { exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // Regel
  await expect(page.getByLabel('Sorter etter', { exact: true })).toHaveValue('rule');
  const titles = await findings(page).locator('.finding-title').allInnerTexts();
  const rules = titles.map((t) => t.replace(/^.*?:\s*/, ''));
  expect(rules, 'sorted by the rule’s name').toEqual([...rules].sort((a, b) => a.localeCompare(b, 'nb')));
  await page.keyboard.press('ArrowDown'); // Assistent
  await page.keyboard.press('ArrowDown'); // Alvorlighet
  await expect(page.getByLabel('Sorter etter', { exact: true })).toHaveValue('severity');
  const order = { Brudd: 0, Advarsel: 1, Merknad: 2 } as Record<string, number>;
  const severities = (await findings(page).locator('.severity').allInnerTexts()).map((s) => order[s.replace(/[^A-Za-zæøå]/g, '')]);
  expect(severities, 'violations first, then warnings, then notes').toEqual([...severities].sort((a, b) => a - b));

  await page.keyboard.press('Tab');
  const who = page.getByLabel('Vis assistent', { exact: true });
  await expect(who).toBeFocused();
  await page.keyboard.press('ArrowDown'); // the first assistant
  const chosen = (await who.locator('option:checked').innerText()).trim();
  await expect(countStatus(page)).toHaveText(new RegExp(`^Viser \\d+ av ${total} funn\\.$`));
  for (const name of await findings(page).locator('dt:text-is("Hvem") + dd').allInnerTexts()) {
    expect(name, `only ${chosen}'s findings are shown`).toContain(chosen);
  }

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Vis regel', { exact: true })).toBeFocused();
  // A rule none of the chosen assistant's findings break leaves nothing: a sentence says so.
  const ruleValues = await page.getByLabel('Vis regel', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  let empty = false;
  for (const value of ruleValues.slice(1)) {
    await page.getByLabel('Vis regel', { exact: true }).selectOption(value);
    if ((await countStatus(page).innerText()).startsWith('Viser 0 ')) {
      empty = true;
      break;
    }
  }
  expect(empty, `a rule none of ${chosen}'s findings break`).toBe(true);
  await expect(page.getByText(/Ingen av de \d+ funnene i perioden passer det du har valgt/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-lovsjekk-filtered-empty');
  await page.getByLabel('Vis regel', { exact: true }).selectOption('');
  await who.selectOption('');
  await expect(countStatus(page)).toHaveText(`Viser ${total} av ${total} funn.`);
});

test('choosing a finding after the grid’s weeks moves the grid there and focuses its shift', async ({ page }) => {
  await openDemoOn(page);
  await showPage(page, 'Lovsjekk');
  await expect(countStatus(page)).toHaveText(/^Viser \d+ av \d+ funn\.$/);
  const dates = await listedDates(page);
  const index = dates.findIndex((d) => d > '2026-06-14');
  expect(index, 'a finding after the grid’s weeks').toBeGreaterThanOrEqual(0);
  const finding = findings(page).nth(index);
  const [y, m, d] = dates[index].split('-');
  await finding.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.getByRole('grid'), 'the grid moved to the finding’s weeks').toContainText(`${d}.${m}.${y}`);
  await expect(page.locator(':focus')).toHaveAttribute('id', /^cell-/);
});

test('a day raised by passive time explains its limit beside it: 9 t + 2 t for passiv tid', async ({ page }) => {
  await openDemoOn(page);
  await showPage(page, 'Lovsjekk');
  await page.getByLabel('Vis regel', { exact: true }).selectOption({ label: 'Normal arbeidstid per dag' });
  const long = findings(page).first();
  await expect(long).toContainText('Normal arbeidstid per dag');
  await expect(long.locator('.limit-note'), 'a plain 9 h limit has no note').toHaveCount(0);

  // Give the long day four hours of passive time: the limit becomes 9 h + 2 h.
  await long.getByRole('button').click();
  await expect(page.locator(':focus')).toHaveAttribute('id', /^cell-/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Passiv tid i minutter').fill('240');
  await dialog.getByLabel('Passiv tid i minutter').press('Enter');
  await expect(dialog).toHaveCount(0);

  await showPage(page, 'Lovsjekk');
  await page.getByLabel('Vis regel', { exact: true }).selectOption({ label: 'Normal arbeidstid per dag' });
  const raised = findings(page).first();
  await expect(raised.locator('dt:text-is("Grense") + dd')).toHaveText(
    /^11 t\s*\. Slik er grensen satt sammen: 9 t \+ 2 t for passiv tid \(halvparten av 4 t passiv tid, høyst 2 t\)$/,
  );
  await expect(raised.locator('.limit-note')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-lovsjekk-limit-note');
});
