// What the lock screen says when the stored vault cannot be opened by this version: the
// message names the version the newer app wrote, in English and French, never a placeholder.
// And what the setup, lock and settings screens say of a file the platform could not read.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider } from '../../../renderer/src/kernel/services.tsx';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser.ts';
import { setMeta } from '../../../renderer/src/db/meta.ts';
import { LockScreen } from '../../../renderer/src/features/lock/LockScreen.tsx';
import { problemOf } from '../../../renderer/src/ui/problem.ts';
import { PlatformError } from '../../../renderer/src/platform/errors.ts';
import { officerSession, openTestDb } from './db-fixtures.ts';

afterEach(cleanup);

async function lockScreenWithNewerVault(lang: 'en' | 'fr') {
  const { db, author } = await openTestDb();
  // A record a later version wrote: this build refuses it before deriving any key.
  await setMeta(db, 'vault', { version: 9 });
  const session = officerSession(author);
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <ServicesProvider
        value={{
          db,
          platform: createBrowserPlatform(),
          deviceId: author.deviceId,
          vault: new VaultSession(db),
        }}
      >
        <LockScreen session={session} />
      </ServicesProvider>
    </I18nextProvider>,
  );
  return db;
}

describe('lock screen messages', () => {
  for (const [lang, expected] of [
    ['en', 'newer version of Liaison Log (version 9)'],
    ['fr', 'version plus récente de Liaison Log (version 9)'],
  ] as const) {
    it(`names the version of a vault from a newer app (${lang})`, async () => {
      const db = await lockScreenWithNewerVault(lang);
      await userEvent.type(screen.getByLabelText(/^(passphrase|phrase de passe)$/i), 'whatever1');
      await userEvent.keyboard('{Enter}');
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(expected);
      expect(alert.textContent).not.toContain('{{');
      db.close();
    });
  }
});

describe('a file the platform could not read', () => {
  it('gets the platform’s own sentence naming the file, not "unexpected error"', () => {
    const problem = problemOf(new PlatformError('too-large', { fileName: 'answer.llrecovery' }));
    expect(problem).toEqual({
      key: 'platform.error.tooLargeNamed',
      values: { name: 'answer.llrecovery', max: 65 },
      details: [],
    });
    for (const lang of ['en', 'fr'] as const) {
      const text = createI18n(lang).t(problem.key, problem.values);
      expect(text).toContain('answer.llrecovery');
      expect(text).toContain(lang === 'en' ? '65 MiB' : '65 Mio');
      expect(text).not.toContain('{{');
    }
    expect(problemOf(new PlatformError('permission-denied')).key).toBe(
      'platform.error.permissionDenied',
    );
  });
});
