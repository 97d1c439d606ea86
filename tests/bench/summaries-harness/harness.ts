// Runs inside Chromium: fills a demo HQ through the app's own demo seeding worker, grows it to
// 500,000 entries, times the Summaries screen's own queries next to a full scan of the entries,
// imports the 63 demo officer bundles through the exchange client, and times saving one entry
// with and without its rollup write. Driven by tests/bench/summaries.bench.ts.
import { type Services } from '../../../renderer/src/kernel/services.tsx';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { createExchangeClient } from '../../../renderer/src/features/sync/exchange-client.ts';
import { type Platform } from '../../../renderer/src/platform/types.ts';
import {
  countActivities,
  createActivity,
  listActivityIds,
  openDatabase,
  type ActivityFilter,
} from '../../../renderer/src/db/index.ts';
import { changesOf } from '../../../renderer/src/db/change-log.ts';
import { rebuildRollups } from '../../../renderer/src/db/rollup-store.ts';
import { rollupsFor, loadSummary } from '../../../renderer/src/db/summary-queries.ts';
import { makeSealer } from '../../../renderer/src/db/sealing.ts';
import { type ActivityRow } from '../../../renderer/src/db/schema.ts';
import { type SeedMessage, type SeedRequest } from '../../../renderer/src/db/demo-seed-protocol.ts';
import { reporting } from '../../../renderer/src/features/summaries/completeness-model.ts';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import { DEMO_ROSTER, demoOfficerDeviceId } from '../../../shared/demo-data/index.ts';
import { importPhases, seedPhases } from './phases.ts';
import {
  DEMO_HQ_DEVICE_ID,
  approveDevice,
  demoDeviceKeys,
  makeDemoProfile,
  publicKeyText,
  signProfile,
} from '../../../shared/identity/index.ts';
import { applyDeltas, contributionOf, type RollupRow } from '../../../shared/summary/measures.ts';
import { cellCount } from '../../../shared/summary/packed.ts';
import { periodMonths, type Period } from '../../../shared/summary/periods.ts';
import {
  compareSummaries,
  type RollupSource,
  type SummaryQuery,
} from '../../../shared/summary/totals.ts';
import {
  deleteDatabase,
  hqDevice,
  type Device,
  type Network,
} from '../exchange-harness/devices.ts';

/** FY 2010–11: the fact sheet's year. */
const FY: Period = { kind: 'fiscal-year', fiscalYear: 2010 };
const TREND_POST = 'LON';
const AS_OF = '2013-06-30';
const HQ_SCOPE = { role: 'hq' } as const;
const SUMMARY_DB = 'sbench-hq';

let net: Network | null = null;
let hq: Device | null = null;
const workers: Worker[] = [];

/**
 * The demo network as the demo HQ would issue it once the 63 officer laptops are approved:
 * the demo profile with each officer's demo device added through the app's own approveDevice,
 * signed with the demo HQ key (so an import accepts their bundles without a person approving).
 */
async function demoNetwork(): Promise<Network> {
  const demo = await makeDemoProfile();
  const hqKeys = await demoDeviceKeys(DEMO_HQ_DEVICE_ID, { extractable: true });
  let profile = demo.profile;
  for (const officer of DEMO_ROSTER) {
    const deviceId = demoOfficerDeviceId(officer.officerId);
    const keys = await demoDeviceKeys(deviceId);
    profile = approveDevice(
      profile,
      {
        deviceId,
        officerId: officer.officerId,
        postCode: officer.postCode,
        name: officer.name,
        role: 'officer',
        signingKey: await publicKeyText(keys.signing),
        encryptionKey: await publicKeyText(keys.encryption),
        createdAt: '2009-03-01T00:00:00.000Z',
      },
      '2009-03-01T00:00:00.000Z',
    );
  }
  const signed = await signProfile(profile, hqKeys.signing.privateKey);
  return { signed, hqKeys, officerKeys: await generateDeviceKeys({ extractable: true }) };
}

