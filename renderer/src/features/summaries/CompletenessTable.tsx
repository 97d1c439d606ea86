// Who has reported in the period (lead and HQ): per post or per officer, the reporting rate,
// months reported of those expected, the missing months, the months reported by a nil report
// alone, and when the last bundle came (with its newest change and any missing change
// numbers); silent ones first, sortable by any column (TanStack Table). Read from the rollups
// the screen already holds and the small table of senders.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SortableHeaders, sortableFeatures } from './SortableHeaders.tsx';
import { createColumnHelper, useTable, type SortingState } from '@tanstack/react-table';
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import {
  compareSilence,
  monthRuns,
  type CompletenessRow,
} from '../../../../shared/summary/completeness.ts';
import { periodLabel } from '../../../../shared/summary/periods.ts';
import { type BundleArrival } from '../../db/exchange/queries.ts';
import { type Reporting } from './completeness-model.ts';
import { nameOf as personName, usePeople } from '../review/index.ts';

type Unit = 'post' | 'officer';

interface Line {
  id: string;
  name: string;
  rate: number | null;
  reported: number;
  expected: number;
  missing: string;
  missingCount: number;
  nil: string;
  /** ISO time of the last bundle from its devices; '' when none came. */
  lastBundleAt: string;
  lastBundle: string;
}

const features = sortableFeatures;
const helper = createColumnHelper<typeof features, Line>();

