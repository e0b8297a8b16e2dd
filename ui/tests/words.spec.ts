import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, openDemo, shot, showPage } from './helpers';

// The words a first-time user reads: accurate date messages, singular and plural, the vedtak's
// terms explained in sentences, and the app's own shift-type names in the chosen language.

test('"1.1.26" is told that the year needs four digits, not that the date does not exist', async ({ page }) => {
  await openDemo(page, '?today=2026-06-10');
  await showPage(page, 'Vedtak');
  const from = page.locator('#vedtak-from');
  await from.fill('1.1.26');
  await page.getByRole('button', { name: 'Legg til vedtaket' }).click();
  await expect(from).toHaveAccessibleDescription(/Året må ha fire sifre\. Skriv datoen som dd\.mm\.åååå/);
  await from.fill('30.02.2026');
  await page.getByRole('button', { name: 'Legg til vedtaket' }).click();
  await expect(from).toHaveAccessibleDescription(/Datoen finnes ikke/);
  await expectNoAxeViolations(page);
});

test('the vedtak says in sentences what night help and the passive factor mean', async ({ page }) => {
  await openDemo(page, '?today=2026-06-10');
  await showPage(page, 'Vedtak');
  const row = page.getByRole('row', { name: /inntil videre/ });
  await expect(row).toContainText('Ikke inkludert: vedtaket gir ikke hjelp om natten.');
  await expect(row).toContainText('En time passiv tid (for eksempel sovende nattevakt) teller som 1 time av vedtaket.');
  await expect(page.getByRole('columnheader', { name: 'Passiv tid' })).toBeVisible();
  await shot(page, 'ui-vedtak-words');
});

test('in English, the shift types Turnus named itself are named in English; the grid says no "1 hours"', async ({ page }) => {
  await openDemo(page, '?today=2026-06-10');
  await showPage(page, 'Innstillinger');
  await page.getByLabel('English').check();
  await page.getByRole('button', { name: 'Rota', exact: true }).click();
  const legend = page.locator('ul').filter({ hasText: '07:30–11:30' }).first();
  await expect(legend).toContainText('Morning, 07:30–11:30');
  await expect(legend).not.toContainText('Morgen');
  await expect(page.getByText(/\b1 hours\b/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
