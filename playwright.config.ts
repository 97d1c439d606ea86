// End-to-end tests: the built renderer served on 127.0.0.1 and driven in Debian's
// Chromium (never a downloaded browser), plus the Electron suite where a binary exists.
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
// E2E_PORT lets two checkouts run their suites side by side without sharing a server.
const PORT = Number(process.env.E2E_PORT ?? 5181);

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker per core: each test drives its own Chromium, and more workers than cores only
  // make every test slower (E2E_WORKERS overrides it).
  workers: Number(process.env.E2E_WORKERS ?? availableParallelism()),
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        baseURL: `http://127.0.0.1:${PORT}`,
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
  webServer: {
    command: `npx vite preview --config renderer/vite.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
