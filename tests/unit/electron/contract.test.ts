import { describe, expect, it } from 'vitest';
import {
  IPC_CHANNELS,
  IPC_EVENTS,
  MAX_BATCH_BYTES,
  MAX_FILE_BYTES,
  MAX_OPEN_FILES,
  MAX_FILE_NAME_LENGTH,
  ipcContract,
  isIpcChannel,
  isSafeFileName,
} from '../../../shared/ipc/contract';
import {
  BRIDGE_CHANNELS,
  BRIDGE_EVENTS,
  BRIDGE_FUNCTIONS,
  BRIDGE_KEY,
} from '../../../shared/ipc/bridge';
import { MAX_VALID_BUNDLE_FILE_BYTES } from '../../../shared/bundle/file-size';
import { MAX_JSON_FILE_BYTES } from '../../../shared/identity/json-file';

const MiB = 1024 * 1024;
import {
  IPC_ERROR_CODES,
  decodeIpcError,
  encodeIpcError,
  ipcErrorCodeForErrno,
} from '../../../shared/ipc/errors';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/csp';
import { CONTENT_SECURITY_POLICY as RENDERER_CSP } from '../../../renderer/vite.config';

const save = ipcContract['file:save'].args;
const open = ipcContract['file:open'].args;

describe('IPC contract', () => {
  it('declares each channel once, each with one bridge function', () => {
    expect([...IPC_CHANNELS].sort()).toEqual([
      'app:info',
      'app:set-language',
      'file:open',
      'file:save',
      'files:take-opened',
      'folder:choose',
      'folder:forget',
      'folder:get',
      'folder:list',
      'folder:read-file',
      'folder:write',
      'print:pdf',
      'relay:forget',
      'relay:set',
      'remote:check',
      'remote:ensure-dir',
      'remote:list',
      'remote:move',
      'remote:put-new',
      'remote:read',
      'remote:remove',
    ]);
    expect(Object.values(BRIDGE_CHANNELS).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(Object.keys(BRIDGE_CHANNELS).sort()).toEqual([
      'appInfo',
      'chooseFolder',
      'forgetFolder',
      'forgetRelay',
      'getFolder',
      'listFolder',
      'openFiles',
      'printToPdf',
      'readFolderFile',
      'remoteCheck',
      'remoteEnsureDir',
      'remoteList',
      'remoteMove',
      'remotePutNew',
      'remoteRead',
      'remoteRemove',
      'saveFile',
      'setLanguage',
      'setRelay',
      'takeOpenedFiles',
      'writeToFolder',
    ]);
    expect(IPC_EVENTS).toEqual(['files:opened']);
    expect(BRIDGE_EVENTS).toEqual({ onFilesOpened: 'files:opened' });
    expect([...BRIDGE_FUNCTIONS].sort()).toEqual(
      [...Object.keys(BRIDGE_CHANNELS), 'onFilesOpened'].sort(),
    );
    expect(BRIDGE_KEY).toBe('liaisonLog');
    expect(isIpcChannel('file:save')).toBe(true);
    expect(isIpcChannel('toString')).toBe(false);
    expect(isIpcChannel(42)).toBe(false);
  });

  it('accepts a save request with a plain file name and filters', () => {
    const ok = save.safeParse({
      suggestedName: 'Liaison bundle 2025-03-01.llb',
      data: new Uint8Array(16),
      filters: [{ name: 'Liaison Log bundle', extensions: ['llb'] }],
    });
    expect(ok.success).toBe(true);
  });

  it('refuses file names that are paths, reserved, oversized or odd', () => {
    for (const name of [
      '',
      '.',
      '..',
      '../bundle.llb',
      'dir/bundle.llb',
      'dir\\bundle.llb',
      'C:bundle.llb',
      'bundle?.llb',
      'bundle\u0000.llb',
      'bundle\n.llb',
      ' bundle.llb',
      'bundle.llb.',
      'CON',
      'nul.llb',
      'com1.txt',
      'x'.repeat(MAX_FILE_NAME_LENGTH + 1),
    ]) {
      expect(isSafeFileName(name), JSON.stringify(name)).toBe(false);
      expect(save.safeParse({ suggestedName: name, data: new Uint8Array(1) }).success).toBe(false);
    }
    expect(isSafeFileName('x'.repeat(MAX_FILE_NAME_LENGTH))).toBe(true);
    expect(isSafeFileName('Rapport d’activité — été.llb')).toBe(true);
  });

  it('refuses wrong types and unknown fields', () => {
    const bad: unknown[] = [
      null,
      { suggestedName: 7, data: new Uint8Array(1) },
      { suggestedName: 'a.llb', data: new ArrayBuffer(1) },
      { suggestedName: 'a.llb', data: Array.from({ length: 4 }, () => 0) },
      { suggestedName: 'a.llb', data: new Uint8Array(1), path: '/etc/passwd' },
      { suggestedName: 'a.llb', data: new Uint8Array(1), filters: [{ name: 'x', extensions: [] }] },
      {
        suggestedName: 'a.llb',
        data: new Uint8Array(1),
        filters: [{ name: 'x', extensions: ['../x'] }],
      },
    ];
    for (const args of bad) expect(save.safeParse(args).success).toBe(false);
    expect(open.safeParse({ multiple: 'yes' }).success).toBe(false);
    expect(open.safeParse({}).success).toBe(false);
    expect(
      open.safeParse({ multiple: true, filters: [{ name: 'All', extensions: ['*'] }] }).success,
    ).toBe(true);
    expect(ipcContract['app:info'].args.safeParse(undefined).success).toBe(true);
    expect(ipcContract['app:info'].args.safeParse({}).success).toBe(false);
    const language = ipcContract['app:set-language'].args;
    expect(language.safeParse({ language: 'fr' }).success).toBe(true);
    for (const bad of [{ language: 'de' }, { language: 'fr', extra: 1 }, 'fr', undefined]) {
      expect(language.safeParse(bad).success).toBe(false);
    }
  });

  it('caps the bytes one call may carry', () => {
    // A view with a fake length: allocating 512 MiB in a unit test would be wasteful.
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_FILE_BYTES + 1 });
    expect(save.safeParse({ suggestedName: 'a.llb', data: huge }).success).toBe(false);
    const result = ipcContract['file:open'].result;
    expect(result.safeParse({ files: [{ name: 'a.llb', data: huge }] }).success).toBe(false);
    // Each file at the per-file cap, together over the batch cap: one reply never carries more.
    const atCap = new Uint8Array(1);
    Object.defineProperty(atCap, 'byteLength', { value: MAX_FILE_BYTES });
    const fit = Math.floor(MAX_BATCH_BYTES / MAX_FILE_BYTES);
    const files = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `${i}.llb`, data: atCap }));
    expect(result.safeParse({ files: files(fit) }).success).toBe(true);
    expect(result.safeParse({ files: files(fit + 1) }).success).toBe(false);
  });

  it('sizes the per-file cap from the bundle caps: every valid file fits, with room to spare', () => {
    // The largest valid bundle (about 32.1 MiB) twice over, rounded up: 65 MiB, not 512.
    expect(MAX_VALID_BUNDLE_FILE_BYTES).toBeGreaterThan(32 * MiB);
    expect(MAX_VALID_BUNDLE_FILE_BYTES).toBeLessThan(33 * MiB);
    expect(MAX_FILE_BYTES).toBe(65 * MiB);
    expect(MAX_FILE_BYTES).toBeGreaterThanOrEqual(2 * MAX_VALID_BUNDLE_FILE_BYTES);
    // Profiles and enrollment cards are JSON files of at most 5 MiB.
    expect(MAX_FILE_BYTES).toBeGreaterThan(MAX_JSON_FILE_BYTES);
    expect(MAX_BATCH_BYTES).toBeGreaterThan(MAX_FILE_BYTES);
  });

  it('answers the open dialog with one result per file: bytes, or a known reason', () => {
    const result = ipcContract['file:open'].result;
    const files = [
      { name: 'a.llb', data: new Uint8Array([1]) },
      { name: 'gone.llb', unreadable: 'not-found' },
      { name: 'huge.llb', unreadable: 'too-large' },
    ];
    expect(result.safeParse({ files }).success).toBe(true);
    expect(result.safeParse({ files: [{ name: 'x', unreadable: 'made-up' }] }).success).toBe(false);
    expect(
      result.safeParse({ files: [{ name: 'x', data: new Uint8Array(1), unreadable: 'io' }] })
        .success,
    ).toBe(false);
  });

  it('hands over opened files in the same shape and caps, and takes no argument', () => {
    const take = ipcContract['files:take-opened'];
    expect(take.args.safeParse(undefined).success).toBe(true);
    // The renderer names no path: any argument at all is refused.
    expect(take.args.safeParse({ path: '/etc/passwd' }).success).toBe(false);
    expect(take.args.safeParse('/home/officer/a.llb').success).toBe(false);
    const files = [
      { name: 'a.llb', data: new Uint8Array([1]) },
      { name: 'b.llprofile', unreadable: 'permission-denied' },
    ];
    expect(take.result.safeParse({ files }).success).toBe(true);
    const many = Array.from({ length: MAX_OPEN_FILES + 1 }, (_, i) => ({
      name: `${i}.llb`,
      unreadable: 'io',
    }));
    expect(take.result.safeParse({ files: many }).success).toBe(false);
    expect(
      take.result.safeParse({ files: [{ name: 'a.llb', data: new Uint8Array(1), path: '/x' }] })
        .success,
    ).toBe(false);
  });
});

describe('IPC error codes', () => {
  it('survive the way Electron wraps a rejected invoke', () => {
    for (const code of IPC_ERROR_CODES) {
      const wrapped = `Error invoking remote method 'file:save': Error: ${encodeIpcError(code)}`;
      expect(decodeIpcError(wrapped)).toBe(code);
    }
    expect(decodeIpcError('something else entirely')).toBe('failed');
    expect(decodeIpcError('liaison-ipc:made-up')).toBe('failed');
  });

  it('map file-system errors to what a person can act on', () => {
    expect(ipcErrorCodeForErrno('ENOSPC')).toBe('disk-full');
    expect(ipcErrorCodeForErrno('EROFS')).toBe('not-writable');
    expect(ipcErrorCodeForErrno('EACCES')).toBe('no-access');
    expect(ipcErrorCodeForErrno('ENOENT')).toBe('not-found');
    expect(ipcErrorCodeForErrno('EWHATEVER')).toBe('failed');
    expect(ipcErrorCodeForErrno(undefined)).toBe('failed');
  });
});

describe('Content-Security-Policy', () => {
  it('is the same in the renderer build and the app:// header', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(RENDERER_CSP);
  });

  it('allows no inline or remote script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
