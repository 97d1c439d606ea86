// Officer-log benchmarks in real Chromium, on the built app: saving one activity with
// 100,000 already stored, and opening the log until the first rows are drawn. Each figure
// sits next to a baseline measured in the same run.
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.ts';
import { serveDirectory } from './static-server.ts';
import { BENCH_PASSPHRASE } from './harness/passphrase.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STORED = 100_000;
const BASELINE_STORED = 100;
const SAVES = 200;

interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
}
interface BenchApi {
  prepare(count: number): Promise<{ seedMs: number }>;
  saves(n: number): Promise<{ save: Stats; rawPut: Stats; rowsAfter: number }>;
}

async function buildHarness(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: `${ROOT}tests/bench/harness`,
    base: './',
    build: { outDir: `${ROOT}dist/bench`, emptyOutDir: true, target: 'es2022' },
  });
}

async function prepare(page: Page, origin: string, count: number): Promise<number> {
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  const { seedMs } = await page.evaluate(
    (n) => (window as unknown as { bench: BenchApi }).bench.prepare(n),
    count,
  );
  return seedMs;
}

/**
 * Opens the app (it starts locked), unlocks it, and returns ms from pressing Unlock to the
 * first log row in the DOM: the passphrase's key derivation (PBKDF2, the app's own cost)
 * plus the log's first screenful.
 */
async function firstRowsMs(browser: Browser, origin: string, page: Page): Promise<number> {
  void browser;
  await page.goto('about:blank');
  await page.goto(`${origin}/renderer/index.html#/`);
  await page.locator('#unlock-passphrase').fill(BENCH_PASSPHRASE);
  const pressedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('[data-testid="activity-row"]').first().waitFor({ timeout: 60_000 });
  const firstRow = await page.evaluate(() => {
    const entry = (performance as Performance & { __firstRow?: number }).__firstRow;
    return entry ?? performance.now();
  });
  return firstRow - pressedAt;
}

export async function runAppBench(): Promise<Record<string, unknown>> {
  await buildHarness();
  const server = await serveDirectory(`${ROOT}dist`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Stamp the moment the first row is attached, from inside the page, so Playwright's own
    // polling delay is not part of the figure.
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="activity-row"]')) {
          (performance as Performance & { __firstRow?: number }).__firstRow = performance.now();
          observer.disconnect();
        }
      });
      document.addEventListener('DOMContentLoaded', () =>
        observer.observe(document.body, { childList: true, subtree: true }),
      );
    });
    const page = await context.newPage();

    const baselineSeedMs = await prepare(page, server.url, BASELINE_STORED);
    const baselineFirstRows = [];
    for (let i = 0; i < 3; i++)
      baselineFirstRows.push(await firstRowsMs(browser, server.url, page));

    const seedMs = await prepare(page, server.url, STORED);
    const firstRows = [];
    for (let i = 0; i < 3; i++) firstRows.push(await firstRowsMs(browser, server.url, page));

    await page.goto(`${server.url}/bench/index.html`);
    await page.waitForFunction(() => 'bench' in window);
    const saves = await page.evaluate(
      (n) => (window as unknown as { bench: BenchApi }).bench.saves(n),
      SAVES,
    );
    await context.close();

    const median = (xs: number[]) =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      storedActivities: STORED,
      seedMs: round(seedMs),
      saveOneActivity: {
        medianMs: round(saves.save.median),
        p95Ms: round(saves.save.p95),
        maxMs: round(saves.save.max),
        saves: saves.save.n,
        goalP95Ms: 50,
        baselineRawDexiePut: {
          medianMs: round(saves.rawPut.median),
          p95Ms: round(saves.rawPut.p95),
        },
        ratioP95ToBaseline: round(saves.save.p95 / saves.rawPut.p95),
      },
      openLogFirstRows: {
        from: 'Unlock pressed on the lock screen (PBKDF2 key derivation included)',
        medianMs: round(median(firstRows)),
        runsMs: firstRows.map(round),
        goalMs: 500,
        baselineWith100Stored: {
          medianMs: round(median(baselineFirstRows)),
          seedMs: round(baselineSeedMs),
        },
        ratioToBaseline: round(median(firstRows) / median(baselineFirstRows)),
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
