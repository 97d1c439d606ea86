// A sender whose clock runs a year ahead: its changes are held at import (not merged, so
// they cannot beat later edits and reviews), reported, and applied by a later import once
// the receiver's clock has caught up.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity, updateActivity } from '../../../renderer/src/db/activities.ts';
import { MAX_DRIFT_MS } from '../../../renderer/src/db/exchange/apply.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  OFFICER_B,
  hqDevice,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const START = Date.UTC(2025, 3, 1, 9, 0, 0);

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A, OFFICER_B]);
});

async function sendTo(from: TestDevice, to: TestDevice) {
  const built = await buildChangesExport(from.deps);
  if (!built) throw new Error('nothing exported');
  const run = await importFiles(to.deps, [{ name: built.fileName, data: built.data }]);
  return run.files[0]?.outcome;
}

describe('a sender whose clock is a year ahead', () => {
  it('is held at import, shown in the report, and applied once the receiver’s clock catches up', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const other = await officerDevice(net, OFFICER_B);
    const hq = await hqDevice(net);
    const entry = await createActivity(officer.db, officer.author, liaisonInput(), {
      sealer: officer.sealer,
    });
    expect((await sendTo(officer, hq))?.kind).toBe('applied');
    const notesAtHq = async () => (await hq.db.activities.get(entry.id))?.data.notes;
    const before = await notesAtHq();

    // The officer's laptop jumps a year ahead, and the officer edits the entry.
    officer.clock.set(START + YEAR_MS);
    await updateActivity(
      officer.db,
      officer.author,
      entry.id,
      { data: { notes: 'From a clock a year ahead' } },
      { sealer: officer.sealer },
    );
    const held = await sendTo(officer, hq);
    expect(held).toMatchObject({ kind: 'applied', extras: { clockAhead: 1, deferred: 0 } });
    expect(await notesAtHq()).toEqual(before);
    const waiting = await hq.db.exchangeDeferred.toArray();
    expect(waiting).toHaveLength(1);
    expect(Date.parse(waiting[0]?.heldUntil ?? '')).toBeGreaterThan(
      START + YEAR_MS - MAX_DRIFT_MS - 1000,
    );
    // HQ's own clock did not follow it into the future.
    expect(hq.clock.now()).toBeLessThan(START + MAX_DRIFT_MS);

    // A year later at HQ, any import applies what has come due (here another officer's).
    hq.clock.set(START + YEAR_MS);
    await createActivity(other.db, other.author, liaisonInput(), { sealer: other.sealer });
    const later = await sendTo(other, hq);
    expect(later).toMatchObject({ kind: 'applied', extras: { retried: 1 } });
    expect(await hq.db.exchangeDeferred.count()).toBe(0);
    expect(await notesAtHq()).toBe('From a clock a year ahead');
  });

  it('holds a stamp past the year 9999 without retrying it at every import', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const other = await officerDevice(net, OFFICER_B);
    const hq = await hqDevice(net);
    const entry = await createActivity(officer.db, officer.author, liaisonInput(), {
      sealer: officer.sealer,
    });
    expect((await sendTo(officer, hq))?.kind).toBe('applied');
    // Year 33658: an ISO string of it ('+033658-…') would sort before any date of today.
    officer.clock.set(Date.UTC(33658, 0, 1));
    await updateActivity(
      officer.db,
      officer.author,
      entry.id,
      { data: { notes: 'From the far future' } },
      { sealer: officer.sealer },
    );
    officer.clock.set(START); // the bundle itself is dated today; only the change is stamped far
    expect(await sendTo(officer, hq)).toMatchObject({ extras: { clockAhead: 1 } });
    const [waiting] = await hq.db.exchangeDeferred.toArray();
    expect(waiting?.heldUntil?.startsWith('9999-')).toBe(true);
    // The next import today does not take it up again.
    await createActivity(other.db, other.author, liaisonInput(), { sealer: other.sealer });
    const later = await sendTo(other, hq);
    expect(later).toMatchObject({ kind: 'applied' });
    expect(later).not.toMatchObject({ extras: { retried: 1 } });
    expect(await hq.db.exchangeDeferred.count()).toBe(1);
  });
});
