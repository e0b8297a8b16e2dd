import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import { expectNoAxeViolations, openDemo, sessionRoot, shot, showPage, tabUntil } from './helpers';

// Absences, holidays and vikar cover (issue 12) as the arbeidsleder meets them: a sick day
// entered from the grid by keyboard becomes a labelled band, its shift moves to the open-shifts
// row as needing cover and into "Trenger dekning", the first suggestion covers it and undo takes
// it back; "Dekk alle" is reviewed before it is applied; deleting an absence whose shift a vikar
// took asks first; the assistant's balance, the year planner and the Ferieliste. All on the real
// core through the test server.

const TODAY = '2026-06-10';
const SOLVEIG = 'Solveig Bråten';

test.use({ viewport: { width: 1366, height: 900 } });

async function openGrid(page: Page) {
  await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00`));
  await openDemo(page, `?today=${TODAY}`);
  await expect(page.locator('#grid-period')).toContainText('08.06.2026–21.06.2026');
}

/** The column of the first day on or after today where Solveig (row 0) has a planned shift. */
async function solveigsWorkDay(page: Page): Promise<number> {
  const col = await page.evaluate((today) => {
    const heads = [...document.querySelectorAll('table[role="grid"] thead tr:nth-child(2) th')].slice(1);
    for (let c = 0; c < heads.length; c++) {
      const cell = document.getElementById(`cell-0-${c}`);
      const [d, m, y] = (heads[c].querySelector('.date')?.textContent ?? '').replace(/\s/g, '').split('.');
      const date = `${y}-${m}-${d}`;
      if (date >= today && cell?.querySelector('.chip:not(.cancelled)') && !cell.querySelector('.flag')) return c;
    }
    return -1;
  }, TODAY);
  expect(col, 'Solveig has a shift in the two weeks shown').toBeGreaterThanOrEqual(0);
  return col;
}

/** Moves the keyboard focus into the grid and then to Solveig's cell in column `col`. */
async function focusSolveig(page: Page, col: number) {
  await tabUntil(page, `document.activeElement?.getAttribute('role') === 'gridcell'`);
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < col; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator(`#cell-0-${col}`)).toBeFocused();
}

