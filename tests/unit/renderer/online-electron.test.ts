// Online sync through the Electron transport, against a REAL WebDAV server (Apache mod_dav on
// 127.0.0.1, auth on): the officer's sync uses the desktop build's remote (the preload bridge
// answered by the main process's own handlers behind the validated IPC gate), HQ uses the
// browser build's; the two doors meet on one relay. Only net.fetch and safeStorage are
// stand-ins (tests/webdav/electron-relay.ts).
import { afterAll, describe, expect, it } from 'vitest';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApacheServer } from '../../webdav/apache.ts';
import { mainRelay } from '../../webdav/electron-relay.ts';
import { createWebdavRemote } from '../../../renderer/src/platform/remote-webdav.ts';
import {
  createBridgeKeeper,
  createBridgeRemote,
} from '../../../renderer/src/platform/remote-bridge.ts';
import { RelayPasswordNeeded } from '../../../renderer/src/platform/types.ts';
import { startFailure } from '../../../renderer/src/features/online/online-sync.ts';
import { directPort } from '../../../renderer/src/db/online/port.ts';
import { syncOnce } from '../../../renderer/src/db/online/sync.ts';
import { loadRelaySettings, saveRelaySettings } from '../../../renderer/src/db/online/config.ts';
import { getExchangeStatus } from '../../../renderer/src/db/exchange/queries.ts';
import { type RemoteStore } from '../../../renderer/src/platform/remote.ts';
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
const home = mkdtempSync(join(tmpdir(), 'liaison-electron-sync-'));

withRelayServer((server, network) => {
  apache = server;
  net = network;
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

const sync = (device: TestDevice, store: RemoteStore) =>
  syncOnce({ db: device.db, store, port: directPort(device.deps) });
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('starting online sync on the desktop', () => {
  it('only "no password kept" for HQ’s new address reads as password; anything else is unexpected', async () => {
    const main = mainRelay({ file: join(home, 'start.json'), fetch: (u, i) => fetch(u, i) });
    const keeper = createBridgeKeeper(main.bridge);
    await keeper.save({
      url: `${apache.url}start/`,
      username: apache.user,
      password: apache.password,
    });
    const refusal = await keeper
      .follow('https://other.example/dav/', apache.user)
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RelayPasswordNeeded);
    expect(startFailure(refusal)).toBe('password');
    // Refused arguments (plain http elsewhere), a database failure: not a password to ask for.
    const refused = await keeper
      .follow('http://other.example/dav/', apache.user)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(startFailure(refused)).toBe('unexpected');
    expect(startFailure(new Error('DatabaseClosedError'))).toBe('unexpected');
    // The same server, another folder: followed.
    await expect(keeper.follow(`${apache.url}start2/`, apache.user)).resolves.toBeUndefined();
  });
});

describe('online sync through the Electron transport', () => {
  it('carries an officer’s changes to HQ and the receipt back; the password never enters the database', async () => {
    mkdirSync(join(apache.root, 'desk'));
    chmodSync(join(apache.root, 'desk'), 0o777); // Apache's workers run as nobody under root
    const url = `${apache.url}desk/`;
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const main = mainRelay({ file: join(home, 'relay.json'), fetch: (u, i) => fetch(u, i) });

    // Settings on the desktop: the main process keeps the password, the database does not.
    const kept = await saveRelaySettings(
      officer.db,
      officer.dataKey,
      { url, username: apache.user, password: apache.password },
      createBridgeKeeper(main.bridge),
    );
    expect(kept).toBe('os');
    expect(JSON.stringify(await officer.db.exchangeState.toArray())).not.toContain(apache.password);
    expect(await loadRelaySettings(officer.db, officer.dataKey)).toMatchObject({
      url,
      password: '',
    });

    const desktop = createBridgeRemote(main.bridge);
    const browser = createWebdavRemote({ url, username: apache.user, password: apache.password });
    await logOne(officer, 'Sent from the desktop');
    await logOne(officer, 'Also from the desktop');
    expect((await sync(officer, desktop)).uploaded).toBe(1);
    expect(filesIn(join(apache.root, 'desk', 'outbox', OFFICER_A.deviceId))).toHaveLength(1);

    const pulled = await sync(hq, browser);
    expect(pulled.imported).toBe(1);
    expect(await hq.db.activities.count()).toBe(2);

    const back = await sync(officer, desktop);
    expect(back.imported).toBe(1);
    expect((await getExchangeStatus(officer.db)).waiting).toBe(0);
    expect(filesIn(join(apache.root, 'desk', 'inbox', OFFICER_A.deviceId))).toEqual([]);
    expect(filesIn(join(apache.root, 'desk', 'outbox', OFFICER_A.deviceId))).toEqual([]);
    expect(main.warnings).toEqual([]);
  }, 20_000);

  it('sets aside inbox files whose names break the relay-path rule, as the browser build does, and names them', async () => {
    const odd = ['photo é.jpg', '100%.txt', '.DS_Store'];
    for (const door of ['desktop', 'browser'] as const) {
      const folder = `odd-${door}`;
      mkdirSync(join(apache.root, folder));
      chmodSync(join(apache.root, folder), 0o777); // Apache's workers run as nobody under root
      const url = `${apache.url}${folder}/`;
      const credentials = { url, username: apache.user, password: apache.password };
      const officer = await officerDevice(net, OFFICER_A);
      let store: RemoteStore = createWebdavRemote(credentials);
      if (door === 'desktop') {
        const main = mainRelay({ file: join(home, 'odd.json'), fetch: (u, i) => fetch(u, i) });
        await createBridgeKeeper(main.bridge).save(credentials);
        store = createBridgeRemote(main.bridge);
      }
      await sync(officer, store); // makes the inbox
      const inbox = join(apache.root, folder, 'inbox', OFFICER_A.deviceId);
      for (const name of odd) writeFileSync(join(inbox, name), 'a person’s file');
      const report = await sync(officer, store);
      expect(report.setAside.sort(), door).toEqual([...odd].sort());
      expect(filesIn(inbox), door).toEqual(['set-aside']);
      expect(filesIn(join(inbox, 'set-aside')).sort(), door).toEqual([...odd].sort());
      // Reported once: the next sync finds nothing to set aside.
      expect((await sync(officer, store)).setAside, door).toEqual([]);
    }
  }, 30_000);
});
