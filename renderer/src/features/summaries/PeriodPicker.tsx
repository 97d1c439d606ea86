// Chooses the period: a fiscal year, a quarter, a month or a custom range of dates.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceToday } from '../../../../shared/domain/dates.ts';
import { type FiscalQuarter } from '../../../../shared/domain/fiscal.ts';
import {
  coversWholeMonths,
  periodAsKind,
  periodLabel,
  RANGE_BOUNDS,
  rangeProblem,
  type Period,
} from '../../../../shared/summary/periods.ts';
import { useLang } from '../../i18n/useLang.ts';
import { fiscalYearLabel } from '../../../../shared/domain/fiscal.ts';

const KINDS = ['fiscal-year', 'quarter', 'month', 'range'] as const;
const KIND_KEY = {
  'fiscal-year': 'kind_fiscalYear',
  quarter: 'kind_quarter',
  month: 'kind_month',
  range: 'kind_range',
} as const;

/** 'Exercice 2010-2011' as an option standing alone (in running text it is lower case). */
function standalone(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function PeriodPicker({
  period,
  years,
  onChange,
}: {
  period: Period;
  years: readonly number[];
  onChange: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const yearSelect = (value: number, set: (fy: number) => void) => (
    <div className="field">
      <label htmlFor="summary-fy">{t('summaries.fiscalYear')}</label>
      <select id="summary-fy" value={value} onChange={(e) => set(Number(e.target.value))}>
        {years.map((fy) => (
          <option key={fy} value={fy}>
            {standalone(fiscalYearLabel(fy, lang))}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className="summary-period">
      <legend>{t('summaries.period')}</legend>
      <div className="field">
        <label htmlFor="summary-kind">{t('summaries.kind')}</label>
        <select
          id="summary-kind"
          value={period.kind}
          onChange={(e) =>
            onChange(periodAsKind(period, e.target.value as Period['kind'], deviceToday()))
          }
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`summaries.${KIND_KEY[kind]}`)}
            </option>
          ))}
        </select>
      </div>
      {period.kind === 'fiscal-year'
        ? yearSelect(period.fiscalYear, (fiscalYear) => onChange({ ...period, fiscalYear }))
        : null}
      {period.kind === 'quarter' ? (
        <>
          {yearSelect(period.fiscalYear, (fiscalYear) => onChange({ ...period, fiscalYear }))}
          <div className="field">
            <label htmlFor="summary-quarter">{t('summaries.quarter')}</label>
            <select
              id="summary-quarter"
              value={period.quarter}
              onChange={(e) =>
                onChange({ ...period, quarter: Number(e.target.value) as FiscalQuarter })
              }
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {lang === 'fr' ? `T${q}` : `Q${q}`}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {period.kind === 'month' ? (
        <div className="field">
          <label htmlFor="summary-month">{t('summaries.month')}</label>
          <input
            id="summary-month"
            type="month"
            value={period.month}
            min={RANGE_BOUNDS.from.slice(0, 7)}
            max={RANGE_BOUNDS.to.slice(0, 7)}
            // A year being typed passes through 0001, 0019…: only a month a summary can count
            // (and compare a year earlier) is taken; it had crashed the screen.
            onChange={(e) => {
              const month = e.target.value;
              if (rangeProblem(`${month}-01`, `${month}-01`) === null) {
                onChange({ kind: 'month', month });
              }
            }}
          />
        </div>
      ) : null}
      {period.kind === 'range' ? <RangeInputs period={period} onChange={onChange} /> : null}
    </fieldset>
  );
}

type RangePeriod = Extract<Period, { kind: 'range' }>;

/**
 * The two dates of a custom range, as typed: the summary moves only to a range it can count.
 * While a year is typed the date passes through 0002, 0020…, or the end comes before the
 * start: the dates stay as typed, the summary stays on the last range, and a polite line says
 * why (a live region present before its text). Never thrown at the screen: it had crashed.
 */
function RangeInputs({
  period,
  onChange,
}: {
  period: RangePeriod;
  onChange: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useState({ from: period.from, to: period.to });
  // A range set from outside (another kind of period, then this one again) shows its dates.
  useEffect(() => setDraft({ from: period.from, to: period.to }), [period.from, period.to]);
  const problem = rangeProblem(draft.from, draft.to);
  const set = (next: { from: string; to: string }) => {
    setDraft(next);
    if (rangeProblem(next.from, next.to) === null) onChange({ kind: 'range', ...next });
  };
  const year = (date: string) => date.slice(0, 4);
  const shown = periodLabel(period, lang);
  return (
    <>
      <div className="field">
        <label htmlFor="summary-from">{t('summaries.from')}</label>
        <input
          id="summary-from"
          type="date"
          value={draft.from}
          aria-describedby="summary-range-problem"
          onChange={(e) => set({ ...draft, from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="summary-to">{t('summaries.to')}</label>
        <input
          id="summary-to"
          type="date"
          value={draft.to}
          aria-describedby="summary-range-problem"
          onChange={(e) => set({ ...draft, to: e.target.value })}
        />
      </div>
      <p
        id="summary-range-problem"
        role="status"
        className={problem !== null ? 'field-error dates-reversed' : 'dates-reversed-empty'}
      >
        {problem === 'incomplete'
          ? t('summaries.rangeIncomplete', { period: shown })
          : problem === 'reversed'
            ? t('summaries.rangeReversed', { period: shown })
            : problem === 'outside'
              ? t('summaries.rangeOutside', {
                  first: year(RANGE_BOUNDS.from),
                  last: year(RANGE_BOUNDS.to),
                  period: shown,
                })
              : ''}
      </p>
      {problem === null && !coversWholeMonths({ kind: 'range', ...draft }) ? (
        <p className="hint">{t('summaries.partialMonths')}</p>
      ) : null}
    </>
  );
}
