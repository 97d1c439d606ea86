// Summaries benchmark (issue 12): figures beside baselines measured in the same run, not a
// pass/fail test.
//
// Where each measure runs, and why: ALL of them in real Chromium, on the app's own code built
// by Vite (tests/bench/summaries-harness). Chromium's IndexedDB (LevelDB underneath) is what
// people run; fake-indexeddb in Node is an in-memory JavaScript model whose costs (no disk, no
// structured-clone to a backing store, no index maintenance in C++) differ by an order of
// magnitude either way, so a figure from it would not say whether the screen is fast. The
// demo seeding and the import run in Web Workers in the app, which exist only in a browser.
//
// How the 500,000 entries are stored: the demo network (about 73,000 entries) is seeded by the
// app's own bulk seeding path (the demo-seed worker, renderer/src/db/demo-seed.ts: sealed
// values, officer clocks, rollups in each slice's transaction), then its stored rows are
// bulk-put again under new ids until there are 500,000, and the rollups are counted afresh by
// the app's own "Rebuild summaries" (rebuildRollups). The copies keep month, post, officer
// and type, so the rollup table keeps the demo network's real shape.
//
// (a) FY network summary by type × post, (b) one post's monthly trend and (c) the
//     completeness table: each through the screen's own code (loadSummary / rollupsFor and
//     reporting), beside a full scan of the 500,000 entries counted with the same shared code.
// (d) seeding the demo network: the demo-seed worker, from the request to "done".
// (e) importing the 63 demo bundles (`npm run demo:bundles`) at a fresh HQ through the
//     exchange client and its worker, beside importing ONE officer's bundle (the smallest
//     baseline that exercises the same path: it shows whether the cost grows with the changes,
//     linearly, or worse).
// (f) saving one entry with createActivity on the 500,000-entry database: p95 with its
//     rollup write beside p95 with that write (its journal row) made a no-op, and
//     where a save's time goes (each IndexedDB call it makes, issued when and settled when).
//
// BENCH=summaries npm run bench      runs this part alone. On the shared 2-core machine's disk,
//                                     filling 500,000 entries alone took over 30 minutes
//                                     (docs/summaries.md, "Measured").
// SUMMARIES_BENCH_ENTRIES=100000     a smaller database for a quick look.
// SUMMARIES_BENCH_ONLY=import         the import (e) alone, with its time per file.
// SUMMARIES_BENCH_ONLY=queries        (a)-(c) and (f) alone: seeding and growing, no bundles
//                                     and no import (e), for looking into the reads.
// SUMMARIES_BENCH_MEMORY=1            IndexedDB in memory (off the record): quicker to fill.
// SUMMARIES_BENCH_QUERY_RUNS=N        runs of each of (a)-(c) (30), in each pass: the first
//                                     right after the fill, the second after the scans.
// SUMMARIES_BENCH_SCAN_RUNS=0         no full scan (1 by default; minutes at 500,000), so no
//                                     check that the scan agrees; for a quick look at reads.
// SUMMARIES_BENCH_CPUPROFILE=FILE     with ONLY=queries or reuse: a CPU profile of the
//                                     page's thread during each pass (FILE.first, FILE.queries).
// SUMMARIES_BENCH_PHASES=1            with it, the 63 files once more through the exchange
//                                     engine on the page's thread with its phase hooks: where
//                                     the time goes (decode, seal, each step of the apply).
// SUMMARIES_BENCH_ONLY=seed           the seeding (d) alone.
// SUMMARIES_BENCH_ONLY=phases         only the step-timed runs of the import and the seeding;
//                                     SUMMARIES_BENCH_CPUPROFILE=FILE saves a CPU profile of
//                                     each (FILE.import, FILE.seed) for DevTools.
// SUMMARIES_BENCH_ONLY=reuse SUMMARIES_BENCH_PROFILE=DIR SUMMARIES_BENCH_PORT=N
//                                     (a)-(c) and (f) on the 500,000 entries a run stopped
//                                     part way, or a queries run, left in its Chromium profile
//                                     (same port: same origin, same IndexedDB); the rollups are
//                                     rebuilt first. A run given a profile keeps its store.
// SUMMARIES_BENCH_ONLY=search SUMMARIES_BENCH_PROFILE=DIR SUMMARIES_BENCH_PORT=N
//                                     the log's searches (g) alone on a kept store.
// SUMMARIES_BENCH_SEARCH_RUNS=N       runs of each search (10): first window and count.
// SUMMARIES_BENCH_ONLY=saves SUMMARIES_BENCH_PROFILE=DIR SUMMARIES_BENCH_PORT=N
//                                     the saves (f) alone on a kept store.
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.ts';
import { serveDirectory } from './static-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ONLY = process.env.SUMMARIES_BENCH_ONLY;
// A part run alone builds into its own folder, so two parts can run side by side.
// SUMMARIES_BENCH_LABEL names the folder apart, for two runs of one part side by side.
const HARNESS = `bench-summaries${ONLY ? `-${ONLY}` : ''}${process.env.SUMMARIES_BENCH_LABEL ? `-${process.env.SUMMARIES_BENCH_LABEL}` : ''}`;
const OUT = `${ROOT}dist/${HARNESS}`;
const ENTRIES = Number(process.env.SUMMARIES_BENCH_ENTRIES ?? 500_000);
// Entries per transaction while growing; SUMMARIES_BENCH_GROW_BATCH overrides it.
const GROW_BATCH = Number(process.env.SUMMARIES_BENCH_GROW_BATCH ?? 2_000);
// Runs of each query: enough that the p95 is not simply the slowest of a handful.
const QUERY_RUNS = Number(process.env.SUMMARIES_BENCH_QUERY_RUNS ?? 30);
const SEARCH_RUNS = Number(process.env.SUMMARIES_BENCH_SEARCH_RUNS ?? 10);
// SUMMARIES_BENCH_SCAN_RUNS=0: no full scan (minutes at this size), for a quick look at the reads.
const SCAN_RUNS = Number(process.env.SUMMARIES_BENCH_SCAN_RUNS ?? 1);
const SAVES = 200;
const GOALS = { queryMs: 50, seedMs: 20_000, importMs: 30_000, saveP95Ms: 20 };

