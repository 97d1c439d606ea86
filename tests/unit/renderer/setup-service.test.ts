// The first-run setup paths against a real (fake-indexeddb) database: HQ, officer or lead
// from a profile file, and the demo. Each stores everything or nothing.
import { getDeviceKeys } from '../../../renderer/src/db/identity.ts';
import { describe, expect, it } from 'vitest';
import { DEMO_POSTS } from '../../../shared/domain/posts.ts';
import {
  DEMO_HQ_DEVICE_ID,
  DEMO_LEADS,
  DEMO_OFFICERS,
  approveDevice,
  demoDeviceKeys,
  demoLeadDeviceId,
  encodeProfileFile,
  fingerprintCode,
  makeDemoProfile,
  publicKeyText,
  verifyEnrollment,
  verifyProfile,
  type ProfileError,
} from '../../../shared/identity/index.ts';
import { MIN_ITERATIONS, recoverWithEscrow, unlockVault } from '../../../shared/vault/index.ts';
import { type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { getMeta } from '../../../renderer/src/db/meta.ts';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import {
  finishSetup,
  prepareHqSetup,
  prepareMemberSetup,
  setUpDemo,
  type HqSetupInput,
  type SetupDeps,
} from '../../../renderer/src/features/setup/setup-service.ts';
import { readProfileFile } from '../../../renderer/src/kernel/profile-files.ts';
import { problemOf } from '../../../renderer/src/ui/problem.ts';
import { signValue } from '../../../shared/identity/signing.ts';
import { openTestDb } from './db-fixtures.ts';

const FAST = { unsafeIterationsForTests: 1000 };

async function device(): Promise<SetupDeps & { db: LiaisonDb; vault: VaultSession }> {
  const { db } = await openTestDb();
  return { db, vault: new VaultSession(db), kdf: FAST };
}

const hqInput: HqSetupInput = {
  networkName: { en: 'Liaison network', fr: 'Réseau de liaison' },
  name: 'Nadia HQ',
  officerId: 'hq-nadia',
  posts: [
    ...DEMO_POSTS.map((post) => (post.code === 'LOS' ? { ...post, retired: true } : { ...post })),
    {
      code: 'YUL',
      name: { en: 'Montréal, Canada', fr: 'Montréal, Canada' },
      city: { en: 'Montréal', fr: 'Montréal' },
      country: 'CA',
      timeZone: 'America/Toronto',
      region: 'americas',
    },
  ],
  leads: [{ officerId: 'lead-andes', name: 'Ana Lead', posts: ['BOG', 'LIM'] }],
  policy: { idleLockMinutes: 10, sensitiveRetentionDays: 30 },
  passphrase: 'correct horse battery',
};

const SETUP_KEYS = ['identity', 'deviceKeys', 'profile', 'vault', 'officer'] as const;

async function storedSetup(db: LiaisonDb) {
  return Promise.all(SETUP_KEYS.map((key) => getMeta(db, key)));
}

async function expectNothingStored(db: LiaisonDb): Promise<void> {
  expect(await storedSetup(db)).toEqual(SETUP_KEYS.map(() => undefined));
}

/** HQ set up on one device, and its profile as the file officers receive. */
async function hqWithFile() {
  const hq = await device();
  const prepared = await prepareHqSetup(hq, hqInput);
  await finishSetup(hq, prepared);
  return { hq, prepared, file: encodeProfileFile(prepared.signed) };
}

function expectPrivateKeysNonExtractable(keys: {
  signing: CryptoKeyPair;
  encryption: CryptoKeyPair;
}) {
  expect(keys.signing.privateKey.extractable).toBe(false);
  expect(keys.encryption.privateKey.type).toBe('private');
  expect(keys.encryption.privateKey.extractable).toBe(false);
  expect(keys.signing.privateKey.type).toBe('private');
}

describe('HQ setup', () => {
  it('stores nothing until finished, then identity, keys, profile and vault together', async () => {
    const hq = await device();
    const before = await getMeta(hq.db, 'device');
    const prepared = await prepareHqSetup(hq, hqInput);
    await expectNothingStored(hq.db);
    expect(hq.vault.unlocked).toBe(false);

    await finishSetup(hq, prepared);
    const identity = await getMeta(hq.db, 'identity');
    expect(identity).toMatchObject({ role: 'hq', officerId: 'hq-nadia', demo: false });
    expect(identity?.deviceId).toBe(before?.deviceId);
    const keys = await getDeviceKeys(hq.db, hq.vault.key);
    expectPrivateKeysNonExtractable(keys!);
    const signed = await getMeta(hq.db, 'profile');
    const profile = await verifyProfile(signed);
    expect(profile.hq.signingKey).toBe(await publicKeyText(keys!.signing));
    expect(profile.hq.deviceId).toBe(identity?.deviceId);
    expect(profile.version).toBe(1);
    expect(profile.posts.find((p) => p.code === 'YUL')?.city.fr).toBe('Montréal');
    expect(profile.posts.find((p) => p.code === 'LOS')?.retired).toBe(true);
    expect(profile.leads).toEqual(hqInput.leads);
    expect(profile.policy).toEqual({ idleLockMinutes: 10, sensitiveRetentionDays: 30 });
    expect(identity?.networkId).toBe(profile.networkId);
    expect(hq.vault.unlocked).toBe(true);
  });

  it('opens its vault with the passphrase, and its own recovery key (not its bundle key) holds the recovery copy', async () => {
    const { hq } = await hqWithFile();
    const record = await getMeta(hq.db, 'vault');
    await expect(unlockVault(record, 'correct horse battery')).resolves.toBeDefined();
    await expect(unlockVault(record, 'wrong passphrase')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const keys = await getDeviceKeys(hq.db, hq.vault.key);
    const id = keys!.deviceId;
    const reset = await recoverWithEscrow(
      record,
      id,
      keys!.recovery!.privateKey,
      'new words',
      FAST,
    );
    await expect(unlockVault(reset, 'new words')).resolves.toBeDefined();
    await expect(
      recoverWithEscrow(record, id, keys!.encryption.privateKey, 'n', FAST),
    ).rejects.toMatchObject({ code: 'wrong-key' });
  });
});

describe('officer and team lead setup from a profile file', () => {
  it('shows the same HQ code as HQ has and sets up an officer at a chosen post', async () => {
    const { hq, file } = await hqWithFile();
    const hqKeys = await getDeviceKeys(hq.db, hq.vault.key);
    const imported = await readProfileFile(file);
    expect(imported.hqCode).toBe(await fingerprintCode(hqKeys!.signing.publicKey));
    expect(imported.hqCode).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);

    const officer = await device();
    const ownId = (await getMeta(officer.db, 'device'))?.deviceId;
    const prepared = await prepareMemberSetup(officer, {
      signed: imported.signed,
      who: { role: 'officer', name: ' Marie Tremblay ', officerId: 'LO-0042', postCode: 'YUL' },
      passphrase: 'my own passphrase',
    });
    await expectNothingStored(officer.db);
    await finishSetup(officer, prepared);

    expect(await getMeta(officer.db, 'identity')).toMatchObject({
      deviceId: ownId,
      role: 'officer',
      name: 'Marie Tremblay',
      officerId: 'LO-0042',
      postCode: 'YUL',
      demo: false,
    });
    expect(await getMeta(officer.db, 'officer')).toEqual({
      officerId: 'LO-0042',
      name: 'Marie Tremblay',
      postCode: 'YUL',
    });
    const keys = await getDeviceKeys(officer.db, officer.vault.key);
    expectPrivateKeysNonExtractable(keys!);
    expect(await getMeta(officer.db, 'profile')).toEqual(imported.signed);
    expect(officer.vault.unlocked).toBe(true);
    const record = await getMeta(officer.db, 'vault');
    await expect(unlockVault(record, 'my own passphrase')).resolves.toBeDefined();
    // HQ, and only HQ's key, can reset a forgotten passphrase.
    const reset = await recoverWithEscrow(
      record,
      ownId!,
      hqKeys!.recovery!.privateKey,
      'reset',
      FAST,
    );
    await expect(unlockVault(reset, 'reset')).resolves.toBeDefined();
    await expect(
      recoverWithEscrow(record, ownId!, hqKeys!.encryption.privateKey, 'reset', FAST),
    ).rejects.toMatchObject({ code: 'wrong-key' });

    // The device card HQ receives is self-signed with the stored key, and HQ can approve it.
    const card = await verifyEnrollment(prepared.enrollment);
    expect(card.signingKey).toBe(await publicKeyText(keys!.signing));
    const approved = approveDevice(imported.signed.profile, card, '2026-02-01T00:00:00.000Z');
    expect(approved.devices.some((d) => d.deviceId === ownId && d.postCode === 'YUL')).toBe(true);
  });

  it('sets up a team lead with the posts the profile gives that lead', async () => {
    const { file } = await hqWithFile();
    const imported = await readProfileFile(file);
    const lead = await device();
    await finishSetup(
      lead,
      await prepareMemberSetup(lead, {
        signed: imported.signed,
        who: { role: 'lead', officerId: 'lead-andes' },
        passphrase: 'lead passphrase',
      }),
    );
    expect(await getMeta(lead.db, 'identity')).toMatchObject({
      role: 'lead',
      name: 'Ana Lead',
      officerId: 'lead-andes',
      posts: ['BOG', 'LIM'],
    });
    expect((await getMeta(lead.db, 'officer'))?.postCode).toBe('BOG');
  });

  it('refuses a retired post, a lead’s id for an officer, or an unknown lead, storing nothing', async () => {
    const { file } = await hqWithFile();
    const { signed } = await readProfileFile(file);
    const officer = await device();
    const attempt = (who: Parameters<typeof prepareMemberSetup>[1]['who']) =>
      prepareMemberSetup(officer, { signed, who, passphrase: 'passphrase' });
    await expect(
      attempt({ role: 'officer', name: 'A', officerId: 'LO-1', postCode: 'LOS' }),
    ).rejects.toMatchObject({ code: 'invalid', issues: [{ code: 'retired-post' }] });
    await expect(
      attempt({ role: 'officer', name: 'A', officerId: 'lead-andes', postCode: 'BOG' }),
    ).rejects.toMatchObject({ code: 'invalid', issues: [{ code: 'role-conflict' }] });
    await expect(attempt({ role: 'lead', officerId: 'lead-nobody' })).rejects.toMatchObject({
      code: 'invalid',
      issues: [{ code: 'lead-not-listed' }],
    });
    await expectNothingStored(officer.db);
  });

  it('refuses a file that is not a profile, a changed profile, and an inconsistent one', async () => {
    const { hq, prepared, file } = await hqWithFile();
    const refusal = async (bytes: Uint8Array) => {
      try {
        await readProfileFile(bytes);
      } catch (e) {
        return (e as ProfileError).code;
      }
      return 'accepted';
    };
    expect(await refusal(new TextEncoder().encode('hello, not a profile'))).toBe('not-a-profile');
    expect(await refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x01]))).toBe('not-a-profile');
    const text = new TextDecoder().decode(file);
    const changed = text.replace('"Liaison network"', '"Forged network"');
    expect(changed).not.toBe(text);
    expect(await refusal(new TextEncoder().encode(changed))).toBe('bad-signature');

    // Signed with HQ's real key, but inconsistent: a lead leads a post that does not exist.
    const hqKeys = await getDeviceKeys(hq.db, hq.vault.key);
    const inconsistent = {
      ...prepared.signed.profile,
      leads: [{ officerId: 'x-1', name: 'X', posts: ['ZZZ'] }],
    };
    const signature = await signValue(
      'liaison-log/network-profile/v1',
      inconsistent,
      hqKeys!.signing.privateKey,
    );
    const invalid = await readProfileFile(
      encodeProfileFile({ profile: inconsistent, signature }),
    ).catch((e: unknown) => e);
    expect((invalid as ProfileError).code).toBe('invalid');

    // A person sees each refusal as a sentence in their language, with each problem found.
    expect(problemOf(invalid)).toMatchObject({
      key: 'identity.error.invalid',
      values: { count: 1 },
      details: [{ key: 'identity.issue.unknown-post', values: { value: 'ZZZ' } }],
    });
    const notProfile = await readProfileFile(new Uint8Array([1])).catch((e: unknown) => e);
    expect(problemOf(notProfile).key).toBe('identity.error.not-a-profile');
  });
});

