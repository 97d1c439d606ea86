// The one error type of the platform door, on both platforms, with a code the screens turn
// into a message in the person's language (`platform.error.*`, ./messages.ts).
import { MAX_FILE_MIB } from '../../../shared/ipc/contract.ts';
import { type IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { type FileReadResult, type OpenedFile, type UnreadableReason } from './types.ts';

export const PLATFORM_ERROR_CODES = [
  /** The chosen folder is not there any more (USB stick out, share gone, forgotten). */
  'folder-gone',
  /** The OS or the browser refused access. */
  'permission-denied',
  /** No room left on the disk or stick. */
  'disk-full',
  /** The folder or medium is read-only. */
  'not-writable',
  /** The file is larger than the app accepts (MAX_FILE_BYTES, 65 MiB). */
  'too-large',
  /** A file name with a path, "..", or characters some OS forbids. */
  'invalid-name',
  /** Anything else: the details are in the log. */
  'io',
] as const;

export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];

export class PlatformError extends Error {
  readonly code: PlatformErrorCode;
  /** The file the failure is about, when there is one (the too-large one in a folder). */
  readonly fileName: string | undefined;

  constructor(code: PlatformErrorCode, options: { fileName?: string; cause?: unknown } = {}) {
    super(`Platform call failed: ${code}`, { cause: options.cause });
    this.name = 'PlatformError';
    this.code = code;
    this.fileName = options.fileName;
  }
}

const FROM_IPC: Readonly<Record<IpcErrorCode, PlatformErrorCode>> = {
  // A refused call is a bug on our side, not something the person can fix.
  refused: 'io',
  'too-large': 'too-large',
  'disk-full': 'disk-full',
  'no-access': 'permission-denied',
  'not-found': 'io',
  'folder-gone': 'folder-gone',
  'not-writable': 'not-writable',
  failed: 'io',
};

export function platformCodeForIpc(code: IpcErrorCode): PlatformErrorCode {
  return FROM_IPC[code];
}

const MESSAGE_KEYS: Readonly<Record<PlatformErrorCode, string>> = {
  'folder-gone': 'platform.error.folderGone',
  'permission-denied': 'platform.error.permissionDenied',
  'disk-full': 'platform.error.diskFull',
  'not-writable': 'platform.error.notWritable',
  'too-large': 'platform.error.tooLarge',
  'invalid-name': 'platform.error.invalidName',
  io: 'platform.error.io',
};

/**
 * The i18n key for a platform failure, or null when the error is not one. A too-large file
 * with a known name gets the message that names it (`{{name}}`: pass error.fileName).
 */
export function platformErrorMessageKey(error: unknown): string | null {
  if (!(error instanceof PlatformError)) return null;
  if (error.code === 'too-large' && error.fileName !== undefined) {
    return 'platform.error.tooLargeNamed';
  }
  return MESSAGE_KEYS[error.code];
}

/** The values the message of a platform failure names: the file, and the cap it went past. */
export function platformErrorMessageValues(error: PlatformError): Record<string, string | number> {
  return {
    ...(error.fileName === undefined ? {} : { name: error.fileName }),
    ...(error.code === 'too-large' ? { max: MAX_FILE_MIB } : {}),
  };
}

const FROM_UNREADABLE: Readonly<Record<UnreadableReason, PlatformErrorCode>> = {
  'not-found': 'io',
  'permission-denied': 'permission-denied',
  'too-large': 'too-large',
  'batch-too-large': 'too-large',
  io: 'io',
};

/**
 * The readable files of a batch, for callers that need every file they asked for (one
 * profile, one key file): the first unreadable one rejects as a PlatformError naming it.
 */
export function requireReadable(results: readonly FileReadResult[]): OpenedFile[] {
  return results.map((result) => {
    if ('data' in result) return result;
    throw new PlatformError(FROM_UNREADABLE[result.unreadable], { fileName: result.name });
  });
}
