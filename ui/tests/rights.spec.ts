import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import { expectNoAxeViolations, openDemo, sessionRoot, shot, showPage } from './helpers';

test('the rights page shows the plan’s own vedtak against each statutory fact, with its source', async ({ page }) => {
  await openDemo(page, '?today=2026-06-03');
  await showPage(page, 'Dine rettigheter');
  // The demo plan's vedtak: 37,5 hours a week of personlig assistanse, no double staffing, no night.
  await expect(page.getByRole('heading', { level: 3, name: 'Ditt vedtak: 37,5 t per uke' })).toBeVisible();
  await expect(page.getByText('Dette er informasjon, ikke en juridisk vurdering.', { exact: false })).toBeVisible();

  const fact = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name }) });
  await expect(fact('Alder')).toContainText('under 67 år');
  await expect(fact('Alder')).toContainText('Kilde: pbrl. § 2-1 d');
  await expect(fact('Behov som varer')).toContainText('mer enn to år');
  await expect(fact('Timer i uka')).toContainText('minst 32 timer i uka');
  await expect(fact('Timer i uka')).toContainText('Vedtaket ditt er på 37,5 timer i uka. Det er minst 32 timer.');
  await expect(fact('Det retten ikke dekker')).toContainText('Vedtaket ditt gir ikke rom for to assistenter samtidig.');
  await expect(fact('Det retten ikke dekker')).toContainText('Vedtaket ditt tar ikke med hjelp om natten.');
  await expect(fact('Hvem som kan være arbeidsleder')).toContainText('Arbeidsleder i planen er Ragnhild Aasen.');
  await expect(fact('Hvem som er arbeidsgiver (leverandør)')).toContainText('Kilde: hol. § 3-2, § 3-8');
  await expect(fact('Hvem som er arbeidsgiver (leverandør)')).toContainText('Leverandør i planen er Eksempel kommune.');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-rights');
});

