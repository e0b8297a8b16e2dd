import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, openDemo, shot, showPage, tabUntil } from './helpers';

// Busy time on the assistant's page, on the real core: the test server's world holds a calendar
// with three evenings of work from the Monday of this week, an all-day course and a repeating
// meeting (/home/ingrid/Dokumenter/sykehjem.ics), the same calendar with no work in it
// (/home/ingrid/tom/sykehjem.ics) and a file that is no calendar (/home/ingrid/Dokumenter/skadet.ics).
// `?calendar=PATH` is what the file dialog answers, and `?today=` fixes the week.

const TODAY = '2026-06-10';

/** A predicate for `tabUntil`: the focused element's text is `text`, spaces aside (the
 * visually hidden part of a button's name follows its visible word without a space). */
const focusedText = (text: string) =>
  `document.activeElement?.textContent?.replace(/\\s+/g, '') === ${JSON.stringify(text.replace(/\s+/g, ''))}`;

const WORK = `?today=${TODAY}&calendar=/home/ingrid/Dokumenter/sykehjem.ics`;

/** Opens the demo, shows the assistants' page and starts editing Solveig with the keyboard. */
async function editSolveig(page: Page, query: string) {
  await openDemo(page, query);
  await showPage(page, 'Assistenter');
  await tabUntil(page, focusedText('Endre Solveig Bråten'));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Navn')).toBeFocused();
}

test('keyboard only: import a calendar for Solveig, see what was left out, then remove it', async ({ page }) => {
  await editSolveig(page, WORK);
  const section = page.getByRole('region', { name: 'Annen jobb (opptatt tid)' });
  await expect(section).toContainText('teller med når Turnus sjekker hviletid og samlet arbeidstid');
  await expect(section).toContainText('Solveig Bråten har ingen annen jobb lagt inn.');
  await expectNoAxeViolations(page);

  await tabUntil(page, focusedText('Les inn en kalender (.ics)'));
  await expect(page.getByRole('button', { name: 'Les inn en kalender (.ics)' })).toHaveAccessibleDescription(/erstatter den det som ble lest inn sist/);
  await page.keyboard.press('Enter');

  const result = section.locator('.busy-result');
  await expect(result, 'the result takes the focus, so a screen reader reads it').toBeFocused();
  await expect(result).toContainText('3 arbeidsøkter fra sykehjem.ics er lagt inn som opptatt tid for Solveig Bråten.');
  await expect(result, 'a first import replaces nothing').not.toContainText('erstatter');
  const skipped = section.getByRole('list', { name: 'Hendelser som ikke ble lagt inn' });
  await expect(skipped.getByRole('listitem')).toHaveText([
    '«Kurs»: heldagshendelse: den sier ikke når arbeidet er.',
    '«Ukemøte»: hendelsen gjentas (RRULE); legg inn de enkelte gangene i stedet.',
  ]);
  await expect(page.getByRole('status').filter({ hasText: '3 arbeidsøkter fra sykehjem.ics' })).toHaveCount(1);

  const row = section.getByRole('row', { name: /sykehjem\.ics/ });
  await expect(row).toContainText('3');
  await expect(row).toContainText('08.06.2026 til 10.06.2026');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-busy-imported');

  // The same calendar again replaces the earlier import instead of adding a second row.
  await page.getByRole('button', { name: 'Les inn en kalender (.ics)' }).focus();
  await page.keyboard.press('Enter');
  await expect(result).toBeFocused();
  await expect(result).toContainText('Det erstatter det som ble lest inn fra sykehjem.ics tidligere (3 arbeidsøkter).');
  await expect(section.getByRole('row', { name: /sykehjem\.ics/ })).toHaveCount(1);

  // The button is above the result, so Tab goes round the whole page (header, menu, the
  // assistants' table and form, their absences) to reach it.
  await tabUntil(page, focusedText('Fjern sykehjem.ics'), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'Annen jobb (opptatt tid)' }), 'the focus goes back to the section').toBeFocused();
  await expect(section.getByRole('row', { name: /sykehjem\.ics/ })).toHaveCount(0);
  await expect(section).toContainText('Solveig Bråten har ingen annen jobb lagt inn.');
  await expect(page.getByRole('status').filter({ hasText: 'Opptatt tid fra sykehjem.ics er fjernet for Solveig Bråten.' })).toHaveCount(1);

  // Removing is one undoable action.
  await page.keyboard.press('Control+z');
  await expect(section.getByRole('row', { name: /sykehjem\.ics/ })).toHaveCount(1);
});

