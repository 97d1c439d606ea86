// The passphrase-wrapped data key: create, unlock, change the passphrase, and every way a
// stored record or a passphrase is refused. Low PBKDF2 counts keep the suite fast.
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../shared/bundle/bytes.ts';
import {
  type VaultRecord,
  MIN_ITERATIONS,
  changePassphrase,
  createVault,
  decryptField,
  encryptField,
  unlockVault,
} from '../../../shared/vault/index.ts';
import { resolveIterations } from '../../../shared/vault/kdf.ts';
import { finishRecord } from '../../../shared/vault/record.ts';
import { FAST, refusal } from './vault-helpers.ts';

const ctx = { recordId: 'act-1', field: 'travellerName' };

/** The same base64url field with one byte flipped (still canonical base64url). */
function flipByte(b64: string, index = 0): string {
  const bytes = fromBase64Url(b64)!;
  bytes[index] = (bytes[index] as number) ^ 0x01;
  return toBase64Url(bytes);
}

describe('creating and unlocking a vault', () => {
  it('unlocks with the passphrase to a key that opens what the new vault sealed', async () => {
    const { record, dataKey } = await createVault({ passphrase: 'correct horse', ...FAST });
    const sealed = await encryptField(dataKey, 'Jean Tremblay', ctx);
    const stored: unknown = JSON.parse(JSON.stringify(record));
    const key = await unlockVault(stored, 'correct horse');
    expect(await decryptField(key, sealed, ctx)).toBe('Jean Tremblay');
    expect(record.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 1_000 });
    expect(record.escrow).toBeNull();
    expect(record.mustChangePassphrase).toBe(false);
  });

  it('keeps the data key non-extractable, both when created and when unlocked', async () => {
    const { record, dataKey } = await createVault({ passphrase: 'pass', ...FAST });
    const unlocked = await unlockVault(record, 'pass');
    for (const key of [dataKey, unlocked]) {
      expect(key.extractable).toBe(false);
      expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
      await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    }
  });

  it('holds no passphrase and a fresh salt and key in every vault', async () => {
    const a = await createVault({ passphrase: 'same passphrase', ...FAST });
    const b = await createVault({ passphrase: 'same passphrase', ...FAST });
    expect(JSON.stringify(a.record)).not.toContain('same passphrase');
    expect(a.record.kdf.salt).not.toBe(b.record.kdf.salt);
    expect(a.record.keyCheck).not.toBe(b.record.keyCheck);
  });

  it('refuses a wrong passphrase, including one that differs only in case', async () => {
    const { record } = await createVault({ passphrase: 'Passphrase', ...FAST });
    expect(await refusal(unlockVault(record, 'passphrase'))).toBe('wrong-passphrase');
    expect(await refusal(unlockVault(record, ''))).toBe('wrong-passphrase');
  });

  it('unlocks a French passphrase whether its accents arrive composed or decomposed', async () => {
    const composed = 'Québec été';
    const { record } = await createVault({ passphrase: composed, ...FAST });
    await expect(unlockVault(record, composed.normalize('NFD'))).resolves.toBeDefined();
  });

  it('refuses an empty new passphrase', async () => {
    await expect(createVault({ passphrase: '', ...FAST })).rejects.toThrow(TypeError);
  });
});

