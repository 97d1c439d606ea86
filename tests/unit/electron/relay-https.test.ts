// HTTPS to the relay with a self-signed certificate made by this test at run time (openssl):
// a REAL Apache with mod_ssl and mod_dav on 127.0.0.1. The certificate is trusted only through
// an explicit setting, never by turning a check off: in the app, the relay session's verify
// proc trusts exactly the pinned certificate on the pinned host (relay-trust.main.ts); here,
// the main process's relay handlers run over a fetch whose only trust anchor is that
// certificate. Without it, the answer is 'certificate', worded in en and fr.
import { existsSync, mkdirSync, chmodSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateVerdict,
  normalizeFingerprint,
  testRelayTrust,
  TRUST_CERTIFICATE,
  USE_CHROMIUM_VERDICT,
} from '../../../electron/relay-trust.main.ts';
import { onlineMessages } from '../../../renderer/src/features/online/messages.ts';
import { APACHE_BINARY, startApache, type ApacheServer } from '../../webdav/apache.ts';
import { mainRelay } from '../../webdav/electron-relay.ts';
import { fetchTrusting, makeTestCertificate, type TestCertificate } from '../../webdav/tls.ts';

let apache: ApacheServer;
let certificate: TestCertificate;
let other: TestCertificate;
const home = mkdtempSync(join(tmpdir(), 'liaison-relay-tls-'));

beforeAll(async () => {
  if (!existsSync(APACHE_BINARY)) throw new Error('apache2-bin is not installed (README)');
  mkdirSync(join(home, 'a'));
  mkdirSync(join(home, 'b'));
  certificate = makeTestCertificate(join(home, 'a'));
  other = makeTestCertificate(join(home, 'b'));
  apache = await startApache({ tls: certificate });
  chmodSync(apache.root, 0o777);
}, 20_000);

afterAll(async () => {
  await apache?.dispose();
  rmSync(home, { recursive: true, force: true });
});

const sha256 = (pem: string) => normalizeFingerprint(new X509Certificate(pem).fingerprint256) ?? '';

describe('HTTPS to the relay with a test certificate', () => {
  it('the main process reaches the relay over HTTPS when the certificate is pinned', async () => {
    expect(apache.url.startsWith('https://127.0.0.1:')).toBe(true);
    const main = mainRelay({
      file: join(home, 'pinned.json'),
      fetch: fetchTrusting(certificate.pem),
    });
    await main.invoke('relay:set', {
      url: apache.url,
      username: apache.user,
      password: apache.password,
    });
    expect(await main.invoke('remote:check', undefined)).toEqual({ ok: null });
    await main.invoke('remote:ensure-dir', { dir: 'outbox/officer-a' });
    const data = Uint8Array.from([1, 2, 3, 254]);
    expect(
      await main.invoke('remote:put-new', { dir: 'outbox/officer-a', name: 'a__b.llb', data }),
    ).toEqual({ ok: 'written' });
    expect([...readFileSync(join(apache.root, 'outbox', 'officer-a', 'a__b.llb'))]).toEqual([
      ...data,
    ]);
  });

  it("without the setting the certificate is refused: 'certificate', in words for the person", async () => {
    // The default trust store, as a packaged app has it.
    const plain = mainRelay({ file: join(home, 'plain.json'), fetch: (u, i) => fetch(u, i) });
    await plain.invoke('relay:set', {
      url: apache.url,
      username: apache.user,
      password: apache.password,
    });
    expect(await plain.invoke('remote:check', undefined)).toEqual({ failure: 'certificate' });
    // Pinning another certificate does not help either.
    const wrong = mainRelay({ file: join(home, 'wrong.json'), fetch: fetchTrusting(other.pem) });
    await wrong.invoke('relay:set', {
      url: apache.url,
      username: apache.user,
      password: apache.password,
    });
    expect(await wrong.invoke('remote:check', undefined)).toEqual({ failure: 'certificate' });
    expect(onlineMessages.en.online.failure.certificate).toContain('certificate is not trusted');
    expect(onlineMessages.fr.online.failure.certificate).toContain('n’est pas reconnu');
  });

  it('the relay session trusts exactly the pinned certificate on its host; Chromium judges the rest', () => {
    const trust = testRelayTrust(`127.0.0.1 ${sha256(certificate.pem)}`, false);
    expect(trust).toEqual({ host: '127.0.0.1', sha256: sha256(certificate.pem) });
    const refused = {
      hostname: '127.0.0.1',
      certificate: { data: certificate.pem },
      errorCode: -202,
    };
    expect(certificateVerdict(refused, trust)).toBe(TRUST_CERTIFICATE);
    // Another certificate, another host, no setting, or after it expired: Chromium's verdict.
    expect(certificateVerdict({ ...refused, certificate: { data: other.pem } }, trust)).toBe(
      USE_CHROMIUM_VERDICT,
    );
    expect(certificateVerdict({ ...refused, hostname: 'relay.example' }, trust)).toBe(
      USE_CHROMIUM_VERDICT,
    );
    expect(certificateVerdict(refused, null)).toBe(USE_CHROMIUM_VERDICT);
    const later = new Date(Date.now() + 3 * 24 * 3600_000);
    expect(certificateVerdict(refused, trust, later)).toBe(USE_CHROMIUM_VERDICT);
    // A certificate Chromium accepted itself keeps Chromium's verdict.
    expect(certificateVerdict({ ...refused, errorCode: 0 }, trust)).toBe(USE_CHROMIUM_VERDICT);
    expect(certificateVerdict({ ...refused, certificate: { data: 'not a pem' } }, trust)).toBe(
      USE_CHROMIUM_VERDICT,
    );
  });

  it('reads the setting in a test build only, and only in its exact form', () => {
    const pin = `127.0.0.1 ${sha256(certificate.pem)}`;
    expect(testRelayTrust(pin, true)).toBeNull();
    expect(testRelayTrust(undefined, false)).toBeNull();
    for (const loose of [
      '*',
      '127.0.0.1',
      `127.0.0.1 ${sha256(certificate.pem)} extra`,
      '127.0.0.1 abcd',
    ])
      expect(testRelayTrust(loose, false), loose).toBeNull();
  });
});
