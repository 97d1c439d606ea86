// The one error type the identity module throws. Every way a profile, an enrollment or an
// approval can be refused has a code; messages.ts holds the sentence for each, in en and fr.

export const IDENTITY_ERROR_CODES = [
  'not-a-profile',
  'newer-format',
  'bad-signature',
  'hq-key-changed',
  'other-network',
  'older-version',
  'same-version-different-content',
  'invalid',
  'not-an-enrollment',
  'bad-enrollment-signature',
  'key-changed',
  'device-revoked',
  'unknown-device',
] as const;
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];

/** Why a profile (or a device card) is not internally consistent; one per problem found. */
export const PROFILE_ISSUE_CODES = [
  'schema',
  'duplicate-post',
  'duplicate-lead',
  'duplicate-device',
  'duplicate-key',
  'unknown-post',
  'retired-post',
  'post-not-led',
  'lead-not-listed',
  'role-conflict',
  'role-fields',
  'hq-device-missing',
  'hq-device-mismatch',
  'demo-key',
  'revoked-key',
  'dates-order',
  /** A relay over plain http (this computer only) in a real network: demo networks only. */
  'relay-not-https',
] as const;
export type ProfileIssueCode = (typeof PROFILE_ISSUE_CODES)[number];

export interface ProfileIssue {
  /** Where, as a dotted path into the profile or card: 'devices.3.postCode'. */
  readonly path: string;
  readonly code: ProfileIssueCode;
  /** The offending value when it helps a person find it (a post code, an id). */
  readonly value?: string;
}

/**
 * A profile, enrollment or approval was refused. `message` is an English detail for logs;
 * people see the translated sentence of `code` (identity.error.<code>) instead.
 */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  readonly code: IdentityErrorCode;
  /** For 'invalid': every consistency problem found, so HQ's editor can point at each. */
  readonly issues: readonly ProfileIssue[];

  constructor(code: IdentityErrorCode, detail: string, issues: readonly ProfileIssue[] = []) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.issues = issues;
  }
}

export function isProfileError(e: unknown): e is ProfileError {
  return e instanceof ProfileError;
}

/** The i18n key of the sentence for a code, e.g. `identity.error.older-version`. */
export function identityErrorMessageKey(
  code: IdentityErrorCode,
): `identity.error.${IdentityErrorCode}` {
  return `identity.error.${code}`;
}

/** The i18n key of the sentence for a consistency issue, e.g. `identity.issue.unknown-post`. */
export function profileIssueMessageKey(
  code: ProfileIssueCode,
): `identity.issue.${ProfileIssueCode}` {
  return `identity.issue.${code}`;
}

/** Interpolation values for the sentence of an error (i18next `{{count}}` style). */
export function identityErrorMessageValues(e: ProfileError): Record<string, string | number> {
  return e.code === 'invalid' ? { count: e.issues.length } : {};
}
