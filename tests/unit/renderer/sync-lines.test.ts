import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import {
  gapDetail,
  gapLine,
  outcomeLine,
  rangesText,
  refusalLine,
  senderLine,
  summarizeRun,
  translateLine,
  type OutcomeContext,
} from '../../../renderer/src/features/sync/report-lines.ts';
import { progressView, toPercent } from '../../../renderer/src/features/sync/progress.ts';
import { exportMessage, failureLine } from '../../../renderer/src/features/sync/export-result.ts';
import {
  type FileOutcome,
  type ImportRunReport,
  type SenderInfo,
} from '../../../renderer/src/db/exchange/api.ts';
import { PlatformError } from '../../../renderer/src/platform/errors.ts';
import { DbError } from '../../../renderer/src/db/index.ts';

const officer: SenderInfo = {
  deviceId: 'dev-a',
  officerId: 'lo-bogota-1',
  postCode: 'BOG',
  role: 'officer',
  fingerprint: 'ABCD EFGH IJKL MNOP',
};

function tr(lang: 'en' | 'fr') {
  const i18n = createI18n(lang);
  const t = (key: string, values?: Record<string, unknown>) => i18n.t(key, values);
  const ctx: OutcomeContext = {
    profile: undefined,
    lang,
    exists: (k) => i18n.exists(k),
    formatWhen: (iso) => `<${iso}>`,
  };
  return { t, ctx, exists: ctx.exists };
}

function counts(refused = 0) {
  return { inserted: 3, updated: 1, unchanged: 0, stale: 0, refused };
}

