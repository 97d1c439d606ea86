// What may cross the IPC map as a relay address or a path on the relay: parsed, and refused
// when it could name anything outside the relay folder.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isRelayPath, isRelaySegment, relayUrl } from '../../../shared/remote/relay-path.ts';
import {
  inboxDir,
  outboxDir,
  remoteBundleName,
  setAsideDir,
  tempName,
} from '../../../shared/remote/index.ts';
import { ipcContract } from '../../../shared/ipc/contract.ts';

describe('relay addresses', () => {
  it('an empty query or fragment is refused, so the rule is idempotent', () => {
    for (const url of ['https://r.example/dav?', 'https://r.example/dav#', 'https://r.example/?#'])
      expect(relayUrl(url), url).toBeNull();
  });

  it('relayUrl(relayUrl(x)) === relayUrl(x) for every address it accepts (property)', () => {
    const tail = fc.stringMatching(/^[a-z0-9/?#.%:@ -]{0,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(
          'https://r.example',
          'http://127.0.0.1:8080',
          'https://[::1]',
          'HTTPS://R.example:443',
        ),
        tail,
        (origin, path) => {
          const once = relayUrl(`${origin}/${path}`);
          if (once !== null) expect(relayUrl(once)).toBe(once);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('relay paths', () => {
  it('accept every path the layout makes', () => {
    const name = remoteBundleName('BOG_lo-bogota-1_2025-04-10_seq-1-3.llb', 'k3j9x');
    for (const path of [
      'outbox',
      outboxDir('officer-a'),
      `${outboxDir('officer-a')}/${name}`,
      `${outboxDir('officer-a')}/${tempName(name, 'a1b2c3')}`,
      `${setAsideDir('officer-a')}/${name}`,
      `${inboxDir('officer-a')}/holiday photo.jpg`,
    ])
      expect(isRelayPath(path), path).toBe(true);
  });

  it('refuse anything that could leave the folder or hide a separator', () => {
    for (const path of [
      '',
      '..',
      'outbox/..',
      '../outbox',
      '/outbox',
      'outbox/',
      'outbox//a',
      'outbox\\a',
      'outbox/%2e%2e',
      'outbox/a%2fb',
      '.htaccess',
      'outbox/.DAV',
      'a/b/c/d/e',
      'outbox/a\u0000b',
      'outbox/trailing.',
      'outbox/trailing ',
    ])
      expect(isRelayPath(path), JSON.stringify(path)).toBe(false);
    expect(isRelaySegment('a/b')).toBe(false);
  });

  it('take http(s) folder addresses only, parsed', () => {
    expect(relayUrl('https://relay.example/dav')).toBe('https://relay.example/dav/');
    expect(relayUrl('https://relay.example/?next=app://')).toBeNull();
    expect(relayUrl('file:///etc/')).toBeNull();
  });

  it('the relay channels check their arguments with these rules', () => {
    const read = ipcContract['remote:read'].args;
    expect(read.safeParse({ path: 'inbox/officer-a/r__x.llb' }).success).toBe(true);
    expect(read.safeParse({ path: '../x' }).success).toBe(false);
    expect(read.safeParse({ path: 'inbox/a', extra: 1 }).success).toBe(false);
    const reply = ipcContract['remote:put-new'].result;
    expect(reply.safeParse({ ok: 'written' }).success).toBe(true);
    expect(reply.safeParse({ failure: 'full', status: 507 }).success).toBe(true);
    expect(reply.safeParse({ failure: 'teapot' }).success).toBe(false);
    const list = ipcContract['remote:list'].result;
    expect(list.safeParse({ ok: ['a.llb', '../b'] }).success).toBe(false);
  });
});
