// Government of Canada fiscal periods: the fiscal year runs 1 April to 31 March and is named
// by both calendar years ("FY 2010–2011", "exercice 2010-2011"); code identifies it by the
// year it starts in (2010). Quarters and months count from April.
import { type Language } from './catalogue-types.ts';
import { daysInMonth, formatIsoDate, requireIsoDate } from './dates.ts';

export const FISCAL_YEAR_START_MONTH = 4;

export type FiscalQuarter = 1 | 2 | 3 | 4;
export const FISCAL_QUARTERS: readonly FiscalQuarter[] = [1, 2, 3, 4];

/** An inclusive range of calendar dates, both 'YYYY-MM-DD'. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export interface FiscalPeriod {
  readonly fiscalYear: number;
  readonly quarter: FiscalQuarter;
  /** 1 = April ... 12 = March. */
  readonly month: number;
}

/** The start year of the fiscal year holding a date: 2011-03-31 -> 2010, 2011-04-01 -> 2011. */
export function fiscalYearOf(date: string): number {
  const { year, month } = requireIsoDate(date);
  return month >= FISCAL_YEAR_START_MONTH ? year : year - 1;
}

/** Month of the fiscal year, 1 (April) to 12 (March). */
export function fiscalMonthOf(date: string): number {
  const { month } = requireIsoDate(date);
  return ((month - FISCAL_YEAR_START_MONTH + 12) % 12) + 1;
}

/** Quarter of the fiscal year: Q1 April–June ... Q4 January–March. */
export function fiscalQuarterOf(date: string): FiscalQuarter {
  return quarterOfFiscalMonth(fiscalMonthOf(date));
}

export function fiscalPeriodOf(date: string): FiscalPeriod {
  const month = fiscalMonthOf(date);
  return { fiscalYear: fiscalYearOf(date), quarter: quarterOfFiscalMonth(month), month };
}

/**
 * 'FY 2010–2011' in English (en dash, as in federal publications); 'exercice 2010-2011' in
 * French, where the Translation Bureau's usage is "exercice" (not "EF") and a hyphen.
 */
export function fiscalYearLabel(fiscalYear: number, lang: Language): string {
  requireFiscalYear(fiscalYear);
  return lang === 'fr'
    ? `exercice ${fiscalYear}-${fiscalYear + 1}`
    : `FY ${fiscalYear}–${fiscalYear + 1}`;
}

/** 'Q1' in English, 'T1' (trimestre) in French. */
export function fiscalQuarterLabel(quarter: FiscalQuarter, lang: Language): string {
  return `${lang === 'fr' ? 'T' : 'Q'}${quarter}`;
}

export function fiscalYearRange(fiscalYear: number): DateRange {
  requireFiscalYear(fiscalYear);
  return { from: formatIsoDate(fiscalYear, 4, 1), to: formatIsoDate(fiscalYear + 1, 3, 31) };
}

export function quarterRange(fiscalYear: number, quarter: FiscalQuarter): DateRange {
  if (!FISCAL_QUARTERS.includes(quarter)) throw new RangeError(`Not a quarter: ${quarter}`);
  const first = fiscalMonthRange(fiscalYear, (quarter - 1) * 3 + 1);
  const last = fiscalMonthRange(fiscalYear, quarter * 3);
  return { from: first.from, to: last.to };
}

/** The calendar dates of fiscal month 1 (April) to 12 (March) of a fiscal year. */
export function fiscalMonthRange(fiscalYear: number, fiscalMonth: number): DateRange {
  requireFiscalYear(fiscalYear);
  if (!Number.isInteger(fiscalMonth) || fiscalMonth < 1 || fiscalMonth > 12) {
    throw new RangeError(`Not a fiscal month (1-12): ${fiscalMonth}`);
  }
  const month = ((fiscalMonth - 1 + FISCAL_YEAR_START_MONTH - 1) % 12) + 1;
  const year = month >= FISCAL_YEAR_START_MONTH ? fiscalYear : fiscalYear + 1;
  return {
    from: formatIsoDate(year, month, 1),
    to: formatIsoDate(year, month, daysInMonth(year, month)),
  };
}

// Formatters are costly to build and immutable, so one per zone is kept; this memo is the
// only module state and cannot change any result.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date ('YYYY-MM-DD') an instant falls on in an IANA time zone: the day an
 * officer at that post would write down. Throws RangeError for an unknown zone or an
 * invalid Date.
 */
export function localDateIn(timeZone: string, instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of dateFormatter(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return formatIsoDate(year, month, day);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    dateFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function quarterOfFiscalMonth(fiscalMonth: number): FiscalQuarter {
  return (Math.floor((fiscalMonth - 1) / 3) + 1) as FiscalQuarter;
}

function requireFiscalYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1 || fiscalYear > 9998) {
    throw new RangeError(`Not a fiscal year: ${fiscalYear}`);
  }
}