describe('the import report lines', () => {
  it('names the demo officer and the post city in each language', () => {
    const en = tr('en');
    expect(translateLine(en.t, senderLine(officer, undefined, 'en'))).toBe(
      'Sofía Herrera (lo-bogota-1) at Bogotá',
    );
    const fr = tr('fr');
    expect(translateLine(fr.t, senderLine(officer, undefined, 'fr'))).toBe(
      'Sofía Herrera (lo-bogota-1) à Bogota',
    );
  });

  it('says a profile naming new HQ keys waits for the new HQ code, as a warning, in each language', () => {
    const pending: FileOutcome = { kind: 'profile', version: 100, updated: false, pending: true };
    for (const [lang, text] of [
      [
        'en',
        'Network profile version 100 names new HQ keys: it waits until you type the new HQ code',
      ],
      ['fr', 'Le profil du réseau, version 100, nomme de nouvelles clés de l’AC\u00a0: il attend'],
    ] as const) {
      const { t, ctx } = tr(lang);
      const [line, tone] = outcomeLine(pending, ctx);
      expect(translateLine(t, line)).toContain(text);
      expect(tone).toBe('warn');
    }
  });

  it('says one line per outcome, with refusals counted and a rejection in plain words', () => {
    const { t, ctx } = tr('en');
    const line = (o: FileOutcome) => translateLine(t, outcomeLine(o, ctx)[0]);
    const applied: FileOutcome = {
      kind: 'applied',
      bundleId: 'b1',
      sender: officer,
      ranges: [{ from: 1, to: 4 }],
      counts: counts(),
      refused: [],
    };
    expect(line(applied)).toBe('Imported.');
    expect(line({ ...applied, counts: counts(2) })).toBe('Imported, but 2 changes were refused.');
    expect(outcomeLine({ ...applied, counts: counts(1) }, ctx)[1]).toBe('warn');
    expect(
      line({ kind: 'already-imported', bundleId: 'b1', sender: officer, importedAt: 'T' }),
    ).toBe('Already imported on <T>: nothing changed.');
    const rejected: FileOutcome = { kind: 'rejected', errorKey: 'bundle.error.bad-signature' };
    expect(line(rejected)).toMatch(/^This bundle was refused: its signature does not match/);
    expect(outcomeLine(rejected, ctx)[1]).toBe('error');
    expect(line({ kind: 'rejected', errorKey: 'no.such.key' })).toBe(
      'Something went wrong. Nothing was changed; try again.',
    );
    expect(
      line({
        kind: 'receipt',
        from: { ...officer, role: 'hq', postCode: null, officerId: 'hq-ottawa' },
        acknowledgedUpTo: 1234,
      }),
    ).toBe('Receipt: hq-ottawa holds your changes up to number 1,234.');
    const hqFrom = { ...officer, role: 'hq' as const, postCode: null, officerId: 'hq-ottawa' };
    expect(line({ kind: 'receipt', from: hqFrom, acknowledgedUpTo: 1234, entriesNotHeld: 0 })).toBe(
      'Receipt: hq-ottawa holds all your entries.',
    );
    expect(line({ kind: 'receipt', from: hqFrom, acknowledgedUpTo: 1234, entriesNotHeld: 1 })).toBe(
      'Receipt: hq-ottawa holds your entries except 1 saved or changed since; it travels in your next bundle.',
    );
    expect(
      line({ kind: 'receipt', from: hqFrom, acknowledgedUpTo: 1234, entriesNotHeld: 1200 }),
    ).toBe(
      'Receipt: hq-ottawa holds your entries except 1,200 saved or changed since; they travel in your next bundle.',
    );
    expect(line({ kind: 'receipt', from: hqFrom, acknowledgedUpTo: 0, entriesNotHeld: 4 })).toBe(
      'Receipt: hq-ottawa holds none of your entries yet.',
    );
  });

  it('translates refusal reasons from a bare code, a key, or an unknown code', () => {
    const { t, exists } = tr('fr');
    expect(translateLine(t, refusalLine('not-owner', exists))).toBe(
      'L’entrée appartient à un autre agent ou à un autre poste.',
    );
    expect(translateLine(t, refusalLine('exchange.refusal.author-mismatch', exists))).toBe(
      'Faite au nom d’une autre personne que l’expéditeur.',
    );
    expect(translateLine(t, refusalLine('mystery', exists))).toBe('Refusée (code mystery).');
  });

  it('writes gap lines in bundles and entries, the change numbers as their detail', () => {
    const { t } = tr('en');
    expect(translateLine(t, gapLine({ sender: officer, from: 12, to: 14 }, undefined, 'en'))).toBe(
      'A bundle from Sofía Herrera at Bogotá is missing: some of their entries or edits have not arrived.',
    );
    expect(translateLine(t, gapDetail({ sender: officer, from: 12, to: 14 }))).toBe(
      'Changes 12–14 are missing.',
    );
    expect(translateLine(t, gapDetail({ sender: officer, from: 7, to: 7 }))).toBe(
      'Change 7 is missing.',
    );
    const fr = tr('fr');
    expect(
      translateLine(fr.t, gapLine({ sender: officer, from: 1200, to: 1400 }, undefined, 'fr')),
    ).toMatch(/^Un lot de Sofía Herrera à Bogota manque/);
    expect(translateLine(fr.t, gapDetail({ sender: officer, from: 1200, to: 1400 }))).toBe(
      'Les modifications 1\u202f200 à 1\u202f400 manquent.',
    );
  });

  it('formats sequence ranges with the language’s digit grouping', () => {
    expect(
      rangesText(
        [
          { from: 1, to: 1200 },
          { from: 1300, to: 1300 },
        ],
        'en',
      ),
    ).toBe('1–1,200, 1,300');
    expect(rangesText([{ from: 1, to: 1200 }], 'fr')).toMatch(/^1–1\s200$/u);
  });

  it('sums a run: applied counts added up, rejected files counted as problems', () => {
    const run: ImportRunReport = {
      id: 'r',
      startedAt: 'S',
      finishedAt: 'F',
      cancelled: false,
      files: [
        {
          fileName: 'a.llb',
          outcome: {
            kind: 'applied',
            bundleId: 'a',
            sender: officer,
            ranges: [],
            counts: counts(1),
            refused: [],
          },
        },
        {
          fileName: 'b.llb',
          outcome: {
            kind: 'applied',
            bundleId: 'b',
            sender: officer,
            ranges: [],
            counts: counts(),
            refused: [],
          },
        },
        { fileName: 'c.llb', outcome: { kind: 'rejected', errorKey: 'bundle.error.truncated' } },
      ],
    };
    expect(summarizeRun(run)).toEqual({
      files: 3,
      problems: 1,
      totals: { inserted: 6, updated: 2, unchanged: 0, stale: 0, refused: 1 },
    });
  });
});

