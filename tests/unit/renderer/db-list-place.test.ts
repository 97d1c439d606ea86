// The log's place filters (region, post, officer), as the summaries drill down: each alone and
// with the type, period, review state and search words, on both plans of the query, with a
// window limit, and counted alike; the expected ids come from the rows themselves.
import { afterEach, describe, expect, it } from 'vitest';
import { selectIds } from '../../../renderer/src/db/activity-queries.ts';
import {
  countActivities,
  createActivity,
  reviewActivity,
  type ActivityFilter,
  type Author,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { loadSummary } from '../../../renderer/src/db/summary-queries.ts';
import { placeFilter } from '../../../renderer/src/features/log/place.ts';
import { regionOfPost } from '../../../shared/summary/totals.ts';
import { liaisonInput, openTestDb } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

interface Made {
  id: string;
  occurredOn: string;
  postCode: string;
  officerId: string;
  type: 'liaison' | 'training';
  subject: string;
}

/** Officers at Bogotá (two), Port-au-Prince (Americas), London (Europe) and a post unknown here. */
const WHO: readonly [string, string][] = [
  ['lo-bogota-1', 'BOG'],
  ['lo-bogota-2', 'BOG'],
  ['lo-port-au-prince-1', 'PAP'],
  ['lo-london-1', 'LON'],
  ['lo-elsewhere-1', 'ZZZ'],
];

/** 40 entries spread over officers, days, types and subjects, one in three approved. */
async function network() {
  const t = await openTestDb();
  opened.push(t.db);
  const made: Made[] = [];
  const lead: Author = { ...t.author, officerId: 'lead-1' };
  for (let i = 0; i < 40; i++) {
    const [officerId, postCode] = WHO[i % WHO.length] as [string, string];
    const author: Author = { ...t.author, officerId, postCode };
    const occurredOn = `2025-0${4 + (i % 5)}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    const type = i % 3 === 0 ? 'training' : 'liaison';
    const subject = i % 4 === 0 ? 'Airline briefing' : 'Border meeting';
    const input = { ...liaisonInput({ occurredOn }), type } as const;
    const entry = await createActivity(t.db, author, {
      ...input,
      data: { meetings: 1, subject, counterpart: 'rcmp' },
    });
    if (i % 3 === 1) await reviewActivity(t.db, lead, entry.id, { status: 'approved' });
    made.push({ id: entry.id, occurredOn, postCode, officerId, type, subject });
  }
  return { db: t.db, made };
}

/** The ids a filter should give, worked out from what was made (newest first as the log). */
async function expected(db: LiaisonDb, made: Made[], f: ActivityFilter): Promise<string[]> {
  const rows = await db.activities.bulkGet(made.map((m) => m.id));
  return rows
    .filter((row) => !!row)
    .filter(
      (row) =>
        (f.officerId === undefined || row.officerId === f.officerId) &&
        (f.postCode === undefined || row.postCode === f.postCode) &&
        (f.region === undefined || regionOfPost(row.postCode) === f.region) &&
        (f.type === undefined || row.type === f.type) &&
        (f.status === undefined || row.reviewStatus === f.status) &&
        (f.from === undefined || row.occurredOn >= f.from) &&
        (f.to === undefined || row.occurredOn <= f.to) &&
        (f.text === undefined || row.words.some((w) => w.startsWith(f.text ?? ''))),
    )
    .sort((a, b) =>
      (a.sortKey ?? '') === (b.sortKey ?? '')
        ? b.id.localeCompare(a.id)
        : (a.sortKey ?? '') < (b.sortKey ?? '')
          ? 1
          : -1,
    )
    .map((row) => row.id);
}

const FILTERS: readonly ActivityFilter[] = [
  { postCode: 'BOG' },
  { region: 'americas' },
  { region: 'europe' },
  { region: 'unknown' },
  { officerId: 'lo-bogota-2' },
  { officerId: 'lo-bogota-2', postCode: 'BOG', region: 'americas' },
  { postCode: 'BOG', region: 'europe' },
  { postCode: 'BOG', type: 'training' },
  { postCode: 'BOG', status: 'approved' },
  { region: 'americas', from: '2025-05-01', to: '2025-06-30' },
  { officerId: 'lo-port-au-prince-1', type: 'liaison', from: '2025-05-01' },
  { officerId: 'lo-london-1', text: 'airline' },
  { region: 'americas', text: 'border', status: 'pending' },
  { officerId: 'nobody' },
];

describe.each([
  ['reading candidate rows', 2000],
  ['walking the order index', 0],
])('the log filtered by place, %s', (_plan, rowLookupMax) => {
  it('lists exactly the entries of the region, post or officer, newest first, with any other filter', async () => {
    const { db, made } = await network();
    for (const filter of FILTERS) {
      const want = await expected(db, made, filter);
      expect(await selectIds(db, filter, Infinity, rowLookupMax), JSON.stringify(filter)).toEqual(
        want,
      );
      // A window is the start of the same list, whichever plan reads it.
      expect(await selectIds(db, filter, 3, rowLookupMax), JSON.stringify(filter)).toEqual(
        want.slice(0, 3),
      );
      expect(await countActivities(db, filter), JSON.stringify(filter)).toBe(want.length);
    }
  });
});

describe('the place filters', () => {
  it('split the network without losing or repeating an entry', async () => {
    const { db, made } = await network();
    const byOfficer = await Promise.all(
      WHO.map(([officerId]) => countActivities(db, { officerId })),
    );
    const byRegion = await Promise.all(
      (['americas', 'europe', 'africa-middle-east', 'asia-pacific', 'unknown'] as const).map(
        (region) => countActivities(db, { region }),
      ),
    );
    expect(byOfficer.reduce((a, b) => a + b, 0)).toBe(made.length);
    expect(byRegion.reduce((a, b) => a + b, 0)).toBe(made.length);
    expect(byRegion[0]).toBe(made.filter((m) => ['BOG', 'PAP'].includes(m.postCode)).length);
  });
});

describe('a lead’s place filters', () => {
  it('count in a region only the posts the lead may see, as its summary does', async () => {
    // The lead leads Bogotá and a post this version does not know; its database still holds
    // Port-au-Prince's and London's entries (a post that left its scope).
    const { db, made } = await network();
    const leadPosts = ['BOG', 'ZZZ'];
    const none = { region: '', postCode: '', officerId: '' } as const;
    const period = { kind: 'fiscal-year', fiscalYear: 2025 } as const;
    for (const region of ['americas', 'unknown', 'europe'] as const) {
      const filter = placeFilter({ ...none, region }, leadPosts);
      const summary = await loadSummary(
        db,
        { period, by: [], filter: { region } },
        { role: 'lead', posts: leadPosts },
      );
      const want = made
        .filter((m) => leadPosts.includes(m.postCode) && regionOfPost(m.postCode) === region)
        .map((m) => m.id);
      // This test's catalogue is not the app's, so the summary holds its entries apart as
      // not counted: still one each, in the lead's posts alone.
      const { entries = 0, notCounted = 0 } = summary.current.total;
      expect(await countActivities(db, filter), region).toBe(entries + notCounted);
      expect(await countActivities(db, filter), region).toBe(want.length);
      expect((await selectIds(db, filter, Infinity, 0)).sort(), region).toEqual(want.sort());
    }
    // Port-au-Prince's entries are in the region at HQ, and still listed by their post.
    const americas = made.filter((m) => regionOfPost(m.postCode) === 'americas').length;
    expect(await countActivities(db, placeFilter({ ...none, region: 'americas' }))).toBe(americas);
    expect(await countActivities(db, { postCode: 'PAP', visiblePosts: leadPosts })).toBe(
      made.filter((m) => m.postCode === 'PAP').length,
    );
    // The lead's visible posts alone narrow nothing: the whole log, from the counter.
    expect(await countActivities(db, { visiblePosts: leadPosts })).toBe(made.length);
  });
});
