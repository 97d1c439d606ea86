// Issue #9, part 3, end to end with three browser profiles of the demo network: HQ revokes the
// demo officer's device on the Network screen (with a confirmation) and sends the new profile
// to the team lead; the revoked device's next bundle is refused at both, and the report says
// why. What the device sent before stays.
import { expect, test } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  approvePendingDevice,
  demoDevice,
  exportBundle,
  importFiles,
  JOURNEY_TIMEOUT,
  lastRunFiles,
  logActivity,
  logCount,
  openSync,
  saveDownload,
  shot,
  switchLanguage,
} from './helpers.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };

test('HQ revokes the officer’s device; its next bundle is refused at HQ and at the lead', async ({
  browser,
}) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  const dir = await mkdtemp(join(tmpdir(), 'liaison-revoke-'));
  const [officer, lead, hq] = await Promise.all([
    demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId }),
    demoDevice(browser, { role: 'lead', leadId: 'lead-americas' }),
    demoDevice(browser, { role: 'hq' }),
  ]);

  await logActivity(officer, 'liaison');
  const { file: first } = await exportBundle(officer, dir);
  let code = '';
  for (const receiver of [hq, lead]) {
    await openSync(receiver);
    await importFiles(receiver, [first]);
    code = await approvePendingDevice(receiver, OFFICER.name);
    await expect(lastRunFiles(receiver).first()).toHaveAttribute('data-outcome', 'applied');
  }

  // HQ, Network screen: revoke, confirm, and the new profile is saved as a file.
  await hq
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Network', exact: true })
    .click();
  // The demo profile also lists the generated-data device of the same officer: the row of
  // this laptop is the one with the code just compared.
  const row = hq
    .getByTestId('devices')
    .getByRole('row')
    .filter({ hasText: OFFICER.officerId })
    .filter({ hasText: code });
  const revoke = row.getByRole('button', { name: /^Revoke the device of / });
  const question = hq.getByRole('dialog', { name: /^Revoke the device of .+\?$/ });
  // A modal question: Escape cancels it, and the focus goes back to the row's button.
  await revoke.click();
  await expect(question).toBeVisible();
  await hq.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(revoke).toBeFocused();
  await revoke.click();
  await expect(question).toContainText('Its bundles will be refused from now on');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot(hq, 'network-en-revoke-confirm');
  const profile = await saveDownload(hq, 'Revoke this device and issue version 3', dir);
  await expect(row).toContainText('Revoked');
  // The row's button is gone: the focus lands on what took its place, not on the page's body.
  await expect(row.getByText(/^Revoked /)).toBeFocused();
  await expect(hq.getByTestId('profile-version')).toHaveText('3');
  await hq.getByRole('heading', { name: 'HQ keys' }).scrollIntoViewIfNeeded();
  await shot(hq, 'network-en-revoked-and-keys');

  // The lead takes HQ's new profile.
  await openSync(lead);
  await importFiles(lead, [profile]);
  await expect(lastRunFiles(lead).first()).toHaveAttribute('data-outcome', 'profile');

  // The revoked laptop does not know yet: it logs and exports as usual.
  await logActivity(officer, 'training');
  const { file: second } = await exportBundle(officer, dir);
  for (const receiver of [lead, hq]) {
    await openSync(receiver);
    await importFiles(receiver, [second]);
    const report = lastRunFiles(receiver).first();
    await expect(report).toHaveAttribute('data-outcome', 'rejected');
    expect(await logCount(receiver)).toBe(1);
  }
  await openSync(lead);
  await expect(lastRunFiles(lead).first().getByTestId('sync-outcome')).toContainText(
    'it comes from a device HQ has revoked',
  );
  await openSync(hq);
  await switchLanguage(hq, 'fr');
  await expect(lastRunFiles(hq).first().getByTestId('sync-outcome')).toContainText(
    'il provient d’un appareil que l’AC a révoqué',
  );
  await shot(hq, 'sync-fr-revoked-refused');
});
