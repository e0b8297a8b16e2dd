import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, openDemo, shot, showPage } from './helpers';

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