/** Solveig sick (egenmelding) on the focused day(s), entered by keyboard in the absence dialog. */
async function enterSickness(page: Page) {
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: `Nytt fravær: ${SOLVEIG}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Ferie')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByLabel('Sykdom')).toBeChecked();
  await expect(dialog.getByLabel('Egenmelding')).toBeChecked();
  await tabUntil(page, `document.activeElement?.textContent?.trim() === 'Lagre'`);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

const openRowCell = (page: Page, col: number) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Åpne vakter/ }) }).getByRole('gridcell').nth(col);

test('keyboard only: a sick day from the grid is a band, its shift needs cover, the first suggestion covers it, and undo takes it back', async ({ page }) => {
  await openGrid(page);
  const col = await solveigsWorkDay(page);
  const time = (await page.locator(`#cell-0-${col} .chip .time`).first().textContent())!.trim();
  await focusSolveig(page, col);
  await enterSickness(page);

  // The band says what it is in words, and is part of the cell a screen reader reads.
  const cell = page.locator(`#cell-0-${col}`);
  await expect(cell.locator('.band')).toContainText('Syk (egenmelding)');
  await expect(cell).toContainText(new RegExp(`${SOLVEIG}, \\w+dag \\d\\d\\.06\\.2026: .*Syk \\(egenmelding\\)`));
  await expect(cell.locator('.chip'), 'the shift left Solveig’s row').toHaveCount(0);
  const open = openRowCell(page, col);
  await expect(open.locator('.chip.needs-cover')).toContainText(`Trenger dekning – planlagt for ${SOLVEIG}`);
  await expect(open.locator('.chip.needs-cover')).toContainText(time);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-absence-band');

  // "Trenger dekning" is one step from the grid.
  await page.getByRole('button', { name: /^Trenger dekning \(1\)/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Trenger dekning' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: SOLVEIG });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Syk (egenmelding)');
  await tabUntil(page, `document.activeElement?.textContent?.trim().startsWith('Finn vikar')`);
  await page.keyboard.press('Enter');
  const candidates = page.getByRole('table', { name: 'Forslag, de beste først' });
  await expect(candidates).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Hvem kan ta / })).toBeFocused();
  await expect(candidates.getByRole('row').nth(1)).toContainText('Ingen nye brudd');
  await expect(page.getByRole('listitem').filter({ hasText: new RegExp(`^${SOLVEIG}: .*syk`) })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-cover-candidates');
  const first = (await candidates.getByRole('row').nth(1).getByRole('rowheader').textContent())!.trim();
  await tabUntil(page, `document.activeElement?.textContent?.trim().startsWith('Velg')`);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ingen vakter trenger dekning i denne perioden.')).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`${first} tar `);

  // The grid shows the shift in the vikar's row, covering for Solveig.
  await showPage(page, 'Turnus');
  const vikarCell = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${first}`) }) }).getByRole('gridcell').nth(col);
  await expect(vikarCell.locator('.chip', { hasText: `Dekker for ${SOLVEIG}` })).toContainText(time);
  await expect(open.locator('.chip.needs-cover')).toHaveCount(0);

  // Ctrl+Z: the cover is one step, and it is taken back.
  await page.keyboard.press('Control+z');
  await expect(vikarCell.locator('.chip', { hasText: `Dekker for ${SOLVEIG}` })).toHaveCount(0);
  await expect(open.locator('.chip.needs-cover')).toContainText(`planlagt for ${SOLVEIG}`);
  // And again: the absence goes, the shift is Solveig's again.
  await page.keyboard.press('Control+z');
  await expect(cell.locator('.band')).toHaveCount(0);
  await expect(cell.locator('.chip')).toContainText(time);
});

test('an absence overlapping the same person’s other absence is refused in the dialog, beside the field, and said to screen readers', async ({ page }) => {
  await openGrid(page);
  const col = await solveigsWorkDay(page);
  await focusSolveig(page, col);
  await enterSickness(page);
  // The whole row, which holds the sick day: a new absence over it.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: `Nytt fravær: ${SOLVEIG}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Fra og med dato')).toHaveValue('08.06.2026');
  await expect(dialog.getByLabel('Til og med dato')).toHaveValue('21.06.2026');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  const invalid = dialog.locator('[aria-invalid="true"]');
  await expect(invalid).toHaveCount(1);
  await expect(invalid).toBeFocused();
  const said = (await dialog.locator('.field-error').textContent())!.replace('⚠', '').trim();
  expect(said.length, 'the refusal is a sentence').toBeGreaterThan(20);
  await expect(dialog.getByRole('alert')).toHaveText(said);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.band')).toHaveCount(1);
});

test('Dekk alle: the proposal is a table to review, an unticked row stays uncovered, and applying is one undo step', async ({ page }) => {
  await openGrid(page);
  // Solveig away for the whole two weeks: Shift+End selects the row from the first day.
  await tabUntil(page, `document.activeElement?.getAttribute('role') === 'gridcell'`);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+End');
  await expect(page.locator('#grid-selection')).toContainText(`Valgt: ${SOLVEIG}, 08.06.2026–21.06.2026 (14 dager).`);
  await enterSickness(page);
  const needing = await page.locator('.chip.needs-cover').count();
  expect(needing, 'Solveig has more than one shift in two weeks').toBeGreaterThan(1);

  await page.getByRole('button', { name: `Trenger dekning (${needing})` }).click();
  await page.getByRole('button', { name: 'Dekk alle …' }).click();
  const review = page.getByRole('table', { name: /^Forslag: dekk alle vaktene/ });
  await expect(page.getByRole('heading', { name: /^Forslag: dekk alle vaktene/ })).toBeFocused();
  await expect(review.getByRole('row')).toHaveCount(needing + 1);
  const boxes = review.getByRole('checkbox');
  const proposed = await boxes.count();
  expect(proposed, 'someone can take most of the shifts').toBeGreaterThan(1);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-cover-proposal');
  await boxes.first().uncheck();
  await page.getByRole('button', { name: `Bruk forslaget (${proposed - 1} vakter)` }).click();
  await expect(page.getByRole('status')).toContainText(`${proposed - 1} vakter har fått vikar.`);
  const list = page.getByRole('table', { name: /^Vakter som trenger dekning/ });
  await expect(list.getByRole('row')).toHaveCount(needing - (proposed - 1) + 1);

  await page.keyboard.press('Control+z');
  await expect(list.getByRole('row')).toHaveCount(needing + 1);
});

