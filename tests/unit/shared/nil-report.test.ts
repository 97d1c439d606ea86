// Nil reports in the pure core: when one may be filed, how it is counted (its own rollup row,
// out of every total), how completeness reads it beside start and end dates, that an officer
// may file one for its own post only, and the profile's dates.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDeviceKeys } from '../../../shared/bundle/index.ts';
import {
  nilReportId,
  nilReportProblem,
  parseNilReportId,
} from '../../../shared/domain/nil-report.ts';
import {
  type NetworkProfile,
  ProfileError,
  makeDemoNetwork,
  parseProfile,
} from '../../../shared/identity/index.ts';
import { authorizeChange } from '../../../shared/sync/authorize.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { completenessTable, expectedMonths } from '../../../shared/summary/completeness.ts';
import { contributionOf, recount } from '../../../shared/summary/measures.ts';
import { periodMonths } from '../../../shared/summary/periods.ts';
import { summarize } from '../../../shared/summary/totals.ts';

const nil = (month: string, postCode = 'BOG', officerId = 'lo-bogota-1') => ({
  type: 'nil-report',
  schemaVersion: 1,
  occurredOn: `${month}-01`,
  postCode,
  officerId,
  data: {},
});

describe('when a nil report may be filed', () => {
  const none = { nilReports: 0, entries: 0 };
  it('takes a past or the current month, once, and never beside entries', () => {
    expect(nilReportProblem('2026-11', '2026-11-30', none)).toBeNull();
    expect(nilReportProblem('2025-01', '2026-11-30', none)).toBeNull();
    expect(nilReportProblem('2026-12', '2026-11-30', none)).toBe('future');
    expect(nilReportProblem('2026-13', '2026-11-30', none)).toBe('not-a-month');
    expect(nilReportProblem('2026-1', '2026-11-30', none)).toBe('not-a-month');
    expect(nilReportProblem('2026-10', '2026-11-30', { nilReports: 1, entries: 0 })).toBe(
      'already-filed',
    );
    expect(nilReportProblem('2026-10', '2026-11-30', { nilReports: 0, entries: 3 })).toBe(
      'has-entries',
    );
  });

  it('names its month and officer in its id, whatever dashes the officer id holds', () => {
    const id = nilReportId('2026-11', 'LO-BOG-1', 'x1');
    expect(id).toBe('nil.2026-11.LO-BOG-1.x1');
    expect(parseNilReportId(id)).toEqual({ month: '2026-11', officerId: 'LO-BOG-1' });
    expect(parseNilReportId('0f3a9c')).toBeNull();
  });
});

describe('counting a nil report', () => {
  it('adds one nil report to its own row, and nothing to any total', () => {
    expect(contributionOf(nil('2026-11'))).toEqual({
      key: { month: '2026-11', postCode: 'BOG', officerId: 'lo-bogota-1', type: 'nil-report' },
      counters: { nilReports: 1 },
    });
    expect(contributionOf({ ...nil('2026-11'), deleted: true })).toBeNull();
    expect(contributionOf({ ...nil('2026-11'), occurredOn: 'soon' })?.counters).toEqual({
      notCounted: 1,
    });
    const rows = [...recount([nil('2026-11'), nil('2026-11', 'BOG', 'lo-bogota-2')]).values()];
    const summary = summarize(rows, {
      period: { kind: 'month', month: '2026-11' },
      by: ['type'],
    });
    expect(summary.groups).toEqual([]);
    expect(summary.total).toEqual({});
  });
});