/**
 * Where a save's time goes: each IndexedDB call createActivity makes (and the transaction's
 * scope), as when it was issued and when it settled, from the start of the save, medians over
 * the saves timed. Calls are wrapped on the table instances, so the code timed is unchanged.
 */
function stepTimer(db: Device['db']) {
  let t0 = 0;
  let events: { name: string; start: number; end: number }[] | null = null;
  const all: { name: string; start: number; end: number }[][] = [];
  const wrap = <T extends object>(target: T, method: keyof T & string, label: string) => {
    const original = (target[method] as (...args: unknown[]) => unknown).bind(target);
    Object.assign(target, {
      [method]: (...args: unknown[]) => {
        const mine = events;
        const start = performance.now() - t0;
        const result = original(...args);
        if (mine && result instanceof Object && 'then' in result) {
          const n = mine.filter((e) => e.name.startsWith(label)).length;
          const event = { name: n === 0 ? label : `${label}#${n + 1}`, start, end: NaN };
          mine.push(event);
          void (result as Promise<unknown>).then(
            () => (event.end = performance.now() - t0),
            () => (event.end = performance.now() - t0),
          );
        }
        return result;
      },
    });
  };
  wrap(db.meta, 'get', 'meta.get');
  wrap(db.meta, 'put', 'meta.put');
  wrap(db.changes, 'add', 'changes.add');
  wrap(db.activities, 'add', 'activities.add');
  wrap(db.summaryRollups, 'bulkGet', 'rollups.bulkGet');
  wrap(db.summaryRollups, 'bulkPut', 'rollups.bulkPut');
  wrap(db.summaryRollups, 'put', 'rollups.put');
  wrap(db.rollupJournal, 'bulkAdd', 'journal.bulkAdd');
  wrap(db.meta, 'bulkGet', 'meta.bulkGet');
  wrap(db.meta, 'bulkPut', 'meta.bulkPut');
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(db, {
    transaction: (...args: unknown[]) => {
      const mine = events;
      const fn = args.at(-1) as () => Promise<unknown>;
      const called = performance.now() - t0;
      return transaction(...args.slice(0, -1), async () => {
        const scope = { name: 'transaction scope', start: performance.now() - t0, end: NaN };
        mine?.push({ name: 'transaction asked', start: called, end: scope.start });
        try {
          return await fn();
        } finally {
          scope.end = performance.now() - t0;
          mine?.push(scope);
        }
      }).finally(() =>
        mine?.push({ name: 'committed', start: called, end: performance.now() - t0 }),
      );
    },
  });
  return {
    async during(run: () => Promise<number>): Promise<number> {
      events = [];
      t0 = performance.now();
      const ms = await run();
      all.push(events);
      events = null;
      return ms;
    },
    summary() {
      const names = [...new Set(all.flatMap((e) => e.map((x) => x.name)))];
      return Object.fromEntries(
        names.map((name) => {
          const mine = all.flatMap((e) => e.filter((x) => x.name === name));
          const med = (xs: number[]) => Math.round(stats(xs).median * 100) / 100;
          return [
            name,
            { at: med(mine.map((x) => x.start)), ms: med(mine.map((x) => x.end - x.start)) },
          ];
        }),
      );
    },
  };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

/** The app's demo seeding, exactly as "Try the demo" runs it: its worker, on its database. */
function seedInWorker(dbName: string, dataKey: CryptoKey): Promise<number> {
  const worker = new Worker(
    new URL('../../../renderer/src/db/demo-seed.worker.ts', import.meta.url),
    { type: 'module' },
  );
  workers.push(worker);
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<SeedMessage>) => {
      const message = event.data;
      if (message.type === 'done') resolve(message.stored);
      if (message.type === 'error') reject(new Error(message.message));
    };
    worker.onerror = (e) => reject(new Error(e.message));
    const request: SeedRequest = { dbName, dataKey };
    worker.postMessage(request);
  });
}

