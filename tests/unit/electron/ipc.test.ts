import { describe, expect, it, vi } from 'vitest';
import { createIpcHandler, IpcFailure, type IpcEventLike } from '../../../electron/ipc.main';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';
import { decodeIpcError } from '../../../shared/ipc/errors';
import { type FrameLike } from '../../../electron/security.main';

const appWindowContents = { id: 1 };
const otherContents = { id: 2 };
const appTop: FrameLike = { url: 'app://liaison-log/index.html', parent: null };

function event(sender: unknown, senderFrame: FrameLike | null): IpcEventLike {
  return { sender, senderFrame };
}

function setup() {
  const warn = vi.fn<(message: string) => void>();
  const deps = { isAppWebContents: (sender: unknown) => sender === appWindowContents, warn };
  const save = vi.fn((_args: unknown) =>
    Promise.resolve({ saved: true, location: '/media/usb/a.llb' }),
  );
  const handler = createIpcHandler('file:save', save, deps);
  return { warn, save, handler, deps };
}

const goodArgs = () => ({ suggestedName: 'bundle-2025-01.llb', data: new Uint8Array([1, 2, 3]) });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return decodeIpcError(error instanceof Error ? error.message : String(error));
  }
  throw new Error('expected the call to be refused');
}

describe('IPC handler gate', () => {
  it('runs the job for our window with arguments the contract accepts', async () => {
    const { handler, save, warn } = setup();
    await expect(handler(event(appWindowContents, appTop), goodArgs())).resolves.toEqual({
      saved: true,
      location: '/media/usb/a.llb',
    });
    expect(save).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses and logs a sender that is not the app window', async () => {
    const { handler, save, warn } = setup();
    expect(await codeOf(handler(event(otherContents, appTop), goodArgs()))).toBe('refused');
    expect(save).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/refused file:save: sender is not/));
  });

  it('refuses frames on another scheme or host, subframes, and vanished frames', async () => {
    const { handler, save, warn } = setup();
    const frames: (FrameLike | null)[] = [
      { url: 'file:///home/u/index.html', parent: null },
      { url: 'app://evil.example/index.html', parent: null },
      { url: 'https://evil.example/?next=app://liaison-log/', parent: null },
      { url: 'app://liaison-log/embedded.html', parent: appTop },
      null,
    ];
    for (const frame of frames) {
      expect(await codeOf(handler(event(appWindowContents, frame), goodArgs()))).toBe('refused');
    }
    expect(save).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(frames.length);
    expect(
      warn.mock.calls.every(([m]) => m.includes('file:save') && m.includes('untrusted sender')),
    ).toBe(true);
  });

  it('refuses bad arguments without logging their values', async () => {
    const { handler, save, warn } = setup();
    const bad: unknown[] = [
      undefined,
      'bundle.llb',
      { suggestedName: '../../.bashrc', data: new Uint8Array(1) },
      { suggestedName: 'a.llb', data: [1, 2, 3] },
      { suggestedName: 'a.llb', data: new Uint8Array(1), extra: true },
      {
        suggestedName: 'a.llb',
        data: new Uint8Array(1),
        filters: [{ name: 'x', extensions: ['.llb'] }],
      },
      { suggestedName: 'secret-officer-name.llb', data: 'not bytes' },
    ];
    for (const args of bad) {
      expect(await codeOf(handler(event(appWindowContents, appTop), args))).toBe('refused');
    }
    expect(save).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(bad.length);
    expect(warn.mock.calls.every(([m]) => m.includes('invalid arguments'))).toBe(true);
    expect(warn.mock.calls.some(([m]) => m.includes('secret-officer-name'))).toBe(false);
  });

  it('reports a full disk as disk-full and logs the cause', async () => {
    const { deps, warn } = setup();
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const handler = createIpcHandler('file:save', () => Promise.reject(full), deps);
    expect(await codeOf(handler(event(appWindowContents, appTop), goodArgs()))).toBe('disk-full');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ENOSPC'));
  });

  it('passes a handler-chosen failure code through', async () => {
    const { deps } = setup();
    const handler = createIpcHandler(
      'file:open',
      () => Promise.reject(new IpcFailure('too-large', `${MAX_FILE_BYTES + 1} bytes`)),
      deps,
    );
    expect(await codeOf(handler(event(appWindowContents, appTop), { multiple: false }))).toBe(
      'too-large',
    );
  });

  it('refuses to return a result outside the contract', async () => {
    const { deps, warn } = setup();
    const leaky = () =>
      Promise.resolve({ files: [{ name: 'a.llb', data: 'oops', path: '/home/u/a.llb' }] });
    // The cast stands for a job with a bug the type checker did not catch.
    const handler = createIpcHandler('file:open', leaky as never, deps);
    expect(await codeOf(handler(event(appWindowContents, appTop), { multiple: true }))).toBe(
      'failed',
    );
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('outside the contract'));
  });

  it('accepts app:info with no argument and refuses one with an argument', async () => {
    const { deps } = setup();
    const info = { name: 'Liaison Log', version: '0.1.0', runtime: 'electron 41 (linux)' };
    const handler = createIpcHandler('app:info', () => Promise.resolve(info), deps);
    await expect(handler(event(appWindowContents, appTop), undefined)).resolves.toEqual(info);
    expect(await codeOf(handler(event(appWindowContents, appTop), { anything: 1 }))).toBe(
      'refused',
    );
  });
});
