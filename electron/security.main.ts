// The security decisions of the main process as small pure functions: window options, which
// URLs may be navigated to or opened outside, which app:// files may be served, which frames
// may call IPC. main.ts wires them to Electron; tests run them in plain Node.
import nodePath from 'node:path';
// `import type`, not an inline type import: under verbatimModuleSyntax an inline one leaves
// `import 'electron'` behind, and loading electron outside Electron throws.
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'liaison-log';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the app:// scheme. Standard and secure give it a real origin, relative URLs,
 * and secure-context APIs (WebCrypto, IndexedDB); fetch lets the renderer and its workers
 * load their own files. CORS stays off: nothing outside our origin may read app:// files,
 * and bypassCSP stays off so the policy applies.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

export interface WindowOptionsExtras {
  /** Devtools only in development builds. */
  devTools?: boolean;
}

/** Options for the one app window; every webPreferences entry here is a checklist item. */
export function windowOptions(
  preloadPath: string,
  extras: WindowOptionsExtras = {},
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 600,
    title: 'Liaison Log',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: extras.devTools ?? false,
    },
  };
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for a URL on our own app:// origin; every other navigation is refused. */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/** Navigation guard for will-navigate, will-frame-navigate and will-redirect. */
export function isAllowedNavigation(raw: string): boolean {
  return isAppUrl(raw);
}

/**
 * The origins (`https://host[:port]`, exactly as `URL.origin` writes them) whose links may be
 * handed to the person's browser. The app has no external links, so none: page code cannot
 * make the OS open anything. Add an origin here only for a link the app itself shows.
 */
export const EXTERNAL_ORIGINS: readonly string[] = [];

/**
 * True for an http(s) URL with a host, no credentials, and an origin on the allowlist
 * (EXTERNAL_ORIGINS unless a test passes another): the only kind handed to the OS.
 */
export function isSafeExternalUrl(
  raw: string,
  allowedOrigins: readonly string[] = EXTERNAL_ORIGINS,
): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    allowedOrigins.includes(url.origin)
  );
}

/** A frame as the IPC guard sees it: Electron's WebFrameMain fits this shape. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/**
 * True when an IPC message comes from the top frame of a page on our origin. The caller
 * also checks that the frame belongs to our window (it alone holds that reference).
 */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an app:// request URL to a file inside rendererDir, or null when the URL is not ours
 * or would leave the directory (../, %2e%2e, %2f, backslashes, absolute or drive paths,
 * NUL bytes). The path module is a parameter so tests can check Windows rules too.
 */
export function resolveAppFile(
  rendererDir: string,
  requestUrl: string,
  path: PathApi = nodePath,
): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || !isAppUrl(requestUrl)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0')) return null;
  const relativePath = decoded.replace(/^[/\\]+/, '');
  const root = path.resolve(rendererDir);
  const target = path.resolve(root, relativePath === '' ? 'index.html' : relativePath);
  const inside = path.relative(root, target);
  if (
    inside === '' ||
    inside === '..' ||
    inside.startsWith(`..${path.sep}`) ||
    path.isAbsolute(inside)
  ) {
    return null;
  }
  return target;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a served file; unknown kinds are opaque bytes, never sniffed. */
export function mimeTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  const ext = dot > slash ? filePath.slice(dot).toLowerCase() : '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}
