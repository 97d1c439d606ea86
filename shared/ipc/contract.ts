// The typed contract between the renderer and the main process: one map of channel name to
// the zod schemas of its argument and its result. The preload exposes one function per
// channel; the main process validates every argument against these schemas before acting.
import { z } from 'zod';

/** The largest file the app will write or read through a dialog: a bundle, never a disk image. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Most files one open dialog may hand over at once. */
export const MAX_OPEN_FILES = 100;
/** Longest suggested file name, in UTF-16 code units; well inside every file system's limit. */
export const MAX_FILE_NAME_LENGTH = 200;

// Windows refuses these as base names whatever the extension ("CON.llb" is the console).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Path separators, characters Windows forbids, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[/\\<>:"|?*\u0000-\u001f\u007f]/;

/**
 * True for a bare file name that is safe on every desktop OS: no directory part, no
 * reserved or control characters, not "." or "..", no trailing dot or space (Windows drops
 * them silently), not a Windows device name.
 */
export function isSafeFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_FILE_NAME_LENGTH &&
    name.trim() === name &&
    !FORBIDDEN_CHARS.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !name.endsWith('.') &&
    !WINDOWS_RESERVED.test(name)
  );
}

export const safeFileNameSchema = z
  .string()
  .max(MAX_FILE_NAME_LENGTH)
  .refine(isSafeFileName, { message: 'not a safe file name' });

// z.custom rather than z.instanceof: the latter would narrow the type to
// Uint8Array<ArrayBuffer>, and callers hold plain Uint8Array (any backing buffer).
const fileBytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected bytes' })
  .refine((data) => data.byteLength <= MAX_FILE_BYTES, { message: 'file too large' });

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  /** Without the dot; '*' means any file. */
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/))
    .min(1)
    .max(20),
});

const filtersSchema = z.array(fileFilterSchema).max(10).optional();

export const ipcContract = {
  'app:info': {
    args: z.undefined(),
    result: z.strictObject({
      name: z.string(),
      version: z.string(),
      runtime: z.string(),
    }),
  },
  'file:save': {
    args: z.strictObject({
      suggestedName: safeFileNameSchema,
      data: fileBytesSchema,
      filters: filtersSchema,
    }),
    result: z.strictObject({
      /** False when the person cancelled the dialog. */
      saved: z.boolean(),
      /** Where the file went, for display only. */
      location: z.string().optional(),
    }),
  },
  'file:open': {
    args: z.strictObject({
      multiple: z.boolean(),
      filters: filtersSchema,
    }),
    result: z.strictObject({
      files: z
        .array(z.strictObject({ name: z.string(), data: fileBytesSchema }))
        .max(MAX_OPEN_FILES),
    }),
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = z.infer<IpcContract[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<IpcContract[C]['result']>;

export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}
