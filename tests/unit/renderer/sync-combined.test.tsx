// An import run of many files read as one report: totals at the top, one row per officer
// (name, post, id as secondary text) with new, duplicate and refused files, every reason,
// each file's report a click away; in English and French.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import {
  type FileReport,
  type ImportRunReport,
  type SenderInfo,
} from '../../../renderer/src/db/exchange/api.ts';
import { combineRun } from '../../../renderer/src/features/sync/combined-report.ts';
import { ImportHistory } from '../../../renderer/src/features/sync/ImportHistory.tsx';
import { makeDemoProfile } from '../../../shared/identity/demo.ts';
import { type NetworkProfile } from '../../../shared/identity/profile.ts';

afterEach(() => cleanup());

const sender = (officerId: string, postCode: string): SenderInfo => ({
  deviceId: `demo-${officerId}`,
  officerId,
  postCode,
  role: 'officer',
  fingerprint: 'ABCD EFGH',
});

function applied(officerId: string, postCode: string, added: number, refused = 0): FileReport {
  return {
    fileName: `${postCode}_${officerId}_2013-03-28_seq-1-9.llb`,
    outcome: {
      kind: 'applied',
      bundleId: `b-${officerId}`,
      sender: sender(officerId, postCode),
      ranges: [{ from: 1, to: 9 }],
      counts: { inserted: added, updated: 0, unchanged: 0, stale: 0, refused },
      refused: Array.from({ length: refused }, (_, i) => ({
        recordId: `r${i}`,
        field: 'data.persons',
        reasonKey: 'exchange.refusal.invalid-value',
      })),
      entries: { added, updated: 0 },
    },
  };
}

function duplicate(officerId: string, postCode: string): FileReport {
  return {
    fileName: `${postCode}_${officerId}_again.llb`,
    outcome: {
      kind: 'already-imported',
      bundleId: `b-${officerId}`,
      sender: sender(officerId, postCode),
      importedAt: '2026-03-04T10:00:00Z',
    },
  };
}

const damaged: FileReport = {
  fileName: 'LON_lo-london-1_damaged.llb',
  outcome: { kind: 'rejected', errorKey: 'bundle.error.bad-signature' },
};

const run = (files: FileReport[]): ImportRunReport => ({
  id: 'run-1',
  startedAt: '2026-03-04T10:00:00Z',
  finishedAt: '2026-03-04T10:01:00Z',
  files,
  cancelled: false,
});

const exists = () => true;

describe('the combined report', () => {
  it('counts files per officer, duplicates with them, refused files under an unknown sender', () => {
    const report = combineRun(
      run([
        applied('lo-bogota-1', 'BOG', 120),
        applied('lo-bogota-2', 'BOG', 80, 2),
        duplicate('lo-bogota-1', 'BOG'),
        damaged,
      ]),
      exists,
    );
    expect(report.files).toBe(4);
    expect(report.totals).toMatchObject({
      new: 2,
      duplicate: 1,
      waiting: 0,
      refused: 1,
      entriesAdded: 200,
      changesRefused: 2,
      senders: 2,
      other: 0,
    });
    const [first, second, unknown] = report.senders;
    expect(first?.sender?.officerId).toBe('lo-bogota-1');
    expect(first?.files).toEqual({ new: 1, duplicate: 1, waiting: 0, refused: 0 });
    expect(second?.reasons).toEqual([
      { line: { key: 'exchange.refusal.invalid-value' }, count: 2 },
    ]);
    expect(unknown?.sender).toBeNull();
    expect(unknown?.refusedFiles).toEqual([
      { fileName: damaged.fileName, line: { key: 'bundle.error.bad-signature' } },
    ]);
  });
});

let profile: NetworkProfile;
beforeAll(async () => {
  profile = (await makeDemoProfile()).profile;
}, 30_000);

function renderHistory(r: ImportRunReport, lang: 'en' | 'fr' = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <ImportHistory runs={[r]} profile={profile} formatWhen={(iso) => iso} running={false} />
    </I18nextProvider>,
  );
}

