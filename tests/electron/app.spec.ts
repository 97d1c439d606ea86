// The real Electron app, driven by Playwright: the window, the guards, the bridge. Runs
// against the built app (npm run test:e2e builds first) wherever an Electron binary is
// installed, and says plainly that it was skipped where none is.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { BRIDGE_FUNCTIONS, type LiaisonLogBridge } from '../../shared/ipc/bridge';
import {
  ROOT,
  SKIP_NO_BINARY,
  findElectronBinary,
  launchArgs,
  missingBuild,
} from './electron-binary.ts';

const binary = findElectronBinary();
const missing = missingBuild();

// The list reporter shows a skipped test as a bare dash: say why once, where people look.
if (binary === null && process.env.TEST_WORKER_INDEX === undefined) {
  console.warn(`[electron suite] skipped: ${SKIP_NO_BINARY}`);
}

test.describe.configure({ mode: 'serial' });

test.describe('Electron shell', () => {
  test.skip(binary === null, SKIP_NO_BINARY);

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    // A missing build is a mistake in the run (test:e2e builds first), not a reason to skip.
    expect(missing, 'App not built: run npm run build').toEqual([]);
    // The renderer keeps Electron's own sandbox (sandbox: true, no Node) either way.
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: launchArgs(),
      cwd: ROOT,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens one window with the app title, served from app://', async () => {
    await expect(page).toHaveTitle('Liaison Log');
    expect(page.url()).toBe('app://liaison-log/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  test('gives the page no Node: require, process and module are undefined', async () => {
    const types = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return [typeof g.require, typeof g.process, typeof g.module, typeof g.Buffer];
    });
    expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('exposes window.liaisonLog with exactly the declared functions', async () => {
    const shape = await page.evaluate(() => {
      const bridge = (window as unknown as { liaisonLog: Record<string, unknown> }).liaisonLog;
      return Object.keys(bridge)
        .sort()
        .map((key) => [key, typeof bridge[key]]);
    });
    expect(shape).toEqual([...BRIDGE_FUNCTIONS].sort().map((key) => [key, 'function']));
    const info = await page.evaluate(() =>
      (
        window as unknown as { liaisonLog: { appInfo(): Promise<{ runtime: string }> } }
      ).liaisonLog.appInfo(),
    );
    expect(info.runtime).toMatch(/^electron /);
  });

  /** Resolves when the main process logs `line` (its guards log every refusal). */
  function mainLogs(line: string): Promise<unknown> {
    return app.waitForEvent('console', { predicate: (message) => message.text() === line });
  }

  test('refuses navigation away from the app', async () => {
    // A mark on the page proves the same document is still there afterwards (not reloaded).
    await page.evaluate(() => {
      (window as unknown as { stayMark: string }).stayMark = 'still here';
    });
    for (const [target, logged] of [
      ['https://example.com/', 'https://example.com/'],
      ['http://example.com/path?name=Jane', 'http://example.com/path'],
      ['file:///etc/passwd', 'file:///etc/passwd'],
    ] as const) {
      // Waits for the guard's own refusal rather than sleeping and hoping it was in time.
      const refused = mainLogs(`[guard] refused navigation to ${logged}`);
      await page.evaluate((url) => {
        window.location.href = url;
      }, target);
      await refused;
      expect(page.url(), target).toBe('app://liaison-log/index.html');
      const mark = await page.evaluate(() => (window as unknown as { stayMark?: string }).stayMark);
      expect(mark, target).toBe('still here');
    }
  });

  test('opens no new windows, and hands no link to the OS browser', async () => {
    // Records what would reach the OS browser; nothing may (EXTERNAL_ORIGINS is empty).
    await app.evaluate(({ shell }) => {
      const handed: string[] = [];
      (globalThis as unknown as { handedToOs: string[] }).handedToOs = handed;
      (shell as unknown as { openExternal: (url: string) => Promise<void> }).openExternal = (
        url,
      ) => {
        handed.push(url);
        return Promise.resolve();
      };
    });
    for (const target of [
      'app://liaison-log/index.html',
      'https://example.com/',
      'http://example.com/',
    ]) {
      const refused = mainLogs(`[guard] refused to open ${target}`);
      const opened = await page.evaluate((url) => window.open(url) === null, target);
      expect(opened, target).toBe(true);
      await refused;
    }
    expect(app.windows()).toHaveLength(1);
    const handed = await app.evaluate(
      () => (globalThis as unknown as { handedToOs: string[] }).handedToOs,
    );
    expect(handed).toEqual([]);
  });

  test('serves app:// with the CSP header and no way out of the renderer folder', async () => {
    const result = await page.evaluate(async () => {
      const index = await fetch('app://liaison-log/index.html');
      const escape = await fetch('app://liaison-log/..%2f..%2fpackage.json');
      return {
        csp: index.headers.get('content-security-policy') ?? '',
        escapeStatus: escape.status,
      };
    });
    expect(result.csp).toContain("script-src 'self'");
    expect(result.escapeStatus).toBe(404);
  });

  test('hands a file the OS opened to the page: an event, then one take', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'liaison-electron-opened-'));
    try {
      const opened = join(folder, 'opened.LLB');
      writeFileSync(opened, new Uint8Array([5, 6]));
      await page.evaluate(() => {
        const w = window as unknown as { liaisonLog: LiaisonLogBridge; openedEvents: number };
        w.openedEvents = 0;
        w.liaisonLog.onFilesOpened(() => {
          w.openedEvents += 1;
        });
      });
      // Stands in for the OS starting a second instance with the file (Windows, Linux).
      await app.evaluate(({ app: electronApp }, file) => {
        electronApp.emit('second-instance', {}, ['liaison-log', '--flag', file, 'rel.llb'], '/');
      }, opened);
      await expect
        .poll(() =>
          page.evaluate(() => (window as unknown as { openedEvents: number }).openedEvents),
        )
        .toBe(1);
      // Just launched, the app is not unlocked, so its own shell has not taken the file.
      const taken = await page.evaluate(async () => {
        const bridge = (window as unknown as { liaisonLog: LiaisonLogBridge }).liaisonLog;
        const first = await bridge.takeOpenedFiles();
        const second = await bridge.takeOpenedFiles();
        return {
          first: first.files.map((f) =>
            'data' in f ? [f.name, [...f.data]] : [f.name, f.unreadable],
          ),
          second: second.files.length,
        };
      });
      expect(taken).toEqual({ first: [['opened.LLB', [5, 6]]], second: 0 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('writes into a chosen folder: a new name instead of overwriting, never outside', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'liaison-electron-folder-'));
    try {
      writeFileSync(join(folder, 'e2e.llb'), 'older bundle');
      // Stands in for the person picking the folder in the OS dialog.
      await app.evaluate(({ dialog }, picked) => {
        (dialog as unknown as { showOpenDialog: unknown }).showOpenDialog = () =>
          Promise.resolve({ canceled: false, filePaths: [picked] });
      }, folder);
      const result = await page.evaluate(async () => {
        const bridge = (window as unknown as { liaisonLog: LiaisonLogBridge }).liaisonLog;
        const { folder: chosen } = await bridge.chooseFolder({ purpose: 'export' });
        if (!chosen) throw new Error('no folder chosen');
        const written = await bridge.writeToFolder({
          folderId: chosen.id,
          name: 'e2e.llb',
          data: new Uint8Array([1, 2, 3]),
        });
        const escape = await bridge
          .writeToFolder({ folderId: chosen.id, name: '../escape.llb', data: new Uint8Array(1) })
          .then(
            () => 'written',
            (error: unknown) => String(error),
          );
        const listed = await bridge.listFolder({ folderId: chosen.id, extensions: ['llb'] });
        await bridge.forgetFolder({ purpose: 'export' });
        return { label: chosen.label, written, escape, listed };
      });
      expect(result.label).toBe(folder);
      expect(result.written.name).toBe('e2e (2).llb');
      expect(result.escape).toContain('liaison-ipc:refused');
      expect(result.listed.files.map((f) => f.name)).toEqual(['e2e (2).llb', 'e2e.llb']);
      expect(readFileSync(join(folder, 'e2e.llb'), 'utf8')).toBe('older bundle');
      expect([...readFileSync(join(folder, 'e2e (2).llb'))]).toEqual([1, 2, 3]);
      expect(readdirSync(folder).sort()).toEqual(['e2e (2).llb', 'e2e.llb']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
