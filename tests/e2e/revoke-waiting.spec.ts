// Issue #9: HQ revokes, from the Network screen, a device it only sees waiting for approval
// (an officer a team lead approved, whose bundles reach HQ): a keyboard-operated confirmation
// that says what revoking does, then the card shows the device revoked, the next profile is
// saved to send, and the device's bundle imported again is refused with the revoked message.
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  demoDevice,
  expectKeyboardFocus,
  expectNoAxeViolations,
  exportBundle,
  importFiles,
  JOURNEY_TIMEOUT,
  lastRunFiles,
  logActivity,
  logCount,
  openSync,
  shot,
  switchLanguage,
} from './helpers.ts';

const OFFICER = { officerId: 'lo-bogota-1', name: 'Sofía Herrera' };

async function openNetwork(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
}

test('HQ revokes a device only waiting for approval; its bundle is then refused', async ({
  browser,
}) => {
  test.setTimeout(JOURNEY_TIMEOUT);
  const dir = await mkdtemp(join(tmpdir(), 'liaison-revoke-waiting-'));
  const [officer, hq] = await Promise.all([
    demoDevice(browser, { role: 'officer', officerId: OFFICER.officerId }),
    demoDevice(browser, { role: 'hq' }),
  ]);
  await logActivity(officer, 'liaison');
  const { file: first } = await exportBundle(officer, dir);

  // HQ does not know the device: its bundle waits for approval.
  await openSync(hq);
  await importFiles(hq, [first]);
  await expect(lastRunFiles(hq).first()).toHaveAttribute('data-outcome', 'pending-device');

  // In French first: the card and the question, then cancelled with Escape.
  await switchLanguage(hq, 'fr');
  await openNetwork(hq, 'Réseau');
  const cardFr = hq.getByTestId('network-waiting-device').filter({ hasText: OFFICER.name });
  await cardFr.getByRole('button', { name: `Révoquer l’appareil de ${OFFICER.name}` }).focus();
  await hq.keyboard.press('Enter');
  const questionFr = hq.getByRole('dialog', { name: `Révoquer l’appareil de ${OFFICER.name}?` });
  await expect(questionFr).toContainText('Ses lots seront refusés dès maintenant');
  await shot(hq, 'network-fr-revoke-waiting-confirm');
  await hq.keyboard.press('Escape');
  await expect(questionFr).toBeHidden();
  await expect(cardFr).toBeVisible();

  // In English, with the keyboard only: Revoke…, then Shift+Tab from Cancel to the confirmation.
  await switchLanguage(hq, 'en');
  const card = hq.getByTestId('network-waiting-device').filter({ hasText: OFFICER.name });
  await card.getByRole('button', { name: `Revoke the device of ${OFFICER.name}` }).focus();
  await hq.keyboard.press('Enter');
  const question = hq.getByRole('dialog', { name: `Revoke the device of ${OFFICER.name}?` });
  await expect(question).toContainText('nobody will encrypt anything for it');
  await expectKeyboardFocus(question.getByRole('button', { name: 'Cancel' }));
  await expectNoAxeViolations(hq, 'revoke a waiting device (dialog)');
  await shot(hq, 'network-en-revoke-waiting-confirm');
  const download = hq.waitForEvent('download');
  await hq.keyboard.press('Shift+Tab');
  await expectKeyboardFocus(
    question.getByRole('button', { name: /^Revoke this device and issue/ }),
  );
  await hq.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.llprofile$/);

  // The card shows it revoked; nothing of it waits any more.
  const waiting = hq.getByTestId('network-waiting');
  await expect(waiting.getByTestId('network-revoked-device')).toContainText('Revoked');
  await expect(waiting.getByTestId('network-waiting-device')).toHaveCount(0);
  await expect(hq.getByText(/^Device revoked\. Version 2 saved as /)).toBeVisible();
  await waiting.scrollIntoViewIfNeeded();
  await shot(hq, 'network-en-revoked-waiting');
  await switchLanguage(hq, 'fr');
  await expect(waiting.getByTestId('network-revoked-device')).toContainText('Révoqué le');
  await shot(hq, 'network-fr-revoked-waiting');
  await switchLanguage(hq, 'en');

  // The same bundle, imported again, is now refused as the revoked device's, and says why.
  await openSync(hq);
  await importFiles(hq, [first]);
  const report = lastRunFiles(hq).first();
  await expect(report).toHaveAttribute('data-outcome', 'rejected');
  await expect(report.getByTestId('sync-outcome')).toContainText(
    'it comes from a device HQ has revoked',
  );
  expect(await logCount(hq)).toBe(0);
});
