// Issue #9, the rotation fork, end to end: an officer receives a profile a thief signed with
// HQ's stolen old key (far ahead, version 100), then HQ's genuine new profile. Neither is
// applied; the Sync screen asks for the new HQ code read by phone. The thief's code is not what
// HQ reads; a wrong code keeps them waiting; HQ's code applies HQ's profile.
import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  importFiles,
  lastRunFiles,
  openSync,
  setUpOfficerFromProfile,
  shot,
  switchLanguage,
} from './helpers.ts';
import { rotatedProfile, writeNetworkProfile } from './profile-forge.ts';

test('profiles naming new HQ keys wait for the new HQ code; the code HQ reads applies HQ’s', async ({
  page,
}, testInfo) => {
  const first = await writeNetworkProfile(testInfo.outputPath('network.llprofile'));
  await setUpOfficerFromProfile(page, first.path, 'bogota coffee rain');
  const thief = await rotatedProfile(first.signed.profile, 'e2e-thief', 100);
  const genuine = await rotatedProfile(first.signed.profile, 'e2e-test-hq-2', 2);

  await openSync(page);
  await importFiles(page, [
    { name: 'thief.llprofile', buffer: thief.bytes },
    { name: 'hq.llprofile', buffer: genuine.bytes },
  ]);
  await expect(lastRunFiles(page).getByTestId('sync-outcome')).toHaveText([
    /version 100 names new HQ keys/,
    /version 2 names new HQ keys/,
  ]);
  const card = page.getByTestId('new-hq-keys');
  await expect(card).toContainText('HQ’s keys have changed. Type the new HQ code that HQ reads');
  await shot(page, 'sync-en-new-hq-keys');

  // A wrong code (the old one) keeps both waiting and says so; keyboard only.
  const input = card.getByLabel('The new code HQ read to you');
  await input.fill(first.hqCode);
  await input.press('Enter');
  await expect(card.getByText('This is not the code of HQ’s new key.')).toBeVisible();
  await expect(input).toBeFocused();
  await shot(page, 'sync-en-new-hq-keys-wrong');
  await expectNoAxeViolations(page, 'sync screen, new HQ keys');

  await switchLanguage(page, 'fr');
  await expect(card).toContainText('Les clés de l’AC ont changé. Saisissez le nouveau code');
  await shot(page, 'sync-fr-new-hq-keys');
  await switchLanguage(page, 'en');

  await input.fill(genuine.hqCode.toLowerCase());
  await card.getByRole('button', { name: 'Accept the new profile' }).press('Enter');
  await expect(page.getByText('New network profile accepted (version 2)')).toBeVisible();
  await expect(card).toHaveCount(0);
});
