// The one error type the bundle codec throws. Every way a bundle can be refused has a code,
// and every code has a sentence in both languages (messages.ts) that the app shows as is.

export const BUNDLE_ERROR_CODES = [
  'not-a-bundle',
  'unsupported-version',
  'truncated',
  'header-too-large',
  'too-many-recipients',
  'not-addressed-to-me',
  'bad-signature',
  'signer-mismatch',
  'payload-altered',
  'too-large-when-inflated',
  'too-many-changes',
  'too-many-ranges',
  'too-many-chunks',
  'too-large',
  'inflation-ratio',
  'invalid-change',
  'invalid-payload',
] as const;

export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export interface BundleErrorOptions {
  /** For 'invalid-change': the 0-based position of the first change that failed validation. */
  changeIndex?: number;
  /** For 'unsupported-version': the format version the file declares. */
  version?: number;
  /** For a cap: the limit the file went over. */
  limit?: number;
  /** For a cap: what the file declares (or, for a lying header, what it inflated to). */
  actual?: number;
  cause?: unknown;
}

/**
 * A bundle was refused (decoding) or cannot be made (encoding). `message` is an English
 * detail for logs and developers; people see the translated text of `code` instead.
 */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  readonly code: BundleErrorCode;
  readonly changeIndex: number | undefined;
  readonly version: number | undefined;
  readonly limit: number | undefined;
  readonly actual: number | undefined;

  constructor(code: BundleErrorCode, detail: string, options: BundleErrorOptions = {}) {
    super(`${code}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.changeIndex = options.changeIndex;
    this.version = options.version;
    this.limit = options.limit;
    this.actual = options.actual;
  }
}

export function isBundleError(e: unknown): e is BundleError {
  return e instanceof BundleError;
}

/** The i18n key of the sentence for a code, e.g. `bundle.error.bad-signature`. */
export function bundleErrorMessageKey(code: BundleErrorCode): `bundle.error.${BundleErrorCode}` {
  return `bundle.error.${code}`;
}

/** Interpolation values for the message of an error (i18next `{{index}}` style). */
export function bundleErrorMessageValues(e: BundleError): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (e.changeIndex !== undefined) values.index = e.changeIndex + 1;
  if (e.version !== undefined) values.version = e.version;
  if (e.limit !== undefined) values.limit = e.limit;
  if (e.actual !== undefined) values.count = e.actual;
  return values;
}
