// Runs inside Chromium: exports and imports a 100,000-change bundle through the app's own
// exchange client (the Web Worker path the sync screen uses), next to a raw Dexie bulkPut and
// PouchDB's bulkDocs of the same resulting records. Driven by tests/bench/exchange.bench.ts.
import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import { type Services } from '../../../renderer/src/kernel/services.tsx';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { STORES_V3, type ActivityRow } from '../../../renderer/src/db/schema.ts';
import { createExchangeClient } from '../../../renderer/src/features/sync/exchange-client.ts';
import { type ExchangeClient } from '../../../renderer/src/db/exchange/api.ts';
import { type Platform } from '../../../renderer/src/platform/types.ts';
import {
  CHANGES_PER_RECORD,
  deleteDatabase,
  hqDevice,
  makeNetwork,
  officerDevice,
  OFFICER,
  seedOfficer,
  type Device,
  type Network,
} from './devices.ts';

let net: Network | null = null;
let officer: Device | null = null;
let bundle: { name: string; data: Uint8Array } | null = null;
const workers: Worker[] = [];

function client(device: Device, deviceId: string): ExchangeClient {
  const vault = new VaultSession(device.db);
  vault.open(device.dataKey);
  // Only saveFile is used: it keeps the bytes instead of downloading them.
  const platform = {
    kind: 'browser',
    saveFile: (request: { suggestedName: string; data: Uint8Array }) => {
      bundle = { name: request.suggestedName, data: request.data };
      return Promise.resolve({ saved: true });
    },
  } as unknown as Platform;
  const services: Services = { db: device.db, platform, deviceId, vault };
  return createExchangeClient(services, {
    createWorker: () => {
      const worker = new Worker(
        new URL('../../../renderer/src/db/exchange/exchange.worker.ts', import.meta.url),
        { type: 'module' },
      );
      workers.push(worker);
      return worker;
    },
  });
}

function stopWorkers(): void {
  for (const w of workers.splice(0)) w.terminate();
}

/**
 * `run`'s duration, and the longest main-thread tasks (over 50 ms: the long-task API's
 * threshold) while it ran. The duration stops when `run` settles, before the pause that
 * lets the last long-task entry arrive.
 */
async function watchingLongTasks<T>(
  run: () => Promise<T>,
): Promise<{ value: T; ms: number; longest: number; count: number }> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  // Let the last task's entry be delivered.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const entry of observer.takeRecords()) durations.push(entry.duration);
  observer.disconnect();
  return { value, ms, longest: Math.max(0, ...durations), count: durations.length };
}

const hqs = new Map<number, Device>();
let rowsFromImport: ActivityRow[] | null = null;

/** The rows the first import produced, read once and kept for the baselines. */
async function importedRows(): Promise<ActivityRow[]> {
  if (rowsFromImport) return rowsFromImport;
  const first = [...hqs.values()][0];
  if (!first) throw new Error('import first');
  rowsFromImport = await first.db.activities.toArray();
  return rowsFromImport;
}

const bench = {
  async setup(records: number) {
    stopWorkers();
    net = await makeNetwork();
    officer = await officerDevice('xbench-officer', net);
    const t0 = performance.now();
    await seedOfficer(officer, records);
    return { seedMs: performance.now() - t0, changesPerRecord: CHANGES_PER_RECORD };
  },

  async exportBundle() {
    if (!officer) throw new Error('setup first');
    const exchange = client(officer, OFFICER.deviceId);
    const watched = await watchingLongTasks(() => exchange.exportBundle());
    stopWorkers();
    return {
      ms: watched.ms,
      result: watched.value,
      bytes: bundle?.data.length ?? 0,
      longestTaskMs: watched.longest,
    };
  },

  async importFirst(run: number) {
    if (!net || !bundle) throw new Error('export first');
    const hq = await hqDevice(`xbench-hq-${run}`, net);
    hqs.set(run, hq);
    const exchange = client(hq, 'demo-hq');
    const file = bundle;
    // As the app does at start (useResumeInterruptedImport): the worker is up and the
    // database open before a person imports. Its cost is reported on its own.
    const warm0 = performance.now();
    await exchange.resumeInterrupted({});
    const workerStartMs = performance.now() - warm0;
    const watched = await watchingLongTasks(() => exchange.importFiles([file], {}));
    const outcome = watched.value.files[0]?.outcome;
    const reimport0 = performance.now();
    const again = await exchange.importFiles([file], {});
    const reimportMs = performance.now() - reimport0;
    stopWorkers();
    return {
      ms: watched.ms,
      workerStartMs,
      longestTaskMs: watched.longest,
      longTasks: watched.count,
      outcome:
        outcome?.kind === 'applied' ? { counts: outcome.counts, extras: outcome.extras } : outcome,
      reimportMs,
      reimportOutcome: again.files[0]?.outcome.kind,
      rows: await hq.db.activities.count(),
    };
  },

  /**
   * The baseline: the rows an import produced (the first run's, kept in memory), bulkPut
   * into an empty activities table.
   */
  async baseline(run: number) {
    const rows = await importedRows();
    const name = `xbench-raw-${run}`;
    await deleteDatabase(name);
    const raw = new Dexie(name);
    raw.version(1).stores({ activities: STORES_V3.activities });
    await raw.open();
    const table = raw.table<ActivityRow, string>('activities');
    const t0 = performance.now();
    await raw.transaction('rw', table, () => table.bulkPut(rows));
    const ms = performance.now() - t0;
    raw.close();
    await deleteDatabase(name);
    return { ms, rows: rows.length };
  },

  async pouch(run: number) {
    const docs = (await importedRows()).map((row) => ({ ...row, _id: row.id }));
    const pouch = new PouchDB(`xbench-pouch-${run}`);
    const t0 = performance.now();
    await pouch.bulkDocs(docs);
    const ms = performance.now() - t0;
    await pouch.destroy();
    return { ms, docs: docs.length };
  },

  /** Deletes a run's HQ database once its figures are taken, so runs do not pile up on disk. */
  async dropRun(run: number) {
    const hq = hqs.get(run);
    if (!hq) return;
    rowsFromImport ??= await hq.db.activities.toArray();
    hq.db.close();
    hqs.delete(run);
    await deleteDatabase(`xbench-hq-${run}`);
  },

  /** Diagnostics: where an import's time goes, run on this thread with the engine's hooks. */
  async phases(run: number) {
    if (!net || !bundle) throw new Error('export first');
    const hq = await hqDevice(`xbench-phases-${run}`, net);
    const phases: Record<string, number> = {};
    const t0 = performance.now();
    await importFiles({ db: hq.db, dataKey: hq.dataKey, appVersion: 'bench' }, [bundle], {
      faults: { onPhase: (phase, ms) => (phases[phase] = ms) },
    });
    const total = performance.now() - t0;
    hq.db.close();
    return { totalMs: total, ...phases };
  },

  cleanUp() {
    stopWorkers();
    for (const hq of hqs.values()) hq.db.close();
    hqs.clear();
    officer?.db.close();
    officer = null;
  },
};

declare global {
  interface Window {
    exchangeBench?: typeof bench;
  }
}
window.exchangeBench = bench;
