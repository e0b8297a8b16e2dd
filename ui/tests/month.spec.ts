import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, openDemo, shot, showPage, tabUntil } from './helpers';

// The month as worked: the arbeidsleder confirms June's shifts by keyboard, corrects one,
// marks one as not worked, closes the month, sees an edit of a closed shift refused in the
// grid, and reopens the month with a reason that the history keeps.
//
// In the demo plan every shift that ended before this week's Monday is already worked; with
// "today" on Wednesday 1 July 2026 the shifts of Monday 29 and Tuesday 30 June are not.

const MONTH = 'Bekreft måneden';

async function chooseJune(page: Page) {
  await page.getByLabel('Måned', { exact: true }).selectOption({ label: 'juni' });
  await page.getByLabel('År', { exact: true }).fill('2026');
  await page.getByLabel('År', { exact: true }).press('Tab');
  await expect(page.getByRole('table', { name: 'Vaktene i juni 2026' })).toBeVisible();
}

test('a month confirmed by keyboard, one shift corrected, one not worked, the month closed, an edit refused, and reopened with a reason', async ({ page }) => {
  test.setTimeout(90_000);
  await openDemo(page, '?today=2026-07-01');
  await showPage(page, MONTH);
  await chooseJune(page);

  const count = page.locator('#month-count');
  await expect(count).toHaveText(/^⚠ ?\d+ vakte?r? i juni 2026 er ikke bekreftet ennå\.$/);
  const close = page.getByRole('button', { name: 'Lukk juni 2026' });
  await expect(close, 'a month with unconfirmed shifts cannot be closed').toHaveAttribute('aria-disabled', 'true');
  // The reason is the core's sentence, beside the button and tied to it.
  await expect(page.locator('#month-close-reason')).toHaveText(/\d+ vakte?r? i juni 2026 er ikke bekreftet ennå\./);
  await expect(close).toHaveAttribute('aria-describedby', 'month-close-reason');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-month');

  // Keyboard only: "Velg alle" is the table's first checkbox; Space ticks every row, and the
  // confirm button before the table confirms them all in one action.
  const all = page.getByRole('checkbox', { name: 'Velg alle vaktene' });
  await tabUntil(page, `document.activeElement?.getAttribute('aria-label') === 'Velg alle vaktene'`);
  await page.keyboard.press('Space');
  await expect(all).toHaveAttribute('aria-checked', 'true');
  const confirm = page.getByRole('button', { name: /^Bekreft som arbeidet \(\d+\)$/ });
  for (let i = 0; i < 10 && !(await confirm.evaluate((button) => button === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(confirm, 'Shift+Tab goes back from the table to the confirm button').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(count).toHaveText(/^✓ ?Alle vaktene i juni 2026 er bekreftet\.$/);
  await expect(page.getByRole('status')).toContainText(/er bekreftet som arbeidet\./);
  await expect(close).not.toHaveAttribute('aria-disabled', 'true');

  // The arrows move between the rows, Space ticks one, Enter corrects its times.
  const first = page.locator('#month-row-0');
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#month-row-1')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  const correct = page.getByRole('dialog', { name: 'Rett tidene' });
  await expect(correct).toBeVisible();
  await expect(correct).toContainText(/Planlagt: \d\d:\d\d–\d\d:\d\d/);
  await expect(correct.getByLabel('Begynte')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0815');
  await expectNoAxeViolations(page);
  await correct.getByRole('button', { name: 'Lagre' }).click();
  await expect(correct).toHaveCount(0);
  await expect(first, 'the focus comes back to the row').toBeFocused();
  const corrected = page.locator('tr').filter({ has: first });
  await expect(corrected).toContainText(/08:15–\d\d:\d\d/);
  await expect(corrected).toContainText('Avviker fra planen');
  await expect(first, 'the row’s sentence for screen readers says the times worked').toHaveAttribute('aria-label', /08:15/);

  // Tick the second row alone and mark it not worked; the reason is required.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.locator('#month-row-1')).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Ikke arbeidet …' }).click();
  const notWorked = page.getByRole('dialog', { name: 'Vakten ble ikke arbeidet' });
  await notWorked.getByRole('button', { name: 'Lagre som ikke arbeidet' }).click();
  await expect(notWorked.getByText('Skriv hvorfor vakten ikke ble arbeidet.')).toBeVisible();
  await expect(notWorked.getByLabel(/^Grunn/)).toBeFocused();
  await page.keyboard.type('Syk');
  await page.keyboard.press('Enter');
  await expect(notWorked).toHaveCount(0);
  const second = page.getByRole('table', { name: 'Vaktene i juni 2026' }).getByRole('row').nth(2);
  await expect(second).toContainText('Ikke arbeidet');
  await expect(second).toContainText('Grunn: Syk');

  // Every shift is confirmed: the month closes, and says by whom.
  await close.click();
  await expect(page.getByRole('note').filter({ hasText: 'juni 2026 er lukket.' })).toContainText(/Lukket \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d av \S.*\./);
  await expect(page.getByText('Timelistene for måneden er endelige.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bekreft som arbeidet (0)' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.locator('#month-action-hint')).toHaveText(/^Måneden er lukket/);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-month-closed');

  // The month's timelister are final: the Export page says so for June.
  await showPage(page, 'Utskrift og kalender');
  await page.getByLabel('Timeliste for én assistent').check();
  await page.locator('#export-month').selectOption({ label: 'juni' });
  await page.locator('#export-year').fill('2026');
  await expect(page.locator('#timeliste-final')).toHaveText('Måneden er lukket, så timelisten er endelig.');

  // An edit of a closed shift in the grid is refused with the core's sentence, where the person looks.
  await showPage(page, 'Turnus');
  await page.getByLabel('Gå til dato', { exact: true }).fill('15.06.2026');
  await page.getByRole('button', { name: 'Gå til datoen' }).click();
  await expect(page.getByRole('note').filter({ hasText: /^juni 2026 er lukket \(/ }), 'the grid says the month is closed before any edit').toContainText('åpnes igjen på siden Bekreft måneden');
  // The grid shows the month as worked: each confirmed shift says so, and the corrected one
  // shows the times worked with the planned ones beside them.
  await expect(page.locator('td[role="gridcell"] .chip').filter({ hasText: 'Utført' }).first()).toBeVisible();
  await page.getByLabel('Gå til dato', { exact: true }).fill('01.06.2026');
  await page.getByRole('button', { name: 'Gå til datoen' }).click();
  await expect(page.locator('td[role="gridcell"] .chip').filter({ hasText: '08:15–' }).first()).toContainText(/Utført \(planlagt \d\d:\d\d–\d\d:\d\d\)/);
  await shot(page, 'ui-month-grid-worked');
  await page.getByLabel('Gå til dato', { exact: true }).fill('15.06.2026');
  await page.getByRole('button', { name: 'Gå til datoen' }).click();
  const chip = page.locator('td[role="gridcell"] .chip').first();
  await chip.click();
  await page.keyboard.press('Delete');
  const refusal = page.locator('.refusal[role="alert"]');
  await expect(refusal).toContainText(/juni 2026/);
  await expect(refusal).toContainText(/lukket/);
  await expect(refusal).toContainText(/Åpne måneden igjen|åpne/i);
  await shot(page, 'ui-month-refused-in-grid');
  // In the shift's dialog the refusal is said inside the dialog, and the dialog stays open.
  await page.getByRole('button', { name: 'Lukk meldingen' }).click();
  await chip.dblclick();
  const shiftDialog = page.getByRole('dialog', { name: 'Endre vakt' });
  await shiftDialog.getByLabel('Merknad').fill('Kom litt sent');
  await shiftDialog.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(shiftDialog.getByRole('alert')).toContainText(/juni 2026.*lukket/);
  await shiftDialog.getByRole('button', { name: 'Avbryt' }).click();

  // Reopening asks for a reason, and the history keeps it.
  await showPage(page, MONTH);
  await chooseJune(page);
  await page.getByRole('button', { name: 'Åpne måneden igjen …' }).click();
  const reopen = page.getByRole('dialog', { name: 'Åpne juni 2026 igjen' });
  await reopen.getByRole('button', { name: 'Åpne måneden igjen …' }).click();
  await expect(reopen.getByText('Skriv hvorfor måneden må åpnes igjen.')).toBeVisible();
  await expectNoAxeViolations(page);
  await reopen.getByLabel(/^Grunn til å åpne måneden/).fill('Feil sluttid 12. juni');
  await reopen.getByRole('button', { name: 'Åpne måneden igjen …' }).click();
  await expect(reopen).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('juni 2026 er åpnet igjen.');
  await expect(page.getByRole('button', { name: 'Lukk juni 2026' }), 'the focus goes to the month’s button, which closes it again').toBeFocused();

  await showPage(page, 'Historikk');
  const newest = page.getByRole('list', { name: 'Endringer' }).locator(':scope > li').first();
  await expect(newest).toContainText('Feil sluttid 12. juni');
});

test('ticking a range with Shift+arrows and Shift+click', async ({ page }) => {
  await openDemo(page, '?today=2026-07-01');
  await showPage(page, MONTH);
  await chooseJune(page);
  await page.locator('#month-row-0').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByRole('button', { name: 'Bekreft som arbeidet (3)' })).toBeVisible();
  await expect(page.locator('#month-action-hint')).toHaveText('3 vakter er krysset av.');
  await page.locator('#month-row-5').click({ modifiers: ['Shift'] });
  await expect(page.getByRole('button', { name: 'Bekreft som arbeidet (6)' })).toBeVisible();
  // Correcting needs one shift: the button says why it cannot act.
  const correct = page.getByRole('button', { name: 'Rett tider …' });
  await expect(correct).toHaveAttribute('aria-disabled', 'true');
  await correct.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.refusal[role="alert"]')).toHaveText(/Rett tider og Ikke arbeidet gjelder én vakt om gangen/);
});

test('work that was not planned is added, and the month in English at 200 % and high contrast has no WCAG violation', async ({ page }) => {
  await openDemo(page, '?today=2026-07-01');
  await showPage(page, MONTH);
  await chooseJune(page);
  await page.getByRole('button', { name: 'Legg til arbeid som ikke var planlagt …' }).click();
  const add = page.getByRole('dialog', { name: 'Legg til arbeid som ikke var planlagt' });
  await add.getByLabel('Assistent').selectOption({ label: 'Bjørn Sæther' });
  await add.getByLabel('Dato').fill('20.06.2026');
  await add.getByLabel('Begynner').fill('10:00');
  await add.getByLabel('Slutter').fill('13:00');
  await expectNoAxeViolations(page);
  await add.getByRole('button', { name: 'Legg til' }).click();
  await expect(add).toHaveCount(0);
  const added = page.getByRole('table', { name: 'Vaktene i juni 2026' }).getByRole('row').filter({ hasText: 'Ikke planlagt' });
  await expect(added).toContainText('20.06.2026');
  await expect(added).toContainText('Bjørn Sæther');
  await expect(added).toContainText('10:00–13:00');

  await showPage(page, 'Innstillinger');
  await page.getByLabel('English').check();
  await page.getByLabel('200 %').check();
  await page.getByLabel(/^Høy kontrast|^High contrast/).check();
  await page.getByRole('button', { name: 'Confirm the month' }).click();
  await page.getByLabel('Month', { exact: true }).selectOption({ label: 'June' });
  await page.getByLabel('Year', { exact: true }).fill('2026');
  await page.getByLabel('Year', { exact: true }).press('Tab');
  await expect(page.getByRole('table', { name: 'The shifts in June 2026' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'The shifts in June 2026' })).toContainText('Not planned');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-month-en-200-contrast');
});

test('the Hours page shows each assistant’s account: contract against planned and worked, month by month and week by week', async ({ page }) => {
  await openDemo(page, '?today=2026-07-01');
  // The Hours page shows the year of the period the grid shows.
  await page.getByLabel('Gå til dato', { exact: true }).fill('01.07.2026');
  await page.getByRole('button', { name: 'Gå til datoen' }).click();
  await showPage(page, 'Timer');
  const account = page.getByRole('region', { name: 'Bjørn Sæther', exact: true });
  await expect(account).toContainText('Kontrakt: 20 t per uke');
  const months = account.getByRole('table', { name: 'Timekonto for Bjørn Sæther i 2026, måned for måned' });
  await expect(months.getByRole('columnheader')).toHaveText(['Måned', 'Kontrakt', 'Planlagt', 'Arbeidet', 'Merarbeid', 'Overtid']);
  await expect(months.getByRole('row')).toHaveCount(14);
  const june = months.getByRole('row', { name: /^juni / });
  const worked = Number((await june.getByRole('cell').nth(2).innerText()).replace(',', '.'));
  expect(worked, 'the demo plan’s June shifts before 29 June are worked').toBeGreaterThan(0);
  await expect(months.getByRole('row', { name: /^Hele 2026/ })).toBeVisible();
  await account.getByText('Uke for uke for Bjørn Sæther').click();
  await expect(account.getByRole('table', { name: 'Timekonto for Bjørn Sæther i 2026, uke for uke' }).getByRole('row', { name: /^Uke 26 / })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-hours-timekonto');
});
