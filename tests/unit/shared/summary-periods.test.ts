import { describe, expect, it } from 'vitest';
import {
  addMonths,
  coversWholeMonths,
  monthsBetween,
  periodAsKind,
  rangeProblem,
  periodLabel,
  periodMonths,
  periodRange,
  previousPeriod,
  yearEarlier,
  type Period,
} from '../../../shared/summary/index.ts';

const FY2010: Period = { kind: 'fiscal-year', fiscalYear: 2010 };

describe('summary periods', () => {
  it('runs a fiscal year from 1 April to 31 March, twelve months from April', () => {
    expect(periodRange(FY2010)).toEqual({ from: '2010-04-01', to: '2011-03-31' });
    const months = periodMonths(FY2010);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2010-04');
    expect(months[11]).toBe('2011-03');
    expect(months).not.toContain('2010-03');
    expect(months).not.toContain('2011-04');
  });

  it('puts quarter edges on the right side: Q1 April–June, Q4 January–March', () => {
    expect(periodRange({ kind: 'quarter', fiscalYear: 2010, quarter: 1 })).toEqual({
      from: '2010-04-01',
      to: '2010-06-30',
    });
    expect(periodMonths({ kind: 'quarter', fiscalYear: 2010, quarter: 2 })).toEqual([
      '2010-07',
      '2010-08',
      '2010-09',
    ]);
    expect(periodRange({ kind: 'quarter', fiscalYear: 2010, quarter: 4 })).toEqual({
      from: '2011-01-01',
      to: '2011-03-31',
    });
  });

  it('compares with the previous period across fiscal-year boundaries', () => {
    expect(previousPeriod(FY2010)).toEqual({ kind: 'fiscal-year', fiscalYear: 2009 });
    expect(previousPeriod({ kind: 'quarter', fiscalYear: 2010, quarter: 1 })).toEqual({
      kind: 'quarter',
      fiscalYear: 2009,
      quarter: 4,
    });
    expect(previousPeriod({ kind: 'quarter', fiscalYear: 2010, quarter: 3 })).toEqual({
      kind: 'quarter',
      fiscalYear: 2010,
      quarter: 2,
    });
    expect(previousPeriod({ kind: 'month', month: '2011-04' })).toEqual({
      kind: 'month',
      month: '2011-03',
    });
    expect(previousPeriod({ kind: 'month', month: '2011-01' })).toEqual({
      kind: 'month',
      month: '2010-12',
    });
  });

  it('compares with the same period a year earlier', () => {
    expect(yearEarlier({ kind: 'quarter', fiscalYear: 2010, quarter: 4 })).toEqual({
      kind: 'quarter',
      fiscalYear: 2009,
      quarter: 4,
    });
    expect(yearEarlier({ kind: 'month', month: '2011-03' })).toEqual({
      kind: 'month',
      month: '2010-03',
    });
    // 29 February has no twin: the range keeps whole months.
    expect(yearEarlier({ kind: 'range', from: '2012-02-01', to: '2012-02-29' })).toEqual({
      kind: 'range',
      from: '2011-02-01',
      to: '2011-02-28',
    });
    expect(yearEarlier({ kind: 'range', from: '2012-02-10', to: '2012-02-29' })).toEqual({
      kind: 'range',
      from: '2011-02-10',
      to: '2011-02-28',
    });
  });

  it('gives a custom range its months, the days before it, and says when it splits a month', () => {
    const range: Period = { kind: 'range', from: '2011-03-31', to: '2011-04-01' };
    expect(periodMonths(range)).toEqual(['2011-03', '2011-04']);
    expect(coversWholeMonths(range)).toBe(false);
    expect(previousPeriod(range)).toEqual({ kind: 'range', from: '2011-03-29', to: '2011-03-30' });
    const whole: Period = { kind: 'range', from: '2011-01-01', to: '2011-02-28' };
    expect(coversWholeMonths(whole)).toBe(true);
    expect(previousPeriod(whole)).toEqual({ kind: 'range', from: '2010-11-01', to: '2010-12-31' });
    expect(() => periodRange({ kind: 'range', from: '2011-04-02', to: '2011-04-01' })).toThrow(
      RangeError,
    );
  });

  it('counts months across year ends', () => {
    expect(addMonths('2010-12', 1)).toBe('2011-01');
    expect(addMonths('2011-01', -13)).toBe('2009-12');
    expect(monthsBetween('2010-11', '2011-02')).toEqual([
      '2010-11',
      '2010-12',
      '2011-01',
      '2011-02',
    ]);
    expect(monthsBetween('2011-02', '2011-01')).toEqual([]);
  });

  it('names periods in each language', () => {
    expect(periodLabel(FY2010, 'en')).toBe('FY 2010–2011');
    expect(periodLabel(FY2010, 'fr')).toBe('exercice 2010-2011');
    expect(periodLabel({ kind: 'quarter', fiscalYear: 2010, quarter: 1 }, 'en')).toBe(
      'Q1 FY 2010–2011',
    );
    expect(periodLabel({ kind: 'quarter', fiscalYear: 2010, quarter: 1 }, 'fr')).toBe(
      'T1 exercice 2010-2011',
    );
    expect(periodLabel({ kind: 'month', month: '2010-04' }, 'en')).toBe('April 2010');
    expect(periodLabel({ kind: 'month', month: '2010-04' }, 'fr')).toBe('avril 2010');
    // A range by its days in words, not ISO dates.
    const range = { kind: 'range', from: '2010-10-01', to: '2011-01-31' } as const;
    expect(periodLabel(range, 'en')).toBe('October 1, 2010 to January 31, 2011');
    expect(periodLabel(range, 'fr')).toBe('du 1er octobre 2010 au 31 janvier 2011');
    // One that cuts months is named by the whole months it counts, and says so.
    const cut = { kind: 'range', from: '2010-10-15', to: '2011-01-02' } as const;
    expect(periodLabel(cut, 'en')).toBe('October 1, 2010 to January 31, 2011 (whole months)');
    expect(periodLabel(cut, 'fr')).toBe('du 1er octobre 2010 au 31 janvier 2011 (mois entiers)');
  });

  it('keeps the place in time when the kind of period changes', () => {
    const today = '2026-12-07';
    // A past year: its last quarter and month, not its first.
    expect(periodAsKind(FY2010, 'quarter', today)).toEqual({
      kind: 'quarter',
      fiscalYear: 2010,
      quarter: 4,
    });
    expect(periodAsKind(FY2010, 'month', today)).toEqual({ kind: 'month', month: '2011-03' });
    expect(periodAsKind(FY2010, 'range', today)).toEqual({
      kind: 'range',
      from: '2010-04-01',
      to: '2011-03-31',
    });
    // The current year: today's quarter (Q3, October–December) and month.
    const thisYear: Period = { kind: 'fiscal-year', fiscalYear: 2026 };
    expect(periodAsKind(thisYear, 'quarter', today)).toEqual({
      kind: 'quarter',
      fiscalYear: 2026,
      quarter: 3,
    });
    expect(periodAsKind(thisYear, 'month', today)).toEqual({ kind: 'month', month: '2026-12' });
    // A month goes to the quarter and year that hold it; a quarter to its range.
    const nov2010: Period = { kind: 'month', month: '2010-11' };
    expect(periodAsKind(nov2010, 'quarter', today)).toEqual({
      kind: 'quarter',
      fiscalYear: 2010,
      quarter: 3,
    });
    expect(periodAsKind({ kind: 'month', month: '2011-02' }, 'fiscal-year', today)).toEqual(FY2010);
    expect(periodAsKind({ kind: 'quarter', fiscalYear: 2010, quarter: 2 }, 'range', today)).toEqual(
      { kind: 'range', from: '2010-07-01', to: '2010-09-30' },
    );
    // A range goes to where it ends; a future period to where it starts.
    expect(
      periodAsKind({ kind: 'range', from: '2010-05-10', to: '2011-01-20' }, 'month', today),
    ).toEqual({ kind: 'month', month: '2011-01' });
    expect(periodAsKind({ kind: 'fiscal-year', fiscalYear: 2027 }, 'quarter', today)).toEqual({
      kind: 'quarter',
      fiscalYear: 2027,
      quarter: 1,
    });
  });

  it('says what keeps two typed dates from being a range', () => {
    expect(rangeProblem('2010-04-01', '2011-03-31')).toBeNull();
    expect(rangeProblem('2010-04-01', '2010-04-01')).toBeNull();
    expect(rangeProblem('2011-01-01', '2010-12-31')).toBe('reversed');
    // A year half typed, or out of any sensible range.
    expect(rangeProblem('2010-04-01', '0002-03-31')).toBe('outside');
    expect(rangeProblem('0201-04-01', '2011-03-31')).toBe('outside');
    expect(rangeProblem('1989-12-31', '2011-03-31')).toBe('outside');
    expect(rangeProblem('1990-01-01', '2099-12-31')).toBeNull();
    expect(rangeProblem('2010-04-01', '2100-01-01')).toBe('outside');
    // Not a whole date yet, or not a calendar date.
    expect(rangeProblem('', '2011-03-31')).toBe('incomplete');
    expect(rangeProblem('2010-02-30', '2011-03-31')).toBe('incomplete');
  });
});
