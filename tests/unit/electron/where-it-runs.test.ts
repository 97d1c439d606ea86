// The naming rule `npm run lint` applies: files say where they run when their folder does not.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { misnamed } from '../../../tools/where-it-runs.ts';

describe('files named for where they run', () => {
  it('finds nothing misnamed in the repository', () => {
    const files = execFileSync('git', ['ls-files', 'electron', 'renderer', 'shared'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(files).toContain('renderer/src/db/exchange/exchange.worker.ts');
    expect(misnamed(files, (path) => readFileSync(path, 'utf8'))).toEqual([]);
  });

  it('flags a main-process module under electron/ that does not say so', () => {
    const files = ['electron/main.ts', 'electron/ipc.main.ts', 'electron/tray.ts'];
    expect(misnamed(files, () => '')).toEqual([
      'electron/tray.ts: name it *.main.ts or *.preload.ts',
    ]);
  });

  it('flags a worker entry not named *.worker.ts, and a *.worker.ts no Worker starts', () => {
    const text: Record<string, string> = {
      'renderer/src/a/client.ts': "new Worker(new URL('./engine.ts', import.meta.url))",
      'renderer/src/a/engine.ts': '',
      'renderer/src/b/old.worker.ts': '',
    };
    expect(misnamed(Object.keys(text), (path) => text[path] ?? '')).toEqual([
      "renderer/src/a/engine.ts: a worker's entry is named *.worker.ts (started in renderer/src/a/client.ts)",
      'renderer/src/b/old.worker.ts: no Worker starts it, so it is not a worker: rename it',
    ]);
  });
});
