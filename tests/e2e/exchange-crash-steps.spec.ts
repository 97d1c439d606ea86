// A crash after each write of an import, in turn, on real IndexedDB in Chromium. HQ imports
// three files (a bundle, a file that is no bundle, another bundle): eleven writes. For each
// write N, the database is put back as it was before the import, the import runs and dies
// right after write N (crash-point.ts: no later write is stored) and the page is closed. At
// the crash every table is as before or holds whole files; the next start resumes the import
// by itself, and every table then equals what the uninterrupted import left.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  comparable,
  crashState,
  newRunIds,
  restoreDatabase,
  serveWorkerWithCrashPoint,
  snapshotDatabase,
  type CrashPoint,
} from './crash-point.ts';
import { forgeBundle, makeForgedDevice, ownLiaisonEntry } from './exchange-forge.ts';
import { dumpDatabase, type DatabaseDump } from './full-disk.ts';
import {
  approvePendingDevice,
  importFiles,
  lastRunFiles,
  openSync,
  setUpDemoDevice,
  shot,
  unlock,
} from './helpers.ts';

const SENDER = { officerId: 'lo-lagos-1', name: 'Amara Okafor', postCode: 'LOS' };
const SNAPSHOT = 'crash-steps-snapshot';

// The writes of the import, by the tables of their transaction.
const QUEUE = 'exchangeQueue+exchangeRuns';
const TRY = 'exchangeState';
// The file's name noted with its try once its bytes are read.
const NAME = 'exchangeState';
const APPLY =
  'activities+exchangeBundles+exchangeDeferred+exchangeQueue+exchangeRuns+exchangeSenders+meta+summaryRollups';
const REPORT = 'exchangeQueue+exchangeRuns';
const FINISH = 'exchangeQueue+exchangeRuns+exchangeState';
const STEPS = [QUEUE, TRY, NAME, APPLY, TRY, NAME, REPORT, TRY, NAME, APPLY, FINISH];

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
const point: CrashPoint = { crashAfter: Infinity };
let files: { name: string; buffer: Buffer }[];
let before: DatabaseDump;
let expected: DatabaseDump;

/** The database as before the import, in a freshly started, unlocked window. */
async function backToBefore(): Promise<void> {
  await restoreDatabase(page, SNAPSHOT);
  await page.reload();
  await unlock(page);
  await openSync(page);
}

async function chooseFiles(): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (
    await chooser
  ).setFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer })),
  );
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  await serveWorkerWithCrashPoint(context, point);
  page = await context.newPage();
  await setUpDemoDevice(page, { role: 'hq' });
  const device = await makeForgedDevice(SENDER.officerId, SENDER.postCode);
  await openSync(page);
  await importFiles(page, [
    {
      name: 'lagos-first.llb',
      buffer: await forgeBundle(device, ownLiaisonEntry(device, 'First')),
    },
  ]);
  await approvePendingDevice(page, SENDER.name);
  // The approval's own run (the waiting bundle) is over before the snapshot.
  await expect(lastRunFiles(page).first()).toHaveAttribute('data-outcome', 'applied');
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeEnabled();
  const entries = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ownLiaisonEntry(device, `${tag} ${i + 1}`)).flat();
  files = [
    { name: 'lagos-2.llb', buffer: await forgeBundle(device, entries(3, 'Second')) },
    { name: 'notes.txt', buffer: Buffer.from('not a bundle') },
    { name: 'lagos-3.llb', buffer: await forgeBundle(device, entries(2, 'Third')) },
  ];
  await snapshotDatabase(page, SNAPSHOT);
  before = await dumpDatabase(page);

  // The uninterrupted import, from the same state: the writes it makes and where it ends.
  await backToBefore();
  await importFiles(page, files);
  await expect(lastRunFiles(page)).toHaveCount(3);
  expect((await crashState(page)).steps).toEqual(STEPS);
  const after = await dumpDatabase(page);
  expected = comparable(after, newRunIds(before, after));
  expect(expected).not.toEqual(comparable(before, []));
});

test.afterAll(async () => {
  await context.close();
});

/**
 * The state at the crash: tables no write so far touched are as before; each file is either
 * reported, off the queue and (for a bundle) applied, or still queued with nothing applied.
 */
function expectWholeFiles(atCrash: DatabaseDump, writes: number): void {
  expect(Object.keys(atCrash).sort()).toEqual(Object.keys(before).sort());
  const touched = new Set(STEPS.slice(0, writes).flatMap((s) => s.split('+')));
  for (const table of Object.keys(before).filter((t) => !touched.has(t)))
    expect(atCrash[table], `table ${table}`).toEqual(before[table]);
  const [runId] = newRunIds(before, atCrash);
  const run = atCrash.exchangeRuns?.find((r) => r.key === runId)?.value as
    { fileCount: number; files: { outcome: { kind: string; bundleId?: string } }[] } | undefined;
  if (!run) throw new Error('the run was not queued');
  const queued = (atCrash.exchangeQueue ?? []).filter(
    (q) => (q.value as { runId: string }).runId === runId,
  );
  expect(run.files.length + queued.length).toBe(run.fileCount);
  const applied = run.files.filter((f) => f.outcome.kind === 'applied');
  const newBundles = (atCrash.exchangeBundles ?? []).length - (before.exchangeBundles ?? []).length;
  expect(newBundles).toBe(applied.length);
  const entriesOf = [3, 2];
  const inserted = applied.reduce((n, _f, i) => n + (entriesOf[i] ?? 0), 0);
  expect((atCrash.activities ?? []).length).toBe((before.activities ?? []).length + inserted);
}

/** Dies after write `n`, closes the page, starts again and checks the resumed import. */
async function crashAfterWrite(n: number): Promise<void> {
  // Read when the reloaded window starts its worker.
  point.crashAfter = n;
  await backToBefore();
  await chooseFiles();
  await expect.poll(async () => (await crashState(page)).cut).toBe(true);
  expect((await crashState(page)).steps).toEqual(STEPS.slice(0, n));
  expectWholeFiles(await dumpDatabase(page), n);
  await page.close();

  point.crashAfter = Infinity;
  page = await context.newPage();
  await page.goto('/#/sync');
  await unlock(page);
  await expect(page.getByText('An interrupted import was completed.')).toBeVisible();
  await expect(lastRunFiles(page)).toHaveCount(3);
  const after = await dumpDatabase(page);
  expect(comparable(after, newRunIds(before, after)), `resumed after write ${n}`).toEqual(expected);
}

// One test per crash point, so each stays short (about 5 s idle).
const CRASH_POINTS: [number, string][] = [
  [1, 'the run and its files are queued'],
  [2, 'the first file’s try is counted'],
  [3, 'the first file’s name is noted'],
  [4, 'the first bundle is applied with its report line'],
  [5, 'the second file’s try is counted'],
  [6, 'the second file’s name is noted'],
  [7, 'the refused file’s report line is written'],
  [8, 'the last file’s try is counted'],
  [9, 'the last file’s name is noted'],
  [10, 'the last bundle is applied, before the run is closed'],
];

for (const [n, what] of CRASH_POINTS) {
  test(`a crash right after ${what} resumes to the same state (write ${n} of ${STEPS.length})`, async () => {
    await crashAfterWrite(n);
    if (n === 1) await shot(page, 'exchange-en-crash-resumed');
  });
}