function stopWorkers(): void {
  for (const w of workers.splice(0)) w.terminate();
}

/**
 * Grows the seeded demo network to `target` entries: copies of the stored (sealed) rows under
 * new ids, bulk-put `batch` per transaction (SUMMARIES_BENCH_GROW_BATCH), then the rollups counted afresh by the app's own
 * "Rebuild summaries" (rebuildRollups). The copies keep their month, post, officer and type,
 * so the rollup table keeps the demo network's shape (about 5,300 rows a year) while the
 * entries grow seven-fold, as the design's estimate assumes.
 */
async function growTo(device: Device, target: number, batch: number) {
  const { db } = device;
  const originals = await db.activities.toArray();
  const stored = originals.length;
  const t0 = performance.now();
  let copy = 1;
  let at = 0;
  for (let done = stored; done < target;) {
    const rows: ActivityRow[] = [];
    while (rows.length < batch && done + rows.length < target) {
      const original = originals[at] as ActivityRow;
      rows.push({ ...original, id: `${original.id}~${copy}` });
      at += 1;
      if (at === originals.length) {
        at = 0;
        copy += 1;
      }
    }
    const put = await timed(() =>
      db.transaction('rw', db.activities, () => db.activities.bulkPut(rows)),
    );
    done += rows.length;
    console.info(`grow: ${done} entries (${rows.length} in ${Math.round(put.ms)} ms)`);
  }
  const copyMs = performance.now() - t0;
  console.info('grow: rebuilding the rollups');
  const rebuild = await timed(() => rebuildRollups(db));
  return {
    copyMs,
    rebuildMs: rebuild.ms,
    rollupRows: rebuild.value,
    entries: await db.activities.count(),
  };
}

/** The screen's two queries for a period: the rollups it reads, and what it shows from them. */
const networkByTypeAndPost: SummaryQuery = { period: FY, by: ['type', 'post'] };
const postTrend: SummaryQuery = { period: FY, by: ['month'], filter: { postCode: TREND_POST } };

function completeness(rows: RollupSource, expectedPosts: readonly string[]) {
  return reporting({ rows, months: periodMonths(FY), expectedPosts, filter: {}, asOf: AS_OF });
}

/**
 * The baseline: the same figures without rollups, by reading every stored entry and counting
 * it with the same shared code (contributionOf, the rollup's own rule), then the same
 * summary. What a summary would cost if it read the entries.
 */
async function scanRows(device: Device): Promise<RollupRow[]> {
  const table = new Map<string, RollupRow>();
  await device.db.activities.each((row) => {
    const contribution = contributionOf(row);
    if (contribution) applyDeltas(table, [contribution]);
  });
  return [...table.values()];
}

/** HQ expects every post of the network (the screen reads them from the profile). */
const EXPECTED_POSTS = [...new Set(DEMO_ROSTER.map((o) => o.postCode))];

/** (a) (b) (c) one after the other, `runs` times: each as the screen's own code makes it. */
async function timeQueries(db: Device['db'], runs: number) {
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  let groups = { a: 0, b: 0, c: 0 };
  for (let i = 0; i < runs; i++) {
    const ra = await timed(() => loadSummary(db, networkByTypeAndPost, HQ_SCOPE));
    const rb = await timed(() => loadSummary(db, postTrend, HQ_SCOPE));
    const rc = await timed(async () =>
      completeness(await rollupsFor(db, { period: FY, by: [] }, HQ_SCOPE), EXPECTED_POSTS),
    );
    a.push(ra.ms);
    b.push(rb.ms);
    c.push(rc.ms);
    groups = {
      a: ra.value.current.groups.length,
      b: rb.value.current.groups.length,
      c: rc.value.posts.length + rc.value.officers.length,
    };
  }
  return { a, b, c, groups };
}

