// A real full disk for the end-to-end tests. Chromium's IndexedDB folder lives on a small
// tmpfs the test mounts (the suite runs as root in CI); "disk full" is the file system refusing
// writes because a filler file took the last byte, exactly as on a full laptop.
//
// Why not Chromium's storage quota (CDP Storage.overrideQuotaForOrigin)? In Debian's
// Chromium 156 the override has no effect on IndexedDB (estimate() and writes ignore it),
// and a quota refusal is not what a full disk does anyway: a full disk makes LevelDB fail
// with an IO error (FILE_ERROR_NO_SPACE, or "Failed to write blobs" for large values), and
// Chromium then closes the database connection. That is what these tests exercise.
import { chromium, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.ts';

export interface SmallDisk {
  context: BrowserContext;
  page: Page;
  /** Fills the file system to its last byte. */
  fill(): Promise<void>;
  /** Frees the space the filler took. */
  free(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Chromium with its IndexedDB folder on a fresh 64 MB tmpfs (mounted here, unmounted by
 * close). Only IndexedDB's folder: the rest of the profile (history, cookies, preferences)
 * writes and deletes journal and temporary files at any moment, and one deleted after the fill
 * freed pages the save under test then found (a save stored on a "full" disk in CI). The
 * database is alone on this disk, so what fills it stays full until free().
 */
export async function browserOnSmallDisk(testInfo: TestInfo): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'liaison-full-disk-'));
  const profile = join(dir, 'profile');
  const small = join(profile, 'Default', 'IndexedDB');
  await mkdir(small, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m,mode=0700', 'tmpfs', small]);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    // Not a skip: this suite needs root (as in CI) to prove what docs/database.md claims.
    throw new Error(`the full-disk tests mount a tmpfs and need root: ${String(e)}`);
  }
  const filler = join(small, 'filler');
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    execFileSync('umount', [small]);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL: testInfo.project.use.baseURL,
      acceptDownloads: true,
    });
  } catch (e) {
    await close();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async fill() {
      let handle: FileHandle | undefined;
      try {
        handle = await open(filler, 'a');
        // Big chunks, then smaller ones, until not one more byte fits.
        for (let chunk = 1 << 20; chunk >= 1; chunk >>= 2) {
          const bytes = Buffer.alloc(chunk, 1);
          for (;;) {
            const done = await handle.write(bytes).then(
              () => false,
              (e: NodeJS.ErrnoException) => {
                if (e.code !== 'ENOSPC') throw e;
                return true;
              },
            );
            if (done) break;
          }
        }
      } finally {
        await handle?.close();
      }
    },
    async free() {
      await rm(filler, { force: true });
    },
    close,
  };
}

export type DatabaseDump = Record<string, { key: unknown; value: unknown }[]>;

/**
 * Every row of every table of the app's database, read with the raw IndexedDB API (not the
 * app's code), keys included, in key order: two dumps are equal when nothing changed.
 */
export async function dumpDatabase(page: Page): Promise<DatabaseDump> {
  return page.evaluate(
    () =>
      new Promise<DatabaseDump>((resolve, reject) => {
        const request = indexedDB.open('liaison-log');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const dump: DatabaseDump = {};
          for (const name of names) {
            const store = tx.objectStore(name);
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () => {
              dump[name] = keys.result.map((key, i) => ({
                key,
                value: values.result[i] as unknown,
              }));
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(dump);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

/** The dump must name every table and hold the rows a test expects to be compared. */
export function expectSameDatabase(after: DatabaseDump, before: DatabaseDump): void {
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const table of Object.keys(before)) {
    expect(after[table], `table ${table}`).toEqual(before[table]);
  }
}
