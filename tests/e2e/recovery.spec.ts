// A forgotten passphrase on the demo network, the whole procedure: the officer saves a
// recovery request at the lock screen, HQ (which approved the officer's device) answers it
// and reads out a temporary passphrase, the officer takes the answer in with it, must choose
// a new passphrase at once, and finds the traveller's name from before.
import { expect, test } from '@playwright/test';
import {
  approvePendingDevice,
  demoDevice,
  fillFields,
  importFiles,
  openSync,
  saveDownload,
  shot,
  startNewActivity,
  JOURNEY_TIMEOUT,
} from './helpers.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };
const NAME = 'Ximena Recovery-Canary';

test('HQ recovers an officer’s forgotten passphrase; the old entries open again', async ({
  browser,
}, testInfo) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  const dir = testInfo.outputPath();
  const officer = await demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId });
  const hq = await demoDevice(browser, { role: 'hq' });

  // The officer logs a name, and its device reaches HQ with its first bundle.
  await startNewActivity(officer, '2');
  await fillFields(officer, {
    airport: 'BOG',
    carrier: 'Avianca',
    documentType: 'passport',
    fraudType: 'impostor',
    persons: 1,
    outcome: 'boarding-denied',
    travellerName: NAME,
  });
  await officer.locator('#occurredOn').focus();
  await officer.keyboard.press('Control+Enter');
  await expect(officer.getByRole('status').filter({ hasText: 'Activity saved.' })).toBeVisible();
  await openSync(officer);
  const bundle = await saveDownload(officer, 'Export bundle', dir);
  await openSync(hq);
  await importFiles(hq, [bundle]);
  await approvePendingDevice(hq, OFFICER.name);

  // The officer forgot the passphrase: lock, save a request.
  await officer.getByRole('button', { name: 'Lock' }).click();
  await officer.getByText('Forgot your passphrase?').click();
  const request = await saveDownload(officer, 'Save recovery request', dir);
  expect(request.name).toMatch(/^liaison-log-recovery-request-lo-bogota-1-.*\.llrecovery$/);
  expect(request.bytes.toString('utf8')).not.toContain('"dataKey"');

  // HQ answers it and reads out the temporary passphrase.
  await hq.getByRole('link', { name: 'Settings' }).click();
  const chooser = hq.waitForEvent('filechooser');
  await hq.getByRole('button', { name: 'Open a recovery request…' }).click();
  await (await chooser).setFiles(request.path);
  // The profile names the device as its approval did (from the bundle: the officer id).
  // People by name, the id beside it.
  await expect(
    hq.getByText(`Request for ${OFFICER.name} (${OFFICER.officerId}), device`),
  ).toBeVisible();
  const temporary = (await hq.getByTestId('temporary-passphrase').textContent()) ?? '';
  expect(temporary).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await shot(hq, 'recovery-hq-answer');
  const answer = await saveDownload(hq, 'Save the answer file', dir);
  expect(answer.bytes.toString('utf8')).not.toContain(temporary);

  // A wrong temporary passphrase changes nothing; the right one unlocks.
  const answerChooser = officer.waitForEvent('filechooser');
  await officer.getByRole('button', { name: 'Open HQ’s answer' }).click();
  await (await answerChooser).setFiles(answer.path);
  await expect(officer.getByText('HQ’s answer is for this device.')).toBeVisible();
  await officer.getByLabel('Temporary passphrase from HQ').fill('AAAA-BBBB-CCCC-DDDD');
  await officer.getByRole('button', { name: 'Unlock with HQ’s answer' }).click();
  await expect(officer.getByRole('alert')).toContainText('That passphrase is not correct.');
  await officer.getByLabel('Temporary passphrase from HQ').fill(temporary.toLowerCase());
  await officer.getByRole('button', { name: 'Unlock with HQ’s answer' }).click();

  // Nothing but "choose your own passphrase" until it is done.
  await expect(officer.getByText('HQ set a temporary passphrase for this device.')).toBeVisible();
  await officer.getByRole('link', { name: 'New activity' }).click();
  await expect(officer.getByText('HQ set a temporary passphrase for this device.')).toBeVisible();
  await expect(officer.getByRole('heading', { name: 'What did you do?' })).toHaveCount(0);
  await shot(officer, 'recovery-must-change');
  await officer.getByLabel('Current passphrase').fill(temporary);
  await officer.getByLabel('New passphrase', { exact: true }).fill('new words of mine');
  await officer.getByLabel('New passphrase again').fill('new words of mine');
  await officer.getByRole('button', { name: 'Change passphrase' }).click();
  await officer.getByRole('link', { name: 'Activity log' }).click();
  await officer.getByTestId('activity-row').first().click();
  await expect(officer.getByText(NAME).first()).toBeVisible();

  // The new passphrase is the one that opens the log from now on.
  await officer.reload();
  await officer.getByLabel('Passphrase').fill('demo');
  await officer.getByRole('button', { name: 'Unlock' }).click();
  await expect(officer.getByRole('alert')).toContainText('That passphrase is not correct.');
  await officer.getByLabel('Passphrase').fill('new words of mine');
  await officer.getByRole('button', { name: 'Unlock' }).click();
  await expect(officer.getByText(NAME).first()).toBeVisible();
  await officer.context().close();
  await hq.context().close();
});
