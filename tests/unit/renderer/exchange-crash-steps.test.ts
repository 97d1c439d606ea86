// A crash after every write of an import, each in turn. For each scenario, an uninterrupted
// run gives the list of its writes (each a committed transaction) and the state it ends in;
// then for each write N the same import runs on a copy of the same database, dies right after
// write N (nothing later is stored), and the copy is checked: every table is as before, or
// holds whole files only (a file is applied with its report and off the queue, or not at all).
// Reopened, the import resumes, and every table ends exactly as the uninterrupted run's.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import {
  approveDevice,
  importFiles,
  resumeInterrupted,
} from '../../../renderer/src/db/exchange/engine.ts';
import { describeFailure } from '../../../renderer/src/db/exchange/errors.ts';
import { type ImportFaults } from '../../../renderer/src/db/exchange/import.ts';
import { importFiles as importRun } from '../../../renderer/src/db/exchange/engine.ts';
import { openDatabase, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { type FileOutcome, type ImportFileInput } from '../../../renderer/src/db/exchange/api.ts';
import {
  comparable,
  copyDatabase,
  cutWritesAfter,
  dumpDatabase,
  newRunIds,
  type Dump,
  type WriteCutter,
} from './crash-harness.ts';
import { freshName, liaisonInput, testTypes } from './db-fixtures.ts';
import { unpackStoredRollups } from '../../../renderer/src/db/rollups.ts';
import { type ActivityRow, type RollupStoredRow } from '../../../renderer/src/db/schema.ts';
import { recount, type RollupTable } from '../../../shared/summary/measures.ts';
import {
  OFFICER_A,
  OFFICER_B,
  OFFICER_NEW,
  hqDevice,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

/** One clock for every run, so timestamps agree between a run and its reference. */
const NOW = Date.UTC(2025, 3, 1, 12, 0, 0);
const now = () => NOW;

// The writes of an import, by the tables of their transaction.
const QUEUE = 'exchangeQueue+exchangeRuns'; // the run and its files queued (queueRun)
const TRY = 'exchangeState'; // a file's try counted before the try (beginAttempt)
// The file's name noted with its try once its bytes are read (noteAttemptFileName).
const NAME = 'exchangeState';
const APPLY =
  'activities+exchangeBundles+exchangeDeferred+exchangeQueue+exchangeRuns+exchangeSenders+meta+summaryRollups';
const REPORT = 'exchangeQueue+exchangeRuns'; // a report line alone: rejected, already imported, set aside
const PARK = 'exchangePendingBundles+exchangePendingDevices+exchangeQueue+exchangeRuns';
const FINISH = 'exchangeQueue+exchangeRuns+exchangeState'; // finishRun
const APPROVE =
  'exchangeApprovals+exchangeDeferred+exchangePendingBundles+exchangePendingDevices+exchangeQueue+exchangeRuns+meta';

interface Scenario {
  /** The database the import starts from (copied for each run). */
  base: TestDevice;
  /** Starts the import (a crash may cut it); later starts resume it. */
  start: (db: LiaisonDb, faults: ImportFaults) => Promise<unknown>;
  /** A bundle whose import kills the app each time it is tried. */
  poisonBundleId?: string;
  /** The writes of an uninterrupted run, in order (across restarts, for a poison file). */
  steps: string[];
}

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A, OFFICER_B], [OFFICER_NEW]);
});

async function bundleOf(officer: TestDevice, n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    await createActivity(
      officer.db,
      officer.author,
      liaisonInput({
        data: { meetings: i + 1, subject: `${tag} ${i}`, counterpart: 'rcmp', travellerName: tag },
      }),
      { sealer: officer.sealer },
    );
  }
  const built = await buildChangesExport(officer.deps);
  if (!built) throw new Error('nothing exported');
  return { name: built.fileName, data: built.data, bundleId: built.bundleId };
}

interface RunResult {
  /** The database once the run is over (after every restart). */
  db: LiaisonDb;
  steps: string[];
  /** Right after the crash at write N (when one was asked for). */
  atCrash?: Dump;
}

/**
 * Runs a scenario on a fresh copy of its base: starts the import, and after each death
 * (the crash asked for, or the poison file) closes the database, reopens it as the next app
 * start would, and resumes, until a start ends without dying.
 */
