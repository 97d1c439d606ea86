// Online sync driven through the exchange worker's messages (relayEnginePort), as the app's
// windows run it, against a real Apache WebDAV server: the engine's every step crosses the
// worker (nothing heavy on the window's thread), the imports are runs in the Sync screen's
// report marked as the relay's, and the import progress comes back through the worker.
import { describe, expect, it, vi } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readBundleHeader } from '../../../shared/bundle/codec.ts';
import { isGeneratedDemoDevice } from '../../../shared/identity/demo-roster.ts';
import { join } from 'node:path';
import { type ApacheServer } from '../../webdav/apache.ts';
import { createWebdavRemote } from '../../../renderer/src/platform/remote-webdav.ts';
import { type Services } from '../../../renderer/src/kernel/services.tsx';
import {
  createExchangeCall,
  relayEnginePort,
  type WorkerLike,
} from '../../../renderer/src/features/sync/exchange-client.ts';
import { directPort } from '../../../renderer/src/db/online/port.ts';
import { dispatch } from '../../../renderer/src/db/exchange/dispatch.ts';
import { syncOnce, type SyncProgress } from '../../../renderer/src/db/online/sync.ts';
import { readOnline } from '../../../renderer/src/db/online/state.ts';
import { type ExchangePort } from '../../../renderer/src/db/online/port.ts';
import { listImportRuns } from '../../../renderer/src/db/exchange/runs.ts';
import { getExchangeStatus } from '../../../renderer/src/db/exchange/queries.ts';
import { inThreadWorker, unlockedServices, type InThreadWorker } from './in-thread-worker.ts';
import { readdirSync } from 'node:fs';
import { parseProfile, revokeDevice, signProfile } from '../../../shared/identity/index.ts';
import { getNetworkProfile, replaceProfile } from '../../../renderer/src/db/identity.ts';
import { encodeProfileFile } from '../../../shared/identity/profile-file.ts';
import { inboxDir, remoteProfileName } from '../../../shared/remote/index.ts';
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
import { withRelayServer } from './relay-suite.ts';

let apache: ApacheServer;
let net: TestNetwork;

withRelayServer((server, network) => {
  apache = server;
  net = network;
});

let folders = 0;
let lastFolder = '';
const inboxOf = (deviceId: string) => {
  const dir = join(lastFolder, 'inbox', deviceId);
  return existsSync(dir) ? readdirSync(dir).filter((n) => n !== 'set-aside') : [];
};
function relayStore() {
  folders += 1;
  const folder = `worker${folders}`;
  mkdirSync(join(apache.root, folder));
  chmodSync(join(apache.root, folder), 0o777); // Apache's workers run as nobody under root
  lastFolder = join(apache.root, folder);
  return createWebdavRemote({
    url: `${apache.url}${folder}/`,
    username: apache.user,
    password: apache.password,
  });
}

/** The device's engine behind a stand-in worker, reached only by messages. */
function throughWorker(device: TestDevice): { worker: InThreadWorker; services: Services } {
  const worker = inThreadWorker(device, { clone: true });
  return { worker, services: unlockedServices(device) };
}

function syncThroughWorker(
  device: TestDevice,
  store: ReturnType<typeof relayStore>,
  onProgress?: (p: SyncProgress) => void,
) {
  const { worker, services } = throughWorker(device);
  const call = createExchangeCall(services, { createWorker: () => worker });
  const port = relayEnginePort(call, device.db);
  return {
    worker,
    run: () => syncOnce({ db: device.db, store, port, ...(onProgress ? { onProgress } : {}) }),
  };
}

