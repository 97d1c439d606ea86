// The history of imported changes: a lead and HQ keep who changed which field when for every
// save that arrives in a bundle (the officer's entry, the lead's review), once, with the
// review state given, and each import counts the entries it added and changed.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity, updateActivity } from '../../../renderer/src/db/activities.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { listQueue, reviewEntry } from '../../../renderer/src/db/review.ts';
import { getEntryHistory, trailRows } from '../../../renderer/src/db/trail.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  LEAD_ID,
  OFFICER_A,
  hqDevice,
  leadDevice,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A]);
});

async function exportOf(device: TestDevice) {
  const built = await buildChangesExport(device.deps);
  if (!built) throw new Error('nothing exported');
  return { name: built.fileName, data: built.data };
}

describe('the history of imported changes', () => {
  it('keeps each imported save of an entry once: the officer’s, then the lead’s review', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const lead = await leadDevice(net);
    const hq = await hqDevice(net);
    const entry = await createActivity(officer.db, officer.author, liaisonInput(), {
      sealer: officer.sealer,
    });
    const fromOfficer = await exportOf(officer);

    const atLead = (await importFiles(lead.deps, [fromOfficer])).files[0]?.outcome;
    expect(atLead).toMatchObject({ kind: 'applied', entries: { added: 1, updated: 0 } });
    const first = await getEntryHistory(lead.db, entry.id);
    expect(first.local).toEqual([]);
    expect(first.imported).toHaveLength(1);
    expect(first.imported[0]).toMatchObject({
      deviceId: OFFICER_A.deviceId,
      author: OFFICER_A.officerId,
    });
    expect(Object.keys(first.imported[0]?.fields ?? {})).toEqual(
      expect.arrayContaining(['type', 'officerId', 'postCode', 'occurredOn', 'data.subject']),
    );
    // Only who, when and which field: no value is copied (a sensitive one stays sealed in the row).
    expect(JSON.stringify(first.imported)).not.toContain('Briefing at Montréal airport');

    const [seen] = await listQueue(lead.db, {});
    const actor = { role: 'lead' as const, officerId: LEAD_ID, posts: ['BOG'] };
    const reviewed = await reviewEntry(
      lead.db,
      lead.author,
      actor,
      entry.id,
      { state: 'returned', comment: 'Which flight?' },
      seen?.version ?? '',
    );
    expect(reviewed.ok).toBe(true);
    const fromLead = await exportOf(lead);

    await importFiles(hq.deps, [fromOfficer]);
    const atHq = (await importFiles(hq.deps, [fromLead])).files[0]?.outcome;
    expect(atHq).toMatchObject({ kind: 'applied', entries: { added: 0, updated: 1 } });
    const history = await getEntryHistory(hq.db, entry.id);
    expect(history.imported.map((s) => [s.author, s.reviewStatus])).toEqual([
      [OFFICER_A.officerId, undefined],
      [LEAD_ID, 'returned'],
    ]);
    const review = history.imported[1];
    expect(Object.keys(review?.fields ?? {}).some((f) => f.startsWith('review.comments.'))).toBe(
      true,
    );
    // The stamps tell which writes the entry still holds.
    expect(history.clocks['review.status']).toBe(review?.fields['review.status']);

    // The same bundle again changes nothing, and neither does the history.
    await importFiles(hq.deps, [fromLead]);
    expect((await getEntryHistory(hq.db, entry.id)).imported).toHaveLength(2);
    expect(history.rebuilt).toBe(0);

    // The saves are kept in the entry's row, not one changeTrail row each.
    expect(await hq.db.changeTrail.count()).toBe(0);
    const kept = await hq.db.activities.get(entry.id);
    if (!kept) throw new Error('no row');
    expect(kept.trail?.map((s) => s.author)).toEqual([OFFICER_A.officerId, LEAD_ID]);

    // Imported before the history was kept (no saves): the entry's stamps still tell
    // who last wrote each field when, by name of the device's person.
    const { trail: _trail, ...bare } = kept;
    await hq.db.activities.put(bare);
    const rebuilt = await getEntryHistory(hq.db, entry.id);
    expect(rebuilt.rebuilt).toBe(2);
    expect(rebuilt.imported.map((s) => [s.deviceId, s.author])).toEqual([
      [OFFICER_A.deviceId, OFFICER_A.officerId],
      [lead.identity.deviceId, LEAD_ID],
    ]);
    // Each field once, at the stamp the entry holds.
    const fields = rebuilt.imported.flatMap((s) => Object.entries(s.fields));
    expect(Object.fromEntries(fields)).toEqual(history.clocks);
    await hq.db.activities.put(kept);
    expect((await getEntryHistory(hq.db, entry.id)).rebuilt).toBe(0);

    // The officer's correction arrives at the lead as a third save of the entry.
    await importFiles(officer.deps, [fromLead]);
    const back = await listQueue(officer.db, {});
    expect(back[0]?.reviewState.state).toBe('returned');
    await updateActivity(
      officer.db,
      officer.author,
      entry.id,
      { data: { meetings: 2, subject: 'Briefing at Montréal airport', counterpart: 'rcmp' } },
      { sealer: officer.sealer },
    );
    const correction = (await importFiles(lead.deps, [await exportOf(officer)])).files[0]?.outcome;
    expect(correction).toMatchObject({ kind: 'applied', entries: { added: 0, updated: 1 } });
    const atLeadAgain = await getEntryHistory(lead.db, entry.id);
    expect(atLeadAgain.imported.map((s) => s.author)).toEqual([
      OFFICER_A.officerId,
      OFFICER_A.officerId,
    ]);
    expect(Object.keys(atLeadAgain.imported[1]?.fields ?? {})).toContain('data.meetings');
    // The lead's own review is in its own change log.
    expect(atLeadAgain.local.some((c) => c.field === 'review.status')).toBe(true);
  });

  it('reads the saves an earlier version kept in changeTrail beside those in the row', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const lead = await leadDevice(net);
    const hq = await hqDevice(net);
    const entry = await createActivity(officer.db, officer.author, liaisonInput(), {
      sealer: officer.sealer,
    });
    const fromOfficer = await exportOf(officer);
    await importFiles(hq.deps, [fromOfficer]);
    const whole = await getEntryHistory(hq.db, entry.id);
    expect(whole.imported).toHaveLength(1);

    // As a build before this one stored it: the save in changeTrail, none in the row.
    const row = await hq.db.activities.get(entry.id);
    if (!row?.trail) throw new Error('no saves in the row');
    const { trail, ...bare } = row;
    await hq.db.activities.put(bare);
    await hq.db.changeTrail.bulkPut(trail.map((save) => ({ recordId: entry.id, ...save })));
    expect(await getEntryHistory(hq.db, entry.id)).toEqual(whole);

    // A lead's review imported now joins the old save in the history, kept in the row.
    await importFiles(lead.deps, [fromOfficer]);
    const [seen] = await listQueue(lead.db, {});
    const actor = { role: 'lead' as const, officerId: LEAD_ID, posts: ['BOG'] };
    const reviewed = await reviewEntry(
      lead.db,
      lead.author,
      actor,
      entry.id,
      { state: 'approved' },
      seen?.version ?? '',
    );
    expect(reviewed.ok).toBe(true);
    await importFiles(hq.deps, [await exportOf(lead)]);
    const both = await getEntryHistory(hq.db, entry.id);
    expect(both.imported.map((s) => [s.author, s.reviewStatus])).toEqual([
      [OFFICER_A.officerId, undefined],
      [LEAD_ID, 'approved'],
    ]);
    expect(both.rebuilt).toBe(0);
    expect((await hq.db.activities.get(entry.id))?.trail?.map((s) => s.author)).toEqual([LEAD_ID]);

    // One save in both places (some of its changes applied after an update): shown once,
    // with the fields of both.
    const [old] = await hq.db.changeTrail.toArray();
    if (!old) throw new Error('no changeTrail row');
    const [first, ...others] = Object.keys(old.fields);
    if (!first) throw new Error('a save without fields');
    await hq.db.changeTrail.put({ ...old, fields: { [first]: old.fields[first] ?? '' } });
    const now = await hq.db.activities.get(entry.id);
    if (!now?.trail) throw new Error('no saves in the row');
    const rest = Object.fromEntries(others.map((f) => [f, old.fields[f] ?? '']));
    const { recordId: _id, ...oldSave } = old;
    await hq.db.activities.put({ ...now, trail: [{ ...oldSave, fields: rest }, ...now.trail] });
    expect(await getEntryHistory(hq.db, entry.id)).toEqual(both);
  });

  it('reads no saves from a row whose trail is damaged, and still rebuilds the history', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    const entry = await createActivity(officer.db, officer.author, liaisonInput(), {
      sealer: officer.sealer,
    });
    await importFiles(hq.deps, [await exportOf(officer)]);
    const row = await hq.db.activities.get(entry.id);
    if (!row) throw new Error('no row');
    await hq.db.activities.put({ ...row, trail: [{ hlc: 7 }, 'x'] as unknown as typeof row.trail });
    const history = await getEntryHistory(hq.db, entry.id);
    expect(history.rebuilt).toBe(history.imported.length);
    expect(history.imported.map((s) => s.author)).toEqual([OFFICER_A.officerId]);
  });

  it('splits one writer’s changes into saves by time, and each writer’s apart', () => {
    const change = (deviceId: string, wall: number, field: string, seq: number): Change => ({
      deviceId,
      seq,
      hlc: encodeHlc({ wall, counter: 0, deviceId }),
      collection: 'activities',
      recordId: 'r1',
      field,
      value: 'x',
      author: deviceId === 'lead' ? LEAD_ID : 'lo-bogota-1',
    });
    const results = [
      change('officer', 1_000, 'type', 1),
      change('lead', 1_200, 'review.status', 1),
      change('officer', 1_300, 'data.subject', 2),
      change('officer', 90_000, 'data.meetings', 3),
    ].map((c) => ({ change: c, outcome: 'updated' as const, flags: [] }));
    const rows = trailRows([
      ...results,
      { change: change('officer', 95_000, 'data.x', 4), outcome: 'unchanged', flags: [] },
    ]);
    expect(rows.map((r) => [r.author, Object.keys(r.fields)])).toEqual([
      [LEAD_ID, ['review.status']],
      ['lo-bogota-1', ['type', 'data.subject']],
      ['lo-bogota-1', ['data.meetings']],
    ]);
  });
});
