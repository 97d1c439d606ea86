// Online sync against a REAL WebDAV server: Debian's Apache httpd with mod_dav on 127.0.0.1,
// Basic auth on, started here and stopped afterwards; faults Apache cannot make come from a
// small proxy in front of it (tests/webdav). The exchange engine is the real one.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APACHE_BINARY, startApache, type ApacheServer } from '../../webdav/apache.ts';
import { startFaultProxy, type FaultProxy } from '../../webdav/fault-proxy.ts';
import { createWebdavRemote } from '../../../renderer/src/platform/remote-webdav.ts';
import { directPort } from '../../../renderer/src/db/online/port.ts';
import { syncOnce, type SyncProgress } from '../../../renderer/src/db/online/sync.ts';
import { createScheduler, type SyncScheduler } from '../../../renderer/src/db/online/scheduler.ts';
import { getOnlineStatus } from '../../../renderer/src/db/online/state.ts';
import { getExchangeStatus } from '../../../renderer/src/db/exchange/queries.ts';
import { remoteBundleName } from '../../../shared/remote/index.ts';
import {
  OFFICER_A,
  OFFICER_B,
  hqDevice,
  logOne,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let apache: ApacheServer;
let proxy: FaultProxy;
let net: TestNetwork;

beforeAll(async () => {
  if (!existsSync(APACHE_BINARY)) throw new Error('apache2-bin is not installed (README)');
  apache = await startApache();
  proxy = await startFaultProxy(apache);
  net = await makeNetwork([OFFICER_A, OFFICER_B]);
}, 20_000);

afterAll(async () => {
  await proxy?.close();
  await apache?.dispose();
});

/** A fresh relay folder per test, reached through the proxy. */
let folderCount = 0;
function relay(password = apache.password) {
  folderCount += 1;
  const folder = `net${folderCount}`;
  mkdirSync(join(apache.root, folder));
  chmodSync(join(apache.root, folder), 0o777); // Apache's workers run as nobody under root
  return {
    folder,
    onDisk: (...parts: string[]) => join(apache.root, folder, ...parts),
    store: createWebdavRemote({
      url: `${proxy.url}${folder}/`,
      username: apache.user,
      password,
    }),
  };
}

type Relay = ReturnType<typeof relay>;
const sync = (device: TestDevice, r: Pick<Relay, 'store'>) =>
  syncOnce({ db: device.db, store: r.store, port: directPort(device.deps) });
const requestsTo = (r: Relay) =>
  proxy.requests.filter((q) => q.path.startsWith(`/dav/${r.folder}`));

function scheduler(
  device: TestDevice,
  target: { store: Relay['store'] },
  credentials = () => 'v1',
) {
  const attempts: number[] = [];
  let reports = 0;
  const s: SyncScheduler & { attempts: number[]; reports: () => number } = Object.assign(
    createScheduler({
      db: device.db,
      run: () => sync(device, target),
      credentialsKey: credentials,
      intervalMs: 60,
      debounceMs: 10,
      backoff: { baseMs: 100, maxMs: 1000 },
      random: () => 1,
      onState: (syncing) => void (syncing && attempts.push(Date.now())),
      onReport: () => void (reports += 1),
    }),
    { attempts, reports: () => reports },
  );
  return s;
}

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('online sync through a real WebDAV server', () => {
  it('carries an officer’s changes to HQ and the receipt back: nothing left waiting', async () => {
    const r = relay();
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Airline briefing');
    await logOne(officer, 'Port visit');
    expect((await getExchangeStatus(officer.db)).waiting).toBeGreaterThan(0);

    const sent = await sync(officer, r);
    expect(sent.uploaded).toBe(1);
    expect(filesIn(r.onDisk('outbox', OFFICER_A.deviceId))).toHaveLength(1);

    const pulled = await sync(hq, r);
    expect(pulled.imported).toBe(1);
    expect(pulled.receiptsSent).toBeGreaterThanOrEqual(1);
    expect(await hq.db.activities.count()).toBe(2);

    const back = await sync(officer, r);
    expect(back.imported).toBe(1);
    expect((await getExchangeStatus(officer.db)).waiting).toBe(0);
    // The receipt left the inbox once applied; the acknowledged bundle left the outbox.
    expect(filesIn(r.onDisk('inbox', OFFICER_A.deviceId))).toEqual([]);
    expect(filesIn(r.onDisk('outbox', OFFICER_A.deviceId))).toEqual([]);
    // Nothing new: a second sync sends nothing.
    expect((await sync(officer, r)).uploaded).toBe(0);
  }, 20_000);

  it('tells how far it is: bundles sent, then received and imported, one by one', async () => {
    const r = relay();
    const a = await officerDevice(net, OFFICER_A);
    const b = await officerDevice(net, OFFICER_B);
    const hq = await hqDevice(net);
    await logOne(a, 'Progress from A');
    await logOne(b, 'Progress from B');
    const sent: SyncProgress[] = [];
    await syncOnce({
      db: a.db,
      store: r.store,
      port: directPort(a.deps),
      onProgress: (p) => void sent.push(p),
    });
    expect(sent).toEqual([{ step: 'upload', done: 0, total: 1 }]);
    await sync(b, r);
    const pulled: SyncProgress[] = [];
    await syncOnce({
      db: hq.db,
      store: r.store,
      port: directPort(hq.deps),
      onProgress: (p) => void pulled.push(p),
    });
    expect(pulled.filter((p) => p.step === 'download')).toEqual([
      { step: 'download', done: 0, total: 2 },
      { step: 'download', done: 1, total: 2 },
    ]);
    const imports = pulled.filter((p) => p.step === 'import');
    expect(imports.length).toBeGreaterThanOrEqual(3);
    // The engine's reports, file by file, then the run's end (all done, no engine report).
    const during = imports.slice(0, -1);
    expect(during.every((p) => p.total === 2 && p.done >= 0 && p.done < 2 && p.file)).toBe(true);
    expect(imports.at(-1)).toEqual({ step: 'import', done: 2, total: 2 });
    expect(imports.map((p) => p.done)).toEqual([...imports.map((p) => p.done)].sort());
    // Downloads come before the import, which comes before the receipts go.
    expect(pulled.findIndex((p) => p.step === 'import')).toBeGreaterThan(
      pulled.findLastIndex((p) => p.step === 'download'),
    );
  }, 20_000);

  it('a connection dropped half way through the upload leaves no file HQ imports; the next try sends it once', async () => {
    const r = relay();
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Dropped upload');
    proxy.setRule(({ method }) => (method === 'PUT' ? { kind: 'drop-mid' } : null));
    await expect(sync(officer, r)).rejects.toMatchObject({ failure: 'offline' });
    proxy.setRule(null);
    // At most a temp file, which HQ never imports.
    const outbox = r.onDisk('outbox', OFFICER_A.deviceId);
    expect(filesIn(outbox).every((n) => n.startsWith('.part-'))).toBe(true);
    expect((await sync(hq, r)).imported).toBe(0);

    const again = await sync(officer, r);
    expect(again.uploaded).toBe(1);
    expect(filesIn(outbox)).toHaveLength(1);
    expect((await sync(hq, r)).imported).toBe(1);
    expect(await hq.db.activities.count()).toBe(1);
  }, 20_000);

  it('the server stopped in the middle of an upload, then restarted: no duplicate, no loss', async () => {
    const r = relay();
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Server went down');
    const down: { stopping?: Promise<void> } = {};
    // The upload is PUT; the MOVE that would publish it finds the server gone.
    proxy.setRule(({ method }) => {
      if (method === 'MOVE') down.stopping ??= apache.stop();
      return method === 'MOVE' ? { kind: 'delay', ms: 300 } : null;
    });
    try {
      await expect(sync(officer, r)).rejects.toMatchObject({ failure: 'offline' });
      await down.stopping;
      proxy.setRule(null);
      await expect(sync(officer, r)).rejects.toMatchObject({ failure: 'offline' });
    } finally {
      proxy.setRule(null);
      await down.stopping;
      await apache.start();
    }
    const again = await sync(officer, r);
    expect(again.uploaded + again.alreadyThere).toBe(1);
    const outbox = r.onDisk('outbox', OFFICER_A.deviceId);
    // The temp file the cut-off try left is cleared too.
    expect(filesIn(outbox)).toHaveLength(1);
    expect((await sync(hq, r)).imported).toBe(1);
    expect(await hq.db.activities.count()).toBe(1);
  }, 20_000);

  it('two officers of one post syncing at once: both bundles arrive, nothing overwritten', async () => {
    const r = relay();
    const a = await officerDevice(net, OFFICER_A);
    const b = await officerDevice(net, OFFICER_B);
    const hq = await hqDevice(net);
    await logOne(a, 'From A');
    await logOne(b, 'From B');
    const [ra, rb] = await Promise.all([sync(a, r), sync(b, r)]);
    expect(ra.uploaded + rb.uploaded).toBe(2);
    expect((await sync(hq, r)).imported).toBe(2);
    expect(await hq.db.activities.count()).toBe(2);
  }, 20_000);

  it('a foreign and a corrupt file in the inbox are set aside and reported once; the rest imports', async () => {
    const r = relay();
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Before the junk');
    await sync(officer, r);
    await sync(hq, r); // drops a good receipt into the officer's inbox
    const inbox = r.onDisk('inbox', OFFICER_A.deviceId);
    const corrupt = remoteBundleName('corrupt_seq-1.llb', 'CORRUPT');
    writeFileSync(join(inbox, 'holiday.jpg'), 'not a bundle');
    writeFileSync(join(inbox, corrupt), 'LLB1 but not really');
    const first = await sync(officer, r);
    expect(first.setAside.sort()).toEqual([corrupt, 'holiday.jpg'].sort());
    expect(first.imported).toBe(1);
    expect((await getExchangeStatus(officer.db)).waiting).toBe(0);
    expect(filesIn(inbox)).toEqual(['set-aside']);
    expect(filesIn(join(inbox, 'set-aside')).sort()).toEqual([corrupt, 'holiday.jpg'].sort());
    expect((await sync(officer, r)).setAside).toEqual([]);
  }, 20_000);

  it('wrong credentials: a clear status and no retry storm until they change', async () => {
    const wrong = relay('not the password');
    const right = relay();
    const officer = await officerDevice(net, OFFICER_A);
    const control = await officerDevice(net, OFFICER_B);
    await logOne(officer, 'Waiting for a password');
    let key = 'old';
    const target = { store: wrong.store };
    const s = scheduler(officer, target, () => key);
    const c = scheduler(control, right);
    try {
      s.start();
      await vi.waitFor(
        async () => expect((await getOnlineStatus(officer.db)).lastFailure).toBe('auth'),
        { timeout: 10_000 },
      );
      const afterRefusal = requestsTo(wrong).length;
      expect(afterRefusal).toBeLessThanOrEqual(2);
      // The link comes back and a change is saved; meanwhile a good device syncs on its timer
      // again and again: the refused one sends nothing at all.
      s.online();
      s.changed();
      c.start();
      await vi.waitFor(() => expect(c.reports()).toBeGreaterThanOrEqual(6), { timeout: 10_000 });
      expect(requestsTo(wrong).length).toBe(afterRefusal);
      expect(s.attempts).toHaveLength(1);
      // New credentials: it tries again by itself and gets through.
      target.store = createWebdavRemote({
        url: `${proxy.url}${wrong.folder}/`,
        username: apache.user,
        password: apache.password,
      });
      key = 'new';
      s.online();
      await vi.waitFor(
        async () => expect((await getOnlineStatus(officer.db)).lastFailure).toBeNull(),
        { timeout: 10_000 },
      );
      expect((await getOnlineStatus(officer.db)).lastSuccessAt).not.toBeNull();
    } finally {
      s.stop();
      c.stop();
    }
  }, 20_000);

  it('5xx and dropped connections: it backs off, waiting longer each time, then succeeds', async () => {
    const r = relay();
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Through a flaky link');
    let faults = 0;
    proxy.setRule(({ path }) => {
      if (!path.startsWith(`/dav/${r.folder}`) || faults >= 3) return null;
      faults += 1;
      return faults === 2 ? { kind: 'drop' } : { kind: 'status', status: 503 };
    });
    const s = scheduler(officer, r);
    try {
      s.start();
      await vi.waitFor(() => expect(s.reports()).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    } finally {
      s.stop();
      proxy.setRule(null);
    }
    // Three failures, then success: waits of about 100, 200, 400 ms (jitter pinned to 1).
    const gaps = s.attempts.slice(1, 4).map((t, i) => t - (s.attempts[i] ?? 0));
    expect(gaps).toHaveLength(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
    expect(gaps[2]).toBeGreaterThanOrEqual(390);
    expect((await sync(hq, r)).imported).toBe(1);
  }, 20_000);
});
