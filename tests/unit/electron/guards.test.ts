import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, installWebContentsGuards } from '../../../electron/guards.main';

type OpenHandler = (details: { url: string }) => { action: string };

/** Just enough of a WebContents to fire its events; the real one needs the Electron binary. */
class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  /** Emits a navigation-like event and reports whether it was prevented. */
  attempt(event: string, url: string, isMainFrame = event !== 'will-frame-navigate'): boolean {
    let prevented = false;
    this.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function guarded() {
  const contents = new FakeContents();
  const deps = { openExternal: vi.fn<(url: string) => void>(), warn: vi.fn<(m: string) => void>() };
  installWebContentsGuards(contents as unknown as WebContents, deps);
  return { contents, ...deps };
}

describe('web contents guards', () => {
  it('lets the app move between its own pages', () => {
    const { contents, warn } = guarded();
    expect(contents.attempt('will-navigate', 'app://liaison-log/index.html#/review')).toBe(false);
    expect(contents.attempt('will-redirect', 'app://liaison-log/index.html')).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses navigation, frame navigation and redirects anywhere else', () => {
    const { contents, warn, openExternal } = guarded();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of [
        'https://evil.example/?next=app://liaison-log',
        'file:///etc/passwd',
        'javascript:alert(1)',
      ]) {
        expect(contents.attempt(event, url), `${event} ${url}`).toBe(true);
      }
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(9);
  });

  it('leaves top-frame navigation to will-navigate, so a refusal is logged once', () => {
    const { contents, warn } = guarded();
    expect(contents.attempt('will-frame-navigate', 'https://evil.example/', true)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it('logs a refused URL without its query, which may hold a person’s data', () => {
    const { contents, warn } = guarded();
    contents.attempt('will-navigate', 'https://evil.example/path?name=Jane%20Doe#frag');
    expect(warn).toHaveBeenCalledWith('[guard] refused navigation to https://evil.example/path');
  });

  it('refuses every <webview>', () => {
    const { contents } = guarded();
    expect(contents.attempt('will-attach-webview', 'app://liaison-log/')).toBe(true);
  });

  it('never opens a window, and hands no link to the OS browser (none is allowed)', () => {
    const { contents, openExternal } = guarded();
    const open = contents.openHandler;
    expect(open).not.toBeNull();
    expect(open?.({ url: 'https://www.canada.ca/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'app://liaison-log/index.html' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'smb://host/share' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'http://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every request, check and device', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (handlers.device = h),
    };
    const warn = vi.fn<(m: string) => void>();
    denyAllPermissions(session as unknown as Session, { warn });

    const callback = vi.fn<(granted: boolean) => void>();
    const request = handlers.request as (c: unknown, p: string, cb: (g: boolean) => void) => void;
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('media'));
    expect((handlers.check as () => boolean)()).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
  });
});
