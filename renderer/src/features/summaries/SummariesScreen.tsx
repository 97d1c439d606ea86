// The Summaries screen: a period, where in the network (drill-down network → region → post
// → officer → type), totals beside the period before and a year earlier, a sortable break-
// down, charts with their data, CSV export, print, and the rebuild action. Everything is
// read from the rollups, within what the role may see.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../../ui/focus.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { deviceToday } from '../../../../shared/domain/dates.ts';
import { fiscalYearOf } from '../../../../shared/domain/fiscal.ts';
import { ACTIVITY_TYPE_IDS } from '../../../../shared/domain/catalogue-types.ts';
import {
  counterValue,
  headlineMeasure,
  MEASURE_IDS,
  type MeasureId,
} from '../../../../shared/summary/measures.ts';
import {
  monthRange,
  periodLabel,
  periodMonths,
  periodRange,
  previousPeriod,
  yearEarlier,
  type Period,
} from '../../../../shared/summary/periods.ts';
import {
  compareSummaries,
  drillUp,
  regionOfPost,
  type SummaryFilter,
} from '../../../../shared/summary/totals.ts';
import { getNetworkProfile } from '../../db/identity.ts';
import { listBundleArrivals } from '../../db/exchange/queries.ts';
import { rollupMonthSpan } from '../../db/rollup-store.ts';
import { rollupsFor, scopeFor } from '../../db/summary-queries.ts';
import { useServices } from '../../kernel/services.tsx';
import { type Session } from '../../kernel/session.ts';
import { type View } from '../../kernel/router.ts';
import { EMPTY_FILTERS, useUi } from '../../kernel/store.ts';
import { nameOf as personName, usePeople } from '../review/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { Chart } from './Charts.tsx';
import { CompletenessTable } from './CompletenessTable.tsx';
import { profileExpectations, reporting } from './completeness-model.ts';
import { ExportBar } from './ExportBar.tsx';
import { claimKeptPlace, useKeptState } from './kept-place.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { RebuildButton } from './RebuildButton.tsx';
import { SummaryTable } from './SummaryTable.tsx';
import { TotalsTable } from './TotalsTable.tsx';
import {
  drillsDown,
  filterInto,
  listOrder,
  nameOf,
  pathFilters,
  tabBelow,
  tableRows,
  TABS,
  wherePath,
  withSecondary,
  type Namer,
  type Tab,
} from './model.ts';
import './summaries.css';

/** How many steps the path has below its start (the Up trail compares them). */
function depthOf(filter: SummaryFilter): number {
  return [filter.region, filter.postCode, filter.officerId, filter.types].filter(
    (part) => part !== undefined,
  ).length;
}

function yearsBetween(first: number, last: number): number[] {
  const years: number[] = [];
  for (let fy = last; fy >= first; fy--) years.push(fy);
  return years;
}

const resumes = (view: View) => view.name === 'summaries' && view.resume === true;

export function SummariesScreen({ session, view }: { session: Session; view?: View }) {
  // The place for this view, before it is read: kept when the browser goes Back or Forward
  // to it (or the shell shows it again after the lock), afresh from the menu or a reload.
  useState(() => (view ? claimKeptPlace(view, resumes(view)) : null));
  // Summaries chosen again in the menu while shown (the same screen, a new view): afresh too,
  // and the screen starts over so every default is taken again (kept-place.ts).
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (view && claimKeptPlace(view, resumes(view)) === 'afresh') setGeneration((g) => g + 1);
  }, [view]);
  return <SummariesAt key={generation} session={session} />;
}