async function buildHarness(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: `${ROOT}tests/bench/summaries-harness`,
    base: './',
    define: { __APP_VERSION__: JSON.stringify('bench'), global: 'globalThis' },
    worker: { format: 'es' },
    build: { outDir: OUT, emptyOutDir: true, target: 'es2022' },
  });
}

/** The 63 bundles as the generator writes them, into the served folder; timed. */
async function writeBundles(): Promise<{ ms: number; names: string[]; bytes: number }> {
  const dir = `${OUT}/bundles`;
  await rm(dir, { recursive: true, force: true });
  const t0 = performance.now();
  await promisify(execFile)('npx', ['tsx', 'tools/demo-bundles.ts', dir], { cwd: ROOT });
  const ms = performance.now() - t0;
  const names = (await readdir(dir)).sort();
  let bytes = 0;
  for (const name of names) bytes += (await stat(`${dir}/${name}`)).size;
  return { ms, names, bytes };
}

type Api = Record<string, (...args: unknown[]) => unknown>;

async function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  // The page's error as text: a DOMException does not survive page.evaluate's serialisation.
  const answer = (await page.evaluate(
    async ([m, a]) => {
      try {
        const api = (window as unknown as { summariesBench: Api }).summariesBench;
        return { value: await api[m]?.(...a) };
      } catch (e) {
        return { error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) };
      }
    },
    [method, args] as const,
  )) as { value?: T; error?: string };
  if (answer.error !== undefined) throw new Error(`${method} failed in the page: ${answer.error}`);
  return answer.value as T;
}

interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
}
const round = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const brief = (s: Stats) => ({
  medianMs: round(s.median),
  p95Ms: round(s.p95),
  maxMs: round(s.max),
  n: s.n,
});
const loadAverage = () =>
  readFile('/proc/loadavg', 'utf8').then(
    (text) => text.split(' ').slice(0, 3).join(' '),
    () => 'unknown',
  );

/**
 * SUMMARIES_BENCH_CPUPROFILE=FILE: a CPU profile of the page's thread while `run` runs (the
 * phase runs, which run the engine on that thread), saved for Chromium's DevTools.
 */
async function cpuProfiled<T>(page: Page, run: () => Promise<T>, suffix = ''): Promise<T> {
  const base = process.env.SUMMARIES_BENCH_CPUPROFILE;
  if (!base) return run();
  const file = `${base}${suffix}`;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
  }
}