describe('the progress bars', () => {
  it('turns fractions into whole percents inside 0..100', () => {
    expect(toPercent(Number.NaN)).toBe(0);
    expect(toPercent(-0.2)).toBe(0);
    expect(toPercent(0.996)).toBe(99);
    expect(toPercent(1.5)).toBe(100);
  });

  it('numbers files from 1 and derives the overall bar from the file position', () => {
    const view = progressView({
      fileIndex: 1,
      fileCount: 4,
      fileName: 'b.llb',
      fileFraction: 0.5,
      overallFraction: 0,
    });
    expect(view).toEqual({
      index: 2,
      count: 4,
      fileName: 'b.llb',
      filePercent: 50,
      overallPercent: 37,
    });
  });

  it('never moves the overall bar backwards within a run', () => {
    const first = progressView({
      fileIndex: 2,
      fileCount: 3,
      fileName: 'c',
      fileFraction: 0.9,
      overallFraction: 0.96,
    });
    const late = progressView(
      { fileIndex: 1, fileCount: 3, fileName: 'b', fileFraction: 1, overallFraction: 0.66 },
      first,
    );
    expect(late.overallPercent).toBe(first.overallPercent);
    expect(late.filePercent).toBe(100);
  });
});

describe('the export message', () => {
  it('says there is nothing to send, or what the file carries', () => {
    const { t } = tr('en');
    const text = (m: ReturnType<typeof exportMessage>) => m.lines.map((l) => translateLine(t, l));
    expect(text(exportMessage('bundle', { status: 'nothing-to-send' }, 'en'))).toEqual([
      'Nothing to send: HQ and your team lead already have all your entries.',
    ]);
    // A lead has no team lead: it sends reviews to HQ and the officers of its posts.
    for (const lang of ['en', 'fr'] as const) {
      const lead = exportMessage('bundle', { status: 'nothing-to-send' }, lang, 'lead');
      const said = lead.lines.map((l) => translateLine(tr(lang).t, l)).join(' ');
      expect(said).toMatch(lang === 'en' ? /officers of your posts/ : /agents de vos postes/);
      expect(said).not.toMatch(/your team lead|votre chef d’équipe/);
    }
    const written = exportMessage(
      'bundle',
      {
        status: 'written',
        fileName: 'x.llb',
        location: '/media/usb',
        changes: 12,
        records: 3,
        ranges: [{ from: 5, to: 16 }],
      },
      'en',
    );
    expect(written.tone).toBe('ok');
    expect(text(written)).toEqual(['Saved “x.llb”: 3 entries.', 'Location: /media/usb']);
    // Field changes and sequence numbers are the detail, not the message.
    expect((written.detail ?? []).map((l) => translateLine(t, l))).toEqual([
      'In detail: 12 changes to 3 entries (numbers 5–16).',
    ]);
  });

  it('explains platform and database failures, and anything else generically', () => {
    const { t, exists } = tr('en');
    expect(translateLine(t, failureLine(new PlatformError('disk-full'), exists))).toMatch(
      /^The disk is full/,
    );
    expect(failureLine(new DbError('quota-exceeded', 'x'), exists).key).toBe(
      'errors.quotaExceeded',
    );
    expect(failureLine(new Error('boom'), exists).key).toBe('sync.error.unexpected');
  });

  it('tells how to move to another network when a file of one is refused, in both languages', () => {
    const failure = Object.assign(new Error('other'), {
      messageKey: 'exchange.error.other-network',
    });
    const expected = {
      en: ['Nothing was changed', 'export your changes', 'reset this device'],
      fr: ['Rien n’a été modifié', 'exportez d’abord vos modifications', 'réinitialisez'],
    };
    for (const lang of ['en', 'fr'] as const) {
      const { t, exists } = tr(lang);
      const text = translateLine(t, failureLine(failure, exists));
      for (const part of expected[lang]) expect(text).toContain(part);
    }
  });

  it('fills in the numbers a failure carries, in both languages, never showing a placeholder', () => {
    // As the exchange client rethrows a worker's failure.
    const failure = Object.assign(new Error('too many'), {
      messageKey: 'exchange.error.too-many-recipients',
      messageValues: { count: 73, max: 64, ignored: { nested: true } },
    });
    for (const lang of ['en', 'fr'] as const) {
      const { t, exists } = tr(lang);
      const line = failureLine(failure, exists);
      expect(line.values).toEqual({ count: 73, max: 64 });
      const text = translateLine(t, line);
      expect(text).toContain('73');
      expect(text).toContain('64');
      expect(text).not.toContain('{{');
    }
  });
});
