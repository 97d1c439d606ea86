// The Electron relay transport against a REAL WebDAV server (Apache mod_dav on 127.0.0.1, auth
// on, started here and stopped afterwards): the main process's handlers, each called through
// the validated IPC gate as the app window would call it. A WHATWG fetch stands in for
// net.fetch; the requests are counted at a small proxy in front of Apache.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeIpcError } from '../../../shared/ipc/errors.ts';
import { relayRequestInit } from '../../../electron/remote-handlers.main.ts';
import { APACHE_BINARY, startApache, type ApacheServer } from '../../webdav/apache.ts';
import { startFaultProxy, type FaultProxy } from '../../webdav/fault-proxy.ts';
import { mainRelay, standInSafeStorage } from '../../webdav/electron-relay.ts';
import { encodeRelayName } from '../../../shared/remote/relay-name-codec.ts';

let apache: ApacheServer;
let proxy: FaultProxy;
const home = mkdtempSync(join(tmpdir(), 'liaison-main-relay-'));

beforeAll(async () => {
  if (!existsSync(APACHE_BINARY)) throw new Error('apache2-bin is not installed (README)');
  apache = await startApache();
  proxy = await startFaultProxy(apache);
}, 20_000);

afterAll(async () => {
  await proxy?.close();
  await apache?.dispose();
  rmSync(home, { recursive: true, force: true });
});

let count = 0;
/** A fresh relay folder on the server and a fresh main process (its own relay.json). */
function setUp(options: { safeStorage?: ReturnType<typeof standInSafeStorage> } = {}) {
  count += 1;
  const folder = `main${count}`;
  mkdirSync(join(apache.root, folder));
  chmodSync(join(apache.root, folder), 0o777); // Apache's workers run as nobody under root
  const main = mainRelay({
    file: join(home, `relay-${count}.json`),
    fetch: (url, init) => fetch(url, init),
    ...(options.safeStorage ? { safeStorage: options.safeStorage } : {}),
  });
  return {
    main,
    url: `${proxy.url}${folder}/`,
    onDisk: (...parts: string[]) => join(apache.root, folder, ...parts),
    requests: () =>
      proxy.requests.filter(
        (q) => q.path === `/dav/${folder}` || q.path.startsWith(`/dav/${folder}/`),
      ).length,
  };
}

const bundle = Uint8Array.from([0x4c, 0x4c, 0x42, 0x31, 0, 1, 2, 250, 255]);