test('deleting an absence whose shift a vikar covered asks whether the vikar keeps it or Solveig gets it back', async ({ page }) => {
  await openGrid(page);
  const col = await solveigsWorkDay(page);
  await focusSolveig(page, col);
  await enterSickness(page);
  await page.getByRole('button', { name: /^Trenger dekning \(1\)/ }).click();
  await page.getByRole('button', { name: /^Finn vikar/ }).click();
  const candidates = page.getByRole('table', { name: 'Forslag, de beste først' });
  const first = (await candidates.getByRole('row').nth(1).getByRole('rowheader').textContent())!.trim();
  await candidates.getByRole('button', { name: `Velg ${first}` }).click();
  await expect(page.getByText('Ingen vakter trenger dekning i denne perioden.')).toBeVisible();

  await showPage(page, 'Turnus');
  await focusSolveig(page, col);
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: `Endre fravær: ${SOLVEIG}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Slett fraværet' }).click();
  const question = dialog.getByRole('group', { name: 'Vikaren har tatt noen av vaktene' });
  await expect(question).toBeVisible();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-absence-delete-question');
  await question.getByRole('button', { name: `Gi vaktene tilbake til ${SOLVEIG}` }).click();
  await expect(dialog).toBeHidden();
  const cell = page.locator(`#cell-0-${col}`);
  await expect(cell.locator('.band')).toHaveCount(0);
  await expect(cell.locator('.chip')).toHaveCount(1);

  // Undone, and deleted again keeping the vikar: the shift stays with them, without the link.
  await page.keyboard.press('Control+z');
  await expect(cell.locator('.band')).toContainText('Syk (egenmelding)');
  await focusSolveig(page, col);
  await page.keyboard.press('f');
  await dialog.getByRole('button', { name: 'Slett fraværet' }).click();
  await question.getByRole('button', { name: 'La vikaren beholde vaktene' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell.locator('.band')).toHaveCount(0);
  await expect(cell.locator('.chip')).toHaveCount(0);
  const vikarCell = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${first}`) }) }).getByRole('gridcell').nth(col);
  await expect(vikarCell.locator('.chip')).not.toHaveCount(0);
  await expect(vikarCell.locator('.chip', { hasText: 'Dekker for' })).toHaveCount(0);
});

test('the assistant’s page: absences and the holiday balance in words, and a carry-over above 12 days is refused beside the field', async ({ page }) => {
  await openGrid(page);
  await showPage(page, 'Assistenter');
  await page.getByRole('button', { name: 'Endre Bjørn Sæther' }).click();
  const panel = page.getByRole('region', { name: 'Fravær og ferie for Bjørn Sæther' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Feriesaldo 2026' })).toBeVisible();
  // Born 1966: 60 in 2026, so a sixth week (ferieloven § 5 (1)).
  await expect(panel.locator('dl.balance')).toContainText('Rett til ferie');
  await expect(panel.locator('dl.balance')).toContainText('31 dager');
  await expect(panel.locator('dl.balance')).toContainText(/Hovedferie .*(Lagt inn\.|Ikke lagt inn ennå\.)/);
  await expect(panel.getByRole('list', { name: 'Fravær i 2026' })).toContainText('Ferie');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-assistant-holiday');

  const carried = panel.getByLabel('Feriedager overført fra 2025 til 2026');
  await carried.fill('13');
  await panel.getByRole('button', { name: 'Lagre overførte dager' }).click();
  await expect(carried).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.locator('#holiday-carried-error')).toContainText('12');
  await expect(carried).toBeFocused();

  await carried.fill('5');
  await panel.getByRole('button', { name: 'Lagre overførte dager' }).click();
  await expect(page.getByRole('status')).toContainText('Bjørn Sæther har 5 dager overført til 2026.');
  await expect(panel.locator('dl.balance')).toContainText(/Overført fra året før\s*5 dager/);

  // Those 5 days leave 2025's balance: the year before says they were moved on.
  await panel.getByLabel('År', { exact: true }).fill('2025');
  await panel.getByRole('button', { name: 'Vis året' }).click();
  await expect(panel.getByRole('heading', { name: 'Feriesaldo 2025' })).toBeVisible();
  await expect(panel.locator('dl.balance')).toContainText(/Flyttet til neste år\s*5 dager/);
});

test('the year planner is a real table naming each week’s holidays, absences and red days, by weeks or months', async ({ page }) => {
  await openGrid(page);
  await showPage(page, 'Årshjul');
  const table = page.getByRole('table', { name: 'Fravær per uke i 2026' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /^Uke 24/ })).toBeVisible();
  const bjorn = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bjørn Sæther' }) });
  await expect(bjorn.getByRole('cell').filter({ hasText: /^Ferie, \d+ dager?$/ }).first()).toBeVisible();
  await expect(bjorn.getByRole('cell').first(), 'the balance beside the name').toContainText(/dager igjen/);
  const red = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Røde dager' }) });
  await expect(red).toContainText('17.05');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-year');

  await page.getByLabel('Måneder').check();
  const months = page.getByRole('table', { name: 'Fravær per måned i 2026' });
  await expect(months.getByRole('columnheader')).toHaveCount(14);
  await page.getByRole('button', { name: 'Neste år (2027)' }).click();
  await expect(page.getByRole('table', { name: 'Fravær per måned i 2027' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Årshjul 2027');
});

test('the Ferieliste of a year is previewed and saved as a PDF', async ({ page }) => {
  await openGrid(page);
  await showPage(page, 'Utskrift og kalender');
  await page.getByLabel('Ferieliste').check();
  await expect(page.getByLabel('År')).toHaveValue('2026');
  await expect(page.getByRole('img', { name: /^Første side av Ferieliste/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Lagre PDF …' }).click();
  await expect(page.locator('p.done')).toContainText('er lagret i');
  const root = await sessionRoot(page);
  const folder = `${root}/home/ingrid/Dokumenter`;
  const pdf = fs.readdirSync(folder).find((name) => name.startsWith('Ferieliste') && name.endsWith('.pdf'));
  expect(pdf, `a Ferieliste PDF in ${JSON.stringify(fs.readdirSync(folder))}`).toBeTruthy();
  expect(fs.readFileSync(`${folder}/${pdf}`).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the main-holiday deadline is set as dd.mm on the plan’s settings, and a day no year has is refused beside the field', async ({ page }) => {
  await openGrid(page);
  await showPage(page, 'Innstillinger');
  const deadline = page.getByLabel('Frist for å planlegge hovedferien (kan stå tomt)');
  await deadline.fill('31.04');
  await page.getByRole('region', { name: 'Om planen' }).getByRole('button', { name: 'Lagre' }).click();
  await expect(deadline).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#settings-deadline-error')).toContainText('dd.mm');
  await deadline.fill('01.05');
  await page.getByRole('region', { name: 'Om planen' }).getByRole('button', { name: 'Lagre' }).click();
  await expect(deadline).not.toHaveAttribute('aria-invalid', 'true');
  await showPage(page, 'Turnus');
  await showPage(page, 'Innstillinger');
  await expect(page.getByLabel('Frist for å planlegge hovedferien (kan stå tomt)')).toHaveValue('01.05');
});

test('at 200 % text and in high contrast the absence band, Trenger dekning, the year planner and the balance stay readable, without sideways scrolling of the page', async ({ page }) => {
  await openGrid(page);
  await showPage(page, 'Innstillinger');
  await page.getByLabel('200 %').check();
  await page.getByLabel('Høy kontrast').check();
  await showPage(page, 'Turnus');
  const col = await solveigsWorkDay(page);
  await focusSolveig(page, col);
  await enterSickness(page);
  await expect(page.locator(`#cell-0-${col} .band`)).toContainText('Syk (egenmelding)');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-absence-contrast-200');
  for (const name of ['Trenger dekning', 'Årshjul']) {
    await showPage(page, name);
    if (name === 'Trenger dekning') {
      await page.getByRole('button', { name: /^Finn vikar/ }).click();
      await expect(page.getByRole('table', { name: 'Forslag, de beste først' })).toBeVisible();
    } else {
      await expect(page.getByRole('table', { name: 'Fravær per uke i 2026' })).toBeVisible();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name}: the page is no wider than the window; wide tables scroll in their own box`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await shot(page, `ui-${name === 'Årshjul' ? 'year' : 'cover'}-contrast-200`);
  }
});
