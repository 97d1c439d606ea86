// A forgotten passphrase, end to end through the two files: the device's request, HQ's
// answer under a temporary passphrase, and the device accepting only its own answer.
import { describe, expect, it } from 'vitest';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import {
  MIN_ITERATIONS,
  acceptRecoveryAnswer,
  createVault,
  decodeRecoveryFile,
  decryptField,
  encodeRecoveryFile,
  encryptField,
  recoverWithEscrow,
  temporaryPassphrase,
  unlockVault,
  type RecoveryFile,
} from '../../../shared/vault/index.ts';

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
    hqEscrowPublicKey: hq.encryption.publicKey,
    ...FAST,
  });
  const context = { recordId: 'rec-1', field: 'data.travellerName' };
  const sealed = await encryptField(vault.dataKey, 'Ana Díaz', context);
  return { hq, vault, sealed, context };
}

describe('passphrase recovery files', () => {
  it('lets HQ answer a request, and the device open its old data with the temporary passphrase', async () => {
    const { hq, vault, sealed, context } = await deviceWithEscrow();
    const request: RecoveryFile = { kind: 'request', ...who, vault: vault.record };
    const atHq = await decodeRecoveryFile(encodeRecoveryFile(request));
    expect(atHq).toEqual(request);

    const temp = temporaryPassphrase();
    const answered = await recoverWithEscrow(atHq.vault, hq.encryption.privateKey, temp, FAST);
    const answerBytes = encodeRecoveryFile({ ...atHq, kind: 'answer', vault: answered });

    const answer = await decodeRecoveryFile(answerBytes);
    const accepted = acceptRecoveryAnswer(answer, { deviceId: who.deviceId }, vault.record);
    expect(accepted.mustChangePassphrase).toBe(true);
    const key = await unlockVault(accepted, temp);
    expect(await decryptField(key, sealed, context)).toBe('Ana Díaz');
    await expect(unlockVault(accepted, 'forgotten one')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('refuses an answer made for another device or holding another vault’s key', async () => {
    const { hq, vault } = await deviceWithEscrow();
    const other = await deviceWithEscrow();
    const temp = temporaryPassphrase();
    const forOther = await recoverWithEscrow(
      other.vault.record,
      other.hq.encryption.privateKey,
      temp,
      FAST,
    );
    const answer = { kind: 'answer' as const, ...who, vault: forOther };
    expect(() => acceptRecoveryAnswer(answer, { deviceId: who.deviceId }, vault.record)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }) as Error,
    );
    const mine = await recoverWithEscrow(vault.record, hq.encryption.privateKey, temp, FAST);
    expect(() =>
      acceptRecoveryAnswer({ ...answer, vault: mine }, { deviceId: 'dev-other' }, vault.record),
    ).toThrow(expect.objectContaining({ code: 'other-device' }) as Error);
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
