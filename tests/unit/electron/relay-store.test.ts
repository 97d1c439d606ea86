// The relay's credentials in the main process: the password sealed with the OS secret store,
// refused for disk where that store protects nothing (Linux's basic_text) and then kept for
// the session only. safeStorage is a stand-in here (the real one needs the Electron binary):
// AES-GCM under a key of its own, so what reaches the disk is really ciphertext.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RelayStore, secretStoreUsable } from '../../../electron/relay-store.main.ts';
import { standInSafeStorage as osSecretStore } from '../../webdav/electron-relay.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'liaison-relay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let count = 0;
const fileName = () => path.join(dir, `relay-${(count += 1)}.json`);
const relay = {
  url: 'https://relay.example/dav/net',
  username: 'lo-bogota-1',
  password: 'app token 123',
};

describe('relay credentials in the main process', () => {
  it('seals the password with the OS secret store; the file holds no plain password', async () => {
    const file = fileName();
    const safeStorage = osSecretStore();
    const store = new RelayStore({ file, safeStorage, platform: 'linux', warn: vi.fn() });
    await expect(store.set(relay)).resolves.toBe('os');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('app token 123');
    expect(JSON.parse(text)).toMatchObject({
      url: 'https://relay.example/dav/net/',
      username: 'lo-bogota-1',
    });
    // A later start (a new store over the same file) opens it with the same OS store.
    const later = new RelayStore({ file, safeStorage, platform: 'linux', warn: vi.fn() });
    await expect(later.credentials()).resolves.toEqual({
      url: 'https://relay.example/dav/net/',
      username: 'lo-bogota-1',
      password: 'app token 123',
    });
  });

  it("refuses Linux's basic_text backend: the password stays in memory for this session only", async () => {
    const file = fileName();
    const safeStorage = osSecretStore('basic_text');
    const encrypt = vi.spyOn(safeStorage, 'encryptString');
    const store = new RelayStore({ file, safeStorage, platform: 'linux', warn: vi.fn() });
    await expect(store.set(relay)).resolves.toBe('session');
    expect(encrypt).not.toHaveBeenCalled();
    expect(readFileSync(file, 'utf8')).not.toContain('app token 123');
    await expect(store.credentials()).resolves.toMatchObject({ password: 'app token 123' });
    // The next session knows the relay but must ask for the password again.
    const next = new RelayStore({ file, safeStorage, platform: 'linux', warn: vi.fn() });
    await expect(next.credentials()).resolves.toEqual({
      url: 'https://relay.example/dav/net/',
      username: 'lo-bogota-1',
      password: null,
    });
  });

  it('knows which secret stores protect anything', () => {
    expect(secretStoreUsable(osSecretStore('kwallet5'), 'linux')).toBe(true);
    expect(secretStoreUsable(osSecretStore('basic_text'), 'linux')).toBe(false);
    expect(secretStoreUsable(osSecretStore('unknown'), 'linux')).toBe(false);
    expect(secretStoreUsable(osSecretStore('basic_text', false), 'win32')).toBe(false);
    // Windows and macOS have no basic_text: DPAPI and the Keychain.
    expect(secretStoreUsable(osSecretStore('basic_text'), 'win32')).toBe(true);
  });

  it('asks again when the sealed password cannot be opened, and forgets on request', async () => {
    const file = fileName();
    const store = new RelayStore({
      file,
      safeStorage: osSecretStore(),
      platform: 'darwin',
      warn: vi.fn(),
    });
    await store.set(relay);
    const warn = vi.fn();
    // Another OS key (the profile was copied to another machine).
    const elsewhere = new RelayStore({
      file,
      safeStorage: osSecretStore(),
      platform: 'darwin',
      warn,
    });
    await expect(elsewhere.credentials()).resolves.toMatchObject({ password: null });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('asked again'));
    await expect(elsewhere.forget()).resolves.toBe(true);
    expect(existsSync(file)).toBe(false);
    await expect(elsewhere.credentials()).resolves.toBeNull();
    await expect(elsewhere.forget()).resolves.toBe(false);
  });

  it('reads a damaged file or a foreign address as no relay at all', async () => {
    for (const content of [
      '{ not json',
      JSON.stringify({ version: 1, url: 'https://user:pw@relay.example/', username: 'x' }),
      JSON.stringify({ version: 2, url: 'https://relay.example/', username: 'x' }),
    ]) {
      const file = fileName();
      writeFileSync(file, content);
      const warn = vi.fn();
      const store = new RelayStore({ file, safeStorage: osSecretStore(), platform: 'linux', warn });
      await expect(store.credentials()).resolves.toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('damaged'));
    }
    const store = new RelayStore({
      file: fileName(),
      safeStorage: osSecretStore(),
      platform: 'linux',
      warn: vi.fn(),
    });
    await expect(store.set({ ...relay, url: 'ftp://relay.example/' })).rejects.toThrow(
      'not a relay URL',
    );
  });
});