test('a vedtak of 28 hours is set against the 25–32 hour band, in English too', async ({ page }) => {
  await openDemo(page, '?today=2026-06-03');
  await showPage(page, 'Vedtak');
  await page.getByRole('button', { name: /^Endre/ }).first().click();
  await page.getByLabel('Personlig assistanse').fill('28');
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await showPage(page, 'Dine rettigheter');
  await expect(page.getByRole('heading', { level: 3, name: 'Ditt vedtak: 28 t per uke' })).toBeVisible();
  await expect(page.getByText('Det er mellom 25 og 32 timer', { exact: false })).toBeVisible();

  await showPage(page, 'Innstillinger');
  await page.getByLabel('English').check();
  await page.getByLabel('200 %').check();
  await page.getByLabel(/^Høy kontrast|^High contrast/).check();
  await page.getByRole('button', { name: 'Your rights' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Your vedtak: 28 h a week' })).toBeVisible();
  await expect(page.getByText('That is between 25 and 32 hours', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-rights-en-200-contrast');
});

test('the egenandel estimate of a month on a preset table: the monthly cap, the parts, and always the label', async ({ page }) => {
  await openDemo(page, '?today=2026-07-01');
  await showPage(page, 'Egenandel');
  await page.getByLabel('Måned', { exact: true }).selectOption({ label: 'juni' });
  await page.getByLabel('År', { exact: true }).fill('2026');
  await page.getByLabel('År', { exact: true }).press('Tab');
  await expect(page.getByText('Velg kommunens tabell og husstandens inntekt ovenfor, så ser du anslaget her.'), 'no estimate before a table is chosen').toBeVisible();
  await page.getByLabel('Tabell for egenandel').selectOption({ label: 'Husstandsinntekt, timepris med månedstak (2024)' });
  await page.getByLabel('Husstandens inntekt').selectOption({ index: 1 });
  await expect(page.getByLabel('Husstandens inntekt').locator('option:checked')).toHaveText(/^2–3 G: /);
  await expect(page.getByText(/^Kilde: .+ Gjelder fra 01\.01\.2024\.$/)).toBeVisible();

  const estimate = page.getByRole('region', { name: 'Anslag for juni 2026' });
  // Every June shift of the demo plan is personlig assistanse (praktisk bistand): far more than
  // 1 104 kr at 276 kr an hour, so the monthly cap of the 2–3 G bracket is the estimate.
  await expect(estimate.getByText(/^Omtrent 1\s104 kr i egenandel$/)).toBeVisible();
  await expect(estimate.getByRole('row', { name: /Pris per time/ })).toContainText('276 kr per time');
  await expect(estimate.getByRole('row', { name: /Høyst per måned/ })).toContainText(/1\s104 kr per måned/);
  await expect(estimate.getByRole('row', { name: /Timer det kan tas betalt for/ })).toContainText(/\d+(,\d)? t/);
  await expect(estimate).toContainText('Dette er et anslag. Kommunens vedtak bestemmer egenandelen.');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-egenandel');

  // Under 2 G on the other preset: the flat monthly fee, whatever the hours.
  await page.getByLabel('Tabell for egenandel').selectOption({ label: 'Fast sats under 2 G, ellers timepris (2019)' });
  await page.getByLabel('Husstandens inntekt').selectOption({ index: 0 });
  await expect(estimate.getByText(/^Omtrent 210 kr i egenandel$/)).toBeVisible();
  await expect(estimate.getByRole('row', { name: /Pris per time/ })).toContainText('Fast beløp per måned');

  // The choice is saved in the plan and chosen again when the page opens.
  await page.getByRole('button', { name: 'Lagre valget i planen' }).click();
  await expect(page.getByRole('status')).toContainText('Valget av tabell og inntekt er lagret i planen.');
  await showPage(page, 'Timer');
  await showPage(page, 'Egenandel');
  await expect(page.getByLabel('Tabell for egenandel').locator('option:checked')).toHaveText('Fast sats under 2 G, ellers timepris (2019)');
  await expect(page.getByLabel('Husstandens inntekt').locator('option:checked')).toHaveText(/^Inntil 2 G/);
});

test('a table of the municipality’s own is added, checked field by field, and offered in the list', async ({ page }) => {
  await openDemo(page, '?today=2026-07-01');
  await showPage(page, 'Egenandel');
  const form = page.getByRole('region', { name: 'Legg til kommunens egen tabell' });
  await form.getByRole('button', { name: 'Lagre tabellen' }).click();
  await expect(form.getByLabel(/^Navn på tabellen/)).toBeFocused();
  await expect(form.getByText('Skriv navnet på tabellen.')).toBeVisible();
  await form.getByLabel(/^Navn på tabellen/).fill('Bergen 2026');
  await form.getByLabel(/^Kilde/).fill('bergen.kommune.no, prisliste 2026');
  await form.getByLabel(/^Gjelder fra og med/).fill('01.01.2026');
  await form.getByLabel('Inntekt fra (G)').fill('0');
  await form.getByLabel('Kroner per time').fill('250');
  await form.getByLabel('Høyst kroner per måned').fill('500');
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Lagre tabellen' }).click();
  await expect(page.getByRole('status')).toContainText('Tabellen Bergen 2026 er lagret i planen.');
  await page.getByLabel('Tabell for egenandel').selectOption({ label: 'Bergen 2026 (din egen)' });
  await expect(page.getByLabel('Husstandens inntekt').locator('option:checked')).toHaveText(/^0 G og over/);
});

test('the payroll CSV of a month is written where the save dialog says, with a BOM and semicolons', async ({ page }) => {
  await openDemo(page, '?today=2026-07-01');
  await showPage(page, 'Utskrift og kalender');
  const panel = page.getByRole('region', { name: 'Lønnsfil (CSV)' });
  await panel.getByLabel('Lønnsperiode').selectOption({ label: 'juni 2026' });
  await panel.getByLabel('Timer for').selectOption({ label: 'Bjørn Sæther' });
  await expectNoAxeViolations(page);
  await panel.getByRole('button', { name: 'Lagre CSV …' }).click();
  const path = `${await sessionRoot(page)}/home/ingrid/Dokumenter/Lønn Bjørn Sæther 2026-06.csv`;
  await expect(panel.getByText(path, { exact: false })).toBeVisible();
  const bytes = fs.readFileSync(path);
  expect([...bytes.subarray(0, 3)], 'the file starts with the UTF-8 byte order mark, so Excel reads æøå').toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(lines[0].split(';').length, 'the header is separated by semicolons').toBeGreaterThan(5);
  expect(lines.slice(1).every((line) => line.includes('Bjørn Sæther')), 'every row is Bjørn’s').toBe(true);
  expect(lines.slice(1).some((line) => /;\d\d\.06\.2026;/.test(line)), 'dates are dd.mm.yyyy').toBe(true);
  await shot(page, 'ui-export-csv');
});
