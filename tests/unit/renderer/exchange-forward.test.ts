// Issue #10, forward compatibility: a change to a field path this version does not sync is
// kept for a later version (never refused, so never lost to a receipt), and every imported
// value is checked with its entry type's own field schema: a bad value is refused by field,
// the rest of the bundle applies.
import { describe, expect, it } from 'vitest';
import { buildChangesExport, type BuiltFile } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import {
  OFFICER_A,
  OFFICER_B,
  appendOwnChange,
  hqDevice,
  logOne,
  makeNetwork,
  officerDevice,
  rowsOf,
  type TestDevice,
} from './exchange-fixtures.ts';
import { liaisonInput, testLiaison, testTypes } from './db-fixtures.ts';
import { createActivity, openDatabase } from '../../../renderer/src/db/index.ts';

async function exported(device: TestDevice): Promise<BuiltFile> {
  const built = await buildChangesExport(device.deps);
  if (!built) throw new Error('nothing exported');
  return built;
}

async function importInto(device: TestDevice, built: BuiltFile) {
  const report = await importFiles(device.deps, [{ name: built.fileName, data: built.data }]);
  const outcome = report.files[0]?.outcome;
  if (outcome?.kind !== 'applied') throw new Error(`not applied: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('a change from a newer version', () => {
  it('is kept aside with its reason, not refused, and the rest of the bundle applies', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const hq = await hqDevice(net);
    const officer = await officerDevice(net, OFFICER_A);
    const record = await logOne(officer, 'Port visit');
    const thread = await appendOwnChange(officer, {
      recordId: record.id,
      field: 'review.thread.c1',
      value: { text: 'Flight number added', at: '2025-04-02T10:00:00Z' },
    });

    const outcome = await importInto(hq, await exported(officer));
    expect(outcome.counts.refused).toBe(0);
    expect(outcome.extras?.deferred).toBe(1);
    expect((await rowsOf(hq)).get(record.id)?.data.subject).toBe('Port visit');
    const kept = await hq.db.exchangeDeferred.toArray();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ reason: 'newer-path', change: thread });

    // A later bundle touching the same entry does not drop it: it waits for an update.
    await appendOwnChange(officer, {
      recordId: record.id,
      field: 'data.subject',
      value: 'Port visit, second day',
    });
    const later = await importInto(hq, await exported(officer));
    expect(later.counts.refused).toBe(0);
    expect(await hq.db.exchangeDeferred.count()).toBe(1);
  });
});

describe('an entry of a type this version does not know', () => {
  it('waits at an older HQ and applies at the first import after the update, whatever it touches', async () => {
    const net = await makeNetwork([OFFICER_A, OFFICER_B]);
    const hq = await hqDevice(net);
    const officer = await officerDevice(net, OFFICER_A);
    const other = await officerDevice(net, OFFICER_B);
    const training = await createActivity(
      officer.db,
      officer.author,
      { ...liaisonInput(), type: 'training' },
      { sealer: officer.sealer },
    );
    // HQ on an older version: its catalogue has no 'training' yet.
    const name = hq.db.name;
    hq.db.close();
    const older = await openDatabase(name, {
      types: (id) => (id === 'liaison' ? testLiaison : undefined),
      now: hq.clock.now,
    });
    const first = await importInto(
      { ...hq, db: older, deps: { ...hq.deps, db: older } },
      await exported(officer),
    );
    expect(first.counts.refused).toBe(0);
    expect(await older.activities.get(training.id)).toBeUndefined();
    expect((await older.exchangeDeferred.toArray()).map((r) => r.reason)).toContain(
      'newer-catalogue',
    );
    older.close();

    // The update: the same database, opened by a version that knows the type. Another
    // officer's bundle, which does not touch the entry, is the next import.
    const updated = await openDatabase(name, { types: testTypes, now: hq.clock.now });
    await logOne(other, 'Unrelated meeting');
    const next = await importInto(
      { ...hq, db: updated, deps: { ...hq.deps, db: updated } },
      await exported(other),
    );
    expect(next.extras?.retried).toBeGreaterThan(0);
    expect((await updated.activities.get(training.id))?.type).toBe('training');
    expect(await updated.exchangeDeferred.count()).toBe(0);
    updated.close();
  });
});

describe('values checked with the entry type’s own schema at import', () => {
  it('refuses each bad value by field with its reason, and applies the good ones', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const hq = await hqDevice(net);
    const officer = await officerDevice(net, OFFICER_A);
    const record = await logOne(officer, 'Port visit');
    // HQ holds the entry first: a new entry whose date is refused could not be created at
    // all, and would wait whole for a valid date.
    await importInto(hq, await exported(officer));
    // One write per field: an export carries the last write of each field only.
    const bad = [
      { field: 'data.meetings', value: -1 },
      { field: 'data.counterpart', value: 'martians' },
      { field: 'data.notes', value: 42 },
      { field: 'data.travellerName', value: 'x'.repeat(201) }, // sensitive: sealed on arrival
      { field: 'occurredOn', value: '2025-02-30' },
    ];
    for (const change of bad) await appendOwnChange(officer, { recordId: record.id, ...change });
    await appendOwnChange(officer, {
      recordId: record.id,
      field: 'data.subject',
      value: 'Port visit with the airline',
    });

    const outcome = await importInto(hq, await exported(officer));
    const refused = outcome.refused.map((r) => `${r.field}:${r.reasonKey}`).sort();
    expect(refused).toEqual(bad.map((b) => `${b.field}:exchange.refusal.invalid-value`).sort());
    expect(outcome.counts.updated).toBe(1);
    const row = (await rowsOf(hq)).get(record.id);
    expect(row?.data).toMatchObject({
      subject: 'Port visit with the airline',
      meetings: 1,
      counterpart: 'rcmp',
    });
    expect(row?.data).not.toHaveProperty('notes');
    expect(row?.data).not.toHaveProperty('travellerName');
    expect(row?.occurredOn).toBe(record.occurredOn);
  });

  it('checks a sensitive value before it is sealed, and stores none that fails', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const hq = await hqDevice(net);
    const officer = await officerDevice(net, OFFICER_A);
    // A new entry written change by change, as a device of another version could: its
    // traveller's name (sensitive) is not text, its case notes (sensitive) are fine.
    const recordId = 'rec-liaison-1';
    const writes = [
      { field: 'type', value: 'liaison' },
      { field: 'schemaVersion', value: testLiaison.version },
      { field: 'officerId', value: OFFICER_A.officerId },
      { field: 'postCode', value: OFFICER_A.postCode },
      { field: 'occurredOn', value: '2025-04-01' },
      { field: '_deleted', value: false },
      { field: 'data.meetings', value: 2 },
      { field: 'data.subject', value: 'Airline briefing' },
      { field: 'data.counterpart', value: 'airline' },
      { field: 'data.travellerName', value: 1990 },
      { field: 'data.caseNotes', value: 'Seen at the gate' },
    ];
    for (const w of writes) await appendOwnChange(officer, { recordId, ...w });

    const outcome = await importInto(hq, await exported(officer));
    expect(outcome.refused.map((r) => `${r.field}:${r.reasonKey}`)).toEqual([
      'data.travellerName:exchange.refusal.invalid-value',
    ]);
    const row = await hq.db.activities.get(recordId);
    expect(row?.data).not.toHaveProperty('travellerName');
    expect(row?.data).toHaveProperty('caseNotes');
    expect(row?.data.subject).toBe('Airline briefing');
  });
});
