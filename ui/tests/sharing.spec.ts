// Two leaders, one plan (issue 14): who edits, a file changed underneath, read-only done right,
// and a password for the plan file — in the browser, on the real core (examples/ui_test_server.rs).
import { copyFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, gotoStart, sessionRoot, shot, showPage } from './helpers';

const TODAY = '2026-06-10';
const RECENT = '/home/ingrid/Dokumenter/Turnus for Ingrid.turnus';

async function openPlan(page: Page, query: string) {
  await gotoStart(page, query);
  await page.getByRole('button', { name: 'Åpne en plan' }).click();
}

test('at first start the name is asked before anything else, and the history shows it after an edit', async ({ page }) => {
  await page.goto(`/?today=${TODAY}&firstStart=1`);
  const dialog = page.getByRole('dialog', { name: 'Hva heter du?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Navnet ditt står i historikken og vises for andre som åpner planen.');
  await expect(dialog.getByLabel('Navnet ditt')).toBeFocused();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-sharing-name');
  await page.keyboard.press('Escape');
  await expect(dialog, 'the name is needed before the first change').toBeVisible();
  await dialog.getByRole('button', { name: 'Fortsett' }).click();
  await expect(dialog.locator('#first-name-error')).toContainText('Skriv navnet ditt');
  await expect(dialog.getByLabel('Navnet ditt')).toHaveAttribute('aria-describedby', /first-name-error/);
  await dialog.getByLabel('Navnet ditt').fill('Marit Olsen');
  await dialog.getByRole('button', { name: 'Fortsett' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Åpne en plan' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  await showPage(page, 'Innstillinger');
  await expect(page.locator('#settings-user'), 'the name can be changed in Settings').toHaveValue('Marit Olsen');
  await page.locator('#settings-name').fill('Turnus for Ingrid 2026');
  await page.locator('#settings-name').press('Enter');
  await showPage(page, 'Historikk');
  await expect(page.getByRole('list', { name: /./ }).locator('li').first()).toContainText('Marit Olsen');

});

test('a plan file changed by another program is reloaded with a notice, and a dialog keeps what was typed', async ({ page }) => {
  await openPlan(page, `?today=${TODAY}`);
  await expect(page.getByRole('grid')).toBeVisible();
  await page.getByRole('button', { name: 'Ny vakt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny vakt' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Merknad').fill('Husk nøkkelen');

  const root = await sessionRoot(page);
  const id = root.split('/').pop();
  const answer = await page.request.post(`/api/${id}/test_another_program`, { data: { path: `${root}${RECENT}` } });
  expect(answer.ok(), await answer.text()).toBeTruthy();

  const notice = page.getByRole('region', { name: 'Planen er endret av en annen' });
  await expect(notice, 'noticed within seconds').toBeVisible({ timeout: 8_000 });
  const status = notice.getByRole('status');
  await expect(status).toContainText(/Per Haugen endret planen kl\. \d\d\.\d\d: /);
  await expect(status).toContainText('vakt');
  await expect(dialog, 'the open dialog stays open').toBeVisible();
  await expect(dialog.getByLabel('Merknad'), 'nothing typed is lost').toHaveValue('Husk nøkkelen');
  await shot(page, 'ui-sharing-disk-change');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expectNoAxeViolations(page);
  await notice.getByRole('button', { name: 'Lukk meldingen' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Angre' }).first(), 'the reloaded plan undoes Per’s change next').toHaveAttribute('title', /vakt/);
  await showPage(page, 'Historikk');
  await expect(page.locator('ol.history li').first()).toContainText('Per Haugen');
});

test('a plan file given a new password on another computer is said once, as an alert, with what to do', async ({ page }) => {
  await openPlan(page, `?today=${TODAY}`);
  await expect(page.getByRole('grid')).toBeVisible();
  // The core's answer when the file on disk no longer opens with this plan's password (the
  // session's own test makes it from real files).
  const message =
    'Planfilen er byttet ut med en som har et annet passord (det er endret på en annen datamaskin). Lukk planen og åpne den igjen med det nye passordet; endringer du gjør før det, kommer ikke med i filen.';
  await page.route('**/check_disk', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ by: '', what: [], at: '2026-06-10T09:40:00+02:00', at_local: '10.06.2026 09:40', message, new_password: true }),
    }),
  );
  const notice = page.locator('section.disk-notice');
  await expect(notice.getByRole('alert')).toHaveText(message, { timeout: 10_000 });
  await expect(notice, 'nothing was read again, so it does not say so').not.toContainText('har lest planen på nytt');
  await expectNoAxeViolations(page);
});

test('in a plan another person holds, every edit control is disabled with the reason, never a silent no-op', async ({ page }) => {
  await gotoStart(page, `?today=${TODAY}&open=${encodeURIComponent('/delt/i-bruk.turnus')}`);
  await page.getByRole('button', { name: 'Åpne en plan' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  const reason = page.locator('#readonly-reason');
  await expect(reason).toContainText('Planen er i bruk av Per Haugen på PER-BÆRBAR');

  const guarded = async (button: ReturnType<Page['getByRole']>) => {
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAttribute('aria-describedby', /readonly-reason/);
    await expect(button).toHaveAttribute('title', /Per Haugen/);
  };
  await guarded(page.getByRole('button', { name: 'Angre' }).first());
  await guarded(page.getByRole('button', { name: 'Ny vakt' }));
  await expect(page.getByRole('button', { name: 'Forrige', exact: false }).first(), 'looking around is still possible').not.toHaveAttribute('aria-disabled', 'true');

  // A person can still press it (it keeps the focus, aria-disabled): it says why.
  await page.getByRole('button', { name: 'Ny vakt' }).click({ force: true });
  await expect(page.getByRole('dialog'), 'no dialog opens for an edit that cannot be saved').toHaveCount(0);
  const refusal = page.locator('.refusal');
  await expect(refusal).toHaveAttribute('role', 'alert');
  await expect(refusal).toContainText('Per Haugen');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-sharing-read-only');

  await showPage(page, 'Assistenter');
  const remove = page.getByRole('button', { name: /^Slett/ }).first();
  await guarded(remove);
  await remove.click({ force: true });
  await expect(page.getByRole('button', { name: /Gjør vaktene åpne|åpne vakter/i }), 'no hand-over question for a delete that cannot happen').toHaveCount(0);
  await expect(refusal).toContainText('bare for lesing');

  await showPage(page, 'Innstillinger');
  await guarded(page.locator('#plan-settings-heading').locator('..').getByRole('button', { name: 'Lagre' }));
  await guarded(page.getByRole('button', { name: 'Sett passord' }));
  await expect(page.getByRole('button', { name: 'Lagre navnet', exact: false }).first(), 'the user name is this computer’s, not the plan’s').not.toHaveAttribute('aria-disabled', 'true');

  await page.getByRole('region', { name: 'Planen er åpnet bare for lesing' }).getByRole('button', { name: 'Ta over planen' }).click();
  await expect(page.getByRole('button', { name: 'Sett passord' })).not.toHaveAttribute('aria-disabled', 'true');
});

test('a plan with a password asks for it; a wrong one is said in the dialog, the right one opens', async ({ page }) => {
  await openPlan(page, `?today=${TODAY}&open=${encodeURIComponent('/x/passord.turnus')}`);
  const dialog = page.getByRole('dialog', { name: 'Planen er beskyttet med passord' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByLabel('Passord', { exact: true });
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('type', 'password');
  await dialog.getByLabel('Vis passordet').check();
  await expect(box).toHaveAttribute('type', 'text');
  await expectNoAxeViolations(page);
  await box.fill('feil-passord');
  await dialog.getByRole('button', { name: 'Åpne planen' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Passordet stemmer ikke. Prøv igjen, og se etter store og små bokstaver.');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-sharing-password-wrong');
  await box.fill('Ingrids-plan-2026');
  await dialog.getByRole('button', { name: 'Åpne planen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('grid')).toBeVisible();
});

test('started with a plan that has a password (a double-click on the file), the start page asks for it', async ({ page }) => {
  await page.goto(`/?today=${TODAY}&launch=${encodeURIComponent('/x/passord.turnus')}`);
  const dialog = page.getByRole('dialog', { name: 'Planen er beskyttet med passord' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Passord', { exact: true })).toBeFocused();
  await dialog.getByLabel('Passord', { exact: true }).fill('Ingrids-plan-2026');
  await dialog.getByRole('button', { name: 'Åpne planen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('grid')).toBeVisible();
});

test('started with a damaged plan, the start page says which file and why', async ({ page }) => {
  await page.goto(`/?today=${TODAY}&launch=${encodeURIComponent('/x/skadet.turnus')}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Turnus ble startet med planen «skadet», men den kunne ikke åpnes.');
  await expect(alert).toContainText('Filen er skadet, så Turnus kan ikke åpne planen.');
  await expect(page.getByRole('heading', { level: 2, name: 'Velkommen til Turnus' })).toBeFocused();
  await expectNoAxeViolations(page);
  await shot(page, 'ui-start-launch-refused');
});

test('Settings sets a password for the plan file (twice, at least 8) and removes it', async ({ page }) => {
  await openPlan(page, `?today=${TODAY}`);
  await expect(page.getByRole('grid')).toBeVisible();
  await showPage(page, 'Innstillinger');
  const section = page.getByRole('region', { name: 'Passord for planfilen' });
  await expect(section).toContainText('Et glemt passord kan ikke hentes fram igjen');
  await expect(section).toContainText('Planfilen har ikke passord.');
  await section.getByLabel('Nytt passord (minst 8 tegn)').fill('kort');
  await section.getByRole('button', { name: 'Sett passord' }).click();
  await expect(section.getByRole('alert')).toHaveText('Passordet må ha minst 8 tegn.');
  await section.getByLabel('Nytt passord (minst 8 tegn)').fill('Hemmelig-2026');
  await section.getByLabel('Skriv det nye passordet en gang til').fill('Hemmelig-2025');
  await section.getByRole('button', { name: 'Sett passord' }).click();
  await expect(section.getByRole('alert')).toHaveText('De to passordene er ikke like. Skriv det samme i begge feltene.');
  await section.getByLabel('Skriv det nye passordet en gang til').fill('Hemmelig-2026');
  await section.getByRole('button', { name: 'Sett passord' }).click();
  await expect(section).toContainText('Planfilen er beskyttet med passord.');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-sharing-password-settings');

  const remove = section.getByRole('button', { name: 'Fjern passordet' });
  await section.locator('#password-remove').fill('ikke-det-riktige');
  await remove.click({ force: true });
  await expect(section.getByRole('alert')).toContainText('Passordet stemmer ikke');
  await section.locator('#password-remove').fill('Hemmelig-2026');
  await remove.click({ force: true });
  await expect(section).toContainText('Planfilen har ikke passord.');
});

test('a conflict copy beside the plan is offered, merged with one conflict chosen, kept, and undone in one step', async ({ page }) => {
  const copy = "/home/ingrid/Dokumenter/Turnus for Ingrid (Per Haugen's conflicted copy 2026-06-10).turnus";
  await gotoStart(page, `?today=${TODAY}&open=${encodeURIComponent(copy)}`);
  const root = await sessionRoot(page);
  copyFileSync(`${root}${RECENT}`, `${root}${copy}`);

  const rename = async (name: string) => {
    await showPage(page, 'Innstillinger');
    await page.locator('#settings-name').fill(name);
    await page.locator('#settings-name').press('Enter');
    await expect(page.locator('.plan-name')).toContainText(name);
  };
  // Per's computer edits the copy ...
  await page.getByRole('button', { name: 'Åpne en plan' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  await rename('Turnus – Pers navn');
  await page.getByRole('button', { name: 'Lukk planen' }).click();
  // ... and Ingrid the plan, the same field differently.
  await page.getByRole('list', { name: 'Planer du har brukt nylig' }).getByRole('button', { name: 'Turnus for Ingrid', exact: true }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  await rename('Turnus – Ingrids navn');

  const notice = page.getByRole('region', { name: 'Konfliktkopi av planen' });
  await expect(notice).toContainText('Det finnes en konfliktkopi av planen (Per Haugen');
  await notice.getByRole('button', { name: 'Slå sammen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slå sammen konfliktkopien' });
  await expect(dialog).toBeVisible();
  const go = dialog.getByRole('button', { name: 'Slå sammen', exact: true });
  await expect(dialog.getByRole('radio', { name: /Din versjon: .*Ingrids navn/ })).toBeVisible();
  await expect(go, 'disabled until each conflict has a choice').toBeDisabled();
  await expect(dialog).toContainText('Velg en versjon for hver konflikt før du slår sammen (1 igjen).');
  await expectNoAxeViolations(page);
  await shot(page, 'ui-sharing-merge');
  await dialog.getByRole('radio', { name: /Den andre kopien: .*Pers navn/ }).check();
  await expect(go).toBeEnabled();
  await go.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.plan-name')).toContainText('Pers navn');
  await expect(page.getByRole('status').filter({ hasText: /kopi/i }).first(), 'where the copy was kept is said').toBeVisible();
  await expect(notice, 'a merged copy is not offered again').toHaveCount(0);
  await page.getByRole('button', { name: 'Angre' }).first().click();
  await expect(page.locator('.plan-name'), 'one undo takes the merge back').toContainText('Ingrids navn');
});