function SummariesAt({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const navigate = useUi((s) => s.navigate);
  const setFilters = useUi((s) => s.setFilters);
  const { identity } = session;
  const officer = identity.role === 'officer';
  const scope = useMemo(
    () => scopeFor(identity.role, identity.officerId, identity.posts ?? []),
    [identity],
  );
  const thisFy = fiscalYearOf(deviceToday());
  const span = useLiveQuery(() => rollupMonthSpan(db), [db]);
  // Kept while the page lives, so Back from the log returns to this level (kept-place.ts).
  const owner = `${identity.role}:${identity.officerId}`;
  const [chosen, setPeriod] = useKeptState<Period | null>(owner, 'period', () => null);
  const lastFy = span ? fiscalYearOf(`${span.last}-01`) : thisFy;
  const period: Period = useMemo(
    () => chosen ?? { kind: 'fiscal-year', fiscalYear: Math.min(lastFy, thisFy) },
    [chosen, lastFy, thisFy],
  );
  // The chosen year is always in the list (a quarter reached from an early range included),
  // so the select never shows another year than the summary's.
  const periodFy =
    period.kind === 'fiscal-year' || period.kind === 'quarter' ? period.fiscalYear : thisFy;
  const years = yearsBetween(
    Math.min(span ? fiscalYearOf(`${span.first}-01`) : thisFy, periodFy),
    Math.max(thisFy, lastFy, periodFy),
  );
  const [filter, setFilter] = useKeptState<SummaryFilter>(owner, 'filter', () =>
    officer ? { officerId: identity.officerId } : {},
  );
  // Where a level starts: an officer by type, a lead by its posts (its region alone would
  // be a table of one row), HQ by region.
  const tabAt = useCallback(
    (next: SummaryFilter): Tab => {
      const below = tabBelow(next);
      return below === 'region' && identity.role === 'lead' ? 'post' : below;
    },
    [identity.role],
  );
  const [tab, setTab] = useKeptState<Tab>(owner, 'tab', () => (officer ? 'type' : tabAt(filter)));
  const [chartMeasure, setChartMeasure] = useKeptState<MeasureId>(
    owner,
    'chartMeasure',
    () => 'personsIntercepted',
  );

  const rows = useLiveQuery(
    () => rollupsFor(db, { period, by: [] }, scope),
    [db, JSON.stringify(period), scope],
  );
  const people = usePeople();
  const namer: Namer = {
    lang,
    postOf: session.postOf,
    unknownRegion: t('summaries.unknownRegion'),
    officerName: (id) => personName(people, id),
  };
  const format = (n: number) => n.toLocaleString(lang === 'fr' ? 'fr-CA' : 'en-CA');
  // The trend chart's axis: "Apr 2010" / "avr. 2010" (the full month in its tooltip and table).
  const shortMonth = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const profile = useLiveQuery(async () => (await getNetworkProfile(db)) ?? null, [db]);
  const arrivals = useLiveQuery(() => listBundleArrivals(db), [db]);
  const postName = useCallback(
    (code: string) => session.postOf(code)?.city[lang] ?? code,
    [session, lang],
  );
  const today = deviceToday();
  // The printed page says when it was printed: the time is taken again as printing starts.
  const [printedAt, setPrintedAt] = useState(() => new Date());
  useEffect(() => {
    const stamp = () => setPrintedAt(new Date());
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  const reported = useMemo(() => {
    if (!rows || profile === undefined || identity.role === 'officer') return null;
    const leadPosts = identity.role === 'lead' ? (identity.posts ?? []) : undefined;
    const expected = profile
      ? profileExpectations(profile, leadPosts)
      : { expectedPosts: leadPosts ?? [], postDates: new Map(), expectedOfficers: [] };
    return reporting({ rows, months: periodMonths(period), ...expected, filter, asOf: today });
  }, [rows, identity, profile, period, filter, today]);
  const summaries = useMemo(() => {
    if (!rows) return null;
    const query = (by: 'type' | 'region' | 'post' | 'officer' | 'month') =>
      compareSummaries(rows, { period, by: [by], filter });
    return { tab: query(tab), type: query('type'), post: query('post'), month: query('month') };
  }, [rows, period, filter, tab]);

  // After a step down or up the table under the cursor is another one: the focus goes to
  // where the path now ends, so a screen reader says where it is and a second Enter does
  // not open whatever row came under the focus.
  const focusPath = () =>
    focusSoon(() => document.querySelector<HTMLElement>('.where li[aria-current="location"]'));
  // The levels stepped down through, so Up returns to the one the person came from (a lead
  // who opened a post from "Your posts" goes back there, not to a region it never chose).
  const [trail, setTrail] = useKeptState<readonly { filter: SummaryFilter; tab: Tab }[]>(
    owner,
    'trail',
    () => [],
  );
  const drill = (value: string) => {
    const next = filterInto(filter, tab, value, regionOfPost);
    // A step down is remembered. Only steps down are offered (drillsDown); should any other
    // come, the trail starts again, so Up never goes down.
    setTrail((steps) => (depthOf(next) > depthOf(filter) ? [...steps, { filter, tab }] : []));
    setFilter(next);
    setTab(tabAt(next));
    focusPath();
    // Into one type: the charts show what that type counts (a training's people trained).
    if (tab === 'type' && (ACTIVITY_TYPE_IDS as readonly string[]).includes(value)) {
      setChartMeasure(headlineMeasure(value as (typeof ACTIVITY_TYPE_IDS)[number]).id);
    }
  };
  const up = () => {
    const last = trail[trail.length - 1];
    if (last && depthOf(last.filter) < depthOf(filter)) {
      setTrail(trail.slice(0, -1));
      setFilter(last.filter);
      setTab(last.tab);
    } else {
      setTrail([]);
      const next = officer ? { officerId: identity.officerId } : drillUp(filter);
      setFilter(next);
      // Up from a type: back on the type tab it was chosen from.
      setTab(filter.types !== undefined ? 'type' : tabAt(next));
    }
    focusPath();
  };
  // The log gets the summary's whole filter, and nothing left from an earlier search, so
  // its count is the entries this summary counted.
  const showEntries = () => {
    // The months the summary counted, whole (a custom range is counted by whole months).
    const months = periodMonths(period);
    const { from } = monthRange(months[0] ?? '');
    const { to } = monthRange(months[months.length - 1] ?? '');
    const [type] = filter.types ?? [];
    setFilters({
      ...EMPTY_FILTERS,
      period: 'custom',
      from,
      to,
      type:
        type && (ACTIVITY_TYPE_IDS as readonly string[]).includes(type)
          ? (type as (typeof ACTIVITY_TYPE_IDS)[number])
          : '',
      region: filter.region ?? '',
      postCode: filter.postCode ?? '',
      // An officer's log holds its own entries only: no place to filter by.
      officerId: officer ? '' : (filter.officerId ?? ''),
    });
    navigate({ name: 'list' });
  };

  const label = periodLabel(period, lang);
  // An officer's summaries start at its own entries: the path (and the CSV's "where") names
  // the officer, not a network it cannot see.
  const path = officer
    ? wherePath(
        filter,
        { ...namer, officerName: (id) => (id === identity.officerId ? identity.name : id) },
        '',
      ).slice(1)
    : wherePath(
        filter,
        namer,
        t(identity.role === 'lead' ? 'summaries.yourPosts' : 'summaries.network'),
      );
  const atTop = officer ? filter.types === undefined : path.length === 1;
  // Each step of the path but the last goes back to that level (an officer's starts at its own).
  const levels = officer ? pathFilters(filter).slice(1) : pathFilters(filter);
  const backTo = (level: SummaryFilter) => {
    setTrail([]);
    setFilter(level);
    setTab(officer ? 'type' : tabAt(level));
    focusPath();
  };
  const tableData = summaries ? tableRows(summaries.tab, tab, namer) : [];
  const empty = summaries !== null && summaries.tab.current.groups.length === 0;
  const measureName = t(`summary.counters.${chartMeasure}`);

  return (
    <section className="screen summaries">
      <h1 tabIndex={-1}>{t('summaries.heading')}</h1>
      <p>{t(`summaries.scope_${identity.role}`)}</p>
      <div className="summary-controls no-print">
        <PeriodPicker period={period} years={years} onChange={setPeriod} />
      </div>
      <p className="print-only-period">
        <strong>{t('summaries.period')}</strong> {label}
      </p>
      <p className="print-only">
        {t('summaries.printedBy', {
          when: new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
            dateStyle: 'long',
            timeStyle: 'short',
          }).format(printedAt),
          who: `${identity.name} (${identity.officerId})`,
        })}
      </p>
      <nav className="where" aria-label={t('summaries.where')}>
        <span>{t('summaries.where')}</span>
        <ol>
          {path.map((part, i) => (
            <li
              key={i}
              aria-current={i === path.length - 1 ? 'location' : undefined}
              tabIndex={i === path.length - 1 ? -1 : undefined}
            >
              {i < path.length - 1 && levels[i] ? (
                <button type="button" className="link" onClick={() => backTo(levels[i] ?? {})}>
                  {part.name}
                </button>
              ) : (
                part.name
              )}
              {part.secondary === undefined ? null : (
                <>
                  {' '}
                  <span className="secondary">{part.secondary}</span>
                </>
              )}
            </li>
          ))}
        </ol>
        {atTop ? null : (
          <button type="button" className="no-print" onClick={up}>
            {t('summaries.up')}
          </button>
        )}
        <button
          type="button"
          className="no-print"
          aria-describedby="show-entries-hint"
          onClick={showEntries}
        >
          {t('summaries.showEntries')}
        </button>
        <span className="hint no-print" id="show-entries-hint">
          {t('summaries.showEntriesHint')}
        </span>
      </nav>
      {summaries === null ? null : empty ? (
        <p className="summary-empty" role="status">
          {t('summaries.empty', { period: label })}
        </p>
      ) : (
        <>
          <h2>{t('summaries.totals')}</h2>
          <TotalsTable
            comparison={summaries.tab}
            format={format}
            yearEarlierIsPrevious={
              JSON.stringify(periodRange(previousPeriod(period))) ===
              JSON.stringify(periodRange(yearEarlier(period)))
            }
          />
          {officer ? (
            <h2>{t('summaries.byType')}</h2>
          ) : (
            <>
              <h2 id="breakdown-heading">{t('summaries.by')}</h2>
              <div className="tabs no-print" role="group" aria-labelledby="breakdown-heading">
                {/* Only what breaks the level down: at a post, its region's or its own one-row
                    table told nothing (the type tab stays: a chosen type is one row). */}
                {TABS.filter((d) => d === tab || d === 'type' || drillsDown(filter, d)).map((d) => (
                  <button key={d} type="button" aria-pressed={d === tab} onClick={() => setTab(d)}>
                    {t(`summaries.dim_${d}`)}
                  </button>
                ))}
              </div>
            </>
          )}
          <div className="summary-table-wrap">
            <SummaryTable
              rows={tableData}
              total={summaries.tab.current.total}
              tab={tab}
              format={format}
              canDrill={!(officer && tab !== 'type') && drillsDown(filter, tab)}
              onDrill={(row) => drill(row.value)}
            />
          </div>
          <h2>{t('summaries.charts')}</h2>
          <div className="charts">
            <Chart
              kind="bar"
              title={t('summaries.chartByType')}
              column={t('summaries.dim_type')}
              format={format}
              // Entries, one unit for every type: each type's own headline figure (people
              // trained, removals, persons screened) on one axis would compare unlike things.
              points={summaries.type.current.groups
                .flatMap((g) => {
                  const type = g.key.type ?? '';
                  if (!(ACTIVITY_TYPE_IDS as readonly string[]).includes(type)) return [];
                  return [
                    {
                      type,
                      label: nameOf('type', type, namer),
                      value: counterValue(g.counters, 'entries'),
                    },
                  ];
                })
                // As the catalogue lists the types, as the table does.
                .sort((a, b) =>
                  listOrder('type', lang)(
                    { value: a.type, name: a.label },
                    { value: b.type, name: b.label },
                  ),
                )
                .map(({ label, value }) => ({ label, value }))}
            />
            {/* What the charts below it count: the one above counts entries. */}
            <div className="field no-print">
              <label htmlFor="chart-measure">{t('summaries.chartMeasure')}</label>
              <select
                id="chart-measure"
                value={chartMeasure}
                onChange={(e) => setChartMeasure(e.target.value as MeasureId)}
              >
                {MEASURE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {t(`summary.counters.${id}`)}
                  </option>
                ))}
              </select>
            </div>
            {officer ? null : (
              <Chart
                kind="bar"
                title={t('summaries.chartByPost', { measure: measureName })}
                column={t('summaries.dim_post')}
                format={format}
                points={summaries.post.current.groups
                  .map((g) => ({
                    label: nameOf('post', g.key.post ?? '', namer),
                    value: counterValue(g.counters, chartMeasure),
                  }))
                  // By the city as read, in the reader's language (codes sort otherwise).
                  .sort((a, b) => a.label.localeCompare(b.label, lang))}
              />
            )}
            <Chart
              kind="line"
              title={t('summaries.chartTrend', { measure: measureName })}
              column={t('summaries.month')}
              format={format}
              points={summaries.month.current.months.map((month) => ({
                label: periodLabel({ kind: 'month', month }, lang),
                short: shortMonth.format(new Date(`${month}-01T00:00:00Z`)),
                value: counterValue(
                  summaries.month.current.groups.find((g) => g.key.month === month)?.counters ?? {},
                  chartMeasure,
                ),
              }))}
            />
          </div>
          <ExportBar
            rows={tableData}
            comparison={summaries.tab}
            tab={tab}
            periodName={label}
            where={(identity.role === 'lead'
              ? // "Your posts" means nothing in a file HQ reads: the lead is named.
                [{ name: t('summaries.postsOf', { name: identity.name }) }, ...path.slice(1)]
              : path
            )
              .map(withSecondary)
              .join(' › ')}
            session={session}
          />
        </>
      )}
      {reported ? (
        <CompletenessTable
          reporting={reported}
          lang={lang}
          postName={postName}
          arrivals={arrivals ?? []}
          demo={identity.demo === true}
        />
      ) : null}
      <RebuildButton />
    </section>
  );
}
