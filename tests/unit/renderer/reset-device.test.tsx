// Resetting the device: refused while HQ has not confirmed every own change (a lead's receipt
// is not enough) unless an export carried them all; the refusal offers the export.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider } from '../../../renderer/src/kernel/services.tsx';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser.ts';
import { createActivity, recordAcknowledgement } from '../../../renderer/src/db/index.ts';
import { setMeta } from '../../../renderer/src/db/meta.ts';
import { ResetDevice } from '../../../renderer/src/features/settings/ResetDevice.tsx';
import {
  DEMO_HQ_DEVICE_ID,
  demoLeadDeviceId,
  makeDemoProfile,
} from '../../../shared/identity/index.ts';
import { liaisonInput, officerSession, openTestDb, unlockedSession } from './db-fixtures.ts';
import { changeCount } from './change-log-helpers.ts';
import './plain-dialogs.ts';

afterEach(cleanup);

/** Clicks Reset once the live counts have loaded (the button waits for them). */
async function clickReset() {
  const button = await screen.findByRole('button', { name: 'Reset this device…' });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  // Let the acknowledgement just recorded reach the live queries.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await userEvent.click(button);
}

async function renderWithOneEntry(entries = 1, hq = false) {
  const { db, author } = await openTestDb();
  await setMeta(db, 'profile', await makeDemoProfile());
  for (let i = 0; i < entries; i += 1) await createActivity(db, author, liaisonInput());
  const changes = await changeCount(db);
  const vault = await unlockedSession(db);
  const officer = officerSession(author);
  const session = hq
    ? { ...officer, identity: { ...officer.identity, role: 'hq' as const } }
    : officer;
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <ServicesProvider
        value={{ db, platform: createBrowserPlatform(), deviceId: author.deviceId, vault }}
      >
        <ResetDevice session={session} />
      </ServicesProvider>
    </I18nextProvider>,
  );
  return { db, changes, author };
}

describe('reset this device', () => {
  it('refuses while HQ lacks changes, even after a lead’s receipt, and offers the export', async () => {
    const { db, changes } = await renderWithOneEntry();
    await recordAcknowledgement(db, demoLeadDeviceId('lead-americas'), changes);
    await clickReset();
    expect((await screen.findByRole('alert')).textContent).toContain(
      `${changes} changes have not reached HQ yet.`,
    );
    expect(screen.getByRole('button', { name: 'Export a bundle' })).toBeDefined();
    expect(screen.queryByRole('dialog')).toBeNull();
    db.close();
  });

  it('counts what waits in entries, as the status bar does, not in field changes', async () => {
    const { db, changes } = await renderWithOneEntry(2);
    expect(changes).toBeGreaterThan(2);
    await clickReset();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Changes to 2 activities have not reached HQ yet.',
    );
    db.close();
  });

  it('counts in changes when a lead acknowledged what HQ never did (the entries are settled)', async () => {
    const { db, changes, author } = await renderWithOneEntry(3);
    await recordAcknowledgement(db, demoLeadDeviceId('lead-americas'), changes);
    await createActivity(db, author, liaisonInput());
    const all = await changeCount(db);
    await clickReset();
    // Not "1 activity": HQ lacks all four entries, and only the changes can say so.
    expect((await screen.findByRole('alert')).textContent).toContain(
      `${all} changes have not reached HQ yet.`,
    );
    db.close();
  });

  it('counts the entries HQ lacks when HQ has acknowledged part and a lead more', async () => {
    const { db, changes, author } = await renderWithOneEntry(1);
    await recordAcknowledgement(db, DEMO_HQ_DEVICE_ID, changes);
    await createActivity(db, author, liaisonInput());
    await createActivity(db, author, liaisonInput());
    await recordAcknowledgement(db, demoLeadDeviceId('lead-americas'), await changeCount(db));
    await clickReset();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Changes to 2 activities have not reached HQ yet.',
    );
    db.close();
  });

  it('asks for confirmation once HQ holds everything', async () => {
    const { db, changes } = await renderWithOneEntry();
    await recordAcknowledgement(db, DEMO_HQ_DEVICE_ID, changes);
    await clickReset();
    // jsdom has no modal dialogs: the dialog element is there, opened by the component.
    const dialog = await screen.findByText('Erase everything on this device?', {}, {});
    expect(dialog.closest('dialog')?.hasAttribute('open')).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    db.close();
  });

  it('at HQ, says the entries and HQ’s keys go with it, not that HQ holds them', async () => {
    // HQ's own change (say, a review) that nobody will ever acknowledge: no refusal.
    const { db } = await renderWithOneEntry(1, true);
    await clickReset();
    expect(screen.queryByRole('alert')).toBeNull();
    const body = await screen.findByText(/every entry HQ holds here and HQ’s keys/);
    expect(body.closest('dialog')?.hasAttribute('open')).toBe(true);
    expect(screen.queryByText(/HQ already holds all your entries/)).toBeNull();
    db.close();
  });
});
