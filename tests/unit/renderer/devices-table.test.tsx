// HQ's devices table: after the question, where the focus lands. A revoked device's button is
// gone, so the focus goes to its "Revoked …"; a refused revocation leaves the device active
// and the focus back on its button (it had fallen on the page's body in both cases).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { DevicesTable } from '../../../renderer/src/features/network/DevicesTable.tsx';
import {
  makeDemoProfile,
  revokeDevice,
  type NetworkProfile,
} from '../../../shared/identity/index.ts';
import './plain-dialogs.ts';

afterEach(cleanup);

let profile: NetworkProfile;
beforeAll(async () => {
  profile = (await makeDemoProfile()).profile;
}, 30_000);

function table(p: NetworkProfile, onRevoke: (id: string) => Promise<boolean>) {
  return (
    <I18nextProvider i18n={createI18n('en')}>
      <DevicesTable profile={p} onRevoke={(device) => onRevoke(device.deviceId)} />
    </I18nextProvider>
  );
}

async function revokeFirst(): Promise<HTMLElement> {
  const button = screen.getAllByRole('button', { name: /^Revoke the device of / })[0];
  if (!button) throw new Error('no device to revoke');
  await userEvent.click(button);
  await userEvent.click(screen.getByRole('button', { name: /^Revoke this device and issue/ }));
  return button;
}

describe('revoking a device in the table', () => {
  it('puts the focus on "Revoked …" once the new profile shows it', async () => {
    let revoked = '';
    const view = render(
      table(profile, (id) => {
        revoked = id;
        return Promise.resolve(true);
      }),
    );
    await revokeFirst();
    await waitFor(() => expect(revoked).not.toBe(''));
    const next = revokeDevice(profile, revoked, '2011-05-01T12:00:00.000Z');
    view.rerender(table(next, () => Promise.resolve(true)));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Revoked /));
  });

  it('puts the focus back on the device’s button when the revocation is refused', async () => {
    render(table(profile, () => Promise.resolve(false)));
    const button = await revokeFirst();
    await waitFor(() => expect(document.activeElement).toBe(button));
  });
});
