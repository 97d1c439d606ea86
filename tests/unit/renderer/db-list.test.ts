// List queries: newest first from the indexes, every filter alone and combined, accent-
// insensitive prefix search, and no sensitive value ever in the search index.
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSealed } from '../../../shared/vault/index.ts';
import { CATALOGUE } from '../../../shared/domain/catalogue.ts';
import { type Json } from '../../../shared/sync/change.ts';
import { selectIds } from '../../../renderer/src/db/activity-queries.ts';
import {
  countActivities,
  createActivity,
  deleteActivity,
  getActivitiesByIds,
  listActivityIds,
  openDatabase,
  getOrCreateDevice,
  recordAcknowledgement,
  reviewActivity,
  updateActivity,
  type ActivityFilter,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { freshName, liaisonInput, openTestDb, testSealer } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Four entries on four days, created out of date order. */
async function seeded() {
  const t = await openTestDb();
  opened.push(t.db);
  const { db, author } = t;
  const sealer = await testSealer();
  const mk = (
    occurredOn: string,
    data: Record<string, Json>,
    type: 'liaison' | 'training' = 'liaison',
  ) => createActivity(db, author, { ...liaisonInput({ occurredOn }), type, data }, { sealer });
  const march = await mk('2025-03-30', {
    meetings: 2,
    subject: 'Visite à Montréal',
    counterpart: 'airline',
  });
  const june = await mk(
    '2025-06-01',
    { meetings: 1, subject: 'Document fraud course', counterpart: 'rcmp' },
    'training',
  );
  const april = await mk('2025-04-15', {
    meetings: 1,
    subject: 'Airline security meeting',
    counterpart: 'rcmp',
    travellerName: 'Gabriel Montrealer',
    caseNotes: 'passport 99XK1234',
  });
  const may = await mk(
    '2025-05-20',
    { meetings: 3, subject: 'Briefing, Bogotá', notes: 'Cœur du sujet' },
    'training',
  );
  return { ...t, sealer, march, april, may, june };
}

// Text and combined filters have two plans (read the few candidate rows, or walk the order
// index); every filter test runs on both so that they can never disagree.
describe.each([
  ['reading candidate rows', 2000],
  ['walking the order index', 0],
])('listActivityIds, %s', (_plan, rowLookupMax) => {
  const listActivityIds = (db: LiaisonDb, filter: ActivityFilter = {}, limit = Infinity) =>
    selectIds(db, filter, limit, rowLookupMax);

  it('lists newest first by the day of the activity, then by creation', async () => {
    const { db, author, march, april, may, june } = await seeded();
    const sameDay = await createActivity(db, author, liaisonInput({ occurredOn: '2025-05-20' }));
    expect(await listActivityIds(db)).toEqual([june.id, sameDay.id, may.id, april.id, march.id]);
  });

  it('filters by type, review status and date range, alone and together', async () => {
    const { db, author, march, april, may, june } = await seeded();
    expect(await listActivityIds(db, { type: 'training' })).toEqual([june.id, may.id]);
    expect(await listActivityIds(db, { from: '2025-04-01', to: '2025-05-20' })).toEqual([
      may.id,
      april.id,
    ]);
    expect(await listActivityIds(db, { from: '2025-05-21' })).toEqual([june.id]);
    expect(await listActivityIds(db, { to: '2025-03-30' })).toEqual([march.id]);

    const lead = { deviceId: author.deviceId, officerId: 'lead-1', postCode: 'BOG' };
    await reviewActivity(db, lead, april.id, { status: 'approved' });
    await reviewActivity(db, lead, may.id, { status: 'approved', comment: 'Thanks' });
    expect(await listActivityIds(db, { status: 'approved' })).toEqual([may.id, april.id]);
    expect(await listActivityIds(db, { status: 'pending' })).toEqual([june.id, march.id]);
    expect(await listActivityIds(db, { status: 'approved', type: 'training' })).toEqual([may.id]);
    expect(
      await listActivityIds(db, { status: 'approved', type: 'liaison', to: '2025-04-14' }),
    ).toEqual([]);
  });

  it('finds words by prefix, ignoring case and accents, every word required', async () => {
    const { db, march, april, may } = await seeded();
    expect(await listActivityIds(db, { text: 'montreal' })).toEqual([march.id]);
    expect(await listActivityIds(db, { text: 'MONTRÉ' })).toEqual([march.id]);
    expect(await listActivityIds(db, { text: 'bogota' })).toEqual([may.id]);
    expect(await listActivityIds(db, { text: 'coeur' })).toEqual([may.id]);
    // Select labels in both languages are searchable; their codes are not text.
    expect(await listActivityIds(db, { text: 'compagnie' })).toEqual([march.id]);
    expect(await listActivityIds(db, { text: 'air' })).toEqual([april.id, march.id]);
    expect(await listActivityIds(db, { text: 'air secur' })).toEqual([april.id]);
    expect(await listActivityIds(db, { text: 'air', type: 'liaison', from: '2025-04-01' })).toEqual(
      [april.id],
    );
    expect(await listActivityIds(db, { text: 'zzz' })).toEqual([]);
    expect(await listActivityIds(db, { text: ' ,; ' })).toHaveLength(4);
  });

  it('never finds a sensitive value and never puts one in the words index', async () => {
    const { db, author, april, sealer } = await seeded();
    expect(await listActivityIds(db, { text: 'gabriel' })).toEqual([]);
    expect(await listActivityIds(db, { text: 'passport' })).toEqual([]);
    expect(await listActivityIds(db, { text: '99xk1234' })).toEqual([]);
    // 'montreal' finds the March entry only, not April's traveller "Montrealer".
    expect(await listActivityIds(db, { text: 'montrealer' })).toEqual([]);
    const row = await db.activities.get(april.id);
    expect(row?.words).not.toContain('gabriel');
    expect(row?.words.some((w) => w.includes('montreal') || w.includes('99xk'))).toBe(false);
    const indexed = await db.activities.orderBy('words').uniqueKeys();
    expect(indexed.map(String).filter((w) => /gabriel|passport|99xk/.test(w))).toEqual([]);

    // Editing the sensitive field does not leak it either.
    await updateActivity(
      db,
      author,
      april.id,
      { data: { travellerName: 'Zacharie Quesnel' } },
      { sealer },
    );
    expect(await listActivityIds(db, { text: 'zacharie' })).toEqual([]);
  });

  it('keeps every sensitive field of the real catalogue out of the index', async () => {
    const db = await openDatabase(freshName()); // the default: shared/domain's catalogue
    opened.push(db);
    const { deviceId } = await getOrCreateDevice(db);
    const author = { deviceId, officerId: 'lo-1', postCode: 'BOG' };
    const sealer = await testSealer();
    for (const def of CATALOGUE) {
      const data: Record<string, Json> = {};
      for (const field of def.fields)
        data[field.name] = `${field.sensitive ? 'secret' : 'open'}${field.name}`;
      const created = await createActivity(
        db,
        author,
        { type: def.id, schemaVersion: def.version, occurredOn: '2025-04-01', data },
        { sealer },
      );
      const row = await db.activities.get(created.id);
      const words = row?.words ?? [];
      // At rest: sensitive values sealed, open values as typed (and so searchable).
      for (const field of def.fields) {
        const stored = row?.data[field.name];
        if (field.sensitive) expect(isSealed(stored), field.name).toBe(true);
        else expect(stored, field.name).toBe(`open${field.name}`);
      }
      expect(words.filter((w) => w.startsWith('secret'))).toEqual([]);
      const openText = def.fields.filter(
        (f) => !f.sensitive && (f.kind === 'text' || f.kind === 'longtext'),
      );
      for (const f of openText) expect(words).toContain(`open${f.name}`.toLowerCase());
    }
    expect(await listActivityIds(db, { text: 'secret' })).toEqual([]);
  });

  it('lists what still waits for an acknowledgement', async () => {
    const { db, author, march, april, may, june } = await seeded();
    expect(await listActivityIds(db, { pending: true })).toEqual([
      june.id,
      may.id,
      april.id,
      march.id,
    ]);
    // HQ acknowledged the first two entries (9 changes each).
    await recordAcknowledgement(db, 'hq', 18);
    expect(await listActivityIds(db, { pending: true })).toEqual([may.id, april.id]);
    expect(await listActivityIds(db, { pending: false })).toEqual([june.id, march.id]);
    await updateActivity(db, author, march.id, { data: { meetings: 5 } });
    expect(await listActivityIds(db, { pending: true, type: 'liaison' })).toEqual([
      april.id,
      march.id,
    ]);
  });
});

describe('listActivityIds with a limit', () => {
  it('returns the newest ids first, whichever plan the filter needs', async () => {
    const { db, march, april, may, june } = await seeded();
    expect(await listActivityIds(db, {}, { limit: 2 })).toEqual([june.id, may.id]);
    expect(await listActivityIds(db, { type: 'liaison' }, { limit: 1 })).toEqual([april.id]);
    expect(await listActivityIds(db, { text: 'air' }, { limit: 1 })).toEqual([april.id]);
    expect(await listActivityIds(db, {}, { limit: 0 })).toEqual([]);
    expect(await listActivityIds(db, {}, { limit: 10 })).toEqual([
      june.id,
      may.id,
      april.id,
      march.id,
    ]);
  });
});

describe('listActivityIds under liveQuery', () => {
  it('emits the new list after each save, as the virtualized list will see it', async () => {
    const { db, author, march, april } = await seeded();
    const seen: string[][] = [];
    const subscription = liveQuery(() => listActivityIds(db, { type: 'liaison' })).subscribe({
      next: (ids) => seen.push(ids),
    });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    const later = await createActivity(db, author, liaisonInput({ occurredOn: '2025-07-01' }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([later.id, april.id, march.id]));
    subscription.unsubscribe();
    expect(seen[0]).toEqual([april.id, march.id]);
  });
});

describe('countActivities', () => {
  it('counts live records from the counter, and filtered ones from the indexes', async () => {
    const { db, author, march } = await seeded();
    expect(await countActivities(db)).toBe(4);
    expect(await countActivities(db, { type: 'training' })).toBe(2);
    expect(await countActivities(db, { text: 'air', from: '2025-04-01' })).toBe(1);
    await deleteActivity(db, author, march.id);
    expect(await countActivities(db)).toBe(3);
    expect(await countActivities(db, { text: '' })).toBe(3);
    expect(await countActivities(db, { type: 'liaison' })).toBe(1);
  });
});

describe('getActivitiesByIds', () => {
  it('loads a window of rows in the order asked, skipping ids that are gone', async () => {
    const { db, march, june } = await seeded();
    const rows = await getActivitiesByIds(db, [june.id, 'missing', march.id]);
    expect(rows.map((r) => r.id)).toEqual([june.id, march.id]);
    expect(rows[0]).not.toHaveProperty('words');
    expect(rows[0]).not.toHaveProperty('clocks');
    expect(rows[0] && 'pending' in rows[0] ? rows[0].pending : undefined).toBe(true);
  });
});
