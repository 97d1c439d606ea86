// Where the seeding's and the import's time goes: the app's own code run on the benchmark
// page's thread with its step hooks, and what the activities indexes cost in raw puts. Driven
// by summaries.bench.ts (SUMMARIES_BENCH_ONLY=phases, or SUMMARIES_BENCH_PHASES=1).
import Dexie from 'dexie';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { seedDemoEntries } from '../../../renderer/src/db/demo-seed.ts';
import { makeSealer } from '../../../renderer/src/db/sealing.ts';
import { STORES_V7, STORES_V8, type ActivityRow } from '../../../renderer/src/db/schema.ts';
import { demoNilReport, generateDemoData } from '../../../shared/demo-data/index.ts';
import { deleteDatabase, hqDevice, type Network } from '../exchange-harness/devices.ts';

/**
 * What the activities table's indexes cost: the seeded rows bulk-put into a bare Dexie table,
 * 4,000 per transaction as the seeding writes them, with the app's indexes (STORES_V8), with
 * version 7's (one index more), without the search words, and with none. Not a change
 * proposal by itself: it says how much of the seeding and the import is IndexedDB keeping
 * index entries.
 */
async function rawPuts(rows: ActivityRow[]): Promise<Record<string, number>> {
  const specs: Record<string, string> = {
    rawPutAllIndexes: STORES_V8.activities,
    rawPutVersion7Indexes: STORES_V7.activities,
    rawPutWithoutWords: STORES_V8.activities.replace(', *words', ''),
    rawPutNoIndex: 'id',
  };
  const out: Record<string, number> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const dbName = `sbench-raw-${name}`;
    await deleteDatabase(dbName);
    const raw = new Dexie(dbName);
    raw.version(1).stores({ activities: spec });
    await raw.open();
    const table = raw.table<ActivityRow, string>('activities');
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += 4_000) {
      const slice = rows.slice(i, i + 4_000);
      await raw.transaction('rw', table, () => table.bulkPut(slice));
    }
    out[name] = performance.now() - t0;
    raw.close();
    await deleteDatabase(dbName);
  }
  return out;
}

/**
 * (d), where the time goes: the same seeding code on this thread (the worker runs it alike),
 * with its step hook summed: generating, the start, waiting for sealing, the transactions.
 */
export async function seedPhases(net: Network) {
  const dbName = 'sbench-seed-phases';
  await deleteDatabase(dbName);
  const device = await hqDevice(dbName, net);
  const steps: Record<string, number> = {};
  const t0 = performance.now();
  const { entries } = generateDemoData({ nothingToReport: demoNilReport });
  steps.generate = performance.now() - t0;
  await seedDemoEntries(device.db, makeSealer(device.dataKey), entries, undefined, (s, ms) => {
    steps[s] = (steps[s] ?? 0) + ms;
  });
  const ms = performance.now() - t0;
  const rows = await device.db.activities.toArray();
  device.db.close();
  await deleteDatabase(dbName);
  return { ms, ...steps, ...(await rawPuts(rows)) };
}

/**
 * (e), where the time goes: the same 63 files through the exchange engine itself, on this
 * thread (the worker runs the same code), with the engine's phase hooks summed over the run.
 * Outside the timed figure: the hooks are the only difference.
 */
export async function importPhases(net: Network, names: string[]) {
  const files = await Promise.all(
    names.map(async (name) => ({
      name,
      data: new Uint8Array(await (await fetch(`./bundles/${name}`)).arrayBuffer()),
    })),
  );
  const dbName = 'sbench-import-phases';
  const device = await hqDevice(dbName, net);
  const phases: Record<string, number> = {};
  const t0 = performance.now();
  await importFiles({ db: device.db, dataKey: device.dataKey, appVersion: 'bench' }, files, {
    faults: { onPhase: (phase, ms) => (phases[phase] = (phases[phase] ?? 0) + ms) },
  });
  const ms = performance.now() - t0;
  const inPhases = Object.entries(phases)
    .filter(([name]) => !name.startsWith('apply:'))
    .reduce((sum, [, t]) => sum + t, 0);
  device.db.close();
  await deleteDatabase(dbName);
  // What no phase holds: queueing the run, each file's try counted and bytes read, closing.
  return { ms, ...phases, outsidePhases: ms - inPhases };
}
