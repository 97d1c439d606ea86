// The first-run wizard's work, without any screen: make the device keys, the network profile
// (HQ) or check the imported one (officer, lead), create the vault, then store it all at once.
// Each path is "prepare" (nothing stored) then finishSetup (one completeSetup, then unlock).
import { fromBase64Url } from '../../../../shared/bundle/bytes.ts';
import { type DeviceKeys, generateDeviceKeys } from '../../../../shared/bundle/keys.ts';
import { type Localized } from '../../../../shared/domain/catalogue-types.ts';
import {
  DEMO_HQ_DEVICE_ID,
  DEMO_HQ_USER_ID,
  ProfileError,
  activePosts,
  createNetworkProfile,
  demoDeviceKeys,
  demoLeadDeviceId,
  demoRecoveryKeys,
  makeDemoProfile,
  makeEnrollment,
  publicKeyText,
  signProfile,
  verifyProfile,
  type DemoOfficer,
  type Lead,
  type NetworkProfile,
  type ProfilePolicy,
  type ProfilePost,
  type SignedEnrollment,
  type SignedProfile,
} from '../../../../shared/identity/index.ts';
import {
  createVault,
  signRecoveryBinding,
  type EscrowTarget,
  type KdfOptions,
  type OpenVault,
} from '../../../../shared/vault/index.ts';
import { type LiaisonDb } from '../../db/db.ts';
import { getOrCreateDevice } from '../../db/device.ts';
import { completeSetup, type SetupRecords } from '../../db/identity.ts';
import { type DeviceIdentity } from '../../db/meta.ts';
import { type VaultSession } from '../../kernel/vault-session.ts';
import { DEMO_PASSPHRASE } from '../lock/index.ts';

export interface SetupDeps {
  readonly db: LiaisonDb;
  readonly vault: Pick<VaultSession, 'open'>;
  /** Tests only: a cheap PBKDF2 count. The app always uses the vault's default. */
  readonly kdf?: KdfOptions;
}

/** Everything the wizard made, held in memory until the person confirms the last step. */
export interface PreparedSetup {
  readonly records: SetupRecords;
  /** The vault's data key: this window is unlocked with it once the records are stored. */
  readonly dataKey: CryptoKey;
}

/** HQ's setup also holds the signed profile, saved as a file once the setup is stored. */
export interface PreparedHq extends PreparedSetup {
  readonly signed: SignedProfile;
}

/** An officer's or lead's setup also holds its self-signed device card, for HQ. */
export interface PreparedMember extends PreparedSetup {
  readonly enrollment: SignedEnrollment;
}

/**
 * Stores what was prepared in one transaction (completeSetup), then unlocks this window.
 * Unlocking comes after the commit, so a failed write never leaves a key in memory for a
 * device that is not set up. The same prepared setup may be tried again after a failure.
 */
export async function finishSetup(deps: SetupDeps, prepared: PreparedSetup): Promise<void> {
  await completeSetup(deps.db, prepared.records, prepared.dataKey);
  deps.vault.open(prepared.dataKey);
}

function nowIso(db: LiaisonDb): string {
  return new Date(db.now()).toISOString();
}

function keyBytesOf(text: string): Uint8Array {
  const bytes = fromBase64Url(text);
  if (!bytes) throw new ProfileError('invalid', 'the profile has no readable HQ key');
  return bytes;
}

/** HQ's recovery key for this device's copy, or null when the profile names none. */
function escrowTarget(deviceId: string, profile: NetworkProfile): EscrowTarget | null {
  const key = profile.hq.recoveryKey;
  return key === undefined ? null : { deviceId, recoveryKey: keyBytesOf(key) };
}

/** The signature a later recovery request carries (made now: a locked device cannot sign). */
async function bindingFor(
  identity: DeviceIdentity,
  vault: OpenVault,
  signingKey: CryptoKey,
): Promise<SetupRecords['recoveryBinding']> {
  const { escrow, keyCheck } = vault.record;
  if (!escrow) return undefined;
  const { deviceId, networkId } = identity;
  const signature = await signRecoveryBinding(
    { deviceId, networkId, escrow, keyCheck },
    signingKey,
  );
  return { wrappedKey: escrow.wrappedKey, signature };
}

function storedKeys(deviceId: string, keys: DeviceKeys) {
  return { deviceId, signing: keys.signing, encryption: keys.encryption };
}

// ---- HQ ----------------------------------------------------------------------------------

export interface HqSetupInput {
  readonly networkName: Localized;
  /** The person at HQ setting up: the author of HQ's reviews. */
  readonly name: string;
  readonly officerId: string;
  readonly posts: readonly ProfilePost[];
  readonly leads: readonly Lead[];
  readonly policy: ProfilePolicy;
  readonly passphrase: string;
}

