// A forgotten passphrase, end to end through the two files: the device's request (HQ's copy
// and the key commitment only), HQ's answer under a temporary passphrase, and the device
// adopting only an answer that opens to its own key, however the answer was made.
import { describe, expect, it } from 'vitest';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import {
  MIN_ITERATIONS,
  adoptRecoveryAnswer,
  createVault,
  decodeRecoveryFile,
  decryptField,
  encodeRecoveryFile,
  encryptField,
  recoverFromEscrow,
  temporaryPassphrase,
  unlockVault,
  type RecoveryRequest,
} from '../../../shared/vault/index.ts';
import { finishRecord } from '../../../shared/vault/record.ts';

const FAST = { iterations: MIN_ITERATIONS };
const who = {
  deviceId: 'dev-bog-1',
  officerId: 'lo-bogota-1',
  name: 'Sofía Herrera',
  networkId: 'net-1',
  createdAt: '2026-11-22T10:00:00.000Z',
};

async function deviceWithEscrow() {
  const hq = await generateDeviceKeys();
  const vault = await createVault({
    passphrase: 'forgotten one',
    escrow: { deviceId: who.deviceId, recoveryKey: hq.encryption.publicKey },
    ...FAST,
  });
  const context = { recordId: 'rec-1', field: 'data.travellerName' };
  const sealed = await encryptField(vault.dataKey, 'Ana Díaz', context);
  const request: RecoveryRequest = {
    kind: 'request',
    ...who,
    escrow: vault.record.escrow!,
    keyCheck: vault.record.keyCheck,
  };
  return { hq, vault, sealed, context, request };
}

describe('passphrase recovery files', () => {
  it('lets HQ answer a request, and the device open its old data with the temporary passphrase', async () => {
    const { hq, vault, sealed, context, request } = await deviceWithEscrow();
    const bytes = encodeRecoveryFile(request);
    // The request carries no passphrase-wrapped key: nothing in it to guess a passphrase at.
    expect(new TextDecoder().decode(bytes)).not.toContain(vault.record.dataKey.wrapped);
    const atHq = await decodeRecoveryFile(bytes);
    expect(atHq).toEqual(request);
    if (atHq.kind !== 'request') throw new Error('not a request');

    const temp = temporaryPassphrase();
    const answered = await recoverFromEscrow(atHq, hq.encryption.privateKey, temp, FAST);
    const answer = await decodeRecoveryFile(
      encodeRecoveryFile({ kind: 'answer', ...who, vault: answered }),
    );
    if (answer.kind !== 'answer') throw new Error('not an answer');

    const adopted = await adoptRecoveryAnswer(vault.record, answer.vault, temp);
    expect(adopted.record.mustChangePassphrase).toBe(true);
    expect(adopted.record.escrow).toEqual(vault.record.escrow);
    expect(await decryptField(adopted.dataKey, sealed, context)).toBe('Ana Díaz');
    const key = await unlockVault(adopted.record, temp);
    expect(await decryptField(key, sealed, context)).toBe('Ana Díaz');
    await expect(unlockVault(adopted.record, 'forgotten one')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('refuses a forged answer: another key under a copied commitment cannot be adopted', async () => {
    const { vault } = await deviceWithEscrow();
    // The attacker makes a vault of their own, with no HQ copy, and claims our commitment.
    const theirs = await createVault({ passphrase: 'attacker words', ...FAST });
    const forged = { ...theirs.record, keyCheck: vault.record.keyCheck };
    await expect(adoptRecoveryAnswer(vault.record, forged, 'attacker words')).rejects.toThrow();
    // Even with a valid checksum, the key it opens is not ours.
    const { checksum: _c, ...rest } = forged;
    const resealed = await finishRecord(rest);
    await expect(
      adoptRecoveryAnswer(vault.record, resealed, 'attacker words'),
    ).rejects.toMatchObject({ code: 'wrong-key' });
  });

  it('refuses a wrong temporary passphrase, and an answer for another vault', async () => {
    const { hq, vault, request } = await deviceWithEscrow();
    const other = await deviceWithEscrow();
    const temp = temporaryPassphrase();
    const mine = await recoverFromEscrow(request, hq.encryption.privateKey, temp, FAST);
    await expect(adoptRecoveryAnswer(vault.record, mine, 'AAAA-BBBB')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const forOther = await recoverFromEscrow(
      other.request,
      other.hq.encryption.privateKey,
      temp,
      FAST,
    );
    await expect(adoptRecoveryAnswer(vault.record, forOther, temp)).rejects.toMatchObject({
      code: 'wrong-key',
    });
    // HQ's key must be the one the copy was made for.
    await expect(
      recoverFromEscrow(request, other.hq.encryption.privateKey, temp, FAST),
    ).rejects.toThrow();
  });

  it('refuses a file that is not a recovery file, or one from a newer app', async () => {
    const junk = new TextEncoder().encode('{"magic":"liaison-log/network-profile"}');
    await expect(decodeRecoveryFile(junk)).rejects.toMatchObject({ code: 'not-a-recovery-file' });
    await expect(decodeRecoveryFile(new Uint8Array([0xff, 0xfe]))).rejects.toMatchObject({
      code: 'not-a-recovery-file',
    });
    const newer = new TextEncoder().encode(
      JSON.stringify({ magic: 'liaison-log/passphrase-recovery', fileFormat: 9 }),
    );
    await expect(decodeRecoveryFile(newer)).rejects.toMatchObject({ code: 'unsupported-version' });
  });

  it('makes temporary passphrases of four groups without look-alike characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const temp = temporaryPassphrase();
      expect(temp).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
      seen.add(temp);
    }
    expect(seen.size).toBe(200);
  });
});
