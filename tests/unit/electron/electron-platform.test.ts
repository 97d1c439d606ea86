import { describe, expect, it, vi } from 'vitest';
import {
  createElectronPlatform,
  ElectronPlatformError,
} from '../../../renderer/src/platform/electron';
import { type LiaisonLogBridge } from '../../../shared/ipc/bridge';
import { encodeIpcError } from '../../../shared/ipc/errors';

function fakeBridge(overrides: Partial<LiaisonLogBridge> = {}): LiaisonLogBridge {
  return {
    appInfo: () => Promise.resolve({ name: 'Liaison Log', version: '0.1.0', runtime: 'electron' }),
    saveFile: () => Promise.resolve({ saved: true, location: 'E:\\bundle.llb' }),
    openFiles: () => Promise.resolve({ files: [{ name: 'a.llb', data: new Uint8Array([1]) }] }),
    ...overrides,
  };
}

describe('Electron platform', () => {
  it('is the electron kind and passes app info through', async () => {
    const platform = createElectronPlatform(fakeBridge());
    expect(platform.kind).toBe('electron');
    await expect(platform.appInfo()).resolves.toEqual({
      name: 'Liaison Log',
      version: '0.1.0',
      runtime: 'electron',
    });
  });

  it('sends only the fields the contract knows, and a subarray as its own bytes', async () => {
    const saveFile = vi.fn<LiaisonLogBridge['saveFile']>(() => Promise.resolve({ saved: false }));
    const platform = createElectronPlatform(fakeBridge({ saveFile }));
    const big = new Uint8Array(1024);
    const request = {
      suggestedName: 'b.llb',
      data: big.subarray(10, 20),
      filters: [{ name: 'Bundle', extensions: ['llb'], extra: 1 }],
      somethingElse: true,
    };
    await expect(platform.saveFile(request)).resolves.toEqual({ saved: false });
    const sent = saveFile.mock.calls[0]?.[0];
    expect(sent).toEqual({
      suggestedName: 'b.llb',
      data: big.subarray(10, 20),
      filters: [{ name: 'Bundle', extensions: ['llb'] }],
    });
    expect(sent?.data.buffer.byteLength).toBe(10);
  });

  it('returns the opened files, or none when cancelled', async () => {
    const platform = createElectronPlatform(fakeBridge());
    const files = await platform.openFiles({ multiple: false });
    expect(files.map((f) => f.name)).toEqual(['a.llb']);
    const cancelled = createElectronPlatform(
      fakeBridge({ openFiles: () => Promise.resolve({ files: [] }) }),
    );
    await expect(cancelled.openFiles({ multiple: true })).resolves.toEqual([]);
  });

  it('turns a main-process failure into an error with a code the UI can translate', async () => {
    const platform = createElectronPlatform(
      fakeBridge({
        saveFile: () =>
          Promise.reject(
            new Error(
              `Error invoking remote method 'file:save': Error: ${encodeIpcError('disk-full')}`,
            ),
          ),
      }),
    );
    const error = await platform
      .saveFile({ suggestedName: 'b.llb', data: new Uint8Array(1) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElectronPlatformError);
    expect((error as ElectronPlatformError).code).toBe('disk-full');
  });
});
