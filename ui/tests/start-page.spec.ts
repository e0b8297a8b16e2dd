import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, gotoStart, shot } from './helpers';

test('the start page says what Turnus is, in Norwegian, with one h1', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page).toHaveTitle('Turnus');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Turnus' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByText('arbeidsleder i BPA')).toBeVisible();
  for (const name of ['Lag en ny plan', 'Åpne en plan', 'Åpne demoplanen']) {
    await expect(page.getByRole('button', { name })).toBeVisible();
  }
  await expect(page.getByRole('list', { name: 'Planer du har brukt nylig' }).getByRole('button')).toHaveText(['Turnus for Ingrid']);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-start');
});

test('keyboard only: Tab reaches the demo button and Enter opens the plan in the turnus grid', async ({ page }) => {
  await gotoStart(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Lag en ny plan' }), 'the guide is the first stop for Tab').toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: 'Åpne demoplanen' });
  await expect(button).toBeFocused();
  await shot(page, 'ui-focus');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'Turnus' });
  await expect(heading, 'focus moves to the page heading so a screen reader reads it').toBeFocused();
  await expect(page.locator('.plan-name')).toHaveText(/Demoplan/);
  // The core's demo (src/demo.rs): four assistants and a vikar, names beyond ASCII included.
  for (const name of ['Solveig Bråten', 'Małgorzata Król', 'Jonas Haugland', 'Bjørn Sæther', 'Emilie Strand']) {
    await expect(page.getByRole('rowheader', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Planen Demoplan er åpnet.' })).toHaveCount(1);
});

test('opening a recent plan shows it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Turnus for Ingrid' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
});

test('when the demo cannot be opened the page says so in a sentence, and the button still works', async ({ page }) => {
  // `?fail=io`: the session's data folder is a file, as on a broken disk, so the demo plan
  // cannot be written there.
  await gotoStart(page, '?fail=io');
  await page.getByRole('button', { name: 'Åpne demoplanen' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(/Turnus fikk ikke lest eller skrevet filen\./);
  await expect(alert).not.toContainText('io');
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Åpne demoplanen' })).toBeEnabled();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-error');
});

for (const [file, sentence] of [
  ['/x/skadet.turnus', 'Filen er skadet, så Turnus kan ikke åpne planen.'],
  ['/x/ikke-plan.turnus', 'Filen er ikke en Turnus-plan.'],
  ['/x/nyere.turnus', 'Planen er lagret med en nyere versjon av Turnus.'],
  ['/x/borte.turnus', 'Det du valgte, finnes ikke lenger.'],
]) {
  test(`opening ${file} says: ${sentence}`, async ({ page }) => {
    await page.goto(`/?open=${encodeURIComponent(file)}`);
    await page.getByRole('button', { name: 'Åpne en plan' }).click();
    await expect(page.getByRole('alert')).toContainText(sentence);
    await expect(page.getByRole('heading', { level: 2, name: 'Velkommen til Turnus' })).toBeFocused();
    if (file.includes('skadet')) {
      await expectNoAxeViolations(page);
      await shot(page, 'ui-file-corrupt');
    }
  });
}

test('a plan in use elsewhere opens read-only with who and since when, and can be taken over', async ({ page }) => {
  await page.goto(`/?open=${encodeURIComponent('/delt/i-bruk.turnus')}`);
  await page.getByRole('button', { name: 'Åpne en plan' }).click();
  const notice = page.getByRole('region', { name: 'Planen er åpnet bare for lesing' });
  await expect(notice).toContainText(/Planen er i bruk av Per Haugen på PER-BÆRBAR siden \d\d\.\d\d\.\d{4} kl\. 07:45\./);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-file-in-use');
  await page.locator('.chip').first().click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('alert').filter({ hasText: 'bare for lesing' }), 'the refusal is said where the person looks, and read out').toBeVisible();
  await notice.getByRole('button', { name: 'Ta over planen' }).click();
  await expect(notice).toHaveCount(0);
});

test('a read-only file says so', async ({ page }) => {
  await page.goto(`/?open=${encodeURIComponent('/x/skrivebeskyttet.turnus')}`);
  await page.getByRole('button', { name: 'Åpne en plan' }).click();
  await expect(page.getByRole('region', { name: 'Planen er åpnet bare for lesing' })).toContainText(
    'Filen er skrivebeskyttet, så planen er åpnet bare for lesing. Kopier filen til en mappe du kan skrive i for å endre den.',
  );
});

test('settings from the start page: English before any plan is open, and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  await page.getByLabel('English').check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-start-settings-en');
  await page.getByRole('button', { name: 'Back to the start' }).click();
  await expect(page.getByRole('button', { name: 'Make a new plan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Turnus' })).toBeVisible();
});