/**
 * HQ's device keys, version 1 of the network profile signed with them, and a vault whose
 * recovery copy is wrapped for HQ's own key (HQ can reset its own passphrase from a backup
 * of that key only; see docs/vault.md). Nothing is stored.
 */
export async function prepareHqSetup(deps: SetupDeps, input: HqSetupInput): Promise<PreparedHq> {
  const { deviceId } = await getOrCreateDevice(deps.db);
  const keys = await generateDeviceKeys({ extractable: true });
  // A key of its own for recovery copies: the bundle key never answers a recovery request.
  const recovery = (await generateDeviceKeys({ extractable: true })).encryption;
  const createdAt = nowIso(deps.db);
  const profile = await createNetworkProfile({
    networkName: input.networkName,
    hq: {
      deviceId,
      officerId: input.officerId,
      name: input.name,
      keys: { ...keys, recovery },
    },
    posts: input.posts,
    leads: input.leads,
    policy: input.policy,
    now: new Date(createdAt),
  });
  const signed = await signProfile(profile, keys.signing.privateKey);
  const vault = await createVault({
    ...deps.kdf,
    passphrase: input.passphrase,
    escrow: { deviceId, recoveryKey: recovery.publicKey },
  });
  const identity: DeviceIdentity = {
    deviceId,
    networkId: profile.networkId,
    role: 'hq',
    officerId: input.officerId,
    name: input.name,
    demo: false,
    createdAt,
  };
  return {
    records: {
      identity,
      keys: { ...storedKeys(deviceId, keys), recovery },
      profile: signed,
      vault: vault.record,
      recoveryBinding: await bindingFor(identity, vault, keys.signing.privateKey),
    },
    dataKey: vault.dataKey,
    signed,
  };
}

// ---- Officer or team lead ----------------------------------------------------------------

/** Who the person is in the imported network: an officer at one post, or one of its leads. */
export type MemberChoice =
  | {
      readonly role: 'officer';
      readonly name: string;
      readonly officerId: string;
      readonly postCode: string;
    }
  | { readonly role: 'lead'; readonly officerId: string };

export interface MemberSetupInput {
  /** The profile as read from the file (readProfileFile): verified again here. */
  readonly signed: SignedProfile;
  readonly who: MemberChoice;
  readonly passphrase: string;
}

/** An officer id HQ already gave another role (a lead, HQ itself): approval would refuse it. */
export function officerIdTakenBy(
  profile: NetworkProfile,
  officerId: string,
): 'lead' | 'hq' | undefined {
  const id = officerId.trim();
  if (profile.leads.some((lead) => lead.officerId === id)) return 'lead';
  const device = profile.devices.find((d) => d.officerId === id && d.role !== 'officer');
  return device ? (device.role === 'hq' ? 'hq' : 'lead') : undefined;
}

/** The identity an officer or lead asks for, refused (ProfileError 'invalid') when HQ would. */
function memberIdentity(
  profile: NetworkProfile,
  who: MemberChoice,
  deviceId: string,
  createdAt: string,
): DeviceIdentity {
  const base = { deviceId, networkId: profile.networkId, demo: profile.demo, createdAt };
  if (who.role === 'lead') {
    const lead = profile.leads.find((l) => l.officerId === who.officerId);
    if (!lead) {
      throw new ProfileError('invalid', 'not a listed lead', [
        { path: 'officerId', code: 'lead-not-listed', value: who.officerId },
      ]);
    }
    const { officerId, name } = lead;
    return { ...base, role: 'lead', officerId, name, posts: [...lead.posts] };
  }
  const officerId = who.officerId.trim();
  const name = who.name.trim();
  if (!activePosts(profile).some((post) => post.code === who.postCode)) {
    throw new ProfileError('invalid', 'not an open post', [
      { path: 'postCode', code: 'retired-post', value: who.postCode },
    ]);
  }
  if (officerIdTakenBy(profile, officerId)) {
    throw new ProfileError('invalid', 'the officer id has another role', [
      { path: 'officerId', code: 'role-conflict', value: officerId },
    ]);
  }
  return { ...base, role: 'officer', officerId, name, postCode: who.postCode };
}

