// Chooses the period: a fiscal year, a quarter, a month or a custom range of dates.
import { useTranslation } from 'react-i18next';
import { type FiscalQuarter } from '../../../../shared/domain/fiscal.ts';
import {
  coversWholeMonths,
  periodAsKind,
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
            onChange(
              periodAsKind(
                period,
                e.target.value as Period['kind'],
                new Date().toISOString().slice(0, 10),
              ),
            )
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
            onChange={(e) => e.target.value && onChange({ kind: 'month', month: e.target.value })}
          />
        </div>
      ) : null}
      {period.kind === 'range' ? (
        <>
          <div className="field">
            <label htmlFor="summary-from">{t('summaries.from')}</label>
            <input
              id="summary-from"
              type="date"
              value={period.from}
              max={period.to}
              onChange={(e) => e.target.value && onChange({ ...period, from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="summary-to">{t('summaries.to')}</label>
            <input
              id="summary-to"
              type="date"
              value={period.to}
              min={period.from}
              onChange={(e) => e.target.value && onChange({ ...period, to: e.target.value })}
            />
          </div>
          {coversWholeMonths(period) ? null : (
            <p className="hint">{t('summaries.partialMonths')}</p>
          )}
        </>
      ) : null}
    </fieldset>
  );
}
