import { afterEach, describe, expect, it } from 'vitest';
import { addDays, deviceToday, isIsoDate, parseIsoDate } from '../../../shared/domain/dates.ts';
import {
  fiscalMonthOf,
  fiscalMonthRange,
  fiscalPeriodOf,
  fiscalQuarterLabel,
  fiscalQuarterOf,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  isValidTimeZone,
  localDateIn,
  quarterRange,
} from '../../../shared/domain/fiscal.ts';

describe('fiscal periods', () => {
  it('puts 31 March in the old fiscal year and 1 April in the new one', () => {
    expect(fiscalYearOf('2011-03-31')).toBe(2010);
    expect(fiscalYearOf('2011-04-01')).toBe(2011);
    expect(fiscalYearOf('2010-12-31')).toBe(2010);
    expect(fiscalYearOf('2011-01-01')).toBe(2010);
  });

  it('names the fiscal year as federal publications do, in each language', () => {
    expect(fiscalYearLabel(2010, 'en')).toBe('FY 2010–2011');
    expect(fiscalYearLabel(2010, 'fr')).toBe('exercice 2010-2011');
    expect(fiscalQuarterLabel(1, 'en')).toBe('Q1');
    expect(fiscalQuarterLabel(4, 'fr')).toBe('T4');
  });

  it('gives the inclusive date range of a fiscal year', () => {
    expect(fiscalYearRange(2010)).toEqual({ from: '2010-04-01', to: '2011-03-31' });
  });

  it('counts quarters and months from April', () => {
    const cases: [string, number, number][] = [
      ['2011-04-01', 1, 1],
      ['2011-06-30', 1, 3],
      ['2011-07-01', 2, 4],
      ['2011-09-30', 2, 6],
      ['2011-10-01', 3, 7],
      ['2011-12-31', 3, 9],
      ['2012-01-01', 4, 10],
      ['2012-03-31', 4, 12],
    ];
    for (const [date, quarter, month] of cases) {
      expect([fiscalQuarterOf(date), fiscalMonthOf(date)], date).toEqual([quarter, month]);
    }
    expect(fiscalPeriodOf('2012-02-29')).toEqual({ fiscalYear: 2011, quarter: 4, month: 11 });
  });

  it('gives quarter ranges that tile the fiscal year, leap day included', () => {
    expect(quarterRange(2011, 1)).toEqual({ from: '2011-04-01', to: '2011-06-30' });
    expect(quarterRange(2011, 2)).toEqual({ from: '2011-07-01', to: '2011-09-30' });
    expect(quarterRange(2011, 3)).toEqual({ from: '2011-10-01', to: '2011-12-31' });
    expect(quarterRange(2011, 4)).toEqual({ from: '2012-01-01', to: '2012-03-31' });
    for (const fy of [2010, 2011, 2023]) {
      for (const q of [1, 2, 3] as const) {
        expect(addDays(quarterRange(fy, q).to, 1)).toBe(
          quarterRange(fy, (q + 1) as 2 | 3 | 4).from,
        );
      }
    }
  });

  it('ends February on the 29th in leap years only', () => {
    expect(fiscalMonthRange(2011, 11)).toEqual({ from: '2012-02-01', to: '2012-02-29' });
    expect(fiscalMonthRange(2023, 11)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(fiscalMonthRange(2022, 11)).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(fiscalMonthRange(2099, 11).to).toBe('2100-02-28');
    expect(fiscalMonthRange(1999, 11).to).toBe('2000-02-29');
    expect(fiscalYearOf('2012-02-29')).toBe(2011);
    expect(fiscalYearOf('2024-02-29')).toBe(2023);
  });

  it('refuses dates and periods that do not exist', () => {
    expect(() => fiscalYearOf('2023-02-29')).toThrow(RangeError);
    expect(() => fiscalQuarterOf('2023-02-30')).toThrow(RangeError);
    expect(() => fiscalMonthRange(2011, 13)).toThrow(RangeError);
    expect(() => fiscalYearRange(2010.5)).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2012-02-29')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-4-1')).toBe(false);
    expect(isIsoDate('2023-04-01T00:00')).toBe(false);
    expect(isIsoDate(20230401)).toBe(false);
    expect(parseIsoDate('2011-03-31')).toEqual({ year: 2011, month: 3, day: 31 });
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2011-03-31', 1)).toBe('2011-04-01');
    expect(addDays('2012-02-28', 1)).toBe('2012-02-29');
    expect(addDays('2012-03-01', -1)).toBe('2012-02-29');
    expect(addDays('2011-12-31', 1)).toBe('2012-01-01');
  });
});

describe('local date at a post', () => {
  // 2011-04-01 06:30 UTC: still 31 March on the Pacific coast, already 1 April in Tokyo.
  const instant = new Date(Date.UTC(2011, 3, 1, 6, 30));

  it('gives the day an officer in that time zone would write down', () => {
    expect(localDateIn('America/Vancouver', instant)).toBe('2011-03-31');
    expect(localDateIn('America/Bogota', instant)).toBe('2011-04-01');
    expect(localDateIn('Asia/Tokyo', instant)).toBe('2011-04-01');
    expect(localDateIn('UTC', instant)).toBe('2011-04-01');
  });

  it('so one instant can fall in two fiscal years', () => {
    expect(fiscalYearOf(localDateIn('America/Vancouver', instant))).toBe(2010);
    expect(fiscalYearOf(localDateIn('Asia/Tokyo', instant))).toBe(2011);
  });

  it('follows half-hour zones and the date line', () => {
    const lateEvening = new Date(Date.UTC(2024, 1, 28, 18, 45));
    expect(localDateIn('Asia/Kolkata', lateEvening)).toBe('2024-02-29');
    expect(localDateIn('Pacific/Kiritimati', new Date(Date.UTC(2024, 11, 31, 10, 0)))).toBe(
      '2025-01-01',
    );
    expect(localDateIn('Pacific/Pago_Pago', new Date(Date.UTC(2025, 0, 1, 10, 0)))).toBe(
      '2024-12-31',
    );
  });

  it('refuses an unknown zone or an invalid instant', () => {
    expect(() => localDateIn('Mars/Olympus_Mons', instant)).toThrow(RangeError);
    expect(() => localDateIn('UTC', new Date(Number.NaN))).toThrow(RangeError);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
  });
});

describe("the device's today", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('is the date in the computer’s own zone, not in UTC', () => {
    // 31 March 2011 at 21:30 in Ottawa is already 1 April in UTC: still FY 2010-11 at HQ.
    const evening = new Date(Date.UTC(2011, 3, 1, 1, 30));
    process.env.TZ = 'America/Toronto';
    expect(deviceToday(evening)).toBe('2011-03-31');
    expect(fiscalYearOf(deviceToday(evening))).toBe(2010);
    process.env.TZ = 'Asia/Tokyo';
    expect(deviceToday(new Date(Date.UTC(2011, 2, 31, 20, 0)))).toBe('2011-04-01');
  });
});
