// A device's enrollment: the card it shows HQ (who holds it, which role and post, its public
// keys), self-signed with the card's own signing key, which proves the device holds it.
import { z } from 'zod';
import { ProfileError } from './errors.ts';
import { type JsonFileKind, readJsonFile, writeJsonFile } from './json-file.ts';
import { deviceFields, roleFieldsOk, toProfileIssues, addIssue } from './schemas.ts';
import { type SignatureContext, keyBytes, signValue, verifyValue } from './signing.ts';

const CONTEXT: SignatureContext = 'liaison-log/device-card/v1';

export const deviceCardSchema = z
  .strictObject({ ...deviceFields, createdAt: z.iso.datetime({ offset: true }) })
  .superRefine((card, ctx) => {
    if (!roleFieldsOk(card)) addIssue(ctx, 'role-fields', ['role'], card.role);
  });
export type DeviceCard = z.infer<typeof deviceCardSchema>;

/** A card and the device's Ed25519 signature (base64url) over its canonical JSON. */
export interface SignedEnrollment {
  readonly card: DeviceCard;
  readonly signature: string;
}

export const ENROLLMENT_FILE: JsonFileKind = {
  magic: 'liaison-log/enrollment',
  format: 1,
  notThis: 'not-an-enrollment',
};

/** The card if valid, else ProfileError 'invalid' with the issues. */
export function parseDeviceCard(value: unknown): DeviceCard {
  const result = deviceCardSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ProfileError('invalid', 'not a valid device card', toProfileIssues(result.error));
}

/** Signs a card with the device's private signing key, which must match card.signingKey. */
export async function makeEnrollment(
  card: DeviceCard,
  devicePrivateSigningKey: CryptoKey,
): Promise<SignedEnrollment> {
  const valid = parseDeviceCard(card);
  const signature = await signValue(CONTEXT, valid, devicePrivateSigningKey);
  // Checked here so a mix-up of keys shows on the device, not later as a refusal at HQ.
  const own = keyBytes(valid.signingKey);
  if (!own || !(await verifyValue(CONTEXT, valid, signature, own))) {
    throw new ProfileError('bad-enrollment-signature', 'the key does not match card.signingKey');
  }
  return { card: valid, signature };
}

/**
 * The card, once its self-signature checks out. This proves the sender holds the card's
 * private key, not who the sender is: HQ still compares the fingerprint code with the person
 * (the signature binds the encryption key and every other field to that one code).
 */
export async function verifyEnrollment(signed: unknown): Promise<DeviceCard> {
  if (typeof signed !== 'object' || signed === null || !('card' in signed)) {
    throw new ProfileError('not-an-enrollment', 'expected { card, signature }');
  }
  const { card, signature } = signed as { card: unknown; signature?: unknown };
  const own =
    typeof card === 'object' && card !== null && 'signingKey' in card
      ? keyBytes(card.signingKey)
      : null;
  if (
    !own ||
    typeof signature !== 'string' ||
    !(await verifyValue(CONTEXT, card, signature, own))
  ) {
    throw new ProfileError('bad-enrollment-signature', 'the card is not signed by its own key');
  }
  return parseDeviceCard(card);
}

export function encodeEnrollmentFile(signed: SignedEnrollment): Uint8Array {
  return writeJsonFile(ENROLLMENT_FILE, { signature: signed.signature, card: signed.card });
}

/** Reads the file; refuses anything else with 'not-an-enrollment'. Pass it to verifyEnrollment. */
export function decodeEnrollmentFile(bytes: Uint8Array): { card: unknown; signature: unknown } {
  const file = readJsonFile(ENROLLMENT_FILE, bytes);
  if (file.card === undefined) throw new ProfileError('not-an-enrollment', 'no card in the file');
  return { card: file.card, signature: file.signature };
}
