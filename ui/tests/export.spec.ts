import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import { expectNoAxeViolations, openDemo, sessionRoot, shot, showPage, tabUntil } from './helpers';

const EXPORT = 'Utskrift og kalender';

/** `text` as a regular expression that matches it literally. */
function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function typeInto(page: Page, text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('keyboard only: preview the rota, switch to a timesheet, and save it through the save dialog', async ({ page }) => {
  await openDemo(page, '?today=2026-06-03');
  await showPage(page, EXPORT);
  const preview = page.getByRole('img', { name: /^Første side av Turnusplan/ });
  await expect(preview).toBeVisible();
  // The period starts as the one the grid shows: two weeks.
  await expect(preview).toHaveAttribute('alt', /^Første side av Turnusplan, \d\d\.\d\d\.\d{4}–\d\d\.\d\d\.\d{4}\. Dokumentet har 1 side\.$/);
  await expect(page.getByText('Turnusplan: Første side av 1.')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-export');

  // The kind is a radio group: the arrow keys move through it.
  await tabUntil(page, `document.activeElement?.id === 'kind-turnusplan'`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Timeliste for én assistent')).toBeChecked();
  await expect(page.getByLabel('Assistent', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Fra og med dato'), 'a timeliste is for a month').toHaveCount(0);
  await expect(page.getByRole('img', { name: /^Første side av Timeliste for Solveig Bråten, [a-z]+ \d{4}\./ })).toBeVisible();

  // Another assistant and another month, by keyboard.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Assistent', { exact: true })).toBeFocused();
  await page.getByLabel('Assistent', { exact: true }).selectOption({ label: 'Małgorzata Król' });
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Måned')).toBeFocused();
  await page.getByLabel('Måned').selectOption({ label: 'mai' });
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('År')).toBeFocused();
  await typeInto(page, '2026');
  await expect(page.getByRole('img', { name: /^Første side av Timeliste for Małgorzata Król, mai 2026/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // The preview can take the whole width, for those who need it larger.
  const wide = (await page.getByRole('img', { name: /^Første side av Timeliste/ }).boundingBox())!.width;
  await page.getByRole('button', { name: 'Større forhåndsvisning' }).click();
  await expect(page.getByRole('button', { name: 'Større forhåndsvisning' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await page.getByRole('img', { name: /^Første side av Timeliste/ }).boundingBox())!.width).toBeGreaterThan(wide * 1.5);

  await tabUntil(page, `document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('Lagre PDF')`);
  await page.keyboard.press('Enter');
  const saved = `${await sessionRoot(page)}/home/ingrid/Dokumenter/Timeliste Małgorzata Król 2026-05.pdf`;
  await expect(page.getByText(`Timeliste er lagret i ${saved}.`, { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(`Timeliste er lagret i ${saved}.`);
  expect(fs.readFileSync(saved).subarray(0, 5).toString(), 'the file the sentence names is a PDF').toBe('%PDF-');
  await shot(page, 'ui-export-saved');
});

test('dates that are no dates wait for the person and are named beside the field when saving', async ({ page }) => {
  await openDemo(page, '?today=2026-06-03');
  await showPage(page, EXPORT);
  await page.getByLabel('Lovsjekk', { exact: true }).check();
  await page.getByLabel('Fra og med dato').fill('31.02.2026');
  await expect(page.getByText('Skriv datoene som dd.mm.åååå, så vises dokumentet her.')).toBeVisible();
  await expect(page.getByRole('img')).toHaveCount(0);
  await page.getByRole('button', { name: 'Lagre PDF …' }).click();
  await expect(page.getByLabel('Fra og med dato')).toBeFocused();
  await expect(page.getByLabel('Fra og med dato')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Datoen finnes ikke. Skriv den som dd.mm.åååå.')).toBeVisible();

  await page.getByLabel('Fra og med dato').fill('20.06.2026');
  await page.getByLabel('Til og med dato').fill('10.06.2026');
  await page.getByRole('button', { name: 'Lagre PDF …' }).click();
  await expect(page.getByText('Sluttdatoen er før startdatoen. Velg en sluttdato etter startdatoen.')).toBeVisible();
  await expect(page.getByLabel('Til og med dato')).toBeFocused();
  await expectNoAxeViolations(page);

  // A period longer than one document takes is the core's refusal, shown beside the field.
  await page.getByLabel('Fra og med dato').fill('01.01.2026');
  await page.getByLabel('Til og med dato').fill('31.12.2027');
  await expect(page.getByRole('alert')).toHaveText('Perioden er for lang for ett dokument. Velg høyst 400 dager.');
  await page.getByRole('button', { name: 'Lagre PDF …' }).click();
  await expect(page.locator('#export-to-error')).toHaveText(/Perioden er for lang/);
});

test('cancelling the save dialog saves nothing, and a place that cannot be written says why', async ({ page }) => {
  await openDemo(page, '?today=2026-06-03&exportFolder=');
  await showPage(page, EXPORT);
  await expect(page.getByRole('img', { name: /^Første side av Turnusplan/ })).toBeVisible();
  await page.getByRole('button', { name: 'Lagre PDF …' }).click();
  await expect(page.getByRole('button', { name: 'Lagre PDF …' })).toBeEnabled();
  await expect(page.getByText(/er lagret i/)).toHaveCount(0);
  const documents = `${await sessionRoot(page)}/home/ingrid/Dokumenter`;
  expect(fs.readdirSync(documents).filter((f) => f.endsWith('.pdf')), 'no PDF was written').toEqual([]);

  await openDemo(page, '?today=2026-06-03&exportFolder=/media/ikke-skrivbar');
  await showPage(page, EXPORT);
  await expect(page.getByRole('img', { name: /^Første side av Turnusplan/ })).toBeVisible();
  await page.getByRole('button', { name: 'Lagre PDF …' }).click();
  // The place is the real path; the reason in brackets is the system's own words.
  const place = `${await sessionRoot(page)}/media/ikke-skrivbar/Turnusplan `;
  await expect(page.getByRole('alert')).toHaveText(
    new RegExp(`^Turnus kunne ikke skrive ${escape(place)}.*\\.pdf \\(.+\\)\\. Sjekk at mappen finnes og at du kan skrive i den, eller velg en annen\\.$`),
  );
});

test('a calendar file for one assistant, and a calendar folder chosen and stopped', async ({ page }) => {
  await openDemo(page, '?today=2026-06-03');
  await showPage(page, EXPORT);
  await page.getByLabel('Kalender for').selectOption({ label: 'Bjørn Sæther' });
  await page.getByRole('button', { name: 'Lagre kalender …' }).click();
  const root = await sessionRoot(page);
  const calendar = `${root}/home/ingrid/Dokumenter/Bjørn Sæther.ics`;
  await expect(page.getByText(`Kalenderen for Bjørn Sæther er lagret i ${calendar}.`).first()).toBeVisible();
  expect(fs.readFileSync(calendar, 'utf8'), 'the file the sentence names is a calendar').toMatch(/^BEGIN:VCALENDAR\r?\n/);

  await expect(page.getByText('Ingen mappe er valgt.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Velg mappe …' }).click();
  const folder = `${root}/home/ingrid/Delt/Kalendere`;
  await expect(page.getByText(`Kalenderne skrives til ${folder}.`)).toBeVisible();
  await expect(page.getByText(/^Sist skrevet \d\d\.\d\d\.\d{4} \d\d:\d\d, 6 filer\.$/)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Kalenderne er skrevet til ${escape(folder)}\\.`));
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.ics')), 'the folder holds the files the page counts').toHaveLength(6);
  await expectNoAxeViolations(page);
  await shot(page, 'ui-export-folder');

  await page.getByRole('button', { name: 'Slutt å skrive til mappen' }).click();
  await expect(page.getByText('Ingen mappe er valgt.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Velg mappe …' })).toBeFocused();
});

test('a folder that does not exist is refused with a sentence', async ({ page }) => {
  await openDemo(page, '?today=2026-06-03&folder=/media/finnes-ikke');
  await showPage(page, EXPORT);
  await page.getByRole('button', { name: 'Velg mappe …' }).click();
  const folder = `${await sessionRoot(page)}/media/finnes-ikke`;
  await expect(page.getByRole('alert')).toHaveText(`Mappen ${folder} finnes ikke. Velg en mappe som finnes.`);
  expect(fs.existsSync(folder), 'the folder is not made').toBe(false);
  await expect(page.getByText('Ingen mappe er valgt.', { exact: false })).toBeVisible();
});

test('in English, at 200 % text and in high contrast the Export page has no WCAG violation', async ({ page }) => {
  await openDemo(page, '?today=2026-06-03');
  await showPage(page, 'Innstillinger');
  await page.getByLabel('English').check();
  await page.getByLabel('200 %').check();
  await page.getByLabel(/^Høy kontrast|^High contrast/).check();
  await page.getByRole('button', { name: 'Print and calendars' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Print and calendars' })).toBeFocused();
  await expect(page.getByRole('img', { name: /^First page of the rota, [\d.–]+\. The document has 1 page\./ })).toBeVisible();
  await page.getByLabel('Hour accounts').check();
  await page.getByLabel('Year').fill('2026');
  await expect(page.getByRole('img', { name: /^First page of the hour accounts, the year 2026/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-export-en-200-contrast');
});

test('a calendar folder that stops answering never stops an edit, and the problem is said once', async ({ page }) => {
  await openDemo(page, '?folder=/media/frakoblet');
  await showPage(page, EXPORT);
  await page.getByRole('button', { name: 'Velg mappe …' }).click();
  const folder = `${await sessionRoot(page)}/media/frakoblet`;
  await expect(page.getByText(`Kalenderne skrives til ${folder}.`)).toBeVisible();

  // The cloud folder goes away; the next edit is saved all the same.
  fs.rmSync(folder, { recursive: true, force: true });
  await showPage(page, 'Turnus');
  const shifts = page.locator('.chip');
  const before = await shifts.count();
  await shifts.first().click();
  await page.keyboard.press('Delete');
  await expect(shifts).toHaveCount(before - 1);
  const note = page.getByRole('note').filter({ hasText: 'Kalenderne i kalendermappen er ikke oppdatert.' });
  await expect(note).toContainText(`Turnus kunne ikke skrive ${folder}/`);
  await expect(page.getByRole('status')).toContainText('Kalenderne i kalendermappen er ikke oppdatert.');
  await expectNoAxeViolations(page);
});

test('a document for one assistant in a plan without assistants says what to do', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Lag en ny plan' }).click();
  await page.getByLabel('Navnet på arbeidslederen').fill('Ingrid Haugen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /Ny plan: Vedtaket/ })).toBeFocused();
  await page.locator('#guide-hours-personlig_assistanse').fill('40');
  await page.locator('#guide-hours-personlig_assistanse').press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /Ny plan: Arbeidstidsregler/ })).toBeFocused();
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Ny plan: Assistenter/ })).toBeFocused();
  await page.getByLabel('Assistent 1').press('Enter');
  await expect(page.getByRole('grid')).toBeVisible();

  await showPage(page, EXPORT);
  await page.getByLabel('Arbeidsplan for én assistent').check();
  await expect(page.getByText('Planen har ingen assistenter ennå. Legg dem inn på siden Assistenter.')).toBeVisible();
  await page.getByRole('button', { name: 'Lagre PDF …' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Dette dokumentet gjelder én assistent, og planen har ingen ennå. Legg dem inn på siden Assistenter, eller velg et annet dokument.',
  );
  await expectNoAxeViolations(page);
});