test('a calendar that now gives no work says the earlier work periods are gone; a double press on Fjern removes once', async ({ page }) => {
  // Every answer takes 300 ms, as on a slow disk, so the second press comes while the first works.
  await editSolveig(page, `?today=${TODAY}&delay=300&calendar=/home/ingrid/Dokumenter/sykehjem.ics|/home/ingrid/tom/sykehjem.ics|/home/ingrid/Dokumenter/sykehjem.ics`);
  const section = page.getByRole('region', { name: 'Annen jobb (opptatt tid)' });
  const button = page.getByRole('button', { name: 'Les inn en kalender (.ics)' });
  await button.click();
  await expect(section.getByRole('row', { name: /sykehjem\.ics/ })).toHaveCount(1);

  // The same calendar exported again, but with nothing in it that is work.
  await button.click();
  const result = section.locator('.busy-result');
  await expect(result).toContainText('Ingen arbeidsøkter fra sykehjem.ics kunne legges inn for Solveig Bråten.');
  await expect(result).toContainText(
    'De 3 arbeidsøktene som ble lest inn fra sykehjem.ics tidligere, er fjernet, så de teller ikke lenger i lovsjekken. Angre hvis det var feil fil.',
  );
  await expect(section.getByRole('row', { name: /sykehjem\.ics/ })).toHaveCount(0);

  // A shaking hand presses Fjern twice: one removal, and no error after the success.
  await button.click();
  await section.getByRole('button', { name: 'Fjern sykehjem.ics' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(section).toContainText('Solveig Bråten har ingen annen jobb lagt inn.');
  // A second removal, had it been sent, would answer one delay after the first: wait that out.
  await page.waitForTimeout(600);
  await expect(section.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a calendar that cannot be read is an alert saying what to do, and nothing is added', async ({ page }) => {
  await editSolveig(page, `?today=${TODAY}&calendar=/home/ingrid/Dokumenter/skadet.ics`);
  const section = page.getByRole('region', { name: 'Annen jobb (opptatt tid)' });
  const button = page.getByRole('button', { name: 'Les inn en kalender (.ics)' });
  await button.focus();
  await page.keyboard.press('Enter');
  const alert = section.getByRole('alert');
  await expect(alert).toContainText('Kalenderen «skadet.ics» kan ikke leses, så ingenting ble lagt inn.');
  await expect(alert).toContainText('Eksporter kalenderen på nytt som .ics-fil og prøv igjen.');
  await expect(button, 'the focus stays where the person can try again').toBeFocused();
  await expect(section).toContainText('Solveig Bråten har ingen annen jobb lagt inn.');
  await expect(section.locator('.busy-result')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-busy-error');
});

test('cancelling the file dialog changes nothing and says nothing', async ({ page }) => {
  await editSolveig(page, `?today=${TODAY}&calendar=`);
  const section = page.getByRole('region', { name: 'Annen jobb (opptatt tid)' });
  await page.getByRole('button', { name: 'Les inn en kalender (.ics)' }).click();
  await expect(section.getByRole('alert')).toHaveCount(0);
  await expect(section.locator('.busy-result')).toHaveCount(0);
  await expect(section).toContainText('Solveig Bråten har ingen annen jobb lagt inn.');
});

test('in English, at 200 % text, with no WCAG 2.1 AA violation', async ({ page }) => {
  await openDemo(page, WORK);
  await showPage(page, 'Innstillinger');
  await page.getByLabel('English').check();
  await page.getByLabel('200 %').check();
  await page.getByRole('button', { name: 'Assistants' }).click();
  await page.getByRole('button', { name: 'Edit Solveig Bråten' }).click();
  const section = page.getByRole('region', { name: 'Other work (busy time)' });
  await expect(section).toContainText('counts when Turnus checks rest and total working hours');
  await page.getByRole('button', { name: 'Import a calendar (.ics)' }).click();
  await expect(section.locator('.busy-result')).toContainText('3 work periods from sykehjem.ics are added as busy time for Solveig Bråten.');
  await expect(section.getByRole('list', { name: 'Events that were not added' })).toContainText('all-day event: it gives no working hours');
  await expect(section.getByRole('row', { name: /sykehjem\.ics/ })).toContainText('08.06.2026 to 10.06.2026');
  await expect(section.getByRole('button', { name: 'Remove sykehjem.ics' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-busy-english');
});
