// Chooses the period: a fiscal year, a quarter, a month or a custom range of dates.
import { useTranslation } from 'react-i18next';
import { type FiscalQuarter } from '../../../../shared/domain/fiscal.ts';
import { coversWholeMonths, type Period } from '../../../../shared/summary/periods.ts';
import { useLang } from '../../i18n/useLang.ts';
import { fiscalYearLabel } from '../../../../shared/domain/fiscal.ts';

const KINDS = ['fiscal-year', 'quarter', 'month', 'range'] as const;
const KIND_KEY = {
  'fiscal-year': 'kind_fiscalYear',
  quarter: 'kind_quarter',
  month: 'kind_month',
  range: 'kind_range',
} as const;

function fiscalYearOf(period: Period): number {
  if (period.kind === 'fiscal-year' || period.kind === 'quarter') return period.fiscalYear;
  const date = period.kind === 'month' ? `${period.month}-01` : period.from;
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The same place in time, as another kind of period. */
function asKind(period: Period, kind: Period['kind']): Period {
  const fy = fiscalYearOf(period);
  switch (kind) {
    case 'fiscal-year':
      return { kind, fiscalYear: fy };
    case 'quarter':
      return { kind, fiscalYear: fy, quarter: 1 };
    case 'month':
      return { kind, month: `${fy}-04` };
    case 'range':
      return { kind, from: `${fy}-04-01`, to: `${fy + 1}-03-31` };
  }
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
            {fiscalYearLabel(fy, lang)}
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
          onChange={(e) => onChange(asKind(period, e.target.value as Period['kind']))}
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
