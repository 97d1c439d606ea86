// File-name rules both platforms follow inside a chosen folder: which free name a new file
// takes ("bundle (2).llb"), the temporary name it is written under first, and which entries
// an "import all from folder" picks up. Pure, so Electron, the browser and tests agree.
import { IMPORT_FILE_EXTENSIONS } from '../bundle/file-name.ts';
import { isSafeFileName, MAX_FILE_NAME_LENGTH } from './contract.ts';

/**
 * The only files the folder channels list, read or write: the app's own (bundles and
 * receipts, network profiles, enrollment cards). A chosen folder is often a whole USB stick
 * or a synced share; page code gets no way to read a person's other files from it, or to
 * drop an `autorun.inf` or an `.exe` into it.
 */
export const FOLDER_FILE_EXTENSIONS: readonly string[] = IMPORT_FILE_EXTENSIONS;

/** True for a name the folder channels may touch: one of FOLDER_FILE_EXTENSIONS, any case. */
export function isAppFileName(name: string): boolean {
  return hasExtension(name, FOLDER_FILE_EXTENSIONS);
}

/** How many numbered names to try before giving up: a folder with 1000 copies is a mistake. */
export const MAX_NAME_ATTEMPTS = 1000;

/** "bundle.llb" -> { stem: "bundle", ext: ".llb" }; a leading dot is part of the stem. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), ext: name.slice(dot) } : { stem: name, ext: '' };
}

/**
 * The n-th name for a file whose name is taken: "bundle (2).llb". The stem is shortened when
 * the number would push the name past the length every platform accepts.
 */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const { stem, ext } = splitExtension(name);
  const suffix = ` (${n})`;
  const room = MAX_FILE_NAME_LENGTH - suffix.length - ext.length;
  // Trimming can leave a trailing space or dot on the stem; the suffix follows, so the
  // whole name still ends in ")" plus the extension.
  return `${stem.slice(0, Math.max(1, room))}${suffix}${ext}`;
}

/** The names to try, in order: the name itself, then "name (2)", "name (3)"... */
export function* candidateNames(name: string, max = MAX_NAME_ATTEMPTS): Generator<string> {
  for (let n = 1; n <= max; n += 1) yield numberedName(name, n);
}

/**
 * The name a file is written under before it is renamed into place. It ends in ".part", so
 * no reader that filters by extension takes a half-written file for a bundle, and it is cut
 * to the same length limit as any other name the app writes.
 */
export function tempNameFor(name: string, suffix: string): string {
  const tail = `.${suffix}.part`;
  return `${name.slice(0, Math.max(1, MAX_FILE_NAME_LENGTH - tail.length))}${tail}`;
}

/** ['.LLB', 'llb'] -> ['llb']: extensions without the dot, lower case, once each. */
export function normalizeExtensions(extensions: readonly string[]): string[] {
  return [...new Set(extensions.map((e) => e.replace(/^\./, '').toLowerCase()))].filter(
    (e) => e !== '',
  );
}

/** True when the name ends in one of the extensions (given without the dot), any case. */
export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const { ext } = splitExtension(name);
  if (ext === '') return false;
  const lower = ext.slice(1).toLowerCase();
  return normalizeExtensions(extensions).includes(lower);
}

/**
 * True for an entry "import all from folder" should read: one of the extensions asked for
 * that is also one of the app's own (FOLDER_FILE_EXTENSIONS), a name the IPC contract
 * accepts, and not hidden. Hidden names are skipped on purpose: macOS leaves
 * "._bundle.llb" resource forks on FAT USB sticks, and they are not bundles.
 */
export function isListedFile(name: string, extensions: readonly string[]): boolean {
  return (
    !name.startsWith('.') &&
    isSafeFileName(name) &&
    hasExtension(name, extensions) &&
    isAppFileName(name)
  );
}

/** Names in a stable order, the same on every OS and in every language. */
export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
