// `npm run lint` runs this: a file whose folder does not say where it runs is named for it.
// Under electron/ everything runs in the main process or the preload: main.ts and preload.ts,
// *.main.ts and *.preload.ts, or a build config (*.config.ts, run by Node at build time). A
// worker's entry (new Worker(new URL(...))) is a *.worker.ts, and only such entries are.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';

const ELECTRON_NAME = /^electron\/(?:(?:main|preload)|[\w.-]+\.(?:main|preload|config))\.ts$/;
const WORKER_URL = /new\s+Worker\(\s*new\s+URL\(\s*['"]([^'"]+)['"]/g;

/** Each misnamed file with the reason, for the given repository paths and their text. */
export function misnamed(paths: readonly string[], read: (path: string) => string): string[] {
  const problems: string[] = [];
  const entries = new Set<string>();
  for (const path of paths) {
    if (path.startsWith('electron/') && !ELECTRON_NAME.test(path))
      problems.push(`${path}: name it *.main.ts or *.preload.ts`);
    if (!/\.tsx?$/.test(path)) continue;
    for (const match of read(path).matchAll(WORKER_URL)) {
      const entry = posix.normalize(posix.join(posix.dirname(path), match[1] ?? ''));
      entries.add(entry);
      if (!entry.endsWith('.worker.ts'))
        problems.push(`${entry}: a worker's entry is named *.worker.ts (started in ${path})`);
    }
  }
  for (const path of paths)
    if (path.endsWith('.worker.ts') && !entries.has(path))
      problems.push(`${path}: no Worker starts it, so it is not a worker: rename it`);
  return problems;
}

function main(): void {
  const files = execFileSync('git', ['ls-files', 'electron', 'renderer', 'shared'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  const problems = misnamed(files, (path) => readFileSync(path, 'utf8'));
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1]?.endsWith('where-it-runs.ts')) main();
