// Creating a network: the first profile version HQ issues, with HQ's own device listed so
// HQ's reviews and receipts have a scope like any other device's.
import { toBase64Url } from '../bundle/bytes.ts';
import { type PublicKeyInput, publicKeyBytes } from '../bundle/keys.ts';
import { type Localized } from '../domain/catalogue-types.ts';
import { type Post } from '../domain/posts.ts';
import {
  type Lead,
  type NetworkProfile,
  type ProfilePolicy,
  PROFILE_FORMAT,
  parseProfile,
} from './profile.ts';

export const DEFAULT_POLICY: ProfilePolicy = { idleLockMinutes: 15, sensitiveRetentionDays: 90 };

/** A public key, or a key pair whose public half is meant (DeviceKeys fits as is). */
export type PublicKeySource = PublicKeyInput | CryptoKeyPair;

export interface HqPublicKeys {
  readonly signing: PublicKeySource;
  readonly encryption: PublicKeySource;
  /**
   * Opens devices' recovery copies only; a key of its own, never the encryption key. Without
   * it the profile names no recovery key and devices keep no recovery copy.
   */
  readonly recovery?: PublicKeySource;
}

export interface NewNetworkInput {
  /** Random when absent: two networks set up apart must never share an id. */
  readonly networkId?: string;
  readonly networkName: Localized;
  readonly hq: {
    readonly deviceId: string;
    /** HQ's user id: the author of HQ's reviews. */
    readonly officerId: string;
    readonly name: string;
    readonly keys: HqPublicKeys;
  };
  readonly posts: readonly (Post & { readonly retired?: boolean })[];
  readonly leads?: readonly Lead[];
  readonly policy?: ProfilePolicy;
  readonly now: Date;
  readonly demo?: boolean;
}

/** A public key as profile text (base64url of its 32 raw bytes). */
export async function publicKeyText(key: PublicKeySource): Promise<string> {
  const raw = await publicKeyBytes('publicKey' in key ? key.publicKey : key);
  return toBase64Url(raw);
}

function randomId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/** Version 1 of a new network's profile, checked like any other (ProfileError 'invalid'). */
export async function createNetworkProfile(input: NewNetworkInput): Promise<NetworkProfile> {
  const signingKey = await publicKeyText(input.hq.keys.signing);
  const encryptionKey = await publicKeyText(input.hq.keys.encryption);
  const recovery = input.hq.keys.recovery;
  const recoveryKey = recovery === undefined ? undefined : await publicKeyText(recovery);
  const issuedAt = input.now.toISOString();
  return parseProfile({
    format: PROFILE_FORMAT,
    networkId: input.networkId ?? randomId(),
    networkName: { en: input.networkName.en, fr: input.networkName.fr },
    version: 1,
    issuedAt,
    hq: {
      deviceId: input.hq.deviceId,
      signingKey,
      encryptionKey,
      ...(recoveryKey === undefined ? {} : { recoveryKey }),
    },
    posts: input.posts.map((post) => ({ ...post, name: { ...post.name }, city: { ...post.city } })),
    leads: (input.leads ?? []).map((lead) => ({ ...lead, posts: [...lead.posts] })),
    devices: [
      {
        deviceId: input.hq.deviceId,
        officerId: input.hq.officerId,
        name: input.hq.name,
        role: 'hq',
        signingKey,
        encryptionKey,
        approvedAt: issuedAt,
      },
    ],
    policy: { ...(input.policy ?? DEFAULT_POLICY) },
    demo: input.demo ?? false,
  });
}
