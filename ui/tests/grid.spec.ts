import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, openDemo, shot } from './helpers';

// The turnus grid as a newcomer meets it (issue 11, points 4 and 5): a finding says which rule
// and why, the selection is the cell with the focus ring, "Gå til dato", a shift saved outside
// the period says where it went, the sideways scrollbar is always there, two weeks fit at
// 1366 px, and a shift that ends before it starts is asked about.
//
// The demo plan is made from the core's today; the browser's clock is fixed to the same day, so
// the grid opens on the weeks with the demo's deliberate findings.

const TODAY = '2026-06-10';

// Headless Chromium hides every scrollbar unless told not to; these tests look at one.
test.use({
  viewport: { width: 1366, height: 768 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  },
});

async function openGrid(page: Page) {
  await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00`));
  await openDemo(page, `?today=${TODAY}`);
  await expect(page.locator('#grid-period')).toContainText('08.06.2026–21.06.2026');
}

const status = (page: Page) => page.locator('[role="status"][aria-live="polite"]');

/** The cell of `name`'s row on the day whose column header shows `day` (dd.mm.). */
async function cellOf(page: Page, name: RegExp, day: string) {
  const headers = await page.locator('thead tr').nth(1).locator('th').allTextContents();
  const col = headers.findIndex((text) => text.replace(/\s+/g, '').includes(day));
  expect(col, `a column for ${day}`).toBeGreaterThan(0);
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) }).getByRole('gridcell').nth(col - 1);
}

test('a shift with a finding shows the rule’s short name, and the message on focus and hover', async ({ page }) => {
  await openGrid(page);
  const cell = page.getByRole('gridcell').filter({ has: page.locator('.flag', { hasText: 'Hvile' }) }).first();
  await expect(cell, 'the short rest of the demo is marked "Hvile", not only "Brudd"').toBeVisible();
  const flag = cell.locator('.flag').first();
  await expect(flag).toContainText('Hvile');
  await expect(flag.locator('.visually-hidden'), 'the severity is still said to a screen reader').toHaveText('Brudd:');

  // Hovering the shift shows the whole message.
  await expect(cell.locator('.chip').first()).toHaveAttribute('title', /Brudd – Daglig hvile: Den lengste hvilen .* minst 11 t\./);

  // Focus (here by the keyboard, from the neighbouring cell) says it too: read as the cell's
  // description, and shown in the selection line above the grid.
  await cell.click();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAccessibleDescription(/Daglig hvile: Den lengste hvilen .* minst 11 t\./);
  await expect(page.locator('#grid-selection')).toContainText('Brudd – Daglig hvile: Den lengste hvilen');
  await expect(page.locator('#grid-selection')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'grid-finding-focus');
});

test('after an abandoned drag the pressed shift is selected, so Delete removes the shift with the focus ring', async ({ page }) => {
  await openGrid(page);
  const first = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Bjørn Sæther/ }) }).getByRole('gridcell').filter({ has: page.locator('.chip') }).first();
  const other = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Jonas Haugland/ }) }).getByRole('gridcell').filter({ has: page.locator('.chip') }).first();
  const firstId = await first.getAttribute('id');
  const otherId = await other.getAttribute('id');
  const firstChips = await first.locator('.chip').count();
  const otherChips = await other.locator('.chip').count();

  // Choose Bjørn's shift with a click.
  await first.click();
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-selected', 'true');

  // Press Jonas's shift, drag it, and let go over the page heading, where it cannot be dropped.
  const chip = other.locator('.chip').first();
  const box = (await chip.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const heading = (await page.getByRole('heading', { level: 2, name: 'Turnus' }).boundingBox())!;
  await page.mouse.move(box.x + 40, box.y - 60, { steps: 5 });
  await page.mouse.move(heading.x + 20, heading.y + 10, { steps: 5 });
  await page.mouse.up();

  // The focus ring is on Jonas's cell, and so is the selection.
  const focusedId = await page.evaluate(() => document.activeElement?.id);
  expect(focusedId, 'the pressed cell has the focus').toBe(otherId);
  await expect(page.locator(`#${otherId}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`#${firstId}`)).toHaveAttribute('aria-selected', 'false');
  await expect(page.locator('#grid-selection')).toContainText('Jonas Haugland');

  await page.keyboard.press('Delete');
  await expect(status(page)).toContainText('er slettet');
  await expect(page.locator(`#${otherId} .chip`), 'Jonas’s shift, the one with the focus ring, is deleted').toHaveCount(otherChips - 1);
  await expect(page.locator(`#${firstId} .chip`), 'Bjørn’s shift, chosen before the drag, is still there').toHaveCount(firstChips);
  await expect(page.locator(`#${otherId}`)).toBeFocused();
  await expectNoAxeViolations(page);
});

