// HQ's recovery copy of a device's data key: a forgotten passphrase is reset with HQ's
// X25519 private key, and with no other key.
import { describe, expect, it } from 'vitest';
import { exportPublicKey, fingerprint, generateDeviceKeys } from '../../../shared/bundle/index.ts';
import {
  changePassphrase,
  createVault,
  decryptField,
  encryptField,
  escrowFingerprint,
  recoverWithEscrow,
  setEscrow,
  unlockVault,
} from '../../../shared/vault/index.ts';
import { finishRecord } from '../../../shared/vault/record.ts';
import { FAST, refusal } from './vault-helpers.ts';

const ctx = { recordId: 'act-7', field: 'notes' };

async function officerWithEscrow() {
  const hq = await generateDeviceKeys();
  const vault = await createVault({
    passphrase: 'forgotten',
    hqEscrowPublicKey: hq.encryption.publicKey,
    ...FAST,
  });
  const sealed = await encryptField(vault.dataKey, 'Interdiction at gate 4', ctx);
  return { hq, ...vault, sealed };
}

describe('recovering a forgotten passphrase with HQ’s key', () => {
  it('gives a record that opens with the temporary passphrase and reads old fields', async () => {
    const { hq, record, sealed } = await officerWithEscrow();
    const recovered = await recoverWithEscrow(record, hq.encryption.privateKey, 'temp 4821', FAST);
    expect(recovered.mustChangePassphrase).toBe(true);
    expect(recovered.escrow).toEqual(record.escrow);
    const key = await unlockVault(recovered, 'temp 4821');
    expect(await decryptField(key, sealed, ctx)).toBe('Interdiction at gate 4');
    expect(await refusal(unlockVault(recovered, 'forgotten'))).toBe('wrong-passphrase');
  });

  it('stops asking for a new passphrase once the officer has chosen one', async () => {
    const { hq, record } = await officerWithEscrow();
    const recovered = await recoverWithEscrow(record, hq.encryption.privateKey, 'temp', FAST);
    const own = await changePassphrase(recovered, 'temp', 'my own again', FAST);
    expect(own.mustChangePassphrase).toBe(false);
    expect(own.escrow).toEqual(record.escrow);
  });

  it('refuses another X25519 key as the wrong key', async () => {
    const { record } = await officerWithEscrow();
    const other = await generateDeviceKeys();
    expect(await refusal(recoverWithEscrow(record, other.encryption.privateKey, 't', FAST))).toBe(
      'wrong-key',
    );
  });

  it('says so when the vault was made without an HQ copy', async () => {
    const hq = await generateDeviceKeys();
    const { record } = await createVault({ passphrase: 'p', ...FAST });
    expect(await refusal(recoverWithEscrow(record, hq.encryption.privateKey, 't', FAST))).toBe(
      'no-escrow',
    );
    expect(await escrowFingerprint(record)).toBeNull();
  });

  it('refuses an HQ copy taken from another device’s vault', async () => {
    const a = await officerWithEscrow();
    const b = await createVault({
      passphrase: 'b',
      hqEscrowPublicKey: a.hq.encryption.publicKey,
      ...FAST,
    });
    const { checksum: _c, ...rest } = a.record;
    const swapped = await finishRecord({ ...rest, escrow: b.record.escrow });
    expect(await refusal(recoverWithEscrow(swapped, a.hq.encryption.privateKey, 't', FAST))).toBe(
      'corrupt',
    );
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
    const withCopy = await setEscrow(record, 'p', raw);
    expect(withCopy.dataKey).toEqual(record.dataKey);
    const recovered = await recoverWithEscrow(withCopy, hq.encryption.privateKey, 'n', FAST);
    expect(await decryptField(await unlockVault(recovered, 'n'), sealed, ctx)).toBe(42);
    const without = await setEscrow(withCopy, 'p', null);
    expect(without.escrow).toBeNull();
    await expect(unlockVault(without, 'p')).resolves.toBeDefined();
  });

  it('needs the passphrase to make a copy', async () => {
    const { record } = await createVault({ passphrase: 'p', ...FAST });
    const hq = await generateDeviceKeys();
    expect(await refusal(setEscrow(record, 'not p', hq.encryption.publicKey))).toBe(
      'wrong-passphrase',
    );
  });
});
