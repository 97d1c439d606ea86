// The typed contract between the renderer and the main process: one map of channel name to
// the zod schemas of its argument and its result. The preload exposes one function per
// channel; the main process validates every argument against these schemas before acting.
import { z } from 'zod';
import { MAX_VALID_BUNDLE_FILE_BYTES } from '../bundle/file-size.ts';
import { SYNC_FAILURES } from '../remote/backoff.ts';
import { isRelayPath, isRelaySegment, relayUrl } from '../remote/relay-path.ts';

const MiB = 1024 * 1024;

/**
 * The largest file the app reads or writes through any door (dialog, folder, drop): twice
 * the largest valid bundle, rounded up to a whole MiB (65 MiB). Profiles, enrollment cards
 * and recovery files are far smaller. A larger file is refused unread.
 */
export const MAX_FILE_BYTES = Math.ceil((2 * MAX_VALID_BUNDLE_FILE_BYTES) / MiB) * MiB;
/** The most bytes one reply may carry, all its files together (one import of many files). */
export const MAX_BATCH_BYTES = 512 * MiB;
/** The caps in whole MiB, as the messages name them. */
export const MAX_FILE_MIB = MAX_FILE_BYTES / MiB;
export const MAX_BATCH_MIB = MAX_BATCH_BYTES / MiB;
/** Most files one open dialog may hand over at once. */
export const MAX_OPEN_FILES = 100;
/** Longest suggested file name, in UTF-16 code units; well inside every file system's limit. */
export const MAX_FILE_NAME_LENGTH = 200;
/** Most matching files one folder listing may name ("import all from folder"). */
export const MAX_FOLDER_FILES = 1000;
/** Longest folder label (a path) the main process hands back. */
export const MAX_FOLDER_LABEL_LENGTH = 4096;

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

/**
 * Why one file of a batch was not read; the others still are. 'batch-too-large': the files
 * before it already filled one reply's cap (MAX_BATCH_BYTES), so it was left unread.
 */
export const UNREADABLE_REASONS = [
  'not-found',
  'permission-denied',
  'too-large',
  'batch-too-large',
  'io',
] as const;
export const unreadableReasonSchema = z.enum(UNREADABLE_REASONS);
export type UnreadableReason = z.infer<typeof unreadableReasonSchema>;

/** One picked file: its bytes, or why it could not be read. */
const fileReadResultSchema = z.union([
  z.strictObject({ name: z.string(), data: fileBytesSchema }),
  z.strictObject({ name: z.string(), unreadable: unreadableReasonSchema }),
]);

/** Files read for the renderer: one entry each, in order; MAX_BATCH_BYTES per reply at most. */
const fileBatchSchema = z.strictObject({
  files: z
    .array(fileReadResultSchema)
    .max(MAX_OPEN_FILES)
    .refine(
      (files) =>
        files.reduce((sum, f) => sum + ('data' in f ? f.data.byteLength : 0), 0) <= MAX_BATCH_BYTES,
      { message: 'reply too large' },
    ),
});

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  /** Without the dot; '*' means any file. */
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/))
    .min(1)
    .max(20),
});

const filtersSchema = z.array(fileFilterSchema).max(10).optional();

/** What a remembered folder is for: where exports go, where "import all" reads. */
export const folderPurposeSchema = z.enum(['export', 'import']);
export type FolderPurpose = z.infer<typeof folderPurposeSchema>;

/**
 * A folder the main process handed out, named by an opaque id; the renderer never sends a
 * path back, only this id, and the main process looks the path up itself.
 */
export const folderIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const folderRefSchema = z.strictObject({
  id: folderIdSchema,
  /** The folder's path or name, for display only. */
  label: z.string().min(1).max(MAX_FOLDER_LABEL_LENGTH),
});

/** Most names one relay folder listing may carry. */
export const MAX_RELAY_NAMES = 10_000;

const relayPathSchema = z.string().max(1024).refine(isRelayPath, { message: 'not a relay path' });
const relaySegmentSchema = z
  .string()
  .max(300)
  .refine(isRelaySegment, { message: 'not a relay name' });

/**
 * What a relay call gives back: its value, or why it failed in the words the status strip
 * translates (and the HTTP status, when the server answered one). A failure is an answer,
 * not a thrown error, so the renderer learns exactly which one.
 */
function relayReply<T extends z.ZodType>(ok: T) {
  return z.union([
    z.strictObject({ ok }),
    z.strictObject({
      failure: z.enum(SYNC_FAILURES),
      status: z.number().int().min(100).max(599).optional(),
    }),
  ]);
}

/** Where the main process keeps the relay password: the OS secret store, or memory only. */
export const relayKeptSchema = z.enum(['os', 'session']);