describe('a damaged or foreign record', () => {
  it('is refused as corrupt when a byte of the wrapped key, salt or IV is flipped', async () => {
    const { record } = await createVault({ passphrase: 'pass', ...FAST });
    const damaged: VaultRecord[] = [
      { ...record, dataKey: { ...record.dataKey, wrapped: flipByte(record.dataKey.wrapped, 5) } },
      { ...record, dataKey: { ...record.dataKey, iv: flipByte(record.dataKey.iv) } },
      { ...record, kdf: { ...record.kdf, salt: flipByte(record.kdf.salt, 3) } },
      { ...record, kdf: { ...record.kdf, iterations: 1_001 } },
    ];
    for (const r of damaged) expect(await refusal(unlockVault(r, 'pass'))).toBe('corrupt');
  });

  it('is still refused when someone alters it and recomputes the checksum', async () => {
    const { record } = await createVault({ passphrase: 'pass', ...FAST });
    const { checksum: _c, ...rest } = record;
    const forged = await finishRecord({
      ...rest,
      dataKey: { ...rest.dataKey, wrapped: flipByte(rest.dataKey.wrapped, 40) },
    });
    // No key tells tampering from a wrong passphrase; either way nothing opens.
    expect(await refusal(unlockVault(forged, 'pass'))).toBe('wrong-passphrase');
  });

  it('is refused as corrupt when it is not a record at all', async () => {
    const { record } = await createVault({ passphrase: 'pass', ...FAST });
    const { keyCheck: _k, ...missing } = record;
    const values: unknown[] = [
      null,
      'text',
      {},
      missing,
      { ...record, extra: 1 },
      { ...record, kdf: { ...record.kdf, hash: 'SHA-1' } },
      { ...record, kdf: { ...record.kdf, salt: 'not base64!' } },
    ];
    for (const v of values) expect(await refusal(unlockVault(v, 'pass'))).toBe('corrupt');
  });

  it('refuses an absurd iteration count as corrupt instead of working for hours', async () => {
    const { record } = await createVault({ passphrase: 'pass', ...FAST });
    const { checksum: _c, ...rest } = record;
    const huge = await finishRecord({ ...rest, kdf: { ...rest.kdf, iterations: 2 ** 40 } });
    expect(await refusal(unlockVault(huge, 'pass'))).toBe('corrupt');
  });

  it('names the version of a record made by a newer app', async () => {
    const { record } = await createVault({ passphrase: 'pass', ...FAST });
    const e = await unlockVault({ ...record, version: 3 }, 'pass').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'unsupported-version', version: 3 });
  });
});

describe('changing the passphrase', () => {
  it('keeps fields sealed before readable, and the old passphrase stops working', async () => {
    const { record, dataKey } = await createVault({ passphrase: 'old one', ...FAST });
    const sealed = await encryptField(dataKey, { name: 'Ana Souza', dob: '1980-02-29' }, ctx);
    const changed = await changePassphrase(record, 'old one', 'new one', FAST);
    expect(changed.kdf.salt).not.toBe(record.kdf.salt);
    expect(changed.keyCheck).toBe(record.keyCheck);
    expect(await refusal(unlockVault(changed, 'old one'))).toBe('wrong-passphrase');
    const key = await unlockVault(changed, 'new one');
    expect(await decryptField(key, sealed, ctx)).toEqual({ name: 'Ana Souza', dob: '1980-02-29' });
  });

  it('refuses the change when the old passphrase is wrong', async () => {
    const { record } = await createVault({ passphrase: 'old one', ...FAST });
    expect(await refusal(changePassphrase(record, 'guess', 'new one', FAST))).toBe(
      'wrong-passphrase',
    );
  });
});

describe('the PBKDF2 iteration policy', () => {
  it('refuses fewer than 600,000 iterations unless a test asks for it explicitly', async () => {
    expect(MIN_ITERATIONS).toBe(600_000);
    expect(await refusal(createVault({ passphrase: 'p', iterations: 599_999 }))).toBe('weak-kdf');
    const { record } = await createVault({ passphrase: 'p', ...FAST });
    expect(await refusal(changePassphrase(record, 'p', 'q', { iterations: 10_000 }))).toBe(
      'weak-kdf',
    );
  });

  it('never lowers a record’s count on a passphrase change, and rejects nonsense counts', () => {
    expect(resolveIterations()).toBe(600_000);
    expect(resolveIterations({}, 1_000)).toBe(600_000);
    expect(resolveIterations({}, 900_000)).toBe(900_000);
    expect(resolveIterations({ iterations: 700_000 })).toBe(700_000);
    expect(() => resolveIterations({ unsafeIterationsForTests: 0 })).toThrow(RangeError);
    expect(() => resolveIterations({ iterations: 600_000.5 })).toThrow(RangeError);
    expect(() => resolveIterations({ iterations: 2 ** 40 })).toThrow(RangeError);
  });

  it('uses 600,000 iterations by default (measured once)', async () => {
    const started = performance.now();
    const { record } = await createVault({ passphrase: 'real cost' });
    const created = performance.now() - started;
    const t = performance.now();
    await unlockVault(record, 'real cost');
    const unlocked = performance.now() - t;
    console.log(
      `PBKDF2-SHA-256 x 600,000: create ${created.toFixed(0)} ms, unlock ${unlocked.toFixed(0)} ms`,
    );
    expect(record.kdf.iterations).toBe(600_000);
  });
});
