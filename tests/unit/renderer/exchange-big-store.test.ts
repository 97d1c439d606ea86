// A big bundle over a store larger than it: the import then reads the stored rows one get per
// id (apply.ts storedRows), and must find every stored entry it edits as the key read did.
// Also: a value check remembered from one change gives the same verdict to the next.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity, updateActivity } from '../../../renderer/src/db/activities.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { importedValueProblem } from '../../../renderer/src/db/exchange/merge.ts';
import { getMeta } from '../../../renderer/src/db/meta.ts';
import { catalogueTypes } from '../../../renderer/src/db/catalogue.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  OFFICER_B,
  hqDevice,
  makeNetwork,
  officerDevice,
  rowsOf,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A, OFFICER_B]);
});

async function logMany(officer: TestDevice, n: number, subject: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const input = liaisonInput({ data: { meetings: 1 + (i % 5), subject, counterpart: 'rcmp' } });
    ids.push(
      (await createActivity(officer.db, officer.author, input, { sealer: officer.sealer })).id,
    );
  }
  return ids;
}

async function importAll(hq: TestDevice, officer: TestDevice) {
  const built = await buildChangesExport(officer.deps);
  if (!built) throw new Error('nothing exported');
  const run = await importFiles(hq.deps, [{ name: built.fileName, data: built.data }]);
  return run.files[0]?.outcome;
}

describe('a big bundle over a store larger than it', () => {
  it('finds every stored entry it edits, and adds the new ones', async () => {
    const a = await officerDevice(net, OFFICER_A);
    const b = await officerDevice(net, OFFICER_B);
    const hq = await hqDevice(net);
    const first = await logMany(a, 210, 'First round');
    await logMany(b, 230, 'Other officer');
    expect((await importAll(hq, a))?.kind).toBe('applied');
    expect((await importAll(hq, b))?.kind).toBe('applied');
    // 440 live entries at HQ, more than twice the ids of A's next bundle: one get per id.
    for (const id of first) {
      await updateActivity(a.db, a.author, id, { data: { meetings: 9 } }, { sealer: a.sealer });
    }
    await logMany(a, 5, 'Second round');
    const outcome = await importAll(hq, a);
    if (outcome?.kind !== 'applied') throw new Error(`not applied: ${outcome?.kind}`);
    expect(outcome.entries).toEqual({ added: 5, updated: 210, nilReports: 0 });
    expect(await getMeta(hq.db, 'activityCount')).toBe(445);
    const atHq = await rowsOf(hq);
    for (const [id, row] of await rowsOf(a)) {
      expect(atHq.get(id)?.data.meetings, id).toBe(row.data.meetings);
      // The officer's own review.* writes never travel (docs/exchange.md, Export step 3).
      const sent = Object.entries(row.clocks).filter(([path]) => !path.startsWith('review.'));
      expect(atHq.get(id)?.clocks, id).toEqual(Object.fromEntries(sent));
    }
  }, 120_000);
});

describe('value checks', () => {
  const change = (field: string, value: Change['value']): Change => ({
    deviceId: OFFICER_A.deviceId,
    seq: 1,
    hlc: '',
    collection: 'activities',
    recordId: 'r1',
    field,
    value,
    author: OFFICER_A.officerId,
  });

  it('give a value checked again the same verdict, which no caller can alter', () => {
    const def = catalogueTypes('liaison');
    const bad = change('data.meetings', -4);
    const once = importedValueProblem(bad, def);
    expect(once?.code).toBe('invalid-value');
    if (once) (once as { code: string }).code = 'tampered';
    expect(importedValueProblem(bad, def)?.code).toBe('invalid-value');
    expect(importedValueProblem(change('data.meetings', 3), def)).toBeNull();
    expect(importedValueProblem(change('data.meetings', 3), def)).toBeNull();
    // The same value under another type is judged by that type.
    expect(importedValueProblem(change('occurredOn', 'not a date'), def)?.code).toBe(
      'invalid-value',
    );
  });
});
