// Crash safety: an import that fails half way through its transaction leaves nothing
// applied and re-importing completes it; files queued by a run that a crash cut short are
// imported on resume, each exactly once; other files of a run go on when one fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import {
  importFiles,
  resumeInterrupted,
  runQueued,
} from '../../../renderer/src/db/exchange/engine.ts';
import { importFile } from '../../../renderer/src/db/exchange/import.ts';
import { listImportRuns } from '../../../renderer/src/db/exchange/queries.ts';
import { queueRun, queuedFiles, recordFileReport } from '../../../renderer/src/db/exchange/runs.ts';
import { getMeta } from '../../../renderer/src/db/meta.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  OFFICER_B,
  hqDevice,
  makeNetwork,
  officerDevice,
  rowsOf,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A, OFFICER_B]);
});

async function bundleWithEntries(officer: TestDevice, n: number) {
  for (let i = 0; i < n; i++) {
    await createActivity(
      officer.db,
      officer.author,
      liaisonInput({
        data: {
          meetings: i + 1,
          subject: `Entry ${i}`,
          counterpart: 'rcmp',
          travellerName: `T ${i}`,
        },
      }),
      { sealer: officer.sealer },
    );
  }
  const built = await buildChangesExport(officer.deps);
  if (!built) throw new Error('nothing exported');
  return { name: built.fileName, data: built.data, bundleId: built.bundleId };
}

async function state(device: TestDevice) {
  return {
    rows: await rowsOf(device),
    count: await getMeta(device.db, 'activityCount'),
    hlc: await getMeta(device.db, 'hlc'),
    bundles: await device.db.exchangeBundles.count(),
    senders: await device.db.exchangeSenders.toArray(),
    // The history is kept in the rows now; the old table must stay as it was too.
    saves: (await device.db.activities.toArray()).reduce((n, r) => n + (r.trail?.length ?? 0), 0),
    trail: await device.db.changeTrail.count(),
  };
}

describe('crash safety', () => {
  it('rolls back the whole bundle when its transaction fails half way, and completes on re-import', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const file = await bundleWithEntries(officer, 5);
    const before = await state(hq);
    const failed = await importFiles(hq.deps, [file], {
      faults: {
        insideApply: () => {
          throw new Error('power cut');
        },
      },
    });
    expect(failed.files[0]?.outcome).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.unexpected',
    });
    expect(await state(hq)).toEqual(before);

    const again = await importFiles(hq.deps, [file]);
    expect(again.files[0]?.outcome).toMatchObject({ kind: 'applied', counts: { inserted: 5 } });
    expect(await hq.db.activities.count()).toBe(5);
    expect(await getMeta(hq.db, 'activityCount')).toBe(5);
  });

  it('says the disk is full when the write runs out of space, and stores nothing', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const file = await bundleWithEntries(officer, 2);
    const before = await state(hq);
    const report = await importFiles(hq.deps, [file], {
      faults: {
        insideApply: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      },
    });
    expect(report.files[0]?.outcome).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.disk-full',
    });
    expect(await state(hq)).toEqual(before);
  });

  it('resumes a run cut short after its first file, importing each file exactly once', async () => {
    const hq = await hqDevice(net);
    const a = await bundleWithEntries(await officerDevice(net, OFFICER_A), 2);
    const b = await bundleWithEntries(await officerDevice(net, OFFICER_B), 3);
    const runId = await queueRun(hq.db, [a, b]);
    // The window closed once the first file had committed: its report and its removal from
    // the queue are part of the same transaction as its changes.
    const [first] = await queuedFiles(hq.db, runId);
    if (!first) throw new Error('nothing queued');
    await importFile(hq.deps, {
      name: first.name,
      data: first.data,
      record: (outcome) =>
        recordFileReport(hq.db, runId, first.id, { fileName: first.name, outcome }),
    });
    expect(await hq.db.activities.count()).toBe(2);

    const progress: number[] = [];
    const resumed = await resumeInterrupted(hq.deps, {
      onProgress: (p) => progress.push(p.overallFraction),
    });
    expect(resumed?.id).toBe(runId);
    expect(resumed?.files.map((f) => f.outcome.kind)).toEqual(['applied', 'applied']);
    expect(resumed?.finishedAt).not.toBeNull();
    expect(progress.at(-1)).toBe(1);
    expect(progress[0]).toBeCloseTo(0.5);
    expect(await hq.db.activities.count()).toBe(5);
    expect(await getMeta(hq.db, 'activityCount')).toBe(5);
    expect(await hq.db.exchangeQueue.count()).toBe(0);
    expect(await resumeInterrupted(hq.deps)).toBeNull();
  });

  it('goes on with the other files when one fails, and keeps the report', async () => {
    const hq = await hqDevice(net);
    const good = await bundleWithEntries(await officerDevice(net, OFFICER_A), 1);
    const report = await importFiles(hq.deps, [
      { name: 'empty.llb', data: new Uint8Array() },
      { name: 'notes.txt', data: new TextEncoder().encode('hello') },
      good,
      { name: 'cut.llb', data: good.data.slice(0, 300) },
    ]);
    expect(
      report.files.map((f) => [
        f.fileName,
        f.outcome.kind === 'rejected' ? f.outcome.errorKey : f.outcome.kind,
      ]),
    ).toEqual([
      ['empty.llb', 'exchange.error.cannot-read'],
      ['notes.txt', 'exchange.error.unknown-file'],
      [good.name, 'applied'],
      ['cut.llb', 'bundle.error.truncated'],
    ]);
    expect((await listImportRuns(hq.db))[0]).toEqual(report);
  });

  it('stops between files when cancelled, leaving the rest untouched', async () => {
    const hq = await hqDevice(net);
    const a = await bundleWithEntries(await officerDevice(net, OFFICER_A), 1);
    const b = await bundleWithEntries(await officerDevice(net, OFFICER_B), 1);
    let files = 0;
    const runId = await queueRun(hq.db, [a, b]);
    const report = await runQueued(hq.deps, runId, {
      onProgress: (p) => {
        if (p.fileFraction === 1) files += 1;
      },
      isCancelled: () => files >= 1,
    });
    expect(report.cancelled).toBe(true);
    expect(report.files).toHaveLength(1);
    expect(await hq.db.activities.count()).toBe(1);
    expect(await hq.db.exchangeQueue.count()).toBe(0);
  });
});