/** (e): one officer's bundle, then all 63, each at a fresh HQ that lists their devices. */
async function importFigures(
  page: Page,
  bundles: { ms: number; names: string[]; bytes: number },
): Promise<Record<string, unknown>> {
  const first = bundles.names.find((n) => n.includes('lo-bogota-1')) ?? bundles.names[0];
  const one = await call<{ ms: number; entries: number; outcomes: Record<string, number> }>(
    page,
    'importBundles',
    [first],
    'one',
  );
  const all = await call<{
    ms: number;
    changes: number;
    perFileMs: number[];
    entries: number;
    rollupRows: number;
    bytes: number;
    outcomes: Record<string, number>;
  }>(page, 'importBundles', bundles.names, 'all');
  // SUMMARIES_BENCH_PHASES=1: the 63 files again, through the engine with its phase hooks.
  const phases =
    process.env.SUMMARIES_BENCH_PHASES === '1'
      ? await cpuProfiled(page, () =>
          call<Record<string, number>>(page, 'importPhases', bundles.names),
        )
      : undefined;
  return {
    generatorMs: round(bundles.ms),
    files: bundles.names.length,
    bytes: bundles.bytes,
    ms: round(all.ms),
    entries: all.entries,
    changesStored: all.changes,
    rollupRows: all.rollupRows,
    // Mean per file over the first and the last ten files of the run: flat when the cost
    // is per change, rising when it grows with what is already stored.
    firstTenFilesMeanMs: round(mean(all.perFileMs.slice(0, 10))),
    lastTenFilesMeanMs: round(mean(all.perFileMs.slice(-10))),
    perFileMs: all.perFileMs.map(Math.round),
    outcomes: all.outcomes,
    goalMs: GOALS.importMs,
    met: all.ms < GOALS.importMs,
    baselineOneBundle: {
      file: first,
      ms: round(one.ms),
      entries: one.entries,
      outcomes: one.outcomes,
    },
    msPerEntry: round(all.ms / Math.max(1, all.entries)),
    baselineMsPerEntry: round(one.ms / Math.max(1, one.entries)),
    ...(phases
      ? { phasesMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)])) }
      : {}),
  };
}

