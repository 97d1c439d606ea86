// The files the wizard reads and writes: the network profile HQ hands out (.llprofile) and
// a device's enrollment card (.llenroll), with readable names, and the check of a profile
// file before anyone is asked to trust it.
import {
  ENROLLMENT_FILE_EXTENSION,
  PROFILE_FILE_EXTENSION,
} from '../../../shared/bundle/file-name.ts';
import {
  ProfileError,
  decodeProfileFile,
  encodeEnrollmentFile,
  encodeProfileFile,
  fingerprintCode,
  verifyProfile,
  type NetworkProfile,
  type SignedEnrollment,
  type SignedProfile,
} from '../../../shared/identity/index.ts';
import { demoPublicKeys, demoStatus } from '../../../shared/identity/demo-guard.ts';
import { type Platform, type SaveFileResult } from '../platform/types.ts';

/** A signed network profile, and a device's self-signed card (shared/bundle/file-name.ts). */
export const PROFILE_EXTENSION = PROFILE_FILE_EXTENSION;
export const ENROLLMENT_EXTENSION = ENROLLMENT_FILE_EXTENSION;

/** Lower case ASCII letters, digits and dashes: safe in a file name on every desktop OS. */
export function fileSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `liaison-log-network-<name>-v<version>.llprofile`: who it is for and which version. */
export function profileFileName(profile: NetworkProfile): string {
  const name = fileSlug(profile.networkName.en, 'network');
  return `liaison-log-network-${name}-v${profile.version}.${PROFILE_EXTENSION}`;
}

/** `liaison-log-device-<officer id>-<role>.llenroll`. */
export function enrollmentFileName(enrollment: SignedEnrollment): string {
  const { card } = enrollment;
  return `liaison-log-device-${fileSlug(card.officerId, 'device')}-${card.role}.${ENROLLMENT_EXTENSION}`;
}

export interface ImportedProfile {
  readonly signed: SignedProfile;
  /** HQ's signing-key code, to compare with HQ by phone before trusting the file. */
  readonly hqCode: string;
}

/**
 * A profile file's signed profile and HQ's code, or ProfileError: 'not-a-profile' for any
 * other file, 'bad-signature' for a changed one, 'invalid' for an inconsistent one. Pure:
 * nothing is stored, whatever the file holds.
 */
export async function readProfileFile(bytes: Uint8Array): Promise<ImportedProfile> {
  const file = decodeProfileFile(bytes);
  const profile = await verifyProfile(file);
  // A profile with some demo marks but not all (a "real" network signed with the public demo
  // HQ key, or one that approved a demo key) protects nothing: refused before anything.
  if (demoStatus(profile, await demoPublicKeys()) === 'mixed')
    throw new ProfileError('invalid', 'a profile that mixes demo and real keys');
  return {
    signed: { profile, signature: file.signature },
    hqCode: await fingerprintCode(profile.hq.signingKey),
  };
}

/** Saves the profile file through the platform (a download in the browser). */
export function saveProfileFile(
  platform: Platform,
  signed: SignedProfile,
  filterName: string,
): Promise<SaveFileResult> {
  return platform.saveFile({
    suggestedName: profileFileName(signed.profile),
    data: encodeProfileFile(signed),
    filters: [{ name: filterName, extensions: [PROFILE_EXTENSION] }],
  });
}

export function saveEnrollmentFile(
  platform: Platform,
  enrollment: SignedEnrollment,
  filterName: string,
): Promise<SaveFileResult> {
  return platform.saveFile({
    suggestedName: enrollmentFileName(enrollment),
    data: encodeEnrollmentFile(enrollment),
    filters: [{ name: filterName, extensions: [ENROLLMENT_EXTENSION] }],
  });
}
