// HQ's recovery copy of a device's data key: a forgotten passphrase is reset with HQ's
// X25519 private key, and with no other key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../shared/bundle/bytes.ts';
import { DEMO_HQ_DEVICE_ID, demoDeviceKeys } from '../../../shared/identity/index.ts';
import { exportPublicKey, fingerprint, generateDeviceKeys } from '../../../shared/bundle/index.ts';
import {
  changePassphrase,
  createVault,
  decryptField,
  encryptField,
  escrowFingerprint,
  escrowIsStale,
  recoverWithEscrow,
  setEscrow,
  unlockVault,
} from '../../../shared/vault/index.ts';
import { finishRecord } from '../../../shared/vault/record.ts';
import { FAST, refusal } from './vault-helpers.ts';

const ctx = { recordId: 'act-7', field: 'notes' };
const DEVICE = 'dev-7';

/** `hq.encryption` plays HQ's recovery key pair here. */
async function officerWithEscrow() {
  const hq = await generateDeviceKeys();
  const vault = await createVault({
    passphrase: 'forgotten',
    escrow: { deviceId: DEVICE, recoveryKey: hq.encryption.publicKey },
    ...FAST,
  });
  const sealed = await encryptField(vault.dataKey, 'Interdiction at gate 4', ctx);
  return { hq, ...vault, sealed };
}

describe('recovering a forgotten passphrase with HQ’s key', () => {
  it('gives a record that opens with the temporary passphrase and reads old fields', async () => {
    const { hq, record, sealed } = await officerWithEscrow();
    const recovered = await recoverWithEscrow(
      record,
      DEVICE,
      hq.encryption.privateKey,
      'temp 4821',
      FAST,
    );
    expect(recovered.mustChangePassphrase).toBe(true);
    expect(recovered.escrow).toEqual(record.escrow);
    const key = await unlockVault(recovered, 'temp 4821');
    expect(await decryptField(key, sealed, ctx)).toBe('Interdiction at gate 4');
    expect(await refusal(unlockVault(recovered, 'forgotten'))).toBe('wrong-passphrase');
  });

  it('stops asking for a new passphrase once the officer has chosen one', async () => {
    const { hq, record } = await officerWithEscrow();
    const recovered = await recoverWithEscrow(
      record,
      DEVICE,
      hq.encryption.privateKey,
      'temp',
      FAST,
    );
    const own = await changePassphrase(recovered, 'temp', 'my own again', FAST);
    expect(own.mustChangePassphrase).toBe(false);
    expect(own.escrow).toEqual(record.escrow);
  });

  it('refuses another X25519 key as the wrong key', async () => {
    const { record } = await officerWithEscrow();
    const other = await generateDeviceKeys();
    expect(
      await refusal(recoverWithEscrow(record, DEVICE, other.encryption.privateKey, 't', FAST)),
    ).toBe('wrong-key');
  });

  it('says so when the vault was made without an HQ copy', async () => {
    const hq = await generateDeviceKeys();
    const { record } = await createVault({ passphrase: 'p', ...FAST });
    expect(
      await refusal(recoverWithEscrow(record, DEVICE, hq.encryption.privateKey, 't', FAST)),
    ).toBe('no-escrow');
    expect(await escrowFingerprint(record)).toBeNull();
  });

  it('refuses an HQ copy taken from another device’s vault', async () => {
    const a = await officerWithEscrow();
    const b = await createVault({
      passphrase: 'b',
      escrow: { deviceId: DEVICE, recoveryKey: a.hq.encryption.publicKey },
      ...FAST,
    });
    const { checksum: _c, ...rest } = a.record;
    const swapped = await finishRecord({ ...rest, escrow: b.record.escrow });
    expect(
      await refusal(recoverWithEscrow(swapped, DEVICE, a.hq.encryption.privateKey, 't', FAST)),
    ).toBe('corrupt');
  });

  it('shows the fingerprint of the HQ key that can recover the vault', async () => {
    const { hq, record } = await officerWithEscrow();
    const raw = await exportPublicKey(hq.encryption.publicKey);
    expect(await escrowFingerprint(record)).toBe(await fingerprint(raw));
  });
});

describe('setting the HQ copy later', () => {
  it('adds a copy for a new HQ key given as raw bytes, and removes it', async () => {
    const { record, dataKey } = await createVault({ passphrase: 'p', ...FAST });
    const sealed = await encryptField(dataKey, 42, ctx);
    const hq = await generateDeviceKeys();
    const raw = await exportPublicKey(hq.encryption.publicKey);
    const withCopy = await setEscrow(record, 'p', { deviceId: DEVICE, recoveryKey: raw });
    expect(withCopy.dataKey).toEqual(record.dataKey);
    const recovered = await recoverWithEscrow(
      withCopy,
      DEVICE,
      hq.encryption.privateKey,
      'n',
      FAST,
    );
    expect(await decryptField(await unlockVault(recovered, 'n'), sealed, ctx)).toBe(42);
    const without = await setEscrow(withCopy, 'p', null);
    expect(without.escrow).toBeNull();
    await expect(unlockVault(without, 'p')).resolves.toBeDefined();
  });

  it('needs the passphrase to make a copy', async () => {
    const { record } = await createVault({ passphrase: 'p', ...FAST });
    const hq = await generateDeviceKeys();
    expect(
      await refusal(
        setEscrow(record, 'not p', { deviceId: DEVICE, recoveryKey: hq.encryption.publicKey }),
      ),
    ).toBe('wrong-passphrase');
  });
});

describe('a version 1 record (its HQ copy under the bundle format’s labels)', () => {
  // Made by the app before issue #9 (passphrase 'old passphrase', 1,000 iterations), with an
  // HQ copy for the demo HQ's bundle key.
  const v1 = JSON.parse(
    readFileSync(new URL('../../fixtures/vault-v1-record.json', import.meta.url), 'utf8'),
  ) as unknown;

  it('still unlocks, but its copy is never opened by HQ, not even with HQ’s bundle key', async () => {
    await expect(unlockVault(v1, 'old passphrase')).resolves.toBeDefined();
    const hq = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
    expect(await refusal(recoverWithEscrow(v1, DEVICE, hq.encryption.privateKey, 't', FAST))).toBe(
      'no-escrow',
    );
  });

  it('is brought to version 2 by setEscrow: new key check, a copy for the recovery key', async () => {
    const recovery = await generateDeviceKeys();
    const target = { deviceId: DEVICE, recoveryKey: recovery.encryption.publicKey };
    const v2 = await setEscrow(v1, 'old passphrase', target);
    expect(v2.version).toBe(2);
    expect(
      escrowIsStale(v2, toBase64Url(await exportPublicKey(recovery.encryption.publicKey))),
    ).toBe(false);
    expect(v2.keyCheck).not.toBe((v1 as { keyCheck: string }).keyCheck);
    const key = await unlockVault(v2, 'old passphrase');
    const sealed = await encryptField(key, 'kept', ctx);
    const reset = await recoverWithEscrow(v2, DEVICE, recovery.encryption.privateKey, 'n', FAST);
    expect(await decryptField(await unlockVault(reset, 'n'), sealed, ctx)).toBe('kept');
  });

  it('drops the old copy when the passphrase changes (the app then makes a new one)', async () => {
    const changed = await changePassphrase(v1, 'old passphrase', 'new passphrase', FAST);
    expect(changed.version).toBe(2);
    expect(changed.escrow).toBeNull();
  });
});
