// What the Electron suite's files share: where the app is, whether it is built, and the
// Electron executable if npm installed one (the suite skips itself, saying why, where none is).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];

export const SKIP_NO_BINARY =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): node_modules/electron has no ' +
  'executable on this machine, so the Electron suite cannot run here. The same guards are ' +
  'unit-tested in tests/unit/electron.';

/**
 * The Electron executable, or null when npm skipped its download. Read from the files the
 * electron package's installer writes (path.txt names the executable inside dist/), never by
 * requiring the package: since Electron 42 its main module downloads a missing binary, and
 * this suite must not reach the internet.
 */
export function findElectronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    if (!name && !override) return null;
    const binary = override ? join(override, name || 'electron') : join(dir, 'dist', name);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The build's files that are not there (test:e2e builds first; missing is a mistake). */
export function missingBuild(): string[] {
  return BUILT.filter((file) => !existsSync(`${ROOT}/${file}`));
}

/** Chromium's OS sandbox cannot start as root (CI containers); Electron's own stays on. */
export function launchArgs(extra: readonly string[] = []): string[] {
  return [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...extra, ROOT];
}