describe('the last import of many files', () => {
  const many = run([
    applied('lo-bogota-1', 'BOG', 1234),
    applied('lo-bogota-2', 'BOG', 80, 2),
    duplicate('lo-mexico-1', 'MEX'),
    damaged,
    ...Array.from({ length: 10 }, (_, i) => ({
      ...duplicate('lo-london-1', 'LON'),
      fileName: `copy-${i}.llb`,
    })),
  ]);

  it('shows totals, one row per officer by name with the id beside, and every reason', async () => {
    const user = userEvent.setup();
    renderHistory(many);
    const totals = screen.getByTestId('combined-totals');
    expect(within(totals).getByTestId('combined-total-new').textContent).toBe('2');
    expect(within(totals).getByTestId('combined-total-duplicate').textContent).toBe('11');
    expect(within(totals).getByTestId('combined-total-refused').textContent).toBe('1');
    expect(within(totals).getByTestId('combined-total-entries').textContent).toBe('1,314');
    const table = screen.getByRole('table', { name: /Per officer/ });
    const rows = within(table).getAllByTestId('combined-row');
    expect(rows).toHaveLength(5);
    const sofia = within(rows[0] as HTMLElement);
    // The post is also under the name, shown there when the Post column folds away (narrow).
    expect(sofia.getByRole('rowheader').textContent).toBe('Sofía Herreralo-bogota-1Bogotá');
    expect(sofia.getByRole('cell', { name: 'Bogotá' })).toBeTruthy();
    expect(rows[4]?.textContent).toContain('Unknown sender');
    const reasons = screen.getAllByTestId('combined-reason').map((li) => li.textContent);
    expect(reasons[0]).toContain('2 changes refused:');
    expect(reasons[1]).toContain('LON_lo-london-1_damaged.llb:');
    // Fourteen files: each file's report waits behind one summary (a native <details>, so
    // the keyboard opens it in a browser: tests/e2e/demo-import.spec.ts).
    expect(screen.queryAllByTestId('sync-file-report')).toHaveLength(0);
    await user.click(screen.getByText('The report of each file (14)'));
    expect(screen.getAllByTestId('sync-file-report')).toHaveLength(14);
  });

  it('says how many of the entries added are nil reports, which the log does not list', () => {
    const withNil = applied('lo-bogota-1', 'BOG', 40);
    if (withNil.outcome.kind !== 'applied') throw new Error('fixture');
    const nilRun = run([
      {
        ...withNil,
        outcome: { ...withNil.outcome, entries: { added: 40, updated: 0, nilReports: 3 } },
      },
      applied('lo-bogota-2', 'BOG', 10),
    ]);
    renderHistory(nilRun);
    expect(screen.getByTestId('combined-total-entries').textContent).toBe('50');
    expect(screen.getByTestId('combined-total-nil').textContent).toBe('3');
    expect(screen.getByText('Of them, nil reports (not listed in the log)')).toBeTruthy();
    cleanup();
    renderHistory(many);
    expect(screen.queryByTestId('combined-total-nil')).toBeNull();
  });

  it('reads in French, with French numbers', () => {
    renderHistory(many, 'fr');
    expect(screen.getByTestId('combined-total-entries').textContent).toMatch(/^1\s314$/);
    expect(screen.getByRole('table', { name: /^Par agent/ })).toBeTruthy();
    expect(screen.getByText('Doublons', { selector: 'dt' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Expéditeur inconnu' })).toBeTruthy();
    expect(screen.getByText('Le rapport de chaque fichier (14)')).toBeTruthy();
  });

  it('keeps a run of one file as that file’s own report', () => {
    renderHistory(run([applied('lo-bogota-1', 'BOG', 3)]));
    expect(screen.queryByTestId('combined-report')).toBeNull();
    expect(screen.getAllByTestId('sync-file-report')).toHaveLength(1);
  });

  it('says in a one-file report how many of the new entries are nil reports', () => {
    const one = applied('lo-bogota-1', 'BOG', 5);
    if (one.outcome.kind !== 'applied') throw new Error('fixture');
    renderHistory(
      run([
        { ...one, outcome: { ...one.outcome, entries: { added: 5, updated: 0, nilReports: 2 } } },
      ]),
    );
    expect(screen.getByTestId('sync-entries').textContent).toBe(
      'Entries: 5 new, 0 changed. Of the new, 2 nil reports (not listed in the log).',
    );
  });
});