const bench = {
  /** (d) Seeds a fresh demo HQ through the app's seeding worker. */
  async seedDemo() {
    stopWorkers();
    net = await demoNetwork();
    await deleteDatabase(SUMMARY_DB);
    hq = await hqDevice(SUMMARY_DB, net);
    hq.db.close();
    const seeded = await timed(() => seedInWorker(SUMMARY_DB, (hq as Device).dataKey));
    stopWorkers();
    hq = { ...hq, db: await openDatabase(SUMMARY_DB) };
    return { ms: seeded.ms, stored: seeded.value };
  },

  /** (d), where the time goes (phases.ts). */
  async seedPhases() {
    stopWorkers();
    net ??= await demoNetwork();
    return seedPhases(net);
  },

  /** The database a stopped run left (SUMMARIES_BENCH_ONLY=reuse); no seeding figure. */
  async reopen() {
    const db = await openDatabase(SUMMARY_DB);
    // Saves seal with some data key; which one does not matter to their cost.
    const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    hq = { db, dataKey };
    return { ms: NaN, stored: 0 };
  },

  /**
   * (g) The log's search at this size, as the screen asks it at each (debounced) keystroke:
   * the first window of ids (100) and the count, `runs` times each. The words are picked from
   * the stored rows themselves (a sample of 5,000 read newest first): the commonest free-text
   * word, the least held one, and, with the commonest type, the commonest word of the other
   * types that no sampled row of the type holds (many matches in the network, few or none in
   * the type).
   */
  async searches(runs: number) {
    const device = hq;
    if (!device) throw new Error('seed first');
    const { db } = device;
    const sample = await db.activities.orderBy('sortKey').reverse().limit(5_000).toArray();
    const freq = (rows: ActivityRow[]) => {
      const n = new Map<string, number>();
      for (const row of rows)
        for (const w of new Set(row.words ?? []))
          if (!w.startsWith('=') && w.length >= 4) n.set(w, (n.get(w) ?? 0) + 1);
      return [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    };
    const all = freq(sample);
    const common = all[0]?.[0] ?? '';
    // The least held of the sample's words (the store repeats the demo's entries, so even
    // this one is held by many entries at 500,000).
    const rare = all.at(-1)?.[0] ?? '';
    const types = new Map<string, number>();
    for (const row of sample) types.set(row.type, (types.get(row.type) ?? 0) + 1);
    const type = [...types.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as ActivityFilter['type'];
    const inType = freq(sample.filter((r) => r.type === type));
    const held = new Map(inType);
    const otherTypes = freq(sample.filter((r) => r.type !== type));
    const elsewhere = otherTypes.find(([w]) => !held.has(w))?.[0] ?? '';
    const cases: Record<string, ActivityFilter> = {
      commonWord: { text: common },
      rareWord: { text: rare },
      typeAlone: { type },
      typeAndWordOfOtherTypes: { type, text: elsewhere },
      stateAndCommonWord: { status: 'pending', text: common },
    };
    const out: Record<string, unknown> = {};
    for (const [name, filter] of Object.entries(cases)) {
      const first: number[] = [];
      const count: number[] = [];
      let ids = 0;
      let total = 0;
      // One run first, not timed: the first of each search pays for code and pages not yet
      // warm, and with few runs the p95 is the slowest run.
      await listActivityIds(db, filter, { limit: 100 });
      await countActivities(db, filter);
      for (let i = 0; i < runs; i++) {
        const listed = await timed(() => listActivityIds(db, filter, { limit: 100 }));
        first.push(listed.ms);
        ids = listed.value.length;
        const counted = await timed(() => countActivities(db, filter));
        count.push(counted.ms);
        total = counted.value;
      }
      out[name] = { filter, ids, total, firstWindow: stats(first), count: stats(count) };
    }
    return out;
  },

  async grow(target: number, batch: number) {
    if (!hq) throw new Error('seed first');
    return growTo(hq, target, batch);
  },

  /** (a) (b) (c): each query as the screen makes it, `runs` times, beside `scans` full scans. */
  async queries(runs: number, scans: number) {
    const device = hq;
    if (!device) throw new Error('seed first');
    const { db } = device;
    const expected = EXPECTED_POSTS;
    const { a, b, c, groups } = await timeQueries(db, runs);
    // Where a query's time goes: the read alone (rollupsFor, the IndexedDB read and the
    // structured clone of what it returns) and the adding-up alone on rows already read
    // (compareSummaries, reporting), each median of `runs`, for the same FY query.
    const read: number[] = [];
    const addA: number[] = [];
    const addB: number[] = [];
    const addC: number[] = [];
    // The floor under any read: one IndexedDB transaction that reads one key, no payload.
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push((await timed(() => db.summaryRollups.limit(1).primaryKeys())).ms);
      const rows = await timed(() => rollupsFor(db, { period: FY, by: [] }, HQ_SCOPE));
      read.push(rows.ms);
      addA.push(
        (await timed(() => Promise.resolve(compareSummaries(rows.value, networkByTypeAndPost)))).ms,
      );
      addB.push((await timed(() => Promise.resolve(compareSummaries(rows.value, postTrend)))).ms);
      addC.push((await timed(() => Promise.resolve(completeness(rows.value, expected)))).ms);
    }
    const sa: number[] = [];
    const sb: number[] = [];
    const sc: number[] = [];
    let same = true;
    for (let i = 0; i < scans; i++) {
      const ra = await timed(async () =>
        compareSummaries(await scanRows(device), networkByTypeAndPost),
      );
      const rb = await timed(async () => compareSummaries(await scanRows(device), postTrend));
      const rc = await timed(async () => completeness(await scanRows(device), expected));
      sa.push(ra.ms);
      sb.push(rb.ms);
      sc.push(rc.ms);
      // The baseline must give the very figures the rollups give, or it measures nothing.
      const fromRollups = await loadSummary(db, networkByTypeAndPost, HQ_SCOPE);
      same &&= JSON.stringify(fromRollups.current) === JSON.stringify(ra.value.current);
    }
    return {
      rollups: { a: stats(a), b: stats(b), c: stats(c) },
      split: {
        floor: stats(floor),
        read: stats(read),
        addA: stats(addA),
        addB: stats(addB),
        addC: stats(addC),
      },
      scan: { a: stats(sa), b: stats(sb), c: stats(sc) },
      groups,
      // Cells (month × post × officer × type) read, and the stored rows that hold them.
      rollupRowsRead: (await rollupsFor(db, { period: FY, by: [] }, HQ_SCOPE)).packed.reduce(
        (cells, month) => cells + cellCount(month),
        0,
      ),
      storedRowsRead: (await rollupsFor(db, { period: FY, by: [] }, HQ_SCOPE)).packed.length,
      // null: no scan ran, so nothing was checked.
      scanAgreesWithRollups: scans > 0 ? same : null,
    };
  },

  /** (a) (b) (c) again, alone (no split, no scan): for a CPU profile of the queries. */
  async queriesAgain(runs: number) {
    if (!hq) throw new Error('seed first');
    const { a, b, c } = await timeQueries(hq.db, runs);
    return { a: stats(a), b: stats(b), c: stats(c) };
  },

  /**
   * (f) Saving one entry with createActivity, the form's own call, on the 500,000-entry
   * database: alternately with its rollup write (a journal row since schema 10) and with that
   * write made a no-op (the deltas are still computed: microseconds of pure code), so both
   * sides share the machine's drift.
   */
  async saves(n: number) {
    if (!hq) throw new Error('seed first');
    const { db, dataKey } = hq;
    const sealer = makeSealer(dataKey);
    // A save's rollup write is its journal row (and every FOLD_EVERY-th save's fold, after
    // it commits, which the next save waits for): made a no-op, with no key, no fold either.
    const table = db.rollupJournal;
    const steps = stepTimer(db);
    const real = { bulkAdd: table.bulkAdd.bind(table) };
    const off = { bulkAdd: (() => Promise.resolve([])) as unknown as typeof real.bulkAdd };
    const author = {
      deviceId: DEMO_HQ_DEVICE_ID,
      officerId: 'lo-london-1',
      name: 'Bench',
      postCode: 'LON',
    };
    const save = async (i: number) => {
      const t0 = performance.now();
      await createActivity(
        db,
        author,
        {
          type: 'interdiction',
          schemaVersion: 1,
          occurredOn: '2012-11-20',
          data: {
            airport: 'LHR',
            carrier: 'Air Canada',
            documentType: 'passport',
            fraudType: 'altered',
            persons: 1 + (i % 3),
            outcome: 'offloaded',
            travellerName: `Traveller ${i}`,
          },
        },
        { sealer },
      );
      return performance.now() - t0;
    };
    const withRollups: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < n; i++) {
      Object.assign(table, off);
      without.push(await save(i));
      Object.assign(table, real);
      withRollups.push(await steps.during(() => save(i)));
    }
    return { withRollups: stats(withRollups), without: stats(without), steps: steps.summary() };
  },

  /** (e) Imports the 63 bundle files at a fresh HQ whose profile lists their devices. */
  async importBundles(names: string[], label: string) {
    if (!net) net = await demoNetwork();
    const files = await Promise.all(
      names.map(async (name) => ({
        name,
        data: new Uint8Array(await (await fetch(`./bundles/${name}`)).arrayBuffer()),
      })),
    );
    const dbName = `sbench-import-${label}`;
    const device = await hqDevice(dbName, net);
    const vault = new VaultSession(device.db);
    vault.open(device.dataKey);
    const services: Services = {
      db: device.db,
      platform: { kind: 'browser' } as unknown as Platform,
      deviceId: DEMO_HQ_DEVICE_ID,
      vault,
    };
    const exchange = createExchangeClient(services, {
      createWorker: () => {
        const worker = new Worker(
          new URL('../../../renderer/src/db/exchange/exchange.worker.ts', import.meta.url),
          { type: 'module' },
        );
        workers.push(worker);
        return worker;
      },
    });
    // As the app does at start: the worker is up before a person imports.
    await exchange.resumeInterrupted({});
    // When each file starts: whether later files cost more than earlier ones (the database
    // growing) or every file costs alike.
    const started: number[] = [];
    const t0 = performance.now();
    const run = await timed(() =>
      exchange.importFiles(files, {
        onProgress: (p) => {
          started[p.fileIndex] ??= performance.now() - t0;
        },
      }),
    );
    stopWorkers();
    const perFile = files.map((_, i) => (started[i + 1] ?? run.ms) - (started[i] ?? 0));
    const outcomes: Record<string, number> = {};
    for (const file of run.value.files) {
      outcomes[file.outcome.kind] = (outcomes[file.outcome.kind] ?? 0) + 1;
    }
    const entries = await device.db.activities.count();
    const rollupRows = await device.db.summaryRollups.count();
    const changes = (await device.db.changes.toArray()).flatMap(changesOf).length;
    device.db.close();
    await deleteDatabase(dbName);
    return {
      ms: run.ms,
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.data.byteLength, 0),
      outcomes,
      entries,
      rollupRows,
      changes,
      perFileMs: perFile,
    };
  },

  /** (e), where the time goes (phases.ts). */
  async importPhases(names: string[]) {
    net ??= await demoNetwork();
    return importPhases(net, names);
  },

  async cleanUp() {
    stopWorkers();
    hq?.db.close();
    await deleteDatabase(SUMMARY_DB);
  },
};

declare global {
  interface Window {
    summariesBench?: typeof bench;
  }
}
window.summariesBench = bench;
