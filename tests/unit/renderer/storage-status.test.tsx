// Persistent storage: start-up asks for it once, and Settings says in words whether the
// browser may clear the app's data, in English and French.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider } from '../../../renderer/src/kernel/services.tsx';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser.ts';
import {
  persistentStorageState,
  requestPersistentStorage,
  type StorageManagerLike,
} from '../../../renderer/src/platform/persistent-storage.ts';
import { StorageStatus } from '../../../renderer/src/features/settings/StorageStatus.tsx';
import { openTestDb } from './db-fixtures.ts';

afterEach(cleanup);

function fakeStorage(persisted: boolean, grants: boolean) {
  let held = persisted;
  const storage = {
    persisted: vi.fn(() => Promise.resolve(held)),
    persist: vi.fn(() => {
      held = grants;
      return Promise.resolve(grants);
    }),
  };
  return storage;
}

describe('asking for persistent storage', () => {
  it('asks when the data is best-effort, and answers what the browser decided', async () => {
    const granting = fakeStorage(false, true);
    await expect(requestPersistentStorage(granting)).resolves.toBe('persistent');
    expect(granting.persist).toHaveBeenCalledTimes(1);
    const refusing = fakeStorage(false, false);
    await expect(requestPersistentStorage(refusing)).resolves.toBe('best-effort');
  });

  it('does not ask again once granted, and never rejects', async () => {
    const granted = fakeStorage(true, true);
    await expect(requestPersistentStorage(granted)).resolves.toBe('persistent');
    expect(granted.persist).not.toHaveBeenCalled();
    const broken: StorageManagerLike = {
      persisted: () => Promise.resolve(false),
      persist: () => Promise.reject(new Error('not allowed')),
    };
    await expect(requestPersistentStorage(broken)).resolves.toBe('best-effort');
    await expect(requestPersistentStorage(undefined)).resolves.toBe('unsupported');
    await expect(persistentStorageState({})).resolves.toBe('unsupported');
  });
});

async function renderStatus(
  lang: 'en' | 'fr',
  storage: StorageManagerLike | undefined,
  advise = true,
) {
  const { db, author } = await openTestDb();
  const platform = { ...createBrowserPlatform(), storage };
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <ServicesProvider
        value={{ db, platform, deviceId: author.deviceId, vault: new VaultSession(db) }}
      >
        <dl>
          <StorageStatus advise={advise} />
        </dl>
      </ServicesProvider>
    </I18nextProvider>,
  );
}

describe('the storage line in Settings', () => {
  it('says the data is kept when the browser granted persistent storage', async () => {
    await renderStatus('en', fakeStorage(true, true));
    expect(screen.getByText('Storage on this computer')).toBeTruthy();
    const line = await screen.findByText('Persistent.');
    expect(line.parentElement?.textContent).toContain('keeps the app’s data until you remove it');
  });

  it('says the browser may clear the data, and what to do, when it is not granted', async () => {
    const storage = fakeStorage(false, false);
    await renderStatus('en', storage);
    const line = await screen.findByText('Not persistent.');
    expect(line.parentElement?.textContent).toContain('Export often');
    // Settings only reads the state; asking is start-up's job.
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('does not tell HQ to export so that HQ holds a copy', async () => {
    await renderStatus('en', fakeStorage(false, false), false);
    const line = await screen.findByText('Not persistent.');
    expect(line.parentElement?.textContent).toContain('may clear the app’s data');
    expect(line.parentElement?.textContent).not.toContain('Export often');
  });

  it('speaks French too, and says so when the browser cannot tell', async () => {
    await renderStatus('fr', fakeStorage(false, false));
    expect(screen.getByText('Stockage sur cet ordinateur')).toBeTruthy();
    const line = await screen.findByText('Non persistant.');
    expect(line.parentElement?.textContent).toContain('Exportez souvent');
    cleanup();
    await renderStatus('fr', undefined);
    expect(await screen.findByText('Inconnu.')).toBeTruthy();
  });
});