async function run(scenario: Scenario, crashAfter?: number): Promise<RunResult> {
  const name = freshName();
  const cutter: WriteCutter = cutWritesAfter(name, crashAfter);
  let db = await copyDatabase(scenario.base.db, name, now);
  cutter.arm();
  const faults: ImportFaults = {
    insideApply: (bundleId) => {
      if (bundleId !== scenario.poisonBundleId) return;
      cutter.cutNow();
      throw new Error('this file kills the app (test)');
    },
  };
  const result: RunResult = { db, steps: cutter.steps };
  try {
    for (let start = 0; ; start++) {
      if (start > 6) throw new Error('the import never finished');
      const deps = { db, dataKey: scenario.base.dataKey, appVersion: 'test' };
      // A start the crash cut short rejects (its next write failed): that is the death.
      await (start === 0 ? scenario.start(db, faults) : resumeInterrupted(deps, { faults })).catch(
        () => undefined,
      );
      if (!cutter.cut) break;
      if (crashAfter !== undefined && cutter.steps.length === crashAfter && !result.atCrash)
        result.atCrash = await dumpDatabase(db);
      db.close();
      cutter.restart();
      db = await openDatabase(name, { types: testTypes, now });
    }
  } finally {
    cutter.remove();
  }
  result.db = db;
  return result;
}

function rowsOf<T>(dump: Dump, table: string): T[] {
  return (dump[table] ?? []).map((r) => r.value as T);
}

function keysOf(dump: Dump, table: string): string[] {
  return (dump[table] ?? []).map((r) => JSON.stringify(r.key));
}

interface RunRow {
  id: string;
  fileCount: number;
  files: { fileName: string; outcome: FileOutcome }[];
}

/**
 * The state at a crash: every table no write so far touched is as before, and each file of
 * the run is whole: reported and off the queue with all its effects stored, or queued with
 * none of them.
 */
function expectWholeFiles(before: Dump, atCrash: Dump, steps: readonly string[]): void {
  expect(Object.keys(atCrash).sort()).toEqual(Object.keys(before).sort());
  const touched = new Set(steps.flatMap((s) => s.split('+')));
  for (const table of Object.keys(before).filter((t) => !touched.has(t)))
    expect(atCrash[table], `table ${table}`).toEqual(before[table]);

  const runs = rowsOf<RunRow>(atCrash, 'exchangeRuns').filter(
    (r) => !keysOf(before, 'exchangeRuns').includes(JSON.stringify(r.id)),
  );
  expect(runs.length).toBeLessThanOrEqual(1);
  const runRow = runs[0];
  const reports = runRow?.files ?? [];
  const queued = rowsOf<{ runId: string; name: string }>(atCrash, 'exchangeQueue').filter(
    (q) => q.runId === runRow?.id,
  );
  if (runRow) expect(reports.length + queued.length).toBe(runRow.fileCount);

  const applied = reports.flatMap((f) => (f.outcome.kind === 'applied' ? [f.outcome] : []));
  const newBundles = keysOf(atCrash, 'exchangeBundles').filter(
    (k) => !keysOf(before, 'exchangeBundles').includes(k),
  );
  expect(newBundles.sort()).toEqual(applied.map((o) => JSON.stringify(o.bundleId)).sort());
  const inserted = applied.reduce((n, o) => n + o.counts.inserted, 0);
  const activities = rowsOf<{ deleted: boolean }>(atCrash, 'activities');
  expect(activities.length).toBe((before.activities ?? []).length + inserted);
  const count = rowsOf<{ key: string; value: unknown }>(atCrash, 'meta').find(
    (m) => m.key === 'activityCount',
  )?.value;
  expect(count ?? 0).toBe(activities.filter((a) => !a.deleted).length);
  // Summary rollups move with the entries they count: equal to a recount at every crash.
  const rollups: RollupTable = unpackStoredRollups(
    rowsOf<RollupStoredRow>(atCrash, 'summaryRollups'),
  );
  expect(rollups).toEqual(recount(rowsOf<ActivityRow>(atCrash, 'activities')));
  const parked = reports.flatMap((f) => (f.outcome.kind === 'pending-device' ? [f.outcome] : []));
  const newPending = keysOf(atCrash, 'exchangePendingBundles').filter(
    (k) => !keysOf(before, 'exchangePendingBundles').includes(k),
  );
  expect(newPending.sort()).toEqual(parked.map((o) => JSON.stringify(o.bundleId)).sort());
}

