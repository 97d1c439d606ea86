// Serves the built renderer (dist/renderer) on app://liaison-log/ instead of file://, so the
// page has a real origin, a Content-Security-Policy header, and no reach into the disk.
// Built on the Fetch API's Request and Response, so it is tested in plain Node.
import { readFile as fsReadFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp';
import { errnoOf } from '../shared/ipc/errors';
import { mimeTypeFor, resolveAppFile } from './security.main';

export interface AppProtocolDeps {
  /** Absolute path of dist/renderer (inside app.asar when packaged). */
  rendererDir: string;
  readFile?: (filePath: string) => Promise<Uint8Array>;
  warn?: (message: string) => void;
}

/** Headers every app:// response carries. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

function isMissing(error: unknown): boolean {
  const code = errnoOf(error);
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

export function createAppProtocolHandler(
  deps: AppProtocolDeps,
): (request: Request) => Promise<Response> {
  const readFile = deps.readFile ?? fsReadFile;
  const warn = deps.warn ?? ((message: string) => console.warn(message));

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method Not Allowed');
    }
    const filePath = resolveAppFile(deps.rendererDir, request.url);
    if (filePath === null) {
      warn(`[app-protocol] refused ${request.url}`);
      return plain(404, 'Not Found');
    }
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch (error) {
      if (isMissing(error)) return plain(404, 'Not Found');
      throw error;
    }
    const headers = securityHeaders(mimeTypeFor(filePath));
    // Copy into a fresh ArrayBuffer: Buffers from fs may share a pooled one.
    const bytes = new Uint8Array(body.byteLength);
    bytes.set(body);
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
  };
}
