// Who has reported, as the Summaries screen builds it from rollup rows: expected posts that
// sent nothing are listed, silent first; an officer silent all period is found from the
// periods around it; the place shown narrows the units.
import { describe, expect, it } from 'vitest';
import { type RollupRow } from '../../../shared/summary/measures.ts';
import {
  profileExpectations,
  reporting,
} from '../../../renderer/src/features/summaries/completeness-model.ts';

function row(month: string, postCode: string, officerId: string): RollupRow {
  return { key: { month, postCode, officerId, type: 'liaison' }, counters: { entries: 2 } };
}

const Q1 = ['2010-04', '2010-05', '2010-06'];

// Bogotá (Americas) reported every month; Kingston (Americas) missed May and June; Paris
// (Europe) reported in April only, and its second officer only the year before.
const rows: RollupRow[] = [
  ...Q1.map((m) => row(m, 'BOG', 'lo-bogota-1')),
  row('2010-04', 'KIN', 'lo-kingston-1'),
  row('2010-04', 'PAR', 'lo-paris-1'),
  row('2009-05', 'PAR', 'lo-paris-2'),
  // Outside the period: names nobody new, and does not count as reported.
  row('2010-07', 'KIN', 'lo-kingston-1'),
];

describe('who has reported', () => {
  it('lists every expected post, silent first, with missing months and rate', () => {
    const { posts } = reporting({
      rows,
      months: Q1,
      expectedPosts: ['BOG', 'KIN', 'PAR', 'LIM'],
      filter: {},
      asOf: '2011-01-15',
    });
    expect(posts.map((p) => [p.id, p.rate, p.missingMonths])).toEqual([
      ['LIM', 0, Q1],
      ['KIN', 1 / 3, ['2010-05', '2010-06']],
      ['PAR', 1 / 3, ['2010-05', '2010-06']],
      ['BOG', 1, []],
    ]);
  });

  it('finds an officer silent all period from the year before, and names its post', () => {
    const { officers, officerPost } = reporting({
      rows,
      months: Q1,
      expectedPosts: [],
      filter: {},
      asOf: '2011-01-15',
    });
    expect(officers[0]).toMatchObject({ id: 'lo-paris-2', rate: 0, missingMonths: Q1 });
    expect(officers.map((o) => o.id)).toEqual([
      'lo-paris-2',
      'lo-kingston-1',
      'lo-paris-1',
      'lo-bogota-1',
    ]);
    expect(officerPost.get('lo-kingston-1')).toBe('KIN');
  });

  it('keeps to the place shown: a region, then a post', () => {
    const inEurope = reporting({
      rows,
      months: Q1,
      expectedPosts: ['BOG', 'KIN', 'PAR', 'LIM'],
      filter: { region: 'europe' },
      asOf: '2011-01-15',
    });
    expect(inEurope.posts.map((p) => p.id)).toEqual(['PAR']);
    expect(inEurope.officers.map((o) => o.id)).toEqual(['lo-paris-2', 'lo-paris-1']);
    const atKingston = reporting({
      rows,
      months: Q1,
      expectedPosts: ['BOG', 'KIN', 'PAR', 'LIM'],
      filter: { postCode: 'KIN', types: ['training'] },
      asOf: '2011-01-15',
    });
    expect(atKingston.posts.map((p) => p.id)).toEqual(['KIN']);
    expect(atKingston.officers.map((o) => [o.id, o.monthsReported])).toEqual([
      ['lo-kingston-1', ['2010-04']],
    ]);
  });

  it('expects nothing of a month not over yet', () => {
    const { posts } = reporting({
      rows,
      months: Q1,
      expectedPosts: ['LIM'],
      filter: {},
      asOf: '2010-05-20',
    });
    const lima = posts.find((p) => p.id === 'LIM');
    expect(lima?.monthsExpected).toEqual(['2010-04']);
    expect(posts.find((p) => p.id === 'BOG')?.rate).toBe(1);
  });

  it('expects a post from its opening and an officer until it left, as the profile says', () => {
    const profile = {
      posts: [
        { code: 'BOG' },
        { code: 'KIN', openedOn: '2010-05-17' },
        { code: 'LIM', retired: true },
        { code: 'PAR', retired: true, closedOn: '2010-04-30' },
      ],
      devices: [
        { officerId: 'lo-bogota-1', role: 'officer', postCode: 'BOG', endOn: '2010-04-30' },
        { officerId: 'lo-kingston-1', role: 'officer', postCode: 'KIN', startOn: '2010-06-01' },
        // A second laptop of the same officer: expected from the earlier start.
        { officerId: 'lo-kingston-1', role: 'officer', postCode: 'KIN', startOn: '2010-05-20' },
        { officerId: 'hq', role: 'hq' },
      ],
    };
    const expected = profileExpectations(profile);
    expect(expected.expectedPosts).toEqual(['BOG', 'KIN', 'PAR']);
    expect(expected.expectedOfficers).toEqual([
      { officerId: 'lo-bogota-1', postCode: 'BOG', startOn: undefined, endOn: '2010-04-30' },
      { officerId: 'lo-kingston-1', postCode: 'KIN', startOn: '2010-05-20', endOn: undefined },
    ]);
    const { posts, officers } = reporting({
      rows,
      months: Q1,
      ...expected,
      filter: {},
      asOf: '2011-01-15',
    });
    // Kingston opened in May: April is not missing; Paris closed in April: May and June are not.
    expect(posts.find((p) => p.id === 'KIN')?.monthsExpected).toEqual(['2010-05', '2010-06']);
    expect(posts.find((p) => p.id === 'PAR')).toMatchObject({
      monthsExpected: ['2010-04'],
      rate: 1,
    });
    // The Bogotá officer left at the end of April: reported its one expected month.
    expect(officers.find((o) => o.id === 'lo-bogota-1')).toMatchObject({
      monthsExpected: ['2010-04'],
      rate: 1,
    });
    expect(officers.find((o) => o.id === 'lo-kingston-1')?.missingMonths).toEqual([
      '2010-05',
      '2010-06',
    ]);
    // A lead sees its own posts' only.
    expect(profileExpectations(profile, ['KIN']).expectedPosts).toEqual(['KIN']);
  });

  it('lists silent units first with nil reports in play, and marks the nil months', () => {
    const nil = (month: string, postCode: string, officerId: string): RollupRow => ({
      key: { month, postCode, officerId, type: 'nil-report' },
      counters: { nilReports: 1 },
    });
    const { posts } = reporting({
      rows: [
        ...rows,
        nil('2010-05', 'KIN', 'lo-kingston-1'),
        nil('2010-06', 'KIN', 'lo-kingston-1'),
      ],
      months: Q1,
      expectedPosts: ['BOG', 'KIN', 'PAR', 'LIM'],
      filter: {},
      asOf: '2011-01-15',
    });
    expect(posts.map((p) => [p.id, p.rate, p.nilMonths])).toEqual([
      ['LIM', 0, []],
      ['PAR', 1 / 3, []],
      ['BOG', 1, []],
      ['KIN', 1, ['2010-05', '2010-06']],
    ]);
  });
});
