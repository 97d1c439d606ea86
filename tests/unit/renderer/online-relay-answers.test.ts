// The relay's own refusals, as a REAL Apache mod_dav gives them (no proxy, no injected status):
// 423 when someone else holds a WebDAV lock on a file the sync must remove, and 507 when the
// relay's storage is really full (a small tmpfs, tests/webdav/apache.ts). Each is worded for
// the person in English and French, retried with backoff, and loses nothing; once the lock
// goes or room is made, the next try completes by itself.
import { describe, expect, it, vi } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from 'webdav';
import { startApache, type ApacheServer } from '../../webdav/apache.ts';
import { createWebdavRemote } from '../../../renderer/src/platform/remote-webdav.ts';
import { type RemoteStore } from '../../../renderer/src/platform/remote.ts';
import { directPort } from '../../../renderer/src/db/online/port.ts';
import { syncOnce } from '../../../renderer/src/db/online/sync.ts';
import { createScheduler } from '../../../renderer/src/db/online/scheduler.ts';
import { getOnlineStatus } from '../../../renderer/src/db/online/state.ts';
import { getExchangeStatus } from '../../../renderer/src/db/exchange/queries.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { outboxDir, inboxDir, type SyncFailure } from '../../../shared/remote/index.ts';
import {
  OFFICER_A,
  hqDevice,
  logOne,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';
import { withRelayServer } from './relay-suite.ts';

let apache: ApacheServer;
let net: TestNetwork;

withRelayServer((server, network) => {
  apache = server;
  net = network;
});

const sync = (device: TestDevice, store: RemoteStore) =>
  syncOnce({ db: device.db, store, port: directPort(device.deps) });
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
const statusOf = (error: unknown) => (error as { status?: number }).status;
/** What a reader would import: no temp or hidden file. */
const bundlesIn = async (store: RemoteStore, dir: string) =>
  (await store.listFiles(dir)).filter((name) => !name.startsWith('.'));

/** The scheduler at test settings, recording when each try starts and how many succeeded. */
function scheduled(device: TestDevice, store: RemoteStore) {
  const attempts: number[] = [];
  // When each failure's retry was scheduled: random() is drawn for its backoff right then.
  const scheduledAt: number[] = [];
  let reports = 0;
  const scheduler = createScheduler({
    db: device.db,
    run: () => sync(device, store),
    credentialsKey: () => 'v1',
    intervalMs: 60_000,
    debounceMs: 10,
    backoff: { baseMs: 100, maxMs: 400 },
    random: () => {
      scheduledAt.push(Date.now());
      return 1;
    },
    onState: (syncing) => void (syncing && attempts.push(Date.now())),
    onReport: () => void (reports += 1),
  });
  return { scheduler, attempts, scheduledAt, reports: () => reports };
}

async function waitForFailure(device: TestDevice, failure: SyncFailure | null) {
  await vi.waitFor(
    async () => expect((await getOnlineStatus(device.db)).lastFailure).toBe(failure),
    { timeout: 10_000 },
  );
}

/** What the status strip says for the device's last failure, in each language. */
async function strip(device: TestDevice): Promise<{ en: string; fr: string }> {
  const failure = (await getOnlineStatus(device.db)).lastFailure;
  const key = `online.failure.${failure ?? 'none'}`;
  return { en: createI18n('en').t(key), fr: createI18n('fr').t(key) };
}

describe('the relay’s own refusals from a real Apache', () => {
  it('a file locked by someone else (423): busy, said in en and fr, retried until the lock goes; nothing lost', async () => {
    mkdirSync(join(apache.root, 'locked'));
    chmodSync(join(apache.root, 'locked'), 0o777); // Apache's workers run as nobody under root
    const url = `${apache.url}locked/`;
    const store = createWebdavRemote({ url, username: apache.user, password: apache.password });
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'A receipt someone holds');
    await sync(officer, store);
    await sync(hq, store); // HQ drops its receipt into the officer's inbox
    const inbox = join(apache.root, 'locked', inboxDir(OFFICER_A.deviceId));
    const [receipt] = filesIn(inbox);
    expect(receipt).toBeDefined();

    // Someone browsing the relay with a WebDAV client locks that receipt.
    const other = createClient(url, { username: apache.user, password: apache.password });
    const lockedPath = `/${inboxDir(OFFICER_A.deviceId)}/${receipt}`;
    const lock = await other.lock(lockedPath);
    const { scheduler, attempts, reports } = scheduled(officer, store);
    try {
      scheduler.start();
      await waitForFailure(officer, 'busy');
      expect((await getOnlineStatus(officer.db)).failures).toBeGreaterThanOrEqual(1);
      const words = await strip(officer);
      expect(words.en).toBe('Relay was busy; trying again soon');
      expect(words.fr).toBe('Le relais était occupé\u00a0; nouvel essai bientôt');
      // Retried by itself while the lock holds, and the receipt is still there.
      await vi.waitFor(() => expect(attempts.length).toBeGreaterThanOrEqual(3), {
        timeout: 10_000,
      });
      expect(filesIn(inbox)).toContain(receipt);
      // The header form of the token: Apache wants it in angle brackets.
      const token = lock.token.startsWith('<') ? lock.token : `<${lock.token}>`;
      await other.unlock(lockedPath, token);
      await waitForFailure(officer, null);
      expect(reports()).toBe(1);
    } finally {
      scheduler.stop();
    }
    expect(filesIn(inbox)).toEqual([]);
    expect((await getExchangeStatus(officer.db)).waiting).toBe(0);
  }, 30_000);

  it('a full relay (507): full, said in en and fr, retried with backoff; once there is room the bundle goes, once', async () => {
    const small = await startApache({ storageBytes: 256 * 1024 });
    const store = createWebdavRemote({
      url: small.url,
      username: small.user,
      password: small.password,
    });
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const { scheduler, attempts, scheduledAt, reports } = scheduled(officer, store);
    try {
      await logOne(officer, 'Into a full relay');
      await store.ensureDir(outboxDir(OFFICER_A.deviceId));
      await store.ensureDir(inboxDir(OFFICER_A.deviceId));
      // Fill the relay to the last page: big files until Apache says 507, then small ones.
      const filler = createClient(small.url, { username: small.user, password: small.password });
      const fillers: string[] = [];
      const refusals: number[] = [];
      for (const size of [16 * 1024, 4 * 1024]) {
        for (let i = 0; i < 64; i += 1) {
          const name = `/filler-${size}-${i}.bin`;
          try {
            await filler.putFileContents(name, new ArrayBuffer(size), { overwrite: false });
            fillers.push(name);
          } catch (error) {
            refusals.push(statusOf(error) ?? 0);
            break;
          }
        }
      }
      expect(refusals).toEqual([507, 507]);

      scheduler.start();
      await waitForFailure(officer, 'full');
      const words = await strip(officer);
      expect(words.en).toBe('Relay is full; tell HQ. Nothing was lost');
      expect(words.fr).toBe('Le relais est plein\u00a0; prévenez l’AC. Rien n’est perdu');
      // Retried with growing waits; the change still waits, nothing half written is listed.
      await vi.waitFor(() => expect(attempts.length).toBeGreaterThanOrEqual(3), {
        timeout: 10_000,
      });
      // Each retry starts no sooner than its backoff after the failure before it, and the
      // backoff grows: 100 ms, then 200 ms (random() = 1 takes the whole of it). Measured from
      // when it was scheduled, not from the try before: how long a try takes varies with the
      // machine's load, so gaps between starts do not show the backoff.
      expect(attempts[1]! - scheduledAt[0]!).toBeGreaterThanOrEqual(100 - 5);
      expect(attempts[2]! - scheduledAt[1]!).toBeGreaterThanOrEqual(200 - 5);
      expect((await getExchangeStatus(officer.db)).waiting).toBeGreaterThan(0);
      expect(await bundlesIn(store, outboxDir(OFFICER_A.deviceId))).toEqual([]);

      // HQ (or whoever runs the relay) makes room: the next try sends it by itself.
      for (const name of fillers.slice(0, 4)) await filler.deleteFile(name);
      await waitForFailure(officer, null);
      expect(reports()).toBe(1);
      expect(await bundlesIn(store, outboxDir(OFFICER_A.deviceId))).toHaveLength(1);
      expect((await sync(hq, store)).imported).toBe(1);
      expect(await hq.db.activities.count()).toBe(1);
    } finally {
      scheduler.stop();
      await small.dispose();
    }
  }, 30_000);
});
