import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/app-protocol.main';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/csp';

let base: string;
let rendererDir: string;

beforeAll(async () => {
  // A renderer folder with a secret file beside it, to prove it stays out of reach.
  base = await mkdtemp(path.join(os.tmpdir(), 'liaison-protocol-'));
  rendererDir = path.join(base, 'dist', 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>Liaison Log</title>',
  );
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1);');
  await writeFile(path.join(base, 'dist', 'secret.txt'), 'top secret');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function handler() {
  const warn = vi.fn<(message: string) => void>();
  return { warn, handle: createAppProtocolHandler({ rendererDir, warn }) };
}

describe('app:// protocol', () => {
  it('serves the entry page with its type and the security headers', async () => {
    const { handle } = handler();
    const response = await handle(new Request('app://liaison-log/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Liaison Log</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript', async () => {
    const { handle } = handler();
    const response = await handle(new Request('app://liaison-log/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    const { handle, warn } = handler();
    for (const url of [
      'app://liaison-log/../secret.txt',
      'app://liaison-log/%2e%2e/secret.txt',
      'app://liaison-log/..%2fsecret.txt',
      'app://liaison-log/assets/..%2f..%2fsecret.txt',
      `app://liaison-log/${encodeURIComponent(path.join(base, 'dist', 'secret.txt'))}`,
      'app://liaison-log/%00',
      'app://other-host/index.html',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('top secret');
    }
    expect(warn).toHaveBeenCalled();
  });

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    const { handle } = handler();
    expect((await handle(new Request('app://liaison-log/nope.js'))).status).toBe(404);
    expect((await handle(new Request('app://liaison-log/assets'))).status).toBe(404);
    const post = new Request('app://liaison-log/index.html', { method: 'POST', body: 'x' });
    expect((await handle(post)).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const { handle } = handler();
    const response = await handle(new Request('app://liaison-log/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
