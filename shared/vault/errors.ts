// The one error type the vault throws. Each way an unlock, a recovery or a field can be
// refused has a code, and each code has a sentence in both languages (messages.ts).

export const VAULT_ERROR_CODES = [
  'wrong-passphrase',
  'corrupt',
  'unsupported-version',
  'wrong-context',
  'wrong-key',
  'no-escrow',
  'weak-kdf',
  'not-a-recovery-file',
  'other-device',
  'unknown-device',
  'unsigned-request',
  'revoked-device',
  'old-escrow',
] as const;

export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

export interface VaultErrorOptions {
  /** For 'unsupported-version': the version the stored value declares. */
  version?: number;
  cause?: unknown;
}

/**
 * `message` is an English detail for logs and developers; people see the translated text of
 * `code`. It never contains a passphrase, a key or a decrypted value.
 */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly code: VaultErrorCode;
  readonly version: number | undefined;

  constructor(code: VaultErrorCode, detail: string, options: VaultErrorOptions = {}) {
    super(`${code}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.version = options.version;
  }
}

export function isVaultError(e: unknown): e is VaultError {
  return e instanceof VaultError;
}

/** The i18n key of the sentence for a code, e.g. `vault.error.wrong-passphrase`. */
export function vaultErrorMessageKey(code: VaultErrorCode): `vault.error.${VaultErrorCode}` {
  return `vault.error.${code}`;
}

/** Interpolation values for the message of an error (i18next `{{version}}` style). */
export function vaultErrorMessageValues(e: VaultError): Record<string, string | number> {
  return e.version === undefined ? {} : { version: e.version };
}
