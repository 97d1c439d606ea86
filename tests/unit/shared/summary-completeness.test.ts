import { describe, expect, it } from 'vitest';
import {
  completenessTable,
  expectedMonths,
  monthRuns,
  periodMonths,
} from '../../../shared/summary/index.ts';

const FY2010 = periodMonths({ kind: 'fiscal-year', fiscalYear: 2010 });
const AFTER = '2011-06-15';

describe('reporting completeness', () => {
  it('expects a month when the unit was open on one of its days and the month is over', () => {
    // Opened 15 September: September to March, 7 months.
    expect(expectedMonths({ startOn: '2010-09-15' }, FY2010, AFTER)).toHaveLength(7);
    // Closed 1 December: April to December, 9 months.
    expect(expectedMonths({ endOn: '2010-12-01' }, FY2010, AFTER)).toHaveLength(9);
    // On 10 January 2011, only April to December are over.
    expect(expectedMonths({}, FY2010, '2011-01-10')).toEqual(FY2010.slice(0, 9));
    expect(expectedMonths({ startOn: '2011-04-01' }, FY2010, AFTER)).toEqual([]);
  });

  it('computes rates, missing months, and lists silent units first', () => {
    const table = completenessTable(
      [
        // Every month: 12 of 12.
        { kind: 'post', id: 'BOG', reportedMonths: FY2010 },
        // A nil report counts like an entry: 11 of 12 (June missing).
        { kind: 'post', id: 'MEX', reportedMonths: FY2010.filter((m) => m !== '2010-06') },
        // Opened mid-year, reported every month since: 3 of 3, not "missing" before.
        {
          kind: 'post',
          id: 'DAC',
          startOn: '2011-01-03',
          reportedMonths: ['2011-01', '2011-02', '2011-03'],
        },
        // Silent all year: 0 of 12.
        { kind: 'post', id: 'LON', reportedMonths: ['2009-12'] },
        // Not open in the period: nothing expected, listed last.
        { kind: 'officer', id: 'zed', startOn: '2012-01-01', reportedMonths: [] },
        // 6 of 12, months outside the period ignored.
        {
          kind: 'officer',
          id: 'ana',
          reportedMonths: [
            '2010-04',
            '2010-05',
            '2010-06',
            '2010-10',
            '2010-11',
            '2010-12',
            '2011-05',
          ],
        },
      ],
      FY2010,
      AFTER,
    );
    expect(
      table.map((row) => [row.id, row.monthsReported.length, row.monthsExpected.length, row.rate]),
    ).toEqual([
      ['LON', 0, 12, 0],
      ['ana', 6, 12, 0.5],
      ['MEX', 11, 12, 11 / 12],
      ['BOG', 12, 12, 1],
      ['DAC', 3, 3, 1],
      ['zed', 0, 0, null],
    ]);
    expect(table.find((row) => row.id === 'MEX')?.missingMonths).toEqual(['2010-06']);
    expect(monthRuns(table.find((row) => row.id === 'ana')?.missingMonths ?? [])).toEqual([
      ['2010-07', '2010-09'],
      ['2011-01', '2011-03'],
    ]);
  });
});
