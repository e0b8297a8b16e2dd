import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, openDemo, showPage } from './helpers';

test.describe('on a computer set to dark', () => {
  test.use({ colorScheme: 'dark' });

  test('the window starts dark, follows the choice of light, and follows the computer again', async ({ page }) => {
    await openDemo(page);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('dark');
    await showPage(page, 'Innstillinger');
    await expect(page.getByLabel('Som på datamaskinen')).toBeChecked();
    await page.getByLabel('Lyst').check();
    await expect.poll(theme).toBe('light');
    await page.getByLabel('Som på datamaskinen').check();
    await expect.poll(theme).toBe('dark');
    await expectNoAxeViolations(page);

    // A change on the computer while the window is open is followed at once.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(theme).toBe('light');
  });
});