describe('the Electron relay transport (main process) against a real WebDAV server', () => {
  it('writes a bundle as its bytes (never JSON text), lists, reads, moves and removes it', async () => {
    const { main, url, onDisk } = setUp();
    await expect(
      main.invoke('relay:set', { url, username: apache.user, password: apache.password }),
    ).resolves.toEqual({ kept: 'os' });
    expect(await main.invoke('remote:check', undefined)).toEqual({ ok: null });
    expect(await main.invoke('remote:ensure-dir', { dir: 'outbox/officer-a' })).toEqual({
      ok: null,
    });
    const name = 'BOG_lo-1_seq-1-2__k3j9x.llb';
    // A view into a larger buffer, as the renderer may hold it.
    const view = new Uint8Array([7, ...bundle, 7]).subarray(1, bundle.length + 1);
    expect(
      await main.invoke('remote:put-new', { dir: 'outbox/officer-a', name, data: view }),
    ).toEqual({ ok: 'written' });
    expect([...readFileSync(onDisk('outbox', 'officer-a', name))]).toEqual([...bundle]);
    // The same bundle again: recognised, nothing overwritten.
    expect(
      await main.invoke('remote:put-new', { dir: 'outbox/officer-a', name, data: bundle }),
    ).toEqual({ ok: 'exists' });
    expect(await main.invoke('remote:list', { dir: 'outbox', kind: 'directory' })).toEqual({
      ok: ['officer-a'],
    });
    expect(await main.invoke('remote:list', { dir: 'outbox/officer-a', kind: 'file' })).toEqual({
      ok: [name],
    });
    const read = await main.invoke('remote:read', { path: `outbox/officer-a/${name}` });
    expect('ok' in read && [...read.ok]).toEqual([...bundle]);
    await main.invoke('remote:ensure-dir', { dir: 'outbox/officer-a/set-aside' });
    expect(
      await main.invoke('remote:move', {
        from: `outbox/officer-a/${name}`,
        to: `outbox/officer-a/set-aside/${name}`,
      }),
    ).toEqual({ ok: null });
    expect(
      await main.invoke('remote:remove', { path: `outbox/officer-a/set-aside/${name}` }),
    ).toEqual({
      ok: null,
    });
    expect(readdirSync(onDisk('outbox', 'officer-a', 'set-aside'))).toEqual([]);
    // A folder not there yet lists as empty.
    expect(await main.invoke('remote:list', { dir: 'inbox/nobody', kind: 'file' })).toEqual({
      ok: [],
    });
  });

  it('sends no cookies, no cached credentials and no Content-Length of the client’s own', () => {
    const body = new ArrayBuffer(3);
    const init = relayRequestInit({
      method: 'PUT',
      headers: { 'Content-Length': '3', Authorization: 'Basic b2ZmaWNlcjp4', 'If-None-Match': '*' },
      body,
    });
    const headers = new Headers(init.headers);
    expect(headers.has('content-length')).toBe(false);
    expect(headers.get('authorization')).toBe('Basic b2ZmaWNlcjp4');
    expect(headers.get('if-none-match')).toBe('*');
    expect(init).toMatchObject({ method: 'PUT', body, credentials: 'omit' });
  });

  it('keeps the password out of relay.json and answers with it after a restart of the main process', async () => {
    const safeStorage = standInSafeStorage();
    const { main, url } = setUp({ safeStorage });
    await main.invoke('relay:set', { url, username: apache.user, password: apache.password });
    const file = join(home, `relay-${count}.json`);
    expect(readFileSync(file, 'utf8')).not.toContain(apache.password);
    const restarted = mainRelay({ file, fetch: (u, i) => fetch(u, i), safeStorage });
    expect(await restarted.invoke('remote:check', undefined)).toEqual({ ok: null });
  });

  it('wrong credentials come back as an answer: auth, 401', async () => {
    const { main, url, requests } = setUp();
    await main.invoke('relay:set', { url, username: apache.user, password: 'not the password' });
    expect(await main.invoke('remote:check', undefined)).toEqual({ failure: 'auth', status: 401 });
    expect(requests()).toBe(1);
  });

  it("without a secret store the password lasts the session; the next one answers 'password' without a request", async () => {
    const safeStorage = standInSafeStorage('basic_text');
    const { main, url, requests } = setUp({ safeStorage });
    await expect(
      main.invoke('relay:set', { url, username: apache.user, password: apache.password }),
    ).resolves.toEqual({ kept: 'session' });
    expect(await main.invoke('remote:check', undefined)).toEqual({ ok: null });
    const before = requests();
    const nextSession = mainRelay({
      file: join(home, `relay-${count}.json`),
      fetch: (u, i) => fetch(u, i),
      safeStorage,
    });
    expect(await nextSession.invoke('remote:check', undefined)).toEqual({ failure: 'password' });
    expect(requests()).toBe(before);
  });

  it('refuses paths that leave the relay folder, and bad addresses, before any request', async () => {
    const { main, url, requests } = setUp();
    await main.invoke('relay:set', { url, username: apache.user, password: apache.password });
    const refused = encodeIpcError('refused');
    for (const path of [
      '../main1/outbox',
      'outbox/../../etc',
      '/etc/passwd',
      'outbox//x',
      'outbox/%2e%2e',
      'outbox\\x',
      'a/b/c/d/e',
      '.htaccess',
      '',
    ])
      await expect(main.invoke('remote:read', { path }), path).rejects.toThrow(refused);
    await expect(
      main.invoke('remote:put-new', { dir: 'outbox/a', name: '../x.llb', data: bundle }),
    ).rejects.toThrow(refused);
    await expect(
      main.invoke('remote:put-new', { dir: 'outbox/a', name: 'x.llb', data: [1, 2] }),
    ).rejects.toThrow(refused);
    await expect(
      main.invoke('relay:set', { url: 'https://u:p@relay.example/', username: 'u', password: 'p' }),
    ).rejects.toThrow(refused);
    await expect(
      main.invoke('relay:set', { url: 'file:///etc/', username: 'u', password: 'p' }),
    ).rejects.toThrow(refused);
    expect(requests()).toBe(0);
    expect(main.warnings.some((w) => w.includes('refused remote:read'))).toBe(true);
  });

  it('follows HQ’s new folder on the same server with the kept password, never another user’s, never another server', async () => {
    const safeStorage = standInSafeStorage();
    const { main, url, requests } = setUp({ safeStorage });
    await main.invoke('relay:set', { url, username: apache.user, password: apache.password });
    const moved = setUp();
    const before = requests();
    await expect(
      main.invoke('relay:set', { url: moved.url, username: apache.user }),
    ).resolves.toEqual({ kept: 'os' });
    expect(readFileSync(join(home, `relay-${count - 1}.json`), 'utf8')).not.toContain(
      apache.password,
    );
    expect(await main.invoke('remote:ensure-dir', { dir: 'outbox/officer-a' })).toEqual({
      ok: null,
    });
    expect(readdirSync(moved.onDisk('outbox'))).toEqual(['officer-a']);
    expect(requests()).toBe(before);
    await expect(
      main.invoke('relay:set', { url: moved.url, username: 'someone-else' }),
    ).rejects.toThrow(encodeIpcError('not-found'));
    await expect(
      main.invoke('relay:set', { url: 'http://relay.example/dav/', username: apache.user }),
    ).rejects.toThrow(encodeIpcError('refused'));
    // Another server (https, the same user): the password never goes along; the person is
    // asked for it, and the kept relay is unchanged.
    const elsewhere = proxy.url.replace('127.0.0.1', 'localhost');
    for (const other of ['https://evil.example/dav/', `${elsewhere}main1/`])
      await expect(
        main.invoke('relay:set', { url: other, username: apache.user }),
        other,
      ).rejects.toThrow(encodeIpcError('not-found'));
    expect(readFileSync(join(home, `relay-${count - 1}.json`), 'utf8')).toContain(moved.url);
  });

  it('lists a name outside the relay-path rule as its stand-in and moves it aside by it; a made-up stand-in is refused before any request', async () => {
    const { main, url, onDisk, requests } = setUp();
    await main.invoke('relay:set', { url, username: apache.user, password: apache.password });
    const inbox = 'inbox/officer-a';
    await main.invoke('remote:ensure-dir', { dir: `${inbox}/set-aside` });
    // A person's files, and one that merely starts like a stand-in: each is carried apart.
    const odd = ['photo é.jpg', '100%.txt', '-u8-Zm9v', '.DS_Store'];
    for (const name of odd) writeFileSync(onDisk('inbox', 'officer-a', name), name);
    const listed = await main.invoke('remote:list', { dir: inbox, kind: 'file' });
    const carried = odd.map(encodeRelayName);
    expect('ok' in listed && [...listed.ok].sort()).toEqual([...carried].sort());
    for (const segment of carried) {
      if (segment === null) throw new Error('not carried');
      const read = await main.invoke('remote:read', { path: `${inbox}/${segment}` });
      expect('ok' in read && Buffer.from(read.ok).toString()).toBe(odd[carried.indexOf(segment)]);
      expect(
        await main.invoke('remote:move', {
          from: `${inbox}/${segment}`,
          to: `${inbox}/set-aside/${segment}`,
        }),
      ).toEqual({ ok: null });
    }
    // Under their own names on the server, nothing left in the inbox.
    expect(readdirSync(onDisk('inbox', 'officer-a', 'set-aside')).sort()).toEqual([...odd].sort());
    expect(readdirSync(onDisk('inbox', 'officer-a'))).toEqual(['set-aside']);
    expect(main.warnings).toEqual([]);
    const before = requests();
    const dots = `-u8-${Buffer.from('..').toString('base64url')}`;
    const slash = `-u8-${Buffer.from('a/b').toString('base64url')}`;
    for (const path of [`${inbox}/${dots}`, `${inbox}/${slash}`, `${inbox}/-u8-_w` /* not UTF-8 */])
      expect(await main.invoke('remote:read', { path }), path).toEqual({ failure: 'unexpected' });
    expect(requests()).toBe(before);
  });

  it("never lets a name leave the relay folder through the client's separator marker, nor a stand-in make a folder or a file", async () => {
    const { main, url, onDisk, requests } = setUp();
    await main.invoke('relay:set', { url, username: apache.user, password: apache.password });
    const inbox = 'inbox/officer-b';
    await main.invoke('remote:ensure-dir', { dir: `${inbox}/set-aside` });
    // The webdav client turns this marker back into '/' while encoding: a hostile relay's
    // name that would MOVE a file two folders up if it were ever named in a call.
    const climbing = 'x__PATH_SEPARATOR_POSIX__..__PATH_SEPARATOR_POSIX__bait.txt';
    writeFileSync(onDisk('inbox', 'officer-b', climbing), 'hostile');
    writeFileSync(onDisk('inbox', 'bait.txt'), 'kept');
    const listed = await main.invoke('remote:list', { dir: inbox, kind: 'file' });
    expect(listed).toEqual({ ok: [] });
    const before = requests();
    const standIn = `-u8-${Buffer.from('photo é.jpg').toString('base64url')}`;
    for (const [channel, args] of [
      ['remote:move', { from: `${inbox}/${climbing}`, to: `${inbox}/set-aside/${climbing}` }],
      ['remote:remove', { path: `${inbox}/${climbing}` }],
      ['remote:ensure-dir', { dir: `${inbox}/${standIn}` }],
      ['remote:put-new', { dir: inbox, name: standIn, data: bundle }],
      ['remote:list', { dir: `${inbox}/${standIn}`, kind: 'file' }],
    ] as const) {
      // Refused at the IPC gate (the relay-path rule) or by the handler: never an answer.
      const answer = await main.invoke(channel, args as never).catch(() => ({ refused: true }));
      expect('ok' in answer, channel).toBe(false);
    }
    expect(requests()).toBe(before);
    expect(readFileSync(onDisk('inbox', 'bait.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(onDisk('inbox', 'officer-b')).sort()).toEqual(['set-aside', climbing]);
  });

  it('a relay that is down answers offline; forgetting the relay answers missing', async () => {
    const { main, url } = setUp();
    await main.invoke('relay:set', { url, username: apache.user, password: apache.password });
    proxy.setRule(() => ({ kind: 'drop' }));
    try {
      expect(await main.invoke('remote:check', undefined)).toEqual({ failure: 'offline' });
    } finally {
      proxy.setRule(null);
    }
    expect(await main.invoke('relay:forget', undefined)).toEqual({ forgotten: true });
    expect(await main.invoke('remote:check', undefined)).toEqual({ failure: 'missing' });
  });
});
