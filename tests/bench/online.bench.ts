// Online sync on loopback, through a real Apache WebDAV server. The round trip: an officer's
// change to its outbox, HQ's pull and import, HQ's receipt back into the officer's inbox and
// applied, three sync calls per round, the timer and debounce left out (they only add their
// own settings on top). The pull: HQ pulling 63 bundles from the relay, next to the same 63
// bundles imported from files by another HQ in the same run (the baseline), both driven as the
// app's windows drive them: through the exchange worker's messages (createExchangeCall, every
// message structured-cloned and the bytes moved by transfer list, as postMessage does), to the
// worker's own dispatch. Runs in Node with fake-indexeddb, the dispatch on this thread: a real
// Worker's thread hop is not in the figures (the engine is the real one; IndexedDB timings
// differ from Chromium's).
import 'fake-indexeddb/auto';
import { chmodSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApache } from '../webdav/apache.ts';
import { createWebdavRemote } from '../../renderer/src/platform/remote-webdav.ts';
import { directPort, type ExchangePort } from '../../renderer/src/db/online/port.ts';
import {
  createExchangeCall,
  createExchangeClient,
  relayEnginePort,
} from '../../renderer/src/features/sync/exchange-client.ts';
import { type ExchangeClient } from '../../renderer/src/db/exchange/api.ts';
import { inThreadWorker, unlockedServices } from '../unit/renderer/in-thread-worker.ts';
import { syncOnce } from '../../renderer/src/db/online/sync.ts';
import { getExchangeStatus } from '../../renderer/src/db/exchange/queries.ts';
import {
  OFFICER_A,
  OFFICER_B,
  hqDevice,
  logOne,
  makeNetwork,
  officerDevice,
  type TestDevice,
} from '../unit/renderer/exchange-fixtures.ts';

const ROUNDS = 5;

export async function runOnlineBench(): Promise<Record<string, unknown>> {
  const apache = await startApache();
  try {
    mkdirSync(join(apache.root, 'bench'));
    chmodSync(join(apache.root, 'bench'), 0o777);
    const store = createWebdavRemote({
      url: `${apache.url}bench/`,
      username: apache.user,
      password: apache.password,
    });
    const net = await makeNetwork([OFFICER_A]);
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const sync = (d: TestDevice) => syncOnce({ db: d.db, store, port: directPort(d.deps) });
    const roundTripsMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await logOne(officer, `Bench round ${i}`);
      const start = performance.now();
      await sync(officer);
      await sync(hq);
      await sync(officer);
      roundTripsMs.push(Math.round(performance.now() - start));
      const waiting = (await getExchangeStatus(officer.db)).waiting;
      if (waiting !== 0) throw new Error(`round ${i}: ${waiting} changes still waiting`);
    }
    const sorted = [...roundTripsMs].sort((a, b) => a - b);
    return {
      what: 'officer change -> outbox -> HQ import -> receipt -> applied, loopback Apache mod_dav',
      rounds: ROUNDS,
      roundTripsMs,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      goalMs: 5000,
    };
  } finally {
    await apache.dispose();
  }
}

const PULLED_BUNDLES = 63;

/** The device's engine as a window reaches it: only through the exchange worker's messages. */
function throughWorker(device: TestDevice): { port: ExchangePort; client: ExchangeClient } {
  const services = unlockedServices(device);
  const worker = inThreadWorker(device, { clone: true });
  const call = createExchangeCall(services, { createWorker: () => worker });
  return {
    port: relayEnginePort(call, device.db),
    client: createExchangeClient(services, { call }),
  };
}

/** HQ pulling 63 bundles from the relay, next to the same 63 bundles imported from files. */
export async function runPullBench(): Promise<Record<string, unknown>> {
  const apache = await startApache();
  try {
    mkdirSync(join(apache.root, 'pull'));
    chmodSync(join(apache.root, 'pull'), 0o777);
    const store = createWebdavRemote({
      url: `${apache.url}pull/`,
      username: apache.user,
      password: apache.password,
    });
    const net = await makeNetwork([OFFICER_A, OFFICER_B]);
    const officers = [await officerDevice(net, OFFICER_A), await officerDevice(net, OFFICER_B)];
    const sync = (d: TestDevice) => syncOnce({ db: d.db, store, port: directPort(d.deps) });
    // One entry, one bundle: 63 bundles in two officers' outboxes, none acknowledged yet.
    for (let i = 0; i < PULLED_BUNDLES; i++) {
      const officer = officers[i % officers.length];
      if (!officer) throw new Error('no officer');
      await logOne(officer, `Pulled entry ${i}`);
      if ((await sync(officer)).uploaded !== 1) throw new Error(`bundle ${i} not uploaded`);
    }
    // The baseline: the very same bytes as files, read from the server's folder.
    const files = [OFFICER_A, OFFICER_B].flatMap((spec) => {
      const dir = join(apache.root, 'pull', 'outbox', spec.deviceId);
      return readdirSync(dir)
        .filter((name) => name.endsWith('.llb'))
        .map((name) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) }));
    });
    if (files.length !== PULLED_BUNDLES) throw new Error(`${files.length} bundles on the relay`);

    const fromFiles = await hqDevice(net);
    let start = performance.now();
    const run = await throughWorker(fromFiles).client.importFiles(files, {});
    const fromFilesMs = Math.round(performance.now() - start);
    const applied = run.files.filter((f) => f.outcome.kind === 'applied').length;

    const pulling = await hqDevice(net);
    const { port } = throughWorker(pulling);
    start = performance.now();
    const pulled = await syncOnce({ db: pulling.db, store, port });
    const pullMs = Math.round(performance.now() - start);
    if (pulled.imported !== PULLED_BUNDLES) throw new Error(`pulled ${pulled.imported}`);
    const counts = [await fromFiles.db.activities.count(), await pulling.db.activities.count()];
    if (counts[0] !== PULLED_BUNDLES || counts[1] !== PULLED_BUNDLES)
      throw new Error(`entries at HQ: ${counts.join(' and ')}`);
    return {
      what: 'HQ pulls 63 bundles from the relay (list, download, import, receipts back) vs the same 63 imported from files, both through the exchange worker’s messages (dispatch on this thread)',
      bundles: PULLED_BUNDLES,
      appliedFromFiles: applied,
      fromFilesMs,
      pullMs,
      receiptsSent: pulled.receiptsSent,
      pullOverFilesRatio: Math.round((pullMs / Math.max(1, fromFilesMs)) * 100) / 100,
    };
  } finally {
    await apache.dispose();
  }
}
