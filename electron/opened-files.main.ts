// Files the OS asks the app to open (double-click, "Open with", an e-mail attachment): which
// command-line or open-file paths to accept, and the inbox that holds what was read until the
// renderer takes it over the 'files:take-opened' channel. Pure over fs and path for tests.
import nodePath from 'node:path';
import { IMPORT_FILE_EXTENSIONS } from '../shared/bundle/file-name';
import { MAX_BATCH_BYTES, MAX_OPEN_FILES } from '../shared/ipc/contract';
import { hasExtension } from '../shared/ipc/file-names';
import { readLocalFiles, type OpenResult, type ReadFilesOptions } from './file-handlers.main';

/** The extensions the packaged app registers (build/electron-builder.config.cjs). */
export const OPENED_FILE_EXTENSIONS = IMPORT_FILE_EXTENSIONS;

type PathApi = Pick<typeof nodePath.posix, 'isAbsolute' | 'basename' | 'normalize'>;

export interface OpenedPathRules {
  /** The executable and the app's own path: never files to open. */
  ownPaths: readonly string[];
  /** The OS's path rules; the running OS's by default (tests pass win32 or posix). */
  path?: PathApi;
  /** Paths that name the same file compare equal after this (lower case on Windows). */
  caseInsensitive?: boolean;
}

// Windows device namespace (\\.\pipe\..., \\.\COM1) and \\?\ paths other than a drive or a
// share: not files a file manager hands over, and reading one could block or touch a device.
const WINDOWS_DEVICE_PATH = /^[\\/]{2}[.?][\\/](?![A-Za-z]:[\\/]|UNC[\\/])/i;

/** What two paths naming the same file have in common, for de-duplication. */
export function openedPathKey(
  p: string,
  rules: Pick<OpenedPathRules, 'path' | 'caseInsensitive'>,
): string {
  const normal = (rules.path ?? nodePath).normalize(p);
  return rules.caseInsensitive ? normal.toLowerCase() : normal;
}

/**
 * The paths in an argument list (process.argv, a second instance's argv, open-file events)
 * that name one of our files: absolute, with one of the extensions (any case), not a flag,
 * not the app itself; each once, in order, at most `limit` (MAX_OPEN_FILES by default).
 */
export function openedFilePaths(
  args: readonly string[],
  rules: OpenedPathRules,
  limit: number = MAX_OPEN_FILES,
): string[] {
  const path = rules.path ?? nodePath;
  const key = (p: string): string => openedPathKey(p, rules);
  const own = new Set(rules.ownPaths.map(key));
  const seen = new Set<string>();
  const accepted: string[] = [];
  for (const arg of args) {
    if (accepted.length >= limit) break;
    if (typeof arg !== 'string' || arg.length === 0 || arg.length > 4096) continue;
    // Flags: Chromium's --switches, macOS's -psn_ process serial number.
    if (arg.startsWith('-') || arg.includes('\0')) continue;
    if (!path.isAbsolute(arg) || WINDOWS_DEVICE_PATH.test(arg)) continue;
    if (!hasExtension(path.basename(arg), OPENED_FILE_EXTENSIONS)) continue;
    const id = key(arg);
    if (own.has(id) || seen.has(id)) continue;
    seen.add(id);
    accepted.push(arg);
  }
  return accepted;
}

export interface OpenedFilesInboxDeps extends Pick<ReadFilesOptions, 'fs'> {
  /** Called once a batch has landed in the inbox (main.ts tells the window). */
  notify(): void;
  warn?: (message: string) => void;
  /** Bytes the inbox holds at most; one reply's cap (MAX_BATCH_BYTES), smaller in tests. */
  capacity?: number;
}

interface Held {
  key: string;
  result: OpenResult;
}

/**
 * What the OS opened and the renderer has not taken yet. It holds at most one reply's worth
 * (MAX_OPEN_FILES files, MAX_BATCH_BYTES of bytes): the person opened these on purpose, so
 * they wait here through a locked screen, but never pile up without bound.
 */
export class OpenedFilesInbox {
  private held: Held[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: OpenedFilesInboxDeps) {}

  /**
   * Reads the paths (already filtered by openedFilePaths) into the inbox, one after the
   * other with earlier batches, then notifies. A path already waiting is not read twice.
   */
  add(paths: readonly string[], keyOf: (p: string) => string = (p) => p): Promise<void> {
    const next = this.queue.then(() => this.read(paths, keyOf));
    // A failed batch (it should not: reading never rejects) must not stop later ones.
    this.queue = next.catch((error: unknown) => {
      this.deps.warn?.(
        `[open] could not read opened files: ${error instanceof Error ? error.name : 'error'}`,
      );
    });
    return this.queue;
  }

  /** Everything waiting, in the order it arrived; the inbox is empty afterwards. */
  take(): OpenResult[] {
    const results = this.held.map((h) => h.result);
    this.held = [];
    return results;
  }

  get size(): number {
    return this.held.length;
  }

  private async read(paths: readonly string[], keyOf: (p: string) => string): Promise<void> {
    const waiting = new Set(this.held.map((h) => h.key));
    const fresh = paths.filter((p) => !waiting.has(keyOf(p)));
    const space = MAX_OPEN_FILES - this.held.length;
    if (fresh.length > space) {
      this.deps.warn?.(`[open] ${fresh.length - space} opened file(s) left out: too many at once`);
    }
    const chosen = fresh.slice(0, Math.max(0, space));
    if (chosen.length === 0) return;
    const used = this.held.reduce(
      (sum, h) => sum + ('data' in h.result ? h.result.data.byteLength : 0),
      0,
    );
    const results = await readLocalFiles(chosen, {
      ...(this.deps.fs ? { fs: this.deps.fs } : {}),
      ...(this.deps.warn ? { warn: this.deps.warn } : {}),
      room: (this.deps.capacity ?? MAX_BATCH_BYTES) - used,
    });
    chosen.forEach((p, i) => {
      const result = results[i];
      if (result) this.held.push({ key: keyOf(p), result });
    });
    this.deps.notify();
  }
}