test('Gå til dato moves the grid to the day typed as dd.mm.yyyy; a date that does not exist is said beside the field', async ({ page }) => {
  await openGrid(page);
  const field = page.getByLabel('Gå til dato', { exact: true });
  await field.fill('31.02.2027');
  await page.getByRole('button', { name: 'Gå til datoen' }).click();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#go-to-date-error')).toBeVisible();
  await expect(field).toHaveAccessibleDescription(/dd\.mm\.åååå.*dato/i);
  await expect(page.locator('#grid-period'), 'the grid stays where it was').toContainText('08.06.2026–21.06.2026');
  await expectNoAxeViolations(page);
  await shot(page, 'grid-goto-error');

  await field.fill('14.03.2027');
  await page.keyboard.press('Enter');
  await expect(page.locator('#grid-period')).toContainText('08.03.2027–21.03.2027');
  await expect(page.locator('#go-to-date-error')).toHaveCount(0);
  await expect(page.locator('#grid-selection'), 'the focus goes to that day').toContainText('14.03.2027');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell');
  await expect(status(page)).toContainText('Turnusen viser nå 14.03.2027.');
  await expectNoAxeViolations(page);
});

test('a shift saved outside the shown period says where it went, and the button goes there', async ({ page }) => {
  await openGrid(page);
  const cell = await cellOf(page, /Emilie Strand/, '10.06.');
  await cell.click();
  await page.getByRole('button', { name: 'Ny vakt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny vakt' });
  await dialog.getByLabel('Dato', { exact: true }).fill('14.03.2027');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();

  const notice = page.getByText('Vakten er lagret 14.03.2027, utenfor perioden som vises.', { exact: true });
  await expect(notice, 'said where the person looks, not only to a screen reader').toBeVisible();
  await expect(status(page)).toContainText('Vakten er lagret 14.03.2027, utenfor perioden som vises.');
  await expectNoAxeViolations(page);
  await shot(page, 'grid-saved-outside');

  await page.getByRole('button', { name: 'Vis 14.03.2027' }).click();
  await expect(page.locator('#grid-period')).toContainText('08.03.2027–21.03.2027');
  await expect(page.locator('#grid-selection')).toContainText('Emilie Strand, 14.03.2027.');
  await expect(page.locator('#grid-selection'), 'the saved shift is the one chosen').not.toContainText('Ingen vakt.');
  const focused = page.locator('td[role="gridcell"]:focus');
  await expect(focused.locator('.chip')).toHaveCount(1);
  await expect(notice).toHaveCount(0);
});

