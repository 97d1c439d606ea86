// How the exchange engine names a failure: an i18n key and its values, whatever threw
// (the bundle codec, identity checks, the vault, the database, or the engine itself), so a
// report line and a rejected promise both reach a person in their language.
import {
  BundleError,
  bundleErrorMessageKey,
  bundleErrorMessageValues,
} from '../../../../shared/bundle/errors.ts';
import {
  ProfileError,
  identityErrorMessageKey,
  identityErrorMessageValues,
} from '../../../../shared/identity/errors.ts';
import {
  VaultError,
  vaultErrorMessageKey,
  vaultErrorMessageValues,
} from '../../../../shared/vault/errors.ts';
import { DbError, toDbError } from '../errors.ts';

/** The engine's own failures; sentences in features/sync/exchange-messages.ts. */
export const EXCHANGE_ERROR_CODES = [
  /** This device has not been set up (no identity, keys or profile). */
  'no-identity',
  /** Sensitive values must be opened or sealed, and the app is locked. */
  'locked',
  /** A bundle or file of another network than this device's. */
  'other-network',
  /**
   * The demo and a real network met: a demo file on a real device, a real file on a demo
   * device, or a profile mixing the two (demo keys in a real network). Demo keys are public.
   */
  'demo-network',
  /** A receipt signed by a device that is neither HQ nor a lead of this device's post. */
  'receipt-not-trusted',
  /** A receipt addressed to other devices only (another part of a receipt split in files). */
  'receipt-for-others',
  /** A receipt whose content does not match its signer, or is not a receipt. */
  'invalid-receipt',
  /** An officer got a bundle from a device its profile does not list (import a newer profile). */
  'unknown-device',
  /** A bundle or card from a device HQ revoked (a stolen or replaced laptop). */
  'device-revoked',
  /** A bundle this device made itself. */
  'own-bundle',
  /** The file could not be read at all (empty, unreadable). */
  'cannot-read',
  /** Not a bundle, a profile file or an enrollment file. */
  'unknown-file',
  /** The disk is full: nothing was stored. */
  'disk-full',
  /** The database refused the write for another reason: nothing was stored. */
  'write-failed',
  /**
   * The database connection closed under the write (the browser closed it after an IO
   * failure, or another window upgraded the database): nothing was stored.
   */
  'connection-closed',
  /** An enrollment file on a device that does not approve devices (an officer's). */
  'not-for-role',
  /** A team lead can approve officers of its own posts only. */
  'not-your-post',
  /** At a lead: the device claims the officer id of someone the profile places elsewhere. */
  'officer-id-taken',
  /** A device already waits for approval with other keys: one of the two files is not its. */
  'pending-key-conflict',
  /** Too many devices already wait for approval here (a cap on what strangers can store). */
  'pending-full',
  /** This waiting device already has as many bundles waiting as one device may. */
  'pending-device-full',
  /** Bundles of waiting devices already take all the room set aside for them. */
  'pending-storage-full',
  /** A queued file whose import stopped (the app closed or crashed) twice: set aside. */
  'import-stopped',
  /** A device waiting for approval is not known here any more. */
  'no-such-device',
  /** The waiting device's header does not say enough to approve it (no post, no lead entry). */
  'cannot-approve',
  /** More than 64 devices would receive the file; export per post instead. */
  'too-many-recipients',
  /** Nobody to send to: the profile lists no recipient for this device. */
  'no-recipients',
  /** Exporting to a chosen folder is not available on this platform. */
  'folder-unavailable',
  /** The same bundle id with other content: a second, different file under one name. */
  'bundle-id-reused',
  /** Receipts and device approval are HQ's and team leads' work. */
  'not-allowed',
  /** Anything not foreseen; details are in the log. */
  'unexpected',
] as const;

export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number];

/** A failure of the engine, with the i18n key a screen shows (`exchange.error.<code>`). */
export class ExchangeError extends Error {
  override readonly name = 'ExchangeError';
  readonly messageKey: string;

  constructor(
    readonly code: ExchangeErrorCode,
    detail: string = code,
    readonly messageValues: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
    this.messageKey = `exchange.error.${code}`;
  }
}

export interface FailureMessage {
  errorKey: string;
  errorValues?: Record<string, string | number>;
}

const DB_CODES: Partial<Record<DbError['code'], ExchangeErrorCode>> = {
  'quota-exceeded': 'disk-full',
  locked: 'locked',
  // toDbError reads a closed connection (DatabaseClosedError) as 'blocked'.
  blocked: 'connection-closed',
};

function withValues(errorKey: string, values: Record<string, string | number>): FailureMessage {
  return Object.keys(values).length > 0 ? { errorKey, errorValues: values } : { errorKey };
}

/** The key and values a person reads for any failure. */
export function describeFailure(e: unknown): FailureMessage {
  if (e instanceof ExchangeError) return withValues(e.messageKey, e.messageValues);
  if (e instanceof BundleError)
    return withValues(bundleErrorMessageKey(e.code), bundleErrorMessageValues(e));
  if (e instanceof ProfileError)
    return withValues(identityErrorMessageKey(e.code), identityErrorMessageValues(e));
  if (e instanceof DbError)
    return { errorKey: `exchange.error.${DB_CODES[e.code] ?? 'write-failed'}` };
  if (e instanceof VaultError)
    return withValues(vaultErrorMessageKey(e.code), vaultErrorMessageValues(e));
  // A full disk reaches us as IndexedDB's QuotaExceededError, often inside Dexie's abort,
  // and a connection the browser closed as Dexie's DatabaseClosedError.
  const code = DB_CODES[toDbError(e, 'write-failed').code];
  if (code === 'disk-full' || code === 'connection-closed')
    return { errorKey: `exchange.error.${code}` };
  return { errorKey: 'exchange.error.unexpected' };
}

/** The same failure as an ExchangeError-like object a promise can reject with. */
export function asExchangeError(e: unknown): Error & { messageKey: string } {
  if (e instanceof ExchangeError) return e;
  const { errorKey, errorValues } = describeFailure(e);
  const wrapped = new ExchangeError(
    'unexpected',
    e instanceof Error ? e.message : String(e),
    errorValues ?? {},
    {
      cause: e,
    },
  );
  // The key of the real cause (bundle.error.*, identity.error.*, vault.error.*) wins.
  Object.defineProperty(wrapped, 'messageKey', { value: errorKey });
  return wrapped;
}
