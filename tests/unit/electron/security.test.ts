import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  isAllowedNavigation,
  EXTERNAL_ORIGINS,
  isSafeExternalUrl,
  isTrustedSender,
  mimeTypeFor,
  resolveAppFile,
  windowOptions,
  type FrameLike,
} from '../../../electron/security.main';

describe('window options', () => {
  const prefs = windowOptions('/app/dist/electron/preload.cjs').webPreferences ?? {};

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('loads the given preload and hides devtools unless asked', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('registers app:// as a standard secure scheme without CORS or a CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('navigation guard', () => {
  it('allows pages on the app origin', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://liaison-log/settings#top')).toBe(true);
  });

  it('refuses a foreign site that mentions the app origin in its query', () => {
    expect(isAllowedNavigation('https://evil.example/?next=app://liaison-log')).toBe(false);
    expect(isAllowedNavigation('https://evil.example/app://liaison-log/')).toBe(false);
  });

  it('refuses look-alike hosts, credentials and other schemes', () => {
    for (const url of [
      'app://liaison-log.evil.example/',
      'app://evil.example/liaison-log',
      'app://liaison-log@evil.example/',
      'app://user:pw@liaison-log/',
      'app:liaison-log/index.html',
      'file:///etc/passwd',
      'file://liaison-log/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://liaison-log/',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });
});

describe('external links', () => {
  it('hands nothing to the OS by default: the app has no external links', () => {
    expect(EXTERNAL_ORIGINS).toEqual([]);
    for (const url of [
      'https://www.cbsa-asfc.gc.ca/',
      'http://example.org/path?q=1',
      'https://evil.example/',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('hands only http(s) URLs of an allowed origin to the OS', () => {
    const allowed = ['https://www.cbsa-asfc.gc.ca'];
    expect(isSafeExternalUrl('https://www.cbsa-asfc.gc.ca/', allowed)).toBe(true);
    expect(isSafeExternalUrl('https://www.cbsa-asfc.gc.ca/en/page?q=1#top', allowed)).toBe(true);
    for (const url of [
      'http://www.cbsa-asfc.gc.ca/',
      'https://www.cbsa-asfc.gc.ca:8443/',
      'https://www.cbsa-asfc.gc.ca.evil.example/',
      'https://evil.example/?next=https://www.cbsa-asfc.gc.ca/',
      'https://evil.example/https://www.cbsa-asfc.gc.ca',
    ]) {
      expect(isSafeExternalUrl(url, allowed), url).toBe(false);
    }
  });

  it('refuses every other scheme and credentials in the URL, even on an allowed origin', () => {
    const allowed = ['https://example.org', 'http://example.org'];
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:someone@example.org',
      'app://liaison-log/index.html',
      'https://user:secret@example.org/',
      'https:',
      'https://',
      'htps://example.org',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url, allowed), url).toBe(false);
    }
  });
});

describe('app:// file resolution', () => {
  const root = path.resolve('/srv/app/dist/renderer');

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://liaison-log/index.html')).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveAppFile(root, 'app://liaison-log/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(root, 'app://liaison-log/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://liaison-log/fonts/My%20Font.woff2')).toBe(
      path.join(root, 'fonts', 'My Font.woff2'),
    );
  });

  it('never leaves the renderer folder', () => {
    for (const url of [
      'app://liaison-log/../../etc/passwd',
      'app://liaison-log/%2e%2e/%2e%2e/etc/passwd',
      'app://liaison-log/%2E%2E/%2E%2E/etc/passwd',
      'app://liaison-log/..%2f..%2fetc%2fpasswd',
      'app://liaison-log/assets/..%2f..%2f..%2fetc/passwd',
      'app://liaison-log/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const resolved = resolveAppFile(root, url);
      if (resolved !== null) {
        // The URL parser already collapsed the dots: what is left must stay inside.
        expect(path.relative(root, resolved).startsWith('..'), url).toBe(false);
        expect(resolved.startsWith(root + path.sep), url).toBe(true);
      }
    }
    expect(resolveAppFile(root, 'app://liaison-log/..%2f..%2fetc%2fpasswd')).toBeNull();
  });

  it('treats an absolute-looking path as relative to the renderer folder', () => {
    expect(resolveAppFile(root, 'app://liaison-log//etc/passwd')).toBe(
      path.join(root, 'etc', 'passwd'),
    );
    expect(resolveAppFile(root, 'app://liaison-log/%2Fetc%2Fpasswd')).toBe(
      path.join(root, 'etc', 'passwd'),
    );
  });

  it('refuses other origins, NUL bytes and broken escapes', () => {
    expect(resolveAppFile(root, 'app://evil.example/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///srv/app/dist/renderer/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://liaison-log/index.html%00.png')).toBeNull();
    expect(resolveAppFile(root, 'app://liaison-log/%E0%A4%A')).toBeNull();
  });

  it('applies Windows rules: backslashes, drive letters and UNC paths stay out', () => {
    const winRoot = 'C:\\Program Files\\Liaison Log\\resources\\app.asar\\dist\\renderer';
    const win = path.win32;
    expect(resolveAppFile(winRoot, 'app://liaison-log/assets/a.js', win)).toBe(
      `${winRoot}\\assets\\a.js`,
    );
    for (const url of [
      'app://liaison-log/..%5c..%5c..%5cWindows%5cwin.ini',
      'app://liaison-log/assets%5c..%5c..%5c..%5csecret.txt',
      'app://liaison-log/C:%5cWindows%5cwin.ini',
      'app://liaison-log/C:/Windows/win.ini',
      'app://liaison-log/D:secret.txt',
    ]) {
      expect(resolveAppFile(winRoot, url, win), url).toBeNull();
    }
    // A UNC-looking path loses its leading separators and stays inside.
    expect(resolveAppFile(winRoot, 'app://liaison-log/%5c%5cserver%5cshare%5cx', win)).toBe(
      `${winRoot}\\server\\share\\x`,
    );
  });
});

describe('IPC sender check', () => {
  const top = (url: string): FrameLike => ({ url, parent: null });

  it('trusts the top frame of an app:// page', () => {
    expect(isTrustedSender(top('app://liaison-log/index.html'))).toBe(true);
  });

  it('refuses other schemes, other hosts, subframes and missing frames', () => {
    expect(isTrustedSender(top('file:///index.html'))).toBe(false);
    expect(isTrustedSender(top('https://liaison-log/index.html'))).toBe(false);
    expect(isTrustedSender(top('app://evil.example/index.html'))).toBe(false);
    expect(isTrustedSender(top('https://evil.example/?next=app://liaison-log/'))).toBe(false);
    expect(
      isTrustedSender({ url: 'app://liaison-log/frame.html', parent: top(APP_ENTRY_URL) }),
    ).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('content types', () => {
  it('names the types the renderer build produces and never lets the browser guess', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/assets/worker.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/module.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('/x.d/README')).toBe('application/octet-stream');
    expect(mimeTypeFor('C:\\x.d\\LICENSE')).toBe('application/octet-stream');
  });
});