describe('the demo', () => {
  it('makes a demo officer on this device, with the passphrase demo and the demo profile', async () => {
    const { db } = await openTestDb();
    const vault = new VaultSession(db);
    const ownId = (await getMeta(db, 'device'))?.deviceId;
    // The real PBKDF2 count: the demo goes through the same vault as everyone.
    await setUpDemo({ db, vault }, { role: 'officer', officer: DEMO_OFFICERS[0]! });
    expect(await getMeta(db, 'identity')).toMatchObject({
      deviceId: ownId,
      role: 'officer',
      officerId: 'lo-bogota-1',
      postCode: 'BOG',
      demo: true,
    });
    const signed = await getMeta(db, 'profile');
    expect(signed).toEqual(await makeDemoProfile());
    expect((await verifyProfile(signed)).demo).toBe(true);
    const record = await getMeta(db, 'vault');
    expect((record as { kdf: { iterations: number } }).kdf.iterations).toBeGreaterThanOrEqual(
      MIN_ITERATIONS,
    );
    await expect(unlockVault(record, 'demo')).resolves.toBeDefined();
    expectPrivateKeysNonExtractable((await getDeviceKeys(db, vault.key))!);
    expect(vault.unlocked).toBe(true);
  });

  it('makes the demo lead and the demo HQ with the fixed ids and keys the profile lists', async () => {
    const lead = DEMO_LEADS[1]!;
    const leadDevice = await device();
    await setUpDemo(leadDevice, { role: 'lead', lead });
    const deviceId = demoLeadDeviceId(lead.officerId);
    expect(await getMeta(leadDevice.db, 'identity')).toMatchObject({
      deviceId,
      role: 'lead',
      posts: lead.posts,
      demo: true,
    });
    expect((await getMeta(leadDevice.db, 'device'))?.deviceId).toBe(deviceId);
    const keys = await getDeviceKeys(leadDevice.db, leadDevice.vault.key);
    const listed = (await makeDemoProfile()).profile.devices.find((d) => d.deviceId === deviceId);
    expect(await publicKeyText(keys!.signing)).toBe(listed?.signingKey);
    expectPrivateKeysNonExtractable(keys!);

    const hq = await device();
    await setUpDemo(hq, { role: 'hq' });
    expect(await getMeta(hq.db, 'identity')).toMatchObject({
      deviceId: DEMO_HQ_DEVICE_ID,
      role: 'hq',
      demo: true,
    });
    const hqKeys = await getDeviceKeys(hq.db, hq.vault.key);
    const demoHq = await demoDeviceKeys(DEMO_HQ_DEVICE_ID);
    expect(await publicKeyText(hqKeys!.encryption)).toBe(await publicKeyText(demoHq.encryption));
  });

  it('refuses a second setup on a device already set up, and keeps the first', async () => {
    const deps = await device();
    await setUpDemo(deps, { role: 'officer', officer: DEMO_OFFICERS[0]! });
    const first = await storedSetup(deps.db);
    const again = await setUpDemo(deps, { role: 'hq' }).catch((e: unknown) => e);
    expect(problemOf(again).key).toBe('errors.writeFailed');
    expect(await storedSetup(deps.db)).toEqual(first);
  });
});
