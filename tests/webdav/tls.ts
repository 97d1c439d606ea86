// HTTPS for the test relay: a self-signed certificate for 127.0.0.1 made at run time with
// openssl (never checked in), and a fetch that trusts exactly that certificate, the Node
// counterpart of the Electron relay session's pinned test certificate (relay-trust.main.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request, Agent } from 'node:https';
import { join } from 'node:path';
import type { RelayFetch } from '../../shared/remote/webdav-store.ts';
import type { TlsFiles } from './apache.ts';

export interface TestCertificate extends TlsFiles {
  pem: string;
}

/** A fresh P-256 key and a certificate for IP 127.0.0.1, valid for two days. */
export function makeTestCertificate(dir: string): TestCertificate {
  const certFile = join(dir, 'relay-cert.pem');
  const keyFile = join(dir, 'relay-key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, pem: readFileSync(certFile, 'utf8') };
}

// Answers that may not carry a body in a WHATWG Response.
const NO_BODY = new Set([101, 103, 204, 205, 304]);

function bodyBytes(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('this test fetch sends strings and bytes only');
}

/** A fetch over node:https whose only trust anchor is `pem`; every check stays on. */
export function fetchTrusting(pem: string): RelayFetch {
  const agent = new Agent({ ca: pem });
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => {
        headers[key] = value;
      });
      const body = bodyBytes(init.body);
      if (body && headers['content-length'] === undefined)
        headers['content-length'] = String(body.byteLength);
      const req = request(url, { method: init.method ?? 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 500;
          const answer = new Headers();
          for (const [key, value] of Object.entries(res.headers))
            if (value !== undefined)
              answer.set(key, Array.isArray(value) ? value.join(', ') : value);
          resolve(
            new Response(NO_BODY.has(status) ? null : new Uint8Array(Buffer.concat(chunks)), {
              status,
              headers: answer,
            }),
          );
        });
      });
      req.on('error', reject);
      req.end(body);
    });
}