/** The whole check of one scenario: a reference run, then a crash after each of its writes. */
async function crashAfterEachWrite(scenario: Scenario): Promise<void> {
  const before = await dumpDatabase(scenario.base.db);
  const reference = await run(scenario);
  expect(reference.steps).toEqual(scenario.steps);
  const refDump = await dumpDatabase(reference.db);
  const expected = await comparable(refDump, newRunIds(before, refDump), scenario.base.dataKey);
  // The run changed something, so the comparisons below can fail.
  expect(expected).not.toEqual(await comparable(before, [], scenario.base.dataKey));

  for (let n = 1; n < scenario.steps.length; n++) {
    const crashed = await run(scenario, n);
    expect(crashed.atCrash, `a crash after write ${n}`).toBeDefined();
    if (crashed.atCrash) expectWholeFiles(before, crashed.atCrash, scenario.steps.slice(0, n));
    const after = await dumpDatabase(crashed.db);
    expect(
      await comparable(after, newRunIds(before, after), scenario.base.dataKey),
      `resumed after a crash after write ${n} (${scenario.steps[n - 1]})`,
    ).toEqual(expected);
  }
}

// Each case imports once per write it can crash after (up to 17 runs): seconds on a quiet
// machine, past Vitest's 5 s default when the machine is loaded.
describe('a crash after each write of an import', { timeout: 60_000 }, () => {
  it('leaves whole files only, and resumes to the same state, for bundles, a refused file, a replay and a parked bundle', async () => {
    const a = await bundleOf(await officerDevice(net, OFFICER_A), 2, 'A');
    const b = await bundleOf(await officerDevice(net, OFFICER_B), 3, 'B');
    const stranger = await bundleOf(await officerDevice(net, OFFICER_NEW), 1, 'New');
    const files: ImportFileInput[] = [
      a,
      { name: 'notes.txt', data: new TextEncoder().encode('hello') },
      { ...a, name: 'again.llb' },
      stranger,
      b,
    ];
    const base = await hqDevice(net);
    await crashAfterEachWrite({
      base,
      start: (db, faults) =>
        importFiles({ db, dataKey: base.dataKey, appVersion: 'test' }, files, { faults }),
      steps: [
        QUEUE,
        ...[TRY, NAME, APPLY],
        ...[TRY, NAME, REPORT],
        ...[TRY, NAME, REPORT],
        ...[TRY, NAME, PARK],
        ...[TRY, NAME, APPLY],
        FINISH,
      ],
    });
  });

  it('sets a file that kills the import aside after two tries, whatever write a crash follows', async () => {
    const a = await bundleOf(await officerDevice(net, OFFICER_A), 2, 'A');
    const poison = await bundleOf(await officerDevice(net, OFFICER_B), 1, 'Poison');
    const base = await hqDevice(net);
    await crashAfterEachWrite({
      base,
      start: (db, faults) =>
        importFiles({ db, dataKey: base.dataKey, appVersion: 'test' }, [poison, a], { faults }),
      poisonBundleId: poison.bundleId,
      // Tried, killed; tried again on the next start, killed; then set aside (the third
      // count commits without a write), and the run goes on.
      steps: [QUEUE, TRY, NAME, TRY, NAME, TRY, REPORT, TRY, NAME, APPLY, FINISH],
    });
  });

  it('approves a waiting device and imports its bundles whole, whatever write a crash follows', async () => {
    const stranger = await bundleOf(await officerDevice(net, OFFICER_NEW), 2, 'New');
    const base = await hqDevice(net);
    await importRun(base.deps, [stranger]);
    await crashAfterEachWrite({
      base,
      start: (db) =>
        approveDevice({ db, dataKey: base.dataKey, appVersion: 'test' }, OFFICER_NEW.deviceId),
      steps: [APPROVE, TRY, NAME, APPLY, FINISH],
    });
  });
});

describe('a disk that fills up during an import', () => {
  it('stops the run saying the disk is full when not even the report line can be written', async () => {
    const a = await bundleOf(await officerDevice(net, OFFICER_A), 2, 'A');
    const b = await bundleOf(await officerDevice(net, OFFICER_B), 1, 'B');
    const base = await hqDevice(net);
    const name = freshName();
    const cutter = cutWritesAfter(name);
    try {
      const db = await copyDatabase(base.db, name, now);
      cutter.arm();
      const before = await dumpDatabase(db);
      // The first file's apply finds the disk full, and from then on nothing can be written.
      const failure = await importFiles({ db, dataKey: base.dataKey, appVersion: 'test' }, [a, b], {
        faults: {
          insideApply: () => {
            cutter.cutNow();
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          },
        },
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(describeFailure(failure)).toEqual({ errorKey: 'exchange.error.disk-full' });
      // Queued, a try counted for the first file and its name noted, and nothing else: the
      // second was not tried.
      expect(cutter.steps).toEqual([QUEUE, TRY, NAME]);
      const atFull = await dumpDatabase(db);
      expectWholeFiles(before, atFull, cutter.steps);
      expect(atFull.exchangeQueue).toHaveLength(2);
    } finally {
      cutter.remove();
    }
  });
});