export async function runSummariesBench(): Promise<Record<string, unknown>> {
  await buildHarness();
  const noImport = ONLY === 'reuse' || ONLY === 'queries';
  // The reads alone and the seeding alone need no bundles (writing them takes a while).
  const bundles =
    ONLY === 'queries' ||
    ONLY === 'seed' ||
    ONLY === 'reuse' ||
    ONLY === 'search' ||
    ONLY === 'saves'
      ? { ms: NaN, names: [], bytes: 0 }
      : await writeBundles();
  const server = await serveDirectory(`${ROOT}dist`, Number(process.env.SUMMARIES_BENCH_PORT ?? 0));
  // A profile on disk: a plain newContext() is off the record, its IndexedDB held in memory
  // with a small quota (500,000 entries overflow it), and it is not what people run.
  const kept = process.env.SUMMARIES_BENCH_PROFILE;
  const profile = kept ?? (await mkdtemp(join(tmpdir(), 'summaries-bench-')));
  // SUMMARIES_BENCH_MEMORY=1: off the record (IndexedDB in memory, as the e2e tests run it):
  // faster to fill, a quota of about 370,000 entries, and not what people run.
  const inMemory = process.env.SUMMARIES_BENCH_MEMORY === '1';
  const browser = inMemory
    ? await (
        await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
      ).newContext()
    : await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
      });
  const loadBefore = await loadAverage();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'info') console.error(`[page] ${m.text()}`);
    });
    await page.goto(`${server.url}/${HARNESS}/index.html`);
    await page.waitForFunction(() => 'summariesBench' in window);
    const log = (what: string) => console.error(`[summaries bench] ${what} (load ${loadBefore})`);

    // SUMMARIES_BENCH_ONLY=import: the import alone (e), for looking into it.
    if (ONLY === 'import') {
      return {
        loadAverageAtStart: loadBefore,
        e_import63Bundles: await importFigures(page, bundles),
        loadAverageAtEnd: await loadAverage(),
      };
    }
    // SUMMARIES_BENCH_ONLY=seed: the seeding alone (d), twice through the worker as the app
    // runs it, and with SUMMARIES_BENCH_PHASES=1 once more on the page's thread, timed by step.
    // SUMMARIES_BENCH_ONLY=phases: only the step-timed runs, the import's then the seeding's.
    if (ONLY === 'phases') {
      const timedSteps = (what: string, method: string, ...args: unknown[]) =>
        cpuProfiled(page, () => call<Record<string, number>>(page, method, ...args), `.${what}`);
      return {
        loadAverageAtStart: loadBefore,
        importPhasesMs: await timedSteps('import', 'importPhases', bundles.names),
        loadAverageBetween: await loadAverage(),
        seedPhasesMs: await timedSteps('seed', 'seedPhases'),
        loadAverageAtEnd: await loadAverage(),
      };
    }
    if (ONLY === 'seed') {
      const runs: number[] = [];
      for (let i = 0; i < 2; i++)
        runs.push(round((await call<{ ms: number }>(page, 'seedDemo')).ms));
      const phases =
        process.env.SUMMARIES_BENCH_PHASES === '1'
          ? await cpuProfiled(page, () => call<Record<string, number>>(page, 'seedPhases'))
          : undefined;
      await call(page, 'cleanUp');
      return {
        loadAverageAtStart: loadBefore,
        d_seedDemoNetwork: {
          runsMs: runs,
          goalMs: GOALS.seedMs,
          ...(phases
            ? {
                phasesMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)])),
              }
            : {}),
        },
        loadAverageAtEnd: await loadAverage(),
      };
    }
    // SUMMARIES_BENCH_ONLY=saves with SUMMARIES_BENCH_PROFILE: the saves (f) alone, on the
    // store a kept profile holds (its rollups as the last run left them).
    if (ONLY === 'saves') {
      if (!kept) throw new Error('SUMMARIES_BENCH_ONLY=saves needs SUMMARIES_BENCH_PROFILE');
      await call(page, 'reopen');
      const saves = await call<{ withRollups: Stats; without: Stats; steps: unknown }>(
        page,
        'saves',
        SAVES,
      );
      return {
        loadAverageAtStart: loadBefore,
        f_saveOneEntry: {
          withRollups: brief(saves.withRollups),
          withoutRollups: brief(saves.without),
          stepsWithRollups: saves.steps,
          goalP95Ms: GOALS.saveP95Ms,
          met: saves.withRollups.p95 < GOALS.saveP95Ms,
        },
        loadAverageAtEnd: await loadAverage(),
      };
    }
    // SUMMARIES_BENCH_ONLY=search with SUMMARIES_BENCH_PROFILE: the log's searches (g) alone,
    // on the store a kept profile holds.
    if (ONLY === 'search') {
      // On an empty store every search would be an empty filter: figures of nothing.
      if (!kept) throw new Error('SUMMARIES_BENCH_ONLY=search needs SUMMARIES_BENCH_PROFILE');
      await call(page, 'reopen');
      return {
        loadAverageAtStart: loadBefore,
        g_logSearch: await call(page, 'searches', SEARCH_RUNS),
        loadAverageAtEnd: await loadAverage(),
      };
    }
    log('d: seeding the demo network');
    const seed =
      ONLY === 'reuse'
        ? await call<{ ms: number; stored: number }>(page, 'reopen')
        : await call<{ ms: number; stored: number }>(page, 'seedDemo');
    log(`d: ${Math.round(seed.ms)} ms; growing to ${ENTRIES}`);
    const grown = await call<{
      copyMs: number;
      rebuildMs: number;
      rollupRows: number;
      entries: number;
    }>(page, 'grow', ENTRIES, GROW_BATCH);
    log(`filled: ${JSON.stringify(grown)}; a-c: queries`);
    const q = await cpuProfiled(
      page,
      () =>
        call<{
          rollups: Record<'a' | 'b' | 'c', Stats>;
          scan: Record<'a' | 'b' | 'c', Stats>;
          split: Record<'floor' | 'read' | 'addA' | 'addB' | 'addC', Stats>;
          groups: Record<'a' | 'b' | 'c', number>;
          rollupRowsRead: number;
          scanAgreesWithRollups: boolean | null;
        }>(page, 'queries', QUERY_RUNS, SCAN_RUNS),
      '.first',
    );
    // Each figure is printed as soon as it is measured: a long run stopped part way still
    // leaves what it measured.
    log(`a-c: ${JSON.stringify(q)}; a-c again`);
    // (a)-(c) a second time, after the split and the scans: whether the first pass paid for
    // what the fill left behind (garbage, the store's compaction). With
    // SUMMARIES_BENCH_CPUPROFILE=FILE, profiled (FILE.queries).
    const again = await cpuProfiled(
      page,
      () => call<Record<'a' | 'b' | 'c', Stats>>(page, 'queriesAgain', QUERY_RUNS),
      '.queries',
    );
    log(`a-c again: ${JSON.stringify(again)}; f: saves`);
    const saves = await call<{
      withRollups: Stats;
      without: Stats;
      steps: Record<string, { at: number; ms: number }>;
    }>(page, 'saves', SAVES);
    log(`f: ${JSON.stringify(saves)}`);
    const search = await call<Record<string, unknown>>(page, 'searches', SEARCH_RUNS);
    log(`g: ${JSON.stringify(search)}`);
    // A profile given by SUMMARIES_BENCH_PROFILE keeps its store, for a later
    // SUMMARIES_BENCH_ONLY=reuse run (another build's reads on the very same entries).
    if (!kept) await call(page, 'cleanUp');

    log('e: imports');
    const e = noImport ? {} : await importFigures(page, bundles);
    log(`e: ${JSON.stringify(e)}`);

    const query = (k: 'a' | 'b' | 'c', what: string) => ({
      what,
      rollups: brief(q.rollups[k]),
      rollupsAgain: brief(again[k]),
      fullScanBaseline: brief(q.scan[k]),
      scanToRollups: round(q.scan[k].median / q.rollups[k].median),
      groups: q.groups[k],
      goalMs: GOALS.queryMs,
      met: q.rollups[k].median < GOALS.queryMs,
    });
    return {
      storage: inMemory ? 'off the record (in memory)' : 'profile on disk',
      loadAverageAtStart: loadBefore,
      loadAverageAtEnd: await loadAverage(),
      entriesStored: grown.entries,
      fill: {
        copyToTargetMs: round(grown.copyMs),
        rebuildRollupsMs: round(grown.rebuildMs),
        rollupRows: grown.rollupRows,
      },
      a_fyNetworkByTypeAndPost: query('a', 'FY 2010–11, network, by type × post, with comparisons'),
      b_postMonthlyTrend: query('b', `FY 2010–11, one post (LON), by month, with comparisons`),
      c_completenessTable: query('c', 'FY 2010–11, every post and officer, as of 2013-06-30'),
      rollupRowsReadPerQuery: q.rollupRowsRead,
      // Where (a)-(c) spend their time: the read alone (rollupsFor), and each adding-up
      // alone on rows already read.
      readVersusAddingUp: {
        floor_oneKeyRead: brief(q.split.floor),
        read_rollupsFor: brief(q.split.read),
        addUp_a_compareSummaries: brief(q.split.addA),
        addUp_b_compareSummaries: brief(q.split.addB),
        addUp_c_reporting: brief(q.split.addC),
      },
      scanAgreesWithRollups: q.scanAgreesWithRollups,
      d_seedDemoNetwork: {
        ms: round(seed.ms),
        entries: seed.stored,
        goalMs: GOALS.seedMs,
        met: seed.ms < GOALS.seedMs,
      },
      e_import63Bundles: e,
      f_saveOneEntry: {
        withRollups: brief(saves.withRollups),
        withoutRollups: brief(saves.without),
        rollupCostP95Ms: round(saves.withRollups.p95 - saves.without.p95),
        // Where a save with its rollup spends its time: each IndexedDB call, when it was
        // issued (`at`, from the start of the save) and how long it took to settle, medians.
        stepsWithRollups: saves.steps,
        goalP95Ms: GOALS.saveP95Ms,
        met: saves.withRollups.p95 < GOALS.saveP95Ms,
      },
      // The log's search at this size (no goal in the issue; the screen's own queries).
      g_logSearch: search,
    };
  } finally {
    await browser.close();
    await browser.browser()?.close();
    await server.close();
    if (!kept) await rm(profile, { recursive: true, force: true });
  }
}

// `tsx tests/bench/summaries.bench.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runSummariesBench(), null, 2));
}