export function CompletenessTable({
  reporting,
  lang,
  postName,
  arrivals = [],
  demo = false,
}: {
  reporting: Reporting;
  lang: Language;
  postName: (code: string) => string;
  /** Per sending device: its last bundle, newest change and missing change numbers. */
  arrivals?: readonly BundleArrival[];
  /** A demo device: its seeded entries came with the demo data, not in a bundle. */
  demo?: boolean;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>('post');
  const [sorting, setSorting] = useState<SortingState>([]);
  const locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
  const people = usePeople();
  const lines = useMemo(() => {
    const month = (m: string) => periodLabel({ kind: 'month', month: m }, lang);
    const runs = (months: readonly string[]) =>
      monthRuns(months)
        .map(([from, to]) =>
          from === to
            ? month(from)
            : t('summaries.completeness.run', { from: month(from), to: month(to) }),
        )
        .join(', ');
    const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const lastOf = (row: CompletenessRow): { at: string; text: string } => {
      const mine = arrivals.filter((a) =>
        row.kind === 'post' ? a.postCode === row.id : a.officerId === row.id,
      );
      const last = mine.reduce<BundleArrival | undefined>(
        (a, b) => (a === undefined || b.lastBundleAt > a.lastBundleAt ? b : a),
        undefined,
      );
      if (!last) {
        // "No bundle received" beside months reported read as a contradiction at a seeded
        // lead or HQ: the demo's entries were stored by the seeding, not imported.
        const seeded = demo && row.monthsReported.length > 0;
        return { at: '', text: t(`summaries.completeness.${seeded ? 'seeded' : 'noBundle'}`) };
      }
      const parts = [when.format(new Date(last.lastBundleAt))];
      if (last.newestChangeAt !== undefined)
        parts.push(
          t('summaries.completeness.newestChange', {
            at: when.format(new Date(last.newestChangeAt)),
          }),
        );
      const gaps = mine.flatMap((a) => a.missing);
      if (gaps.length > 0)
        parts.push(
          t('summaries.completeness.missingChanges', {
            ranges: gaps
              .map((g) => (g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`))
              .join(', '),
          }),
        );
      return { at: last.lastBundleAt, text: parts.join(t('summaries.completeness.partsJoin')) };
    };
    const nameOf = (row: CompletenessRow) =>
      row.kind === 'post'
        ? postName(row.id)
        : t('summaries.completeness.officerAt', {
            officer: personName(people, row.id),
            post: postName(reporting.officerPost.get(row.id) ?? ''),
          });
    // Silent first, and rows alike in that by the name shown, in the reader's language: by
    // code, Abu Dhabi came after Athens and Port-au-Prince before Panama City.
    const collator = new Intl.Collator(locale);
    const named = (unit === 'post' ? reporting.posts : reporting.officers).map((row) => ({
      row,
      name: nameOf(row),
    }));
    named.sort((a, b) => compareSilence(a.row, b.row) || collator.compare(a.name, b.name));
    return named.map(({ row, name }): Line => {
      const last = lastOf(row);
      return {
        id: row.id,
        name,
        rate: row.rate,
        reported: row.monthsReported.length,
        expected: row.monthsExpected.length,
        missingCount: row.missingMonths.length,
        missing: runs(row.missingMonths),
        nil: runs(row.nilMonths),
        lastBundleAt: last.at,
        lastBundle: last.text,
      };
    });
  }, [reporting, unit, lang, postName, t, arrivals, locale, people, demo]);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          header: t(`summaries.dim_${unit}`),
          sortFn: 'alphanumeric',
        }),
        // Nothing expected sorts after every rate, as in the silent-first order.
        helper.accessor((line) => line.rate ?? 2, {
          id: 'rate',
          header: t('summaries.completeness.rate'),
          sortFn: 'basic',
        }),
        helper.accessor('reported', {
          header: t('summaries.completeness.reported'),
          sortFn: 'basic',
        }),
        helper.accessor('missingCount', {
          header: t('summaries.completeness.missing'),
          sortFn: 'basic',
          sortDescFirst: true,
        }),
        helper.accessor('nil', {
          header: t('summaries.completeness.nil'),
          sortFn: 'alphanumeric',
        }),
        helper.accessor('lastBundleAt', {
          header: t('summaries.completeness.lastBundle'),
          sortFn: 'alphanumeric',
        }),
      ]),
    [t, unit],
  );
  const table = useTable({
    features,
    columns,
    data: lines,
    state: { sorting },
    onSortingChange: setSorting,
  });
  const anyExpected = lines.some((line) => line.expected > 0);

  return (
    <section className="completeness" aria-labelledby="completeness-heading">
      <h2 id="completeness-heading">{t('summaries.completeness.heading')}</h2>
      <p className="hint">{t('summaries.completeness.rule')}</p>
      <div className="tabs no-print" role="group" aria-labelledby="completeness-heading">
        {(['post', 'officer'] as const).map((u) => (
          <button
            key={u}
            type="button"
            aria-pressed={u === unit}
            onClick={() => {
              setUnit(u);
              setSorting([]);
            }}
          >
            {t(`summaries.completeness.per_${u}`)}
          </button>
        ))}
      </div>
      {!anyExpected ? (
        <p className="summary-empty" role="status">
          {t('summaries.completeness.noneExpected')}
        </p>
      ) : (
        <div className="summary-table-wrap">
          <table className="completeness-table">
            <caption>{t(`summaries.completeness.caption_${unit}`)}</caption>
            <SortableHeaders
              table={table}
              textColumns={['name', 'missingCount', 'nil', 'lastBundleAt']}
            />
            <tbody>
              {table.getRowModel().rows.map((row) => {
                const line = row.original;
                const silent = line.rate !== null && line.rate < 1;
                return (
                  <tr key={line.id} className={silent ? 'silent' : undefined}>
                    <th scope="row">
                      {line.name}
                      {unit === 'officer' && line.name.indexOf(line.id) === -1 ? (
                        <>
                          {' '}
                          <span className="secondary">{line.id}</span>
                        </>
                      ) : null}
                    </th>
                    <td className="num">
                      {line.rate === null
                        ? t('summaries.completeness.nothingExpected')
                        : percent.format(line.rate)}
                    </td>
                    <td className="num">
                      {t('summaries.completeness.ofExpected', {
                        reported: line.reported,
                        expected: line.expected,
                      })}
                    </td>
                    <td>{line.missing === '' ? t('summaries.completeness.none') : line.missing}</td>
                    <td className="nil-months">
                      {line.nil === ''
                        ? t('summaries.completeness.none')
                        : t('summaries.completeness.nilMarker', { months: line.nil })}
                    </td>
                    <td>{line.lastBundle}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
