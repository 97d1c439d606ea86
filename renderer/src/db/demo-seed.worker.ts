// The demo seeding worker: generates the demo network (about 73,000 entries, a couple of
// seconds) and stores it off the UI thread, on the window's own database, reporting progress.
import { demoNilReport, generateDemoData } from '../../../shared/demo-data/index.ts';
import { openDatabase } from './db.ts';
import { seedDemoEntries } from './demo-seed.ts';
import { makeSealer } from './sealing.ts';
import { type SeedMessage, type SeedRequest } from './demo-seed-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SeedRequest>) => void) | null;
  postMessage(message: SeedMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { dbName, dataKey, posts } = event.data;
  const run = async () => {
    const { entries } = generateDemoData({ nothingToReport: demoNilReport });
    const mine = posts ? entries.filter((e) => posts.includes(e.postCode)) : entries;
    const db = await openDatabase(dbName);
    try {
      const stored = await seedDemoEntries(db, makeSealer(dataKey), mine, (done, total) =>
        scope.postMessage({ type: 'progress', done, total }),
      );
      scope.postMessage({ type: 'done', stored });
    } finally {
      db.close();
    }
  };
  run().catch((e: unknown) => {
    console.error('Demo seeding failed', e);
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  });
};
