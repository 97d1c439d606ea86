// Identity and first run, end to end: HQ creates the network and exports its profile; an
// officer on another device imports it, compares HQ's code and starts logging; the demo is
// under three clicks away; a file that is not a profile is refused and nothing is stored.
// Locking and encryption-at-rest tests belong in this file too (see the end).
import { expect, test, type Page } from '@playwright/test';
import { encodeProfileFile, makeDemoProfile } from '../../shared/identity/index.ts';
import {
  expectNoAxeViolations,
  expectNoAxeViolations as expectAccessible,
  fillFields,
  setUpOfficerFromProfile,
  shot,
  shot as screenshot,
  startNewActivity,
  unlock,
  type OfficerAnswers,
  expectKeyboardFocus,
  JOURNEY_TIMEOUT,
} from './helpers.ts';
import { writeNetworkProfile } from './profile-forge.ts';

const HQ_PASSPHRASE = 'ottawa river maple';
const OFFICER_PASSPHRASE = 'bogota coffee rain';

/** The setup records a device holds in its `meta` table (none before the wizard ends). */
async function storedSetupKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('liaison-log');
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('meta').objectStore('meta').getAllKeys();
          request.onsuccess = () => {
            db.close();
            const wanted = ['identity', 'deviceKeys', 'profile', 'vault', 'officer'];
            resolve(request.result.map(String).filter((key) => wanted.includes(key)));
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
  );
}

/**
 * Records, at the moment the app hands a file to the browser to download, which setup
 * records the device already holds: a profile or device card must never be saved for keys
 * that are not stored yet. Read back with `setupKeysAtSave`.
 */
async function watchSetupKeysAtSave(page: Page): Promise<void> {
  await page.evaluate(() => {
    const readKeys = () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('liaison-log');
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('meta').objectStore('meta').getAllKeys();
          request.onsuccess = () => {
            db.close();
            const wanted = ['identity', 'deviceKeys', 'profile', 'vault'];
            resolve(request.result.map(String).filter((key) => wanted.includes(key)));
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
        open.onerror = () => reject(new Error(String(open.error)));
      });
    // The browser platform saves a file by clicking a download link (platform/browser.ts).
    document.addEventListener(
      'click',
      (event) => {
        if (event.target instanceof HTMLAnchorElement && event.target.download) {
          (window as unknown as { keysAtSave?: Promise<string[]> }).keysAtSave = readKeys();
        }
      },
      true,
    );
  });
}

async function setupKeysAtSave(page: Page): Promise<string[] | null> {
  return page.evaluate(
    async () =>
      (await (window as unknown as { keysAtSave?: Promise<string[]> }).keysAtSave)?.sort() ?? null,
  );
}

const ALL_SETUP_KEYS = ['deviceKeys', 'identity', 'profile', 'vault'];

/**
 * HQ's whole wizard in English: network, a post added and one retired, a team lead, rules,
 * passphrase; opens the app, which stores the setup and only then saves the profile file
 * (to `profilePath`); returns the HQ code shown. Axe scans and screenshots are slow (an axe
 * scan of the posts step takes seconds), so each test asks for one part of them: `steps`
 * (welcome to rules), `finish` (passphrase and export) or `none` (a test that only needs
 * an HQ device).
 */
