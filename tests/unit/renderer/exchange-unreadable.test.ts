// A file the platform could not read (gone, locked, too large) in the middle of an import:
// the good files around it are imported as usual, it gets its own rejected line
// (`exchange.error.cannot-read`, the reason as context) and nothing else is stored for it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { listImportRuns } from '../../../renderer/src/db/exchange/queries.ts';
import { type ImportFileInput } from '../../../renderer/src/db/exchange/api.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { UNREADABLE_REASONS } from '../../../shared/ipc/contract.ts';
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

async function bundleOf(officer: TestDevice, subject: string) {
  await createActivity(
    officer.db,
    officer.author,
    liaisonInput({ data: { meetings: 1, subject, counterpart: 'rcmp', travellerName: 'T' } }),
    { sealer: officer.sealer },
  );
  const built = await buildChangesExport(officer.deps);
  if (!built) throw new Error('nothing exported');
  return { name: built.fileName, data: built.data };
}

/** How many rows each table holds, the import runs aside (their reports differ by design). */
async function tableCounts(device: TestDevice): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of device.db.tables) {
    if (table.name !== 'exchangeRuns') counts[table.name] = await table.count();
  }
  return counts;
}

describe('importing a file the platform could not read', () => {
  it('imports the good bundles around it and reports it alone as rejected cannot-read', async () => {
    const first = await bundleOf(await officerDevice(net, OFFICER_A), 'From A');
    const last = await bundleOf(await officerDevice(net, OFFICER_B), 'From B');
    const unreadable: ImportFileInput = { name: 'moved.llb', unreadable: 'not-found' };

    const hq = await hqDevice(net);
    const report = await importFiles(hq.deps, [first, unreadable, last]);

    expect(report.cancelled).toBe(false);
    expect(report.files.map((f) => [f.fileName, f.outcome.kind])).toEqual([
      [first.name, 'applied'],
      ['moved.llb', 'rejected'],
      [last.name, 'applied'],
    ]);
    expect(report.files[1]?.outcome).toEqual({
      kind: 'rejected',
      errorKey: 'exchange.error.cannot-read',
      errorValues: { context: 'not-found' },
    });
    const subjects = [...(await rowsOf(hq)).values()].map((row) => row.data.subject).sort();
    expect(subjects).toEqual(['From A', 'From B']);
    // The kept report has the same three lines, and nothing is left queued.
    const [kept] = await listImportRuns(hq.db);
    expect(kept?.files).toEqual(report.files);
    expect(await hq.db.exchangeQueue.count()).toBe(0);

    // Stored exactly as when only the two good bundles are imported.
    const reference = await hqDevice(net);
    await importFiles(reference.deps, [first, last]);
    expect(await tableCounts(hq)).toEqual(await tableCounts(reference));
  });

  it('changes nothing but the report when every file is unreadable', async () => {
    const hq = await hqDevice(net);
    const before = await tableCounts(hq);
    const report = await importFiles(hq.deps, [
      { name: 'a.llb', unreadable: 'permission-denied' },
      { name: 'b.llb', unreadable: 'too-large' },
    ]);
    expect(report.files.map((f) => f.outcome)).toEqual([
      {
        kind: 'rejected',
        errorKey: 'exchange.error.cannot-read',
        errorValues: { context: 'permission-denied' },
      },
      {
        kind: 'rejected',
        errorKey: 'exchange.error.cannot-read',
        errorValues: { context: 'too-large', max: 65 },
      },
    ]);
    expect(await tableCounts(hq)).toEqual(before);
  });

  it('says why in both languages, one sentence per reason', () => {
    for (const lang of ['en', 'fr'] as const) {
      const i18n = createI18n(lang);
      const plain = i18n.t('exchange.error.cannot-read');
      const seen = new Set<string>();
      for (const context of UNREADABLE_REASONS) {
        const sentence = i18n.t('exchange.error.cannot-read', { context });
        expect(sentence, `${lang} ${context}`).not.toBe(plain);
        expect(sentence, `${lang} ${context}`).not.toContain('exchange.error');
        seen.add(sentence);
      }
      expect(seen.size).toBe(UNREADABLE_REASONS.length);
    }
  });

  it('names the cap a file went past, in MiB, in both languages', async () => {
    // 65 MiB: twice the largest valid bundle (about 32.1 MiB), rounded up to a whole MiB.
    const hq = await hqDevice(net);
    const report = await importFiles(hq.deps, [
      { name: 'big.llb', unreadable: 'too-large' },
      { name: 'many.llb', unreadable: 'batch-too-large' },
    ]);
    const said = (lang: 'en' | 'fr') =>
      report.files.map((f) =>
        f.outcome.kind === 'rejected'
          ? createI18n(lang).t(f.outcome.errorKey, f.outcome.errorValues)
          : '',
      );
    const [bigEn, manyEn] = said('en');
    const [bigFr, manyFr] = said('fr');
    expect(bigEn).toContain('larger than 65 MiB');
    expect(manyEn).toContain('came to 512 MiB');
    expect(bigFr).toContain('dépasse 65 Mio');
    expect(manyFr).toContain('atteignaient déjà 512 Mio');
  });
});