describe('completeness with nil reports and dates', () => {
  const FY2010 = periodMonths({ kind: 'fiscal-year', fiscalYear: 2010 });
  const AFTER = '2011-06-15';

  it('counts a nil report as reported and marks the months it alone reports', () => {
    const [row] = completenessTable(
      [
        {
          kind: 'officer',
          id: 'ana',
          reportedMonths: [...FY2010.slice(0, 11), '2011-05'],
          nilMonths: ['2010-08', '2011-05'],
        },
      ],
      FY2010,
      AFTER,
    );
    expect(row).toMatchObject({
      rate: 11 / 12,
      missingMonths: ['2011-03'],
      nilMonths: ['2010-08'],
    });
  });

  it('expects nothing before the day a unit opened or after the day it closed', () => {
    // Opened on the last day of June: June is expected (open one day of it), May is not.
    expect(expectedMonths({ startOn: '2010-06-30' }, FY2010, AFTER)[0]).toBe('2010-06');
    // Left on 1 October: October is expected, November is not.
    expect(expectedMonths({ endOn: '2010-10-01' }, FY2010, AFTER).at(-1)).toBe('2010-10');
    // Started and left within one month: that month only.
    expect(expectedMonths({ startOn: '2010-07-05', endOn: '2010-07-20' }, FY2010, AFTER)).toEqual([
      '2010-07',
    ]);
    // Left before the period began: nothing expected, listed after every silent unit.
    const table = completenessTable(
      [
        { kind: 'officer', id: 'gone', endOn: '2010-03-31', reportedMonths: [] },
        { kind: 'officer', id: 'here', reportedMonths: [] },
      ],
      FY2010,
      AFTER,
    );
    expect(table.map((r) => [r.id, r.rate])).toEqual([
      ['here', 0],
      ['gone', null],
    ]);
  });
});

describe('who may file a nil report', () => {
  const scope = { role: 'officer', officerId: 'lo-bogota-1', postCode: 'BOG' } as const;
  const creation = (postCode: string): Change[] =>
    (
      [
        ['type', 'nil-report'],
        ['schemaVersion', 1],
        ['officerId', 'lo-bogota-1'],
        ['postCode', postCode],
        ['occurredOn', '2026-11-01'],
      ] as const
    ).map(([field, value], i) => ({
      deviceId: 'officer-a',
      seq: i + 1,
      hlc: `0001700000000000-0000-officer-a-${i}`,
      collection: 'activities',
      recordId: 'nil.2026-11.lo-bogota-1.a',
      field,
      value,
      author: 'lo-bogota-1',
    }));
  const verdicts = (changes: Change[]) =>
    changes.map((change) =>
      authorizeChange(scope, change, undefined, {
        before: () => undefined,
        changesFor: () => changes,
      }),
    );

  it('accepts an officer’s own, in its own post', () => {
    expect(verdicts(creation('BOG'))).toEqual([null, null, null, null, null]);
  });

  it('refuses one for another post', () => {
    expect(verdicts(creation('LIM')).map((r) => r?.code)).toEqual(Array(5).fill('not-owner'));
  });
});

describe('start and end dates in the profile', () => {
  let demo: NetworkProfile;
  beforeAll(async () => {
    demo = await makeDemoNetwork({
      hqKeys: await generateDeviceKeys(),
      now: new Date('2026-03-02T10:00:00Z'),
    });
  });
  const codesOf = (value: unknown): string[] => {
    try {
      parseProfile(value);
      return [];
    } catch (e) {
      if (e instanceof ProfileError) return e.issues.map((i) => `${i.code} ${i.path}`);
      throw e;
    }
  };

  it('keeps profiles without dates valid, and takes dates in order', () => {
    expect(codesOf(demo)).toEqual([]);
    const posts = demo.posts.map((p, i) =>
      i === 0 ? { ...p, openedOn: '2010-01-04', closedOn: '2010-01-04' } : p,
    );
    const devices = demo.devices.map((d, i) =>
      i === 0 ? { ...d, startOn: '2010-02-01', endOn: '2012-06-30' } : d,
    );
    expect(codesOf({ ...demo, posts, devices })).toEqual([]);
  });

  it('refuses an end before its start, and a date that is no day', () => {
    const posts = demo.posts.map((p, i) =>
      i === 0 ? { ...p, openedOn: '2010-02-01', closedOn: '2010-01-31' } : p,
    );
    const devices = demo.devices.map((d, i) =>
      i === 0 ? { ...d, startOn: '2011-01-01', endOn: '2010-12-31' } : d,
    );
    expect(codesOf({ ...demo, posts, devices })).toEqual([
      'dates-order posts.0.closedOn',
      'dates-order devices.0.endOn',
    ]);
    const bad = demo.posts.map((p, i) => (i === 0 ? { ...p, openedOn: '2010-02-30' } : p));
    expect(codesOf({ ...demo, posts: bad })).toEqual(['schema posts.0.openedOn']);
  });
});