test('the grid’s sideways scrollbar is always shown, and two weeks fit in a 1366 × 768 window', async ({ page }) => {
  await openGrid(page);
  const box = page.locator('.grid-scroll');
  const measure = () =>
    box.evaluate((el: HTMLElement) => {
      const style = getComputedStyle(el);
      const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      return { overflowX: style.overflowX, bar: el.offsetHeight - el.clientHeight - borders, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
    });
  const wide = await measure();
  expect(wide.overflowX, 'the scrollbar is not only shown when needed or hovered').toBe('scroll');
  expect(wide.bar, 'the scrollbar takes room of its own below the grid (no overlay)').toBeGreaterThanOrEqual(12);
  expect(wide.scrollWidth, 'two weeks fit without scrolling sideways').toBeLessThanOrEqual(wide.clientWidth);
  await expect(page.getByRole('columnheader', { name: /21\.06\.\s*2026/ })).toBeInViewport();
  await expectNoAxeViolations(page);
  await shot(page, 'grid-1366x768');

  // A smaller window scrolls sideways, with the scrollbar in view of the grid.
  await page.setViewportSize({ width: 1024, height: 720 });
  const narrow = await measure();
  expect(narrow.bar).toBeGreaterThanOrEqual(12);
  expect(narrow.scrollWidth).toBeGreaterThan(narrow.clientWidth);
  await shot(page, 'grid-1024x720');
  // A full-page shot leaves scrollbars out; this one shows the window as it is.
  await box.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: '../test-output/grid-scroll-1024x720.png' });
});

test('a shift that ends before it starts is asked about: Nei goes back to the end, Ja saves it overnight', async ({ page }) => {
  await openGrid(page);
  const cell = await cellOf(page, /Emilie Strand/, '11.06.');
  await cell.click();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Ny vakt' });
  const start = dialog.getByLabel('Begynner', { exact: true });
  const end = dialog.getByLabel('Slutter', { exact: true });

  // The same time twice is refused beside the end, with the focus there.
  await start.fill('08:00');
  await end.fill('08:00');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(end).toBeFocused();
  await expect(end).toHaveAccessibleDescription(/kan ikke slutte på samme klokkeslett som den begynner\. Skriv et annet klokkeslett\./);

  // 16:00 → 08:00: asked, with the focus on the answer.
  await start.fill('16:00');
  await end.fill('08:00');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  const question = dialog.getByRole('group', { name: 'Slutter vakten neste dag?' });
  await expect(question).toBeVisible();
  const yes = question.getByRole('button', { name: 'Ja, neste dag' });
  await expect(yes).toBeFocused();
  await expect(yes).toHaveAccessibleDescription('Vakten slutter 08:00, før den begynner 16:00. Svar ja hvis den slutter 08:00 dagen etter, 12.06.2026.');
  await expectNoAxeViolations(page);
  await shot(page, 'grid-overnight-question');

  // Nei: back to the end time, nothing saved.
  await question.getByRole('button', { name: 'Nei, endre sluttiden' }).click();
  await expect(question).toHaveCount(0);
  await expect(end).toBeFocused();
  await expect(dialog).toBeVisible();
  await expect(cell.locator('.chip')).toHaveCount(0);

  // Ja: saved as a night into the next day.
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(yes).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(cell.locator('.chip')).toContainText('16:00–08:00');
  await expect(status(page)).toContainText('Vakten 11.06.2026 er lagt til.');

  // Editing that shift again asks nothing: its saved times already say it ends the next day.
  await cell.focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Endre vakt' });
  await edit.getByRole('button', { name: 'Lagre' }).click();
  await expect(edit).toBeHidden();
  await expect(cell.locator('.chip')).toContainText('16:00–08:00');
});

test('a night shift from a shift type that crosses midnight is saved without a question', async ({ page }) => {
  await openGrid(page);
  await page.getByRole('navigation', { name: 'Sider i planen' }).getByRole('button', { name: 'Vakttyper og turnusmønstre' }).click();
  await page.locator('#type-code').fill('N');
  await page.locator('#type-name').fill('Natt');
  await page.locator('#type-start').fill('22:00');
  await page.locator('#type-end').fill('07:00');
  await page.getByRole('button', { name: 'Legg til vakttypen' }).click();
  await expect(status(page)).toContainText('Vakttypen N er lagret.');

  await page.getByRole('navigation', { name: 'Sider i planen' }).getByRole('button', { name: 'Turnus' }).first().click();
  const cell = await cellOf(page, /Emilie Strand/, '12.06.');
  await cell.click();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Ny vakt' });
  await dialog.getByLabel('Vakttype').selectOption('N');
  await expect(dialog.getByLabel('Slutter', { exact: true })).toHaveValue('07:00');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell.locator('.chip')).toContainText('22:00–07:00');
});

