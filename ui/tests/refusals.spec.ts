import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, gotoStart, openDemo, shot, showPage } from './helpers';

// No silent refusals: what the core refuses is said where the person is looking (a notice at
// the bottom of the window, an alert for screen readers), and deleting an assistant who still
// has work offers the way on instead of failing.

test('deleting an assistant who still has shifts says why and offers to make them open; one undo brings everything back', async ({ page }) => {
  await openDemo(page, '?today=2026-06-10');
  const grid = page.getByRole('grid');
  const emilieRow = grid.getByRole('row', { name: /Emilie Strand/ });
  await expect(emilieRow).toBeVisible();
  await showPage(page, 'Assistenter');
  await page.getByRole('button', { name: 'Slett Emilie Strand' }).click();

  const panel = page.getByRole('region', { name: 'Hva skal skje med vaktene til Emilie Strand?' });
  await expect(panel.getByRole('heading', { level: 3 }), 'the focus goes to the question').toBeFocused();
  await expect(panel).toContainText(/Emilie Strand kan ikke slettes ennå: Emilie Strand har \d+ vakte?r? i planen \(\d\d\.\d\d\.\d{4}(–\d\d\.\d\d\.\d{4})?\)/);
  await expect(panel).toContainText('turnusmønsteret');
  await expect(page.getByRole('row', { name: /Emilie Strand/ }), 'nothing is deleted yet').toHaveCount(1);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-delete-assistant-hand-over');

  await panel.getByRole('button', { name: 'Gjør vaktene åpne og slett Emilie Strand' }).click();
  await expect(page.getByRole('row', { name: /Emilie Strand/ })).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Emilie Strand');
  await expect(page.getByRole('heading', { level: 2, name: 'Assistenter' })).toBeFocused();

  await showPage(page, 'Turnus');
  await expect(grid.getByRole('row', { name: /Emilie Strand/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(grid.getByRole('row', { name: /Emilie Strand/ }), 'one undo brings her and her shifts back').toBeVisible();
});

test('deleting an assistant can hand the shifts to another assistant instead', async ({ page }) => {
  await openDemo(page, '?today=2026-06-10');
  await showPage(page, 'Assistenter');
  await page.getByRole('button', { name: 'Slett Emilie Strand' }).click();
  const panel = page.getByRole('region', { name: 'Hva skal skje med vaktene til Emilie Strand?' });
  await panel.getByLabel('Eller flytt vaktene og plassene i turnusmønsteret til').selectOption({ label: 'Bjørn Sæther' });
  await panel.getByRole('button', { name: 'Flytt vaktene til Bjørn Sæther og slett Emilie Strand' }).click();
  await expect(page.getByRole('row', { name: /Emilie Strand/ })).toHaveCount(0);
  await showPage(page, 'Historikk');
  const newest = page.getByRole('list', { name: 'Endringer' }).locator(':scope > li').first();
  await expect(newest).toContainText('Slett assistent');
  await expect(newest, 'the history says whose shifts went to whom').toContainText(/er flyttet til Bjørn Sæther\./);
});

test('cancelling the question deletes nothing and gives the focus back to the delete button', async ({ page }) => {
  await openDemo(page, '?today=2026-06-10');
  await showPage(page, 'Assistenter');
  const remove = page.getByRole('button', { name: 'Slett Emilie Strand' });
  await remove.click();
  const panel = page.getByRole('region', { name: 'Hva skal skje med vaktene til Emilie Strand?' });
  await panel.getByRole('button', { name: 'Avbryt' }).click();
  await expect(panel).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(page.getByRole('row', { name: /Emilie Strand/ })).toHaveCount(1);
});

test('an edit refused in a read-only plan is said in a visible notice, not only to screen readers', async ({ page }) => {
  await gotoStart(page, `?open=${encodeURIComponent('/delt/i-bruk.turnus')}`);
  await page.getByRole('button', { name: 'Åpne en plan' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  await page.locator('.chip').first().click();
  await page.keyboard.press('Delete');
  const notice = page.locator('.refusal');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('bare for lesing');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-refusal-read-only');
  await notice.getByRole('button', { name: 'Lukk meldingen' }).click();
  await expect(notice).toHaveCount(0);
});