/** This device's card for HQ, signed with its own key (makeEnrollment checks the pair). */
export async function deviceEnrollment(
  identity: DeviceIdentity,
  keys: DeviceKeys,
): Promise<SignedEnrollment> {
  const posts = identity.role === 'lead' ? { posts: [...(identity.posts ?? [])] } : {};
  const post = identity.role === 'officer' ? { postCode: identity.postCode } : {};
  return makeEnrollment(
    {
      deviceId: identity.deviceId,
      officerId: identity.officerId,
      name: identity.name,
      role: identity.role,
      ...post,
      ...posts,
      signingKey: await publicKeyText(keys.signing),
      encryptionKey: await publicKeyText(keys.encryption),
      createdAt: identity.createdAt,
    },
    keys.signing.privateKey,
  );
}

/**
 * Fresh device keys under the existing device id, the identity the person chose, and a vault
 * whose recovery copy only HQ's private key opens (HQ can reset a forgotten passphrase).
 * Throws ProfileError for a profile or a choice HQ would refuse; nothing is stored.
 */
export async function prepareMemberSetup(
  deps: SetupDeps,
  input: MemberSetupInput,
): Promise<PreparedMember> {
  const profile = await verifyProfile(input.signed);
  const { deviceId } = await getOrCreateDevice(deps.db);
  const identity = memberIdentity(profile, input.who, deviceId, nowIso(deps.db));
  const keys = await generateDeviceKeys({ extractable: true });
  const enrollment = await deviceEnrollment(identity, keys);
  const vault = await createVault({
    ...deps.kdf,
    passphrase: input.passphrase,
    escrow: escrowTarget(deviceId, profile),
  });
  return {
    records: {
      identity,
      keys: storedKeys(deviceId, keys),
      profile: { profile, signature: input.signed.signature },
      vault: vault.record,
      recoveryBinding: await bindingFor(identity, vault, keys.signing.privateKey),
    },
    dataKey: vault.dataKey,
    enrollment,
  };
}

// ---- Demo --------------------------------------------------------------------------------

/** Who to be in the demo network. */
export type DemoChoice =
  | { readonly role: 'officer'; readonly officer: DemoOfficer }
  | { readonly role: 'lead'; readonly lead: Lead }
  | { readonly role: 'hq' };

/**
 * A demo device: the built-in demo profile and the passphrase everyone knows. A demo officer
 * gets fresh keys on this device's id, as a real officer would; the demo lead and the demo HQ
 * take the fixed ids and public-seed keys the demo profile lists, so every demo install
 * agrees on them without a file changing hands. It protects nothing, and says so.
 */
export async function prepareDemoSetup(
  deps: SetupDeps,
  choice: DemoChoice,
): Promise<PreparedSetup> {
  const signed = await makeDemoProfile();
  const { profile } = signed;
  const createdAt = nowIso(deps.db);
  const base = { networkId: profile.networkId, demo: true, createdAt };
  let identity: DeviceIdentity;
  let keys: DeviceKeys;
  let recovery: CryptoKeyPair | undefined;
  if (choice.role === 'officer') {
    const { deviceId } = await getOrCreateDevice(deps.db);
    keys = await generateDeviceKeys({ extractable: true });
    const { officerId, name, postCode } = choice.officer;
    identity = { ...base, deviceId, role: 'officer', officerId, name, postCode };
  } else if (choice.role === 'lead') {
    const deviceId = demoLeadDeviceId(choice.lead.officerId);
    keys = await demoDeviceKeys(deviceId, { extractable: true });
    const { officerId, name } = choice.lead;
    identity = { ...base, deviceId, role: 'lead', officerId, name, posts: [...choice.lead.posts] };
  } else {
    keys = await demoDeviceKeys(DEMO_HQ_DEVICE_ID, { extractable: true });
    recovery = await demoRecoveryKeys(DEMO_HQ_DEVICE_ID, { extractable: true });
    const hq = profile.devices.find((d) => d.deviceId === DEMO_HQ_DEVICE_ID);
    const name = hq?.name ?? 'Demo HQ';
    identity = {
      ...base,
      deviceId: DEMO_HQ_DEVICE_ID,
      role: 'hq',
      officerId: DEMO_HQ_USER_ID,
      name,
    };
  }
  const vault = await createVault({
    ...deps.kdf,
    passphrase: DEMO_PASSPHRASE,
    escrow: escrowTarget(identity.deviceId, profile),
  });
  return {
    records: {
      identity,
      keys: { ...storedKeys(identity.deviceId, keys), ...(recovery ? { recovery } : {}) },
      profile: signed,
      vault: vault.record,
      recoveryBinding: await bindingFor(identity, vault, keys.signing.privateKey),
    },
    dataKey: vault.dataKey,
  };
}

/** The demo in one go (the demo screen's buttons): prepare, store, unlock. */
export async function setUpDemo(deps: SetupDeps, choice: DemoChoice): Promise<void> {
  await finishSetup(deps, await prepareDemoSetup(deps, choice));
}