describe('online sync through the exchange worker', () => {
  it('answers the relay’s questions as the engine on this thread does', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Airline briefing');
    for (const device of [officer, hq]) {
      const direct = directPort(device.deps);
      const ask = (op: 'relaySelf' | 'relayOwnSeqs' | 'relaySources') =>
        dispatch(device.deps, { op }, {});
      expect(await ask('relaySelf')).toEqual(await direct.self());
      expect(await ask('relayOwnSeqs')).toEqual(await direct.ownSeqs());
      expect(await ask('relaySources')).toEqual(await direct.sources());
    }
    expect(await dispatch(hq.deps, { op: 'relaySources' }, {})).toBe('all');
    expect(await dispatch(officer.deps, { op: 'relaySources' }, {})).toContain(
      hq.identity.deviceId,
    );
  });

  it('carries changes to HQ and the receipt back with every engine step in the worker; the imports are relay runs in the report', async () => {
    const store = relayStore();
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Airline briefing');
    await logOne(officer, 'Port visit');

    const officerSide = syncThroughWorker(officer, store);
    expect((await officerSide.run()).uploaded).toBe(1);
    expect(officerSide.worker.ops).toEqual(
      expect.arrayContaining(['relaySelf', 'relayOwnSeqs', 'exportBundle', 'relaySources']),
    );

    const seen: SyncProgress[] = [];
    const hqSide = syncThroughWorker(hq, store, (p) => seen.push(p));
    const pulled = await hqSide.run();
    expect(pulled.imported).toBe(1);
    expect(pulled.receiptsSent).toBeGreaterThanOrEqual(1);
    expect(await hq.db.activities.count()).toBe(2);
    expect(hqSide.worker.ops).toEqual(expect.arrayContaining(['importFiles', 'exportReceipt']));
    // The engine's file-by-file progress came back through the worker's messages.
    const imports = seen.filter((p) => p.step === 'import');
    expect(imports.length).toBeGreaterThan(0);
    // With the engine's own report, which file and how far, for the Sync screen's bar.
    const told = imports.flatMap((p) => (p.file ? [p.file] : []));
    expect([...new Set(told.map((f) => f.fileName))]).toEqual([expect.stringMatching(/\.llb$/)]);
    expect(told.at(-1)).toMatchObject({ fileIndex: 0, fileCount: 1, fileFraction: 1 });
    // Then the run's end, without it: the screen's bar goes while receipts are sent.
    expect(imports.at(-1)).toEqual({ step: 'import', done: 1, total: 1 });
    const [run] = await listImportRuns(hq.db, 1);
    expect(run).toMatchObject({ relay: true, cancelled: false });
    expect(run?.files.map((f) => f.outcome.kind)).toEqual(['applied']);

    expect((await officerSide.run()).imported).toBe(1);
    expect((await getExchangeStatus(officer.db)).waiting).toBe(0);
    const [receiptRun] = await listImportRuns(officer.db, 1);
    expect(receiptRun).toMatchObject({ relay: true });
    expect(receiptRun?.files.map((f) => f.outcome.kind)).toEqual(['receipt']);
  }, 30_000);

  it('the vault locked mid-sync: the import fails, nothing is set aside, the next sync after unlocking imports', async () => {
    const store = relayStore();
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'Airline briefing');
    const officerSide = syncThroughWorker(officer, store);
    expect((await officerSide.run()).uploaded).toBe(1);

    const { worker, services } = throughWorker(hq);
    const engine = relayEnginePort(
      createExchangeCall(services, { createWorker: () => worker }),
      hq.db,
    );
    // The vault locks (idle timer) just before the import is posted.
    const locking: ExchangePort = {
      ...engine,
      importFiles: (files, onProgress) => {
        services.vault.lock();
        return engine.importFiles(files, onProgress);
      },
    };
    await expect(syncOnce({ db: hq.db, store, port: locking })).rejects.toThrow(/locked/);
    expect(await hq.db.activities.count()).toBe(0);
    expect((await readOnline(hq.db, 'online.pulled')) ?? []).toEqual([]);
    services.vault.open(hq.dataKey);
    const after = await syncOnce({ db: hq.db, store, port: engine });
    expect(after).toMatchObject({ imported: 1, setAside: [] });
    expect(await hq.db.activities.count()).toBe(1);

    // A file the engine rejects for a local, passing reason (locked, disk full) stays in the
    // inbox and is imported next time, never set aside.
    const officerEngine = relayEnginePort(
      createExchangeCall(throughWorker(officer).services, {
        createWorker: () => throughWorker(officer).worker,
      }),
      officer.db,
    );
    const refusing: ExchangePort = {
      ...officerEngine,
      importFiles: async (files) => ({
        ...(await officerEngine.importFiles([])),
        files: files.map((f) => ({
          fileName: f.name,
          outcome: { kind: 'rejected' as const, errorKey: 'exchange.error.locked' },
        })),
      }),
    };
    const held = inboxOf(OFFICER_A.deviceId);
    expect(held.length).toBeGreaterThan(0);
    expect(await syncOnce({ db: officer.db, store, port: refusing })).toMatchObject({
      imported: 0,
      setAside: [],
    });
    expect(inboxOf(OFFICER_A.deviceId)).toEqual(held);
    expect((await officerSide.run()).setAside).toEqual([]);
    expect(inboxOf(OFFICER_A.deviceId)).toEqual([]);
    expect((await getExchangeStatus(officer.db)).waiting).toBe(0);
  }, 30_000);

  it('profile copies apply in numeric version order (v9 before v10); an older one than the device’s is removed, not a failure', async () => {
    const store = relayStore();
    const officer = await officerDevice(net, OFFICER_A);
    const v1 = net.signed.profile;
    const signedAt = (version: number) =>
      signProfile(
        parseProfile({ ...v1, version, issuedAt: `2026-03-${10 + version}T10:00:00.000Z` }),
        net.hqKeys.signing.privateKey,
      );
    const inbox = inboxDir(OFFICER_A.deviceId);
    const put = async (version: number) => {
      await store.ensureDir(inbox);
      await store.putNew(
        inbox,
        remoteProfileName(version),
        encodeProfileFile(await signedAt(version)),
      );
    };
    await put(9);
    await put(10);
    const side = syncThroughWorker(officer, store);
    expect(await side.run()).toMatchObject({ imported: 2, setAside: [] });
    expect((await getNetworkProfile(officer.db))?.version).toBe(10);
    expect(inboxOf(OFFICER_A.deviceId)).toEqual([]);
    // A copy of an older version (HQ's copies crossed a file import): done, not a failure.
    await put(5);
    expect(await side.run()).toMatchObject({ imported: 0, setAside: [] });
    expect(inboxOf(OFFICER_A.deviceId)).toEqual([]);
    expect(existsSync(join(lastFolder, inbox, 'set-aside'))).toBe(false);
    expect((await getNetworkProfile(officer.db))?.version).toBe(10);
  }, 30_000);

  it('HQ: one device’s inbox refusing the profile copy is reported, never stops the pull; it is tried again next sync', async () => {
    const both = await makeNetwork([OFFICER_A, OFFICER_B]);
    const store = relayStore();
    const hq = await hqDevice(both);
    const officer = await officerDevice(both, OFFICER_A);
    const hqSide = syncThroughWorker(hq, store);
    await hqSide.run(); // the first sync: the version every device has by file
    await logOne(officer, 'Airline briefing');
    expect((await syncThroughWorker(officer, store).run()).uploaded).toBe(1);
    const v1 = both.signed.profile;
    const v2 = parseProfile({
      ...v1,
      version: v1.version + 1,
      issuedAt: '2026-03-05T10:00:00.000Z',
    });
    await replaceProfile(hq.db, await signProfile(v2, both.hqKeys.signing.privateKey));
    // officer-b's inbox exists and the server refuses writes into it.
    const refused = join(lastFolder, 'inbox', OFFICER_B.deviceId);
    mkdirSync(refused, { recursive: true });
    chmodSync(refused, 0o555);
    try {
      const report = await hqSide.run();
      expect(report).toMatchObject({ imported: 1, profileNotSent: [OFFICER_B.deviceId] });
      expect(await hq.db.activities.count()).toBe(1);
      expect(inboxOf(OFFICER_A.deviceId).some((n) => n.endsWith('.llprofile'))).toBe(true);
    } finally {
      chmodSync(refused, 0o777);
    }
    // Next sync: only officer-b's copy is written; then the version counts as sent.
    expect(await hqSide.run()).toMatchObject({ profilesSent: 1, profileNotSent: [] });
    expect(inboxOf(OFFICER_B.deviceId)).toEqual([remoteProfileName(v2.version)]);
    expect(await hqSide.run()).toMatchObject({ profilesSent: 0, profileNotSent: [] });
    expect(await readOnline(hq.db, 'online.profileSent')).toBe(v2.version);
  }, 30_000);

  it('the relay’s downloads are moved into the worker, not copied: detached here once posted', async () => {
    const hq = await hqDevice(net);
    const { services } = throughWorker(hq);
    const posted: { message: unknown; transfer: Transferable[] }[] = [];
    const worker: WorkerLike = {
      postMessage(message, transfer = []) {
        // As a real Worker's postMessage does with a transfer list.
        posted.push({ message: structuredClone(message, { transfer }), transfer });
      },
      addEventListener: () => undefined,
    };
    const port = relayEnginePort(
      createExchangeCall(services, { createWorker: () => worker }),
      hq.db,
    );
    const shared = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const files = [
      { name: 'a.llb', data: new Uint8Array([7, 8, 9]) },
      { name: 'b.llb', data: shared.subarray(0, 3) },
      { name: 'c.llb', data: shared.subarray(3) }, // one buffer under two files: listed once
    ];
    void port.importFiles(files);
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]?.transfer).toHaveLength(2);
    for (const f of files) expect(f.data.buffer.byteLength, f.name).toBe(0);
    const sent = posted[0]?.message as { request: { files: { data: Uint8Array }[] } };
    expect(sent.request.files.map((f) => [...f.data])).toEqual([
      [7, 8, 9],
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('a file import is not marked as the relay’s', async () => {
    const hq = await hqDevice(net);
    await dispatch(hq.deps, { op: 'importFiles', files: [] }, {});
    const [run] = await listImportRuns(hq.db, 1);
    expect(run).toBeDefined();
    expect(run?.relay).toBeUndefined();
  });

  it('HQ’s new profile version goes into every trusted device’s inbox once; the officer installs it from there', async () => {
    const both = await makeNetwork([OFFICER_A, OFFICER_B]);
    const store = relayStore();
    const hq = await hqDevice(both);
    const officer = await officerDevice(both, OFFICER_A);
    const v1 = both.signed.profile;
    // HQ's first sync: the version every device has by file is not copied.
    expect((await syncThroughWorker(hq, store).run()).profilesSent).toBe(0);
    expect(inboxOf(OFFICER_A.deviceId)).toEqual([]);
    const relay = { url: 'https://relay.example/net/', intervalMinutes: 10 };
    const v2 = parseProfile({
      ...revokeDevice(v1, OFFICER_B.deviceId, '2026-03-05T10:00:00.000Z'),
      version: v1.version + 1,
      issuedAt: '2026-03-05T10:00:00.000Z',
      relay,
    });
    expect(await replaceProfile(hq.db, await signProfile(v2, both.hqKeys.signing.privateKey))).toBe(
      true,
    );

    // The demo's generated-data devices run on no computer: they get no copy.
    const trusted = v2.devices.filter(
      (d) =>
        d.revokedAt === undefined &&
        d.deviceId !== v2.hq.deviceId &&
        !isGeneratedDemoDevice(v2, d.deviceId),
    );
    expect(trusted.map((d) => d.deviceId)).toContain(OFFICER_A.deviceId);
    const hqSide = syncThroughWorker(hq, store);
    expect((await hqSide.run()).profilesSent).toBe(trusted.length);
    expect(hqSide.worker.ops).toContain('relayProfile');
    expect(inboxOf(OFFICER_A.deviceId)).toEqual([
      `liaison-log-network-v${v2.version}__profile-v${v2.version}.llprofile`,
    ]);
    // The relay's operator reads no roster: the copy is a bundle sealed to that one device.
    const copy = readFileSync(
      join(lastFolder, inboxDir(OFFICER_A.deviceId), remoteProfileName(v2.version)),
    );
    expect(copy[0]).toBe(0x89); // a bundle's first byte, as a PNG's
    const text = copy.toString('latin1');
    for (const plain of [
      OFFICER_A.officerId,
      OFFICER_B.officerId,
      'relay.example',
      v2.networkName.en,
    ])
      expect(text).not.toContain(plain);
    expect(readBundleHeader(new Uint8Array(copy)).recipients).toEqual([OFFICER_A.deviceId]);
    // Revoked: nothing more is sent to it, the profile included.
    expect(inboxOf(OFFICER_B.deviceId)).toEqual([]);
    // Once per version.
    expect((await hqSide.run()).profilesSent).toBe(0);

    expect((await syncThroughWorker(officer, store).run()).imported).toBeGreaterThanOrEqual(1);
    expect((await getNetworkProfile(officer.db))?.version).toBe(v2.version);
    expect((await getNetworkProfile(officer.db))?.relay).toEqual(relay);
    expect(inboxOf(OFFICER_A.deviceId)).toEqual([]);
    const [run] = await listImportRuns(officer.db, 1);
    expect(run?.relay).toBe(true);
    expect(run?.files.map((f) => f.outcome)).toEqual([
      expect.objectContaining({ kind: 'profile', version: v2.version, updated: true }),
    ]);
  }, 30_000);
});
