// The network profile as a file a person carries (USB stick, e-mail): readable JSON with a
// magic and a format number, HQ's signature beside the profile it covers.
import { type Json } from '../sync/change.ts';
import { ProfileError } from './errors.ts';
import { type JsonFileKind, readJsonFile, writeJsonFile } from './json-file.ts';
import { type SignedProfile } from './signed.ts';

export const PROFILE_FILE: JsonFileKind = {
  magic: 'liaison-log/network-profile',
  format: 1,
  notThis: 'not-a-profile',
};

/** A profile file's contents before verifyProfile: nothing in it is trusted yet. */
export interface UnverifiedProfile {
  readonly profile: Json;
  readonly signature: string;
}

export function encodeProfileFile(signed: SignedProfile): Uint8Array {
  return writeJsonFile(PROFILE_FILE, { signature: signed.signature, profile: signed.profile });
}

/** Reads the file; refuses anything else with 'not-a-profile'. Pass the result to verifyProfile. */
export function decodeProfileFile(bytes: Uint8Array): UnverifiedProfile {
  const file = readJsonFile(PROFILE_FILE, bytes);
  const { profile, signature } = file;
  if (typeof signature !== 'string' || profile === undefined) {
    throw new ProfileError('not-a-profile', 'the file holds no signed profile');
  }
  return { profile, signature };
}
