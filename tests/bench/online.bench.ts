// Online sync round trip on loopback, through a real Apache WebDAV server: an officer's change
// to its outbox, HQ's pull and import, HQ's receipt back into the officer's inbox and applied.
// Runs in Node with fake-indexeddb (the engine is the real one; IndexedDB timings differ from
// Chromium's), three sync calls per round, the timer and debounce left out (they only add
// their own settings on top).
import 'fake-indexeddb/auto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApache } from '../webdav/apache.ts';
import { createWebdavRemote } from '../../renderer/src/platform/remote-webdav.ts';
import { directPort } from '../../renderer/src/db/online/port.ts';
import { syncOnce } from '../../renderer/src/db/online/sync.ts';
import { getExchangeStatus } from '../../renderer/src/db/exchange/queries.ts';
import {
  OFFICER_A,
  hqDevice,
  logOne,
  makeNetwork,
  officerDevice,
  type TestDevice,
} from '../unit/renderer/exchange-fixtures.ts';

const ROUNDS = 5;

export async function runOnlineBench(): Promise<Record<string, unknown>> {
  const apache = await startApache();
  try {
    mkdirSync(join(apache.root, 'bench'));
    chmodSync(join(apache.root, 'bench'), 0o777);
    const store = createWebdavRemote({
      url: `${apache.url}bench/`,
      username: apache.user,
      password: apache.password,
    });
    const net = await makeNetwork([OFFICER_A]);
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const sync = (d: TestDevice) => syncOnce({ db: d.db, store, port: directPort(d.deps) });
    const roundTripsMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await logOne(officer, `Bench round ${i}`);
      const start = performance.now();
      await sync(officer);
      await sync(hq);
      await sync(officer);
      roundTripsMs.push(Math.round(performance.now() - start));
      const waiting = (await getExchangeStatus(officer.db)).waiting;
      if (waiting !== 0) throw new Error(`round ${i}: ${waiting} changes still waiting`);
    }
    const sorted = [...roundTripsMs].sort((a, b) => a - b);
    return {
      what: 'officer change -> outbox -> HQ import -> receipt -> applied, loopback Apache mod_dav',
      rounds: ROUNDS,
      roundTripsMs,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      goalMs: 5000,
    };
  } finally {
    await apache.dispose();
  }
}
