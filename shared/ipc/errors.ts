// How a failed IPC call tells the renderer what went wrong. Electron passes only an error's
// message across the bridge, so the main process sends a short code in a fixed form and the
// renderer turns it back into something it can translate; details stay in the main log.

export const IPC_ERROR_CODES = [
  /** The sender or the arguments were refused. */
  'refused',
  /** The file is larger than the app accepts. */
  'too-large',
  /** The disk (or USB stick) is full. */
  'disk-full',
  /** The OS refused access: permissions, a read-only medium. */
  'no-access',
  /** The file vanished between the dialog and the read. */
  'not-found',
  /** A remembered folder is no longer there (USB stick out, share gone) or was forgotten. */
  'folder-gone',
  /** The medium is read-only (a locked USB stick, a CD). */
  'not-writable',
  /** Anything else. */
  'failed',
] as const;

export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

const PREFIX = 'liaison-ipc:';

export function encodeIpcError(code: IpcErrorCode): string {
  return `${PREFIX}${code}`;
}

/**
 * Finds the code in a rejected call's message. Electron wraps it as
 * "Error invoking remote method 'file:save': Error: liaison-ipc:disk-full", so search for
 * the marker and read one token after it; anything unrecognised is 'failed'.
 */
export function decodeIpcError(message: string): IpcErrorCode {
  const at = message.lastIndexOf(PREFIX);
  if (at < 0) return 'failed';
  const token = /^[a-z-]+/.exec(message.slice(at + PREFIX.length))?.[0] ?? '';
  return (IPC_ERROR_CODES as readonly string[]).includes(token)
    ? (token as IpcErrorCode)
    : 'failed';
}

const ERRNO_CODES: Readonly<Record<string, IpcErrorCode>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EACCES: 'no-access',
  EPERM: 'no-access',
  EROFS: 'not-writable',
  EBUSY: 'no-access',
  ENOENT: 'not-found',
  EFBIG: 'too-large',
};

/** Maps a Node file-system errno code ('ENOSPC') to the code the renderer understands. */
export function ipcErrorCodeForErrno(errno: string | undefined): IpcErrorCode {
  return (errno !== undefined ? ERRNO_CODES[errno] : undefined) ?? 'failed';
}

/** The errno code ('ENOENT') of a Node error, if it has one. */
export function errnoOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}
