// The wizard's screens in jsdom: a refused file says why and stores nothing, a good file
// leads to HQ's code, focus follows each step, and the person's answers are checked.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { DEMO_POSTS } from '../../../shared/domain/posts.ts';
import {
  DEFAULT_POLICY,
  decodeProfileFile,
  encodeProfileFile,
  fingerprintCode,
} from '../../../shared/identity/index.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider } from '../../../renderer/src/kernel/services.tsx';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { getMeta } from '../../../renderer/src/db/meta.ts';
import { type Platform } from '../../../renderer/src/platform/types.ts';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser.ts';
import { SetupWizard } from '../../../renderer/src/features/setup/SetupWizard.tsx';
import { prepareHqSetup } from '../../../renderer/src/features/setup/setup-service.ts';
import { openTestDb } from './db-fixtures.ts';

afterEach(() => cleanup());

/** A platform whose open dialog hands over the given files, one list per call. */
function platformOpening(...picks: Uint8Array[]): Platform {
  return {
    ...createBrowserPlatform(),
    saveFile: () => Promise.resolve({ saved: true, location: 'saved.llprofile' }),
    openFiles: () => {
      const data = picks.shift();
      return Promise.resolve(data ? [{ name: 'network.llprofile', data }] : []);
    },
  };
}

async function renderWizard(platform: Platform) {
  const { db } = await openTestDb();
  const vault = new VaultSession(db);
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <ServicesProvider value={{ db, platform, deviceId: 'dev-test', vault }}>
        <SetupWizard />
      </ServicesProvider>
    </I18nextProvider>,
  );
  return { db, vault };
}

async function hqProfileFile() {
  const { db } = await openTestDb();
  const prepared = await prepareHqSetup(
    { db, vault: new VaultSession(db), kdf: { unsafeIterationsForTests: 1000 } },
    {
      networkName: { en: 'Border network', fr: 'Réseau frontalier' },
      name: 'Nadia HQ',
      officerId: 'hq-nadia',
      posts: DEMO_POSTS.map((post) => ({ ...post })),
      leads: [{ officerId: 'lead-andes', name: 'Ana Lead', posts: ['BOG', 'LIM'] }],
      policy: DEFAULT_POLICY,
      passphrase: 'hq passphrase',
    },
  );
  return encodeProfileFile(prepared.signed);
}

/** The code HQ reads out by phone for the profile in this file. */
async function hqCodeOf(file: Uint8Array): Promise<string> {
  const { profile } = decodeProfileFile(file) as unknown as {
    profile: { hq: { signingKey: string } };
  };
  return fingerprintCode(profile.hq.signingKey);
}

describe('the setup wizard', () => {
  it('refuses a file that is not a profile, then checks a good one and asks who you are', async () => {
    const user = userEvent.setup();
    const file = await hqProfileFile();
    const { db } = await renderWizard(
      platformOpening(new TextEncoder().encode('{"hello": 1}'), file),
    );
    await user.click(screen.getByRole('button', { name: 'Set up for my post' }));
    const importHeading = screen.getByRole('heading', { name: 'Import your network profile' });
    await waitFor(() => expect(document.activeElement).toBe(importHeading));

    await user.click(screen.getByRole('button', { name: 'Choose the profile file…' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file is not a Liaison Log network profile, or it is damaged.',
    );
    expect(await getMeta(db, 'profile')).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Choose the profile file…' }));
    await screen.findByRole('heading', { name: 'Check HQ’s code' });
    // The code is not on screen: only HQ's phone call gives it.
    expect(screen.queryByTestId('hq-code')).toBeNull();
    const hqCode = await hqCodeOf(file);
    expect(document.body.textContent).not.toContain(hqCode);
    // Going on without typing the code is refused, and so is a wrong code.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Type the code HQ reads to you on the phone.')).toBeTruthy();
    const codeField = screen.getByLabelText('The code HQ read to you');
    expect(document.activeElement).toBe(codeField);
    await user.type(codeField, 'ABCD EFGH IJKL MNOP');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText(/This is not the code of the HQ that signed this file/),
    ).toBeTruthy();
    expect(codeField.getAttribute('aria-invalid')).toBe('true');
    // What HQ reads, as a person types it: lower case, dashes instead of spaces.
    await user.clear(codeField);
    await user.type(codeField, hqCode.toLowerCase().replaceAll(' ', '-'));
    await user.keyboard('{Enter}');

    await screen.findByRole('heading', { name: 'Who are you?' });
    // A lead's officer id is not an officer's: HQ gave it another role.
    await user.type(screen.getByLabelText('Your name'), 'Marie');
    await user.type(screen.getByLabelText('Officer ID'), 'lead-andes');
    await user.selectOptions(screen.getByLabelText('Post'), 'BOG');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/HQ gave this ID another role/)).toBeTruthy();
    // A lead picks their entry; their posts come from HQ's list.
    await user.click(screen.getByLabelText('Team lead'));
    await user.selectOptions(screen.getByLabelText('Which team lead are you?'), 'lead-andes');
    expect(screen.getByText('Your posts: Bogotá, Lima')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Choose a passphrase' });

    // Back: the answers are kept, and nothing was stored on the way.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { name: 'Who are you?' });
    expect(screen.getByLabelText<HTMLInputElement>('Team lead').checked).toBe(true);
    expect(await getMeta(db, 'identity')).toBeUndefined();
    // A long walk through six steps; the first profile read derives the demo guard's 136
    // public keys (about 0.4 s): past the 5 s default on a loaded machine.
  }, 20_000);

  it('starts the demo officer in one click from the demo screen', async () => {
    const user = userEvent.setup();
    const { db, vault } = await renderWizard(platformOpening());
    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(screen.getByText('The demo passphrase is: demo')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'As an officer at Bogotá' }));
    await waitFor(() => expect(vault.unlocked).toBe(true), { timeout: 10_000 });
    expect(await getMeta(db, 'identity')).toMatchObject({
      role: 'officer',
      postCode: 'BOG',
      demo: true,
    });
  });
});
