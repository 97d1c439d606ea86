// The relay settings: the address is parsed (never matched), the password is stored sealed
// under the vault key and opens only with it, and new credentials get a new version.
import { describe, expect, it } from 'vitest';
import { createVault } from '../../../shared/vault/index.ts';
import { openDatabase } from '../../../renderer/src/db/index.ts';
import {
  loadRelaySettings,
  relayUrl,
  saveRelaySettings,
} from '../../../renderer/src/db/online/config.ts';
import { freshName } from './db-fixtures.ts';

describe('relay settings', () => {
  it('takes http(s) folder addresses only, parsed', () => {
    expect(relayUrl(' https://relay.example/dav/net ')).toBe('https://relay.example/dav/net/');
    expect(relayUrl('http://127.0.0.1:8080/relay/')).toBe('http://127.0.0.1:8080/relay/');
    for (const bad of [
      'ftp://relay.example/',
      'javascript:alert(1)',
      'https://user:pw@relay.example/',
      'https://relay.example/?next=app://',
      'relay.example/dav',
    ])
      expect(relayUrl(bad)).toBeNull();
  });

  it('keeps the password sealed, opens it with the data key, and versions each save', async () => {
    const db = await openDatabase(freshName());
    const { dataKey } = await createVault({
      passphrase: 'a long enough passphrase',
      unsafeIterationsForTests: 1_000,
    });
    await saveRelaySettings(db, dataKey, {
      url: 'https://relay.example/net',
      username: 'lo-bogota-1',
      password: 'app token 123',
    });
    const stored = JSON.stringify(await db.exchangeState.toArray());
    expect(stored).not.toContain('app token 123');
    const first = await loadRelaySettings(db, dataKey);
    expect(first).toMatchObject({
      url: 'https://relay.example/net/',
      username: 'lo-bogota-1',
      password: 'app token 123',
    });
    await saveRelaySettings(db, dataKey, {
      url: 'https://relay.example/net',
      username: 'lo-bogota-1',
      password: 'new token',
    });
    const second = await loadRelaySettings(db, dataKey);
    expect(second?.password).toBe('new token');
    expect(second?.version).not.toBe(first?.version);
    const other = await createVault({
      passphrase: 'another long passphrase',
      unsafeIterationsForTests: 1_000,
    });
    await expect(loadRelaySettings(db, other.dataKey)).rejects.toThrow();
  });
});