const relayContract = {
  /**
   * The relay's address and this device's credentials, handed to the main process once; the
   * password never comes back. Kept with safeStorage, or for this session only where the OS
   * has no real secret store (Linux's basic_text). Without a password: the same user at a new
   * address (HQ's profile moved the relay), keeping the password kept for that user. The
   * address rule (relayUrl: https, or http to this computer) is checked here, once.
   */
  'relay:set': {
    args: z.strictObject({
      url: z
        .string()
        .max(2048)
        .refine((url) => relayUrl(url) !== null, { message: 'not a relay URL' }),
      username: z.string().min(1).max(256),
      password: z.string().min(1).max(4096).optional(),
    }),
    result: z.strictObject({ kept: relayKeptSchema }),
  },
  'relay:forget': { args: z.undefined(), result: z.strictObject({ forgotten: z.boolean() }) },
  /** A real round trip to the configured relay (PROPFIND of its folder). */
  'remote:check': { args: z.undefined(), result: relayReply(z.null()) },
  'remote:ensure-dir': {
    args: z.strictObject({ dir: relayPathSchema }),
    result: relayReply(z.null()),
  },
  'remote:list': {
    args: z.strictObject({ dir: relayPathSchema, kind: z.enum(['file', 'directory']) }),
    result: relayReply(z.array(relaySegmentSchema).max(MAX_RELAY_NAMES)),
  },
  'remote:read': {
    args: z.strictObject({ path: relayPathSchema }),
    result: relayReply(fileBytesSchema),
  },
  /** A new file: PUT under a temp name, then MOVE with Overwrite: F ('exists' when taken). */
  'remote:put-new': {
    args: z.strictObject({ dir: relayPathSchema, name: relaySegmentSchema, data: fileBytesSchema }),
    result: relayReply(z.enum(['written', 'exists'])),
  },
  'remote:remove': {
    args: z.strictObject({ path: relayPathSchema }),
    result: relayReply(z.null()),
  },
  'remote:move': {
    args: z.strictObject({ from: relayPathSchema, to: relayPathSchema }),
    result: relayReply(z.null()),
  },
} as const;

const purposeArgs = z.strictObject({ purpose: folderPurposeSchema });
const folderResult = z.strictObject({ folder: folderRefSchema.nullable() });

export const ipcContract = {
  'app:info': {
    args: z.undefined(),
    result: z.strictObject({
      name: z.string(),
      version: z.string(),
      runtime: z.string(),
    }),
  },
  /**
   * The interface language the person chose, kept for the next start: Chromium's locale
   * (date fields' order and calendar) is set from it before the app is ready.
   */
  'app:set-language': {
    args: z.strictObject({ language: z.enum(['en', 'fr']) }),
    result: z.null(),
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
    result: fileBatchSchema,
  },
  /**
   * The files the OS asked the app to open (double-click, "Open with", an e-mail
   * attachment) since the last call, read by the main process; the inbox is then empty.
   */
  'files:take-opened': { args: z.undefined(), result: fileBatchSchema },
  /** The OS folder picker; the choice is remembered for the purpose. Null when cancelled. */
  'folder:choose': { args: purposeArgs, result: folderResult },
  /** The remembered folder for the purpose, if any. */
  'folder:get': { args: purposeArgs, result: folderResult },
  'folder:forget': {
    args: purposeArgs,
    result: z.strictObject({ forgotten: z.boolean() }),
  },
  /** A new file in a handed-out folder: never overwrites, written to a temp name first. */
  'folder:write': {
    args: z.strictObject({
      folderId: folderIdSchema,
      name: safeFileNameSchema,
      data: fileBytesSchema,
    }),
    result: z.strictObject({
      /** The name it got ("bundle (2).llb" when "bundle.llb" existed). */
      name: safeFileNameSchema,
      /** Where it went, for display only. */
      location: z.string().max(MAX_FOLDER_LABEL_LENGTH + MAX_FILE_NAME_LENGTH + 1),
    }),
  },
  /**
   * The app window as printed (its print stylesheet), made into a PDF by the main process and
   * saved through the OS save dialog like 'file:save'. Saved false when the person cancelled.
   */
  'print:pdf': {
    args: z.strictObject({
      suggestedName: safeFileNameSchema.refine((name) => /\.pdf$/i.test(name), {
        message: 'not a PDF file name',
      }),
      landscape: z.boolean(),
    }),
    result: z.strictObject({
      saved: z.boolean(),
      /** Where the file went, for display only. */
      location: z.string().optional(),
    }),
  },
  /** The files directly in a handed-out folder with one of the extensions, and their sizes. */
  'folder:list': {
    args: z.strictObject({
      folderId: folderIdSchema,
      extensions: z
        .array(z.string().regex(/^[A-Za-z0-9]{1,16}$/))
        .min(1)
        .max(20),
    }),
    result: z.strictObject({
      files: z
        .array(z.strictObject({ name: safeFileNameSchema, size: z.number().int().nonnegative() }))
        .max(MAX_FOLDER_FILES),
    }),
  },
  /** One file of a handed-out folder, by bare name; one per call keeps each reply small. */
  'folder:read-file': {
    args: z.strictObject({ folderId: folderIdSchema, name: safeFileNameSchema }),
    result: z.strictObject({ name: safeFileNameSchema, data: fileBytesSchema }),
  },
  ...relayContract,
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = z.infer<IpcContract[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<IpcContract[C]['result']>;

export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

/**
 * Events the main process sends to the window, without a payload: each only says "there is
 * something to fetch", and the renderer asks for it on a channel above.
 * 'files:opened': the OS handed the app files to open; fetch them with 'files:take-opened'.
 */
export const IPC_EVENTS = ['files:opened'] as const;
export type IpcEvent = (typeof IPC_EVENTS)[number];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}
