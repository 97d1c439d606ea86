// What the packaged app and a newcomer's install depend on, checked from the files that
// decide them: Electron's fuses in the electron-builder config, Blink features never turned
// on, and npm's install-script approvals in package.json.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../electron/security.main';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
}
const config = require(path.join(ROOT, 'build/electron-builder.config.cjs')) as BuilderConfig;

interface PackageJson {
  engines?: { node?: string };
  allowScripts?: Record<string, boolean>;
  devDependencies?: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** The secure value of each fuse: on for the ones that protect, off for the ones that open. */
const SECURE: Record<string, boolean> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|cjs|js)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the packaged app', () => {
  it('ships inside an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it('sets every fuse the installed Electron tooling knows, each to its secure value', () => {
    // Names from @electron/fuses itself, so a fuse added by a later Electron fails here
    // until someone decides its value.
    const known = Object.keys(FuseV1Options)
      .filter((k) => Number.isNaN(Number(k)))
      .map((k) => k[0]!.toLowerCase() + k.slice(1));
    expect(known.length).toBeGreaterThanOrEqual(8);
    for (const name of known) {
      expect(SECURE, `no secure value decided for fuse ${name}`).toHaveProperty(name);
      expect(config.electronFuses?.[name], `fuse ${name}`).toBe(SECURE[name]);
    }
  });

  it('never turns on Blink or experimental features, in the window or anywhere in the shell', () => {
    const prefs = windowOptions('/p.cjs').webPreferences ?? {};
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.experimentalFeatures).toBe(false);
    const offenders = [
      ...sourceFiles(path.join(ROOT, 'electron')),
      ...sourceFiles(path.join(ROOT, 'build')),
    ]
      .filter((file) =>
        /enableBlinkFeatures|experimentalFeatures:\s*true/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});

describe("a newcomer's install", () => {
  it('lets Electron fetch its binary and esbuild its native build, and nothing else', () => {
    expect(pkg.allowScripts).toEqual({
      electron: true,
      esbuild: true,
      // Squirrel.Windows tooling: we build NSIS installers, so its 7-Zip picker never runs.
      'electron-winstaller': false,
    });
  });

  it('uses a supported Electron major', () => {
    // Electron supports its three newest majors; 45 was the newest when this was written.
    const major = Number(/(\d+)/.exec(pkg.devDependencies?.electron ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(45);
  });

  it('states the Node version the install and the tests are run on', () => {
    expect(pkg.engines?.node).toBe('>=20.19');
  });
});