async function setUpHq(
  page: Page,
  profilePath: string,
  checks: 'steps' | 'finish' | 'none',
): Promise<string> {
  let part: 'steps' | 'finish' = 'steps';
  const expectNoAxeViolations = (p: Page, screen: string) =>
    checks === part ? expectAccessible(p, screen) : Promise.resolve();
  const shot = (p: Page, name: string) =>
    checks === part ? screenshot(p, name) : Promise.resolve();
  await page.goto('/');
  await expectNoAxeViolations(page, 'welcome');
  await shot(page, 'wizard-en-01-welcome');
  await page.getByRole('button', { name: 'Set up HQ' }).click();

  await expectKeyboardFocus(page.getByRole('heading', { name: 'Create your network' }));
  await page.getByLabel('Network name (English)').fill('Liaison network');
  await page.getByLabel('Network name (French)').fill('Réseau de liaison');
  await page.getByLabel('Your name').fill('Nadia Côté');
  await page.getByLabel('Your HQ user ID').fill('hq-nadia');
  await shot(page, 'wizard-en-10-hq-network');
  await page.getByRole('button', { name: 'Next' }).click();

  await expectKeyboardFocus(page.getByRole('heading', { name: 'Posts' }));
  await expect(page.getByTestId('posts-summary')).toHaveText('49 open, 0 retired');
  await page.getByRole('button', { name: 'Retire Lagos, Nigeria' }).click();
  await page.getByRole('button', { name: 'Add a post' }).click();
  await page.getByLabel('Code', { exact: true }).fill('yul');
  await page.getByLabel('City (English)').fill('Montréal');
  await page.getByLabel('City (French)').fill('Montréal');
  await page.getByLabel('Full name (English)').fill('Montréal, Canada');
  await page.getByLabel('Full name (French)').fill('Montréal, Canada');
  await page.getByLabel('Country code').fill('CA');
  await page.getByLabel('Time zone').fill('America/Toronto');
  await expectNoAxeViolations(page, 'HQ posts with the post form');
  await shot(page, 'wizard-en-11-hq-posts-add');
  await page.getByRole('button', { name: 'Save the post' }).click();
  await expect(page.getByTestId('posts-summary')).toHaveText('49 open, 1 retired');
  await page.getByRole('button', { name: 'Next' }).first().click();

  await expectKeyboardFocus(page.getByRole('heading', { name: 'Team leads' }));
  await page.getByRole('button', { name: 'Add a team lead' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ana Lima');
  await page.getByLabel('Officer ID').fill('lead-andes');
  await page.getByLabel('Bogotá').check();
  await page.getByLabel('Montréal').check();
  await page.getByRole('button', { name: 'Save the team lead' }).click();
  await expect(page.getByRole('cell', { name: 'Bogotá, Montréal' })).toBeVisible();
  await expectNoAxeViolations(page, 'HQ team leads');
  await shot(page, 'wizard-en-12-hq-leads');
  await page.getByRole('button', { name: 'Next' }).click();

  await expectKeyboardFocus(page.getByRole('heading', { name: 'Rules for every device' }));
  await page.getByLabel('Lock after this many idle minutes').fill('10');
  await shot(page, 'wizard-en-13-hq-policy');
  await page.getByRole('button', { name: 'Next' }).click();

  await expectKeyboardFocus(page.getByRole('heading', { name: 'Choose a passphrase' }));
  part = 'finish';
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.getByLabel('Type it again').fill('other');
  await page.getByRole('button', { name: 'Set up this device' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();
  await expectNoAxeViolations(page, 'passphrase with errors');
  await shot(page, 'wizard-en-14-hq-passphrase-errors');
  await page.getByLabel('Passphrase', { exact: true }).fill(HQ_PASSPHRASE);
  await page.getByLabel('Type it again').fill(HQ_PASSPHRASE);
  await page.getByRole('button', { name: 'Set up this device' }).click();

  await expectKeyboardFocus(page.getByRole('heading', { name: 'Hand out the network profile' }));
  const hqCode = (await page.getByTestId('hq-code').textContent()) ?? '';
  expect(hqCode).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);
  await expect(page.getByLabel('Also save the network profile file')).toBeChecked();
  await expectNoAxeViolations(page, 'HQ export');
  await shot(page, 'wizard-en-15-hq-export');
  await watchSetupKeysAtSave(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Open Liaison Log' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('liaison-log-network-liaison-network-v1.llprofile');
  await file.saveAs(profilePath);
  // The keys the file names were stored before the file was handed out.
  expect(await setupKeysAtSave(page)).toEqual(ALL_SETUP_KEYS);
  await expect(page.getByRole('link', { name: 'Network log' })).toBeVisible();
  // The menu, the heading and the window title read the same route entry.
  await expect(page.getByRole('heading', { name: 'Network log' })).toBeVisible();
  await expect(page).toHaveTitle('Network log · Liaison Log');
  await expect(
    page.getByText(
      'Saved as liaison-log-network-liaison-network-v1.llprofile. Send it to your officers and team leads.',
    ),
  ).toBeVisible();
  return hqCode;
}

test('HQ sets up its network in English, every step checked by axe', async ({ page }, testInfo) => {
  // Every wizard step and an axe run on each: 18-32 s on the loaded CI machine.
  test.setTimeout(JOURNEY_TIMEOUT);
  await setUpHq(page, testInfo.outputPath('network.llprofile'), 'steps');
  await expect(page.getByRole('link', { name: 'Network', exact: true })).toBeVisible();
});

test('HQ hands out a profile stored before it is saved; the network screen shows it', async ({
  page,
}, testInfo) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  const hqCode = await setUpHq(page, testInfo.outputPath('network.llprofile'), 'finish');
  await page.getByRole('link', { name: 'Network', exact: true }).click();
  await expect(page.getByTestId('profile-version')).toHaveText('1');
  await expect(page.getByTestId('hq-code')).toHaveText(hqCode);
  await expect(page.getByTestId('devices')).toContainText('Nadia Côté');
  await expectNoAxeViolations(page, 'network screen');
  await shot(page, 'network-screen');
});

test('an officer on another device imports HQ’s profile, checks HQ’s code and logs', async ({
  page,
}, testInfo) => {
  // The file HQ's wizard saves (see the test above), made here: only the file is shared.
  const profile = await writeNetworkProfile(testInfo.outputPath('network.llprofile'));
  const who: OfficerAnswers = { name: 'Marie Tremblay', officerId: 'LO-0042', post: 'BOG' };
  const seen = await setUpOfficerFromProfile(page, profile.path, OFFICER_PASSPHRASE, who, {
    shots: 'wizard-en',
  });
  expect(seen.hqCode).toBe(profile.hqCode);
  await expect(page.getByText('Marie Tremblay · Bogotá')).toBeVisible();
  await expect(page.getByRole('link', { name: 'New activity' })).toBeVisible();
  await expect(page.getByText('Demo', { exact: true })).toHaveCount(0);
});

test('HQ issues version 2 of its profile; locking in between loses no unissued change', async ({
  page,
}, testInfo) => {
  await setUpHq(page, testInfo.outputPath('network.llprofile'), 'none');
  await page.getByRole('link', { name: 'Network', exact: true }).click();
  await expect(page.getByTestId('profile-version')).toHaveText('1');
  // HQ issues version 2 with Lima retired; the file carries the new version.
  await page.getByRole('button', { name: 'Retire Lima, Peru' }).click();
  await expect(page.getByText('You have changes that are not issued yet.')).toBeVisible();
  // Locking (as the idle lock does) loses none of it.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlock(page, HQ_PASSPHRASE);
  await page.getByRole('link', { name: 'Network', exact: true }).click();
  await expect(page.getByText('You have changes that are not issued yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reopen Lima, Peru' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Issue updated profile (version 2)' }).click();
  expect((await download).suggestedFilename()).toBe(
    'liaison-log-network-liaison-network-v2.llprofile',
  );
  await expect(page.getByTestId('profile-version')).toHaveText('2');
  await expect(page.getByRole('button', { name: 'Reopen Lima, Peru' })).toBeVisible();
  await page.getByRole('button', { name: 'Passer au français' }).click();
  await expect(page.getByRole('heading', { name: 'Réseau', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rouvrir Lima, Pérou' })).toBeVisible();
  await expectNoAxeViolations(page, 'French network screen');
  await shot(page, 'network-screen-fr');
});

test('the demo reaches a usable log in fewer than three clicks from a fresh profile', async ({
  page,
}) => {
  let clicks = 0;
  const click = async (name: string) => {
    clicks += 1;
    await page.getByRole('button', { name }).click();
  };
  await page.goto('/');
  await click('Try the demo');
  await expect(page.getByText('The demo passphrase is: demo')).toBeVisible();
  await expectNoAxeViolations(page, 'demo screen');
  await shot(page, 'wizard-en-02-demo');
  await click('As an officer at Bogotá');
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
  await expect(page).toHaveTitle('Activity log · Liaison Log');
  await expect(page.getByText('No activity logged yet.')).toBeVisible();
  await expect(page.getByText('Demo', { exact: true })).toBeVisible();
  await expect(page.getByText('Sofía Herrera · Bogotá')).toBeVisible();
  expect(clicks).toBeLessThan(3);
  // Usable: the first entry can be started from here.
  await page.getByRole('link', { name: 'New activity' }).click();
  await expect(page.getByRole('heading', { name: 'What did you do?' })).toBeVisible();
});

test('a file that is not a profile, or a changed one, is refused and nothing is stored', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Set up for my post' }).click();
  await expectKeyboardFocus(page.getByRole('heading', { name: 'Import your network profile' }));
  const choose = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Choose the profile file|Choisir le fichier/ }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  };
  await choose('holiday.jpg', Buffer.from('not a profile at all'));
  await expect(page.getByRole('alert')).toHaveText(
    'This file is not a Liaison Log network profile, or it is damaged.',
  );
  await expectNoAxeViolations(page, 'import refused');
  await shot(page, 'wizard-en-03-import-refused');

  // A real (demo) profile changed after signing, refused in French.
  await page.getByRole('button', { name: 'Passer au français' }).click();
  const text = new TextDecoder().decode(encodeProfileFile(await makeDemoProfile()));
  const changed = text.replace('"Liaison Log demo"', '"Liaison Log démo"');
  expect(changed).not.toBe(text);
  await choose('changed.llprofile', Buffer.from(changed));
  await expect(page.getByRole('alert')).toContainText(
    'Ce profil de réseau a été refusé : sa signature ne correspond pas à son contenu.',
  );
  await shot(page, 'wizard-fr-03-import-refused');
  await expect(
    page.getByRole('heading', { name: 'Importer votre profil de réseau' }),
  ).toBeVisible();
  expect(await storedSetupKeys(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Liaison Log' })).toBeVisible();
});

test('HQ’s wizard works in French, step by step, with the keyboard', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Français', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Liaison Log' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Français', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expectNoAxeViolations(page, 'French welcome');
  await shot(page, 'wizard-fr-01-welcome');
  await page.getByRole('button', { name: 'Essayer la démo' }).click();
  await expect(page.getByText('La phrase de passe de la démo est : demo')).toBeVisible();
  await shot(page, 'wizard-fr-02-demo');
  await page.getByRole('button', { name: 'Retour' }).click();

  // HQ in French, by keyboard: Tab to the choice, Enter.
  await page.getByRole('button', { name: 'Configurer l’AC' }).focus();
  await page.keyboard.press('Enter');
  await expectKeyboardFocus(page.getByRole('heading', { name: 'Créer votre réseau' }));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Entrez le nom du réseau.').first()).toBeVisible();
  await expectNoAxeViolations(page, 'French HQ network with errors');
  await shot(page, 'wizard-fr-10-hq-network-errors');
  await page.getByLabel('Nom du réseau (anglais)').fill('Border network');
  await page.getByLabel('Nom du réseau (français)').fill('Réseau frontalier');
  await page.getByLabel('Votre nom').fill('Luc Gagnon');
  await page.getByLabel('Votre identifiant à l’AC').fill('hq-luc');
  await page.getByLabel('Votre identifiant à l’AC').press('Enter');
  await expectKeyboardFocus(page.getByRole('heading', { name: 'Postes' }));
  await shot(page, 'wizard-fr-11-hq-posts');
  await page.getByRole('button', { name: 'Suivant' }).first().click();
  await expectKeyboardFocus(page.getByRole('heading', { name: 'Chefs d’équipe' }));
  await page.getByRole('button', { name: 'Ajouter un chef d’équipe' }).click();
  await page.getByRole('button', { name: 'Enregistrer le chef d’équipe' }).click();
  await expect(page.getByText('Choisissez au moins un poste.')).toBeVisible();
  await shot(page, 'wizard-fr-12-hq-leads-errors');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expectKeyboardFocus(page.getByRole('heading', { name: 'Règles pour tous les appareils' }));
  await shot(page, 'wizard-fr-13-hq-policy');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Phrase de passe', { exact: true }).fill(HQ_PASSPHRASE);
  await page.getByLabel('Saisissez-la de nouveau').fill(HQ_PASSPHRASE);
  await shot(page, 'wizard-fr-14-hq-passphrase');
  await page.getByRole('button', { name: 'Configurer cet appareil' }).click();
  await expectKeyboardFocus(page.getByRole('heading', { name: 'Remettre le profil de réseau' }));
  const hqCode = (await page.getByTestId('hq-code').textContent()) ?? '';
  await expect(page.getByLabel('Enregistrer aussi le fichier de profil de réseau')).toBeChecked();
  await expectNoAxeViolations(page, 'French HQ export');
  await shot(page, 'wizard-fr-15-hq-export');
  await watchSetupKeysAtSave(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ouvrir Liaison Log' }).click();
  await (await download).saveAs(testInfo.outputPath('reseau.llprofile'));
  expect(await setupKeysAtSave(page)).toEqual(ALL_SETUP_KEYS);
  await expect(page.getByRole('link', { name: 'Réseau', exact: true })).toBeVisible();
  expect(hqCode).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);
});

test('an officer’s wizard works in French: import, code, who, passphrase, device card', async ({
  page: officer,
}, testInfo) => {
  // HQ's file (the French HQ wizard above saves one like it), made here.
  const profile = await writeNetworkProfile(testInfo.outputPath('reseau.llprofile'));
  const profilePath = profile.path;
  const hqCode = profile.hqCode;
  await officer.goto('/');
  await officer.getByRole('button', { name: 'Français', exact: true }).click();
  await officer.getByRole('button', { name: 'Configurer pour mon poste' }).click();
  await shot(officer, 'wizard-fr-03-import');
  const chooser = officer.waitForEvent('filechooser');
  await officer.getByRole('button', { name: 'Choisir le fichier de profil…' }).click();
  await (await chooser).setFiles(profilePath);
  await expectKeyboardFocus(officer.getByRole('heading', { name: 'Vérifier le code de l’AC' }));
  // The code is not on the screen: the officer types what HQ reads by phone.
  await expect(officer.getByTestId('hq-code')).toHaveCount(0);
  await officer.getByRole('button', { name: 'Suivant' }).click();
  await expect(
    officer.getByText('Saisissez le code que l’AC vous lit au téléphone.'),
  ).toBeVisible();
  await expectKeyboardFocus(officer.getByLabel('Le code que l’AC vous a lu'));
  await officer.getByLabel('Le code que l’AC vous a lu').fill('ABCD EFGH IJKL MNOP');
  await officer.getByRole('button', { name: 'Suivant' }).click();
  await expect(
    officer.getByText(/Ce n’est pas le code de l’AC qui a signé ce fichier/),
  ).toBeVisible();
  await expectNoAxeViolations(officer, 'French verify with error');
  await shot(officer, 'wizard-fr-04-verify');
  // Typed from the keyboard as heard: lower case, no spaces, then Enter.
  await officer.getByLabel('Le code que l’AC vous a lu').fill('');
  await officer
    .getByLabel('Le code que l’AC vous a lu')
    .pressSequentially(hqCode.toLowerCase().replaceAll(' ', ''));
  await officer.getByLabel('Le code que l’AC vous a lu').press('Enter');
  await expectKeyboardFocus(officer.getByRole('heading', { name: 'Qui êtes-vous?' }));
  await officer.getByRole('button', { name: 'Suivant' }).click();
  await expect(officer.getByText('Entrez votre nom.')).toBeVisible();
  await expectNoAxeViolations(officer, 'French who with errors');
  await shot(officer, 'wizard-fr-05-who-errors');
  await officer.getByLabel('Votre nom').fill('Julie Roy');
  await officer.getByLabel('Numéro d’agent').fill('LO-0077');
  await officer.getByLabel('Poste').selectOption('PAR');
  await officer.getByRole('button', { name: 'Suivant' }).click();
  await officer.getByLabel('Phrase de passe', { exact: true }).fill(OFFICER_PASSPHRASE);
  await officer.getByLabel('Saisissez-la de nouveau').fill(OFFICER_PASSPHRASE);
  await officer.getByRole('button', { name: 'Configurer cet appareil' }).click();
  await expectKeyboardFocus(officer.getByRole('heading', { name: 'La fiche de votre appareil' }));
  await expect(officer.getByTestId('device-card')).toContainText('Paris, France');
  await expect(officer.getByTestId('signing-code')).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);
  // The enrollment file is optional: offered, not ticked.
  const saveCard = officer.getByLabel(
    'Enregistrer aussi la fiche de mon appareil dans un fichier d’inscription',
  );
  await expect(saveCard).not.toBeChecked();
  await saveCard.check();
  await expectNoAxeViolations(officer, 'French device card');
  await shot(officer, 'wizard-fr-06-card');
  await watchSetupKeysAtSave(officer);
  const enrollment = officer.waitForEvent('download');
  await officer.getByRole('button', { name: 'Commencer' }).click();
  expect((await enrollment).suggestedFilename()).toBe(
    'liaison-log-device-lo-0077-officer.llenroll',
  );
  expect(await setupKeysAtSave(officer)).toEqual(ALL_SETUP_KEYS);
  await expect(officer.getByRole('heading', { name: 'Journal des activités' })).toBeVisible();
  await expect(
    officer.getByText(
      'Fiche de l’appareil enregistrée sous liaison-log-device-lo-0077-officer.llenroll.',
    ),
  ).toBeVisible();
});

// ---- Locking -------------------------------------------------------------------------------
// (The at-rest disk check is in at-rest.spec.ts: it needs a browser profile in a folder.)

test('an officer’s log locks when idle, refuses a wrong passphrase and shows names only unlocked', async ({
  page: officer,
}, testInfo) => {
  // HQ's policy in the profile (set in HQ's wizard, as the first test does): lock after 10
  // idle minutes.
  const profile = await writeNetworkProfile(testInfo.outputPath('network.llprofile'), {
    idleLockMinutes: 10,
  });
  // A controllable clock: the idle lock is tested by moving time, not by waiting 10 minutes.
  await officer.clock.install();
  await setUpOfficerFromProfile(officer, profile.path, OFFICER_PASSPHRASE);
  const name = 'Aurélie Canary-Voyageur';
  await startNewActivity(officer, '2');
  await fillFields(officer, {
    airport: 'BOG',
    carrier: 'Avianca',
    documentType: 'passport',
    fraudType: 'impostor',
    persons: 1,
    outcome: 'boarding-denied',
    travellerName: name,
  });
  await officer.locator('#occurredOn').focus();
  await officer.keyboard.press('Control+Enter');
  await expect(officer.getByRole('status').filter({ hasText: 'Activity saved.' })).toBeVisible();
  await officer.getByTestId('activity-row').first().click();
  await expect(officer.getByText(name).first()).toBeVisible();
  const detailUrl = officer.url();

  // Half-typed work when the lock comes must be there after unlocking.
  await startNewActivity(officer, '3');
  await officer.locator('#field-destination').fill('Half-typed Toronto');
  // Not a second before the policy's 10 minutes…
  await officer.clock.fastForward('09:50');
  await expect(officer.locator('#field-destination')).toHaveValue('Half-typed Toronto');
  await expect(officer.getByRole('heading', { name: 'Liaison Log is locked' })).toHaveCount(0);
  // …and locked once they have passed.
  await officer.clock.fastForward('00:40');
  await expect(officer.getByRole('heading', { name: 'Liaison Log is locked' })).toBeVisible();
  await expect(officer.getByText(name)).toHaveCount(0);
  await expect(officer.locator('#field-destination')).toHaveCount(0);
  await expectNoAxeViolations(officer, 'lock screen');
  await shot(officer, 'lock-screen');

  // A wrong passphrase is refused, clearly, and nothing changes.
  await officer.getByLabel('Passphrase').fill('not my passphrase');
  await officer.getByRole('button', { name: 'Unlock' }).click();
  await expect(officer.getByRole('alert')).toContainText('That passphrase is not correct.');
  await expect(officer.getByRole('heading', { name: 'Liaison Log is locked' })).toBeVisible();
  await shot(officer, 'lock-screen-wrong');

  await unlock(officer, OFFICER_PASSPHRASE);
  await expect(officer.locator('#field-destination')).toHaveValue('Half-typed Toronto');

  // After a reload the window starts locked; the name appears only once unlocked.
  await officer.goto(detailUrl); // only the hash changes: the same document
  await officer.reload();
  await expect(officer.getByRole('heading', { name: 'Liaison Log is locked' })).toBeVisible();
  expect(await officer.content()).not.toContain(name);
  await unlock(officer, OFFICER_PASSPHRASE);
  await expect(officer.getByText(name).first()).toBeVisible();
  await shot(officer, 'lock-detail-after-unlock');
});
