// The search box over the words index: a typed word matches a row when it prefix-matches a word
// of the row's free text or a word of a label (en or fr) of an option the row chose. Rows hold
// option tokens, or (written before them) the labels' words; both must be found alike, on both
// plans of the query, checked against that sentence worked out from the rows' data.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Activity } from '../../../shared/domain/activity.ts';
import { type ActivityTypeDef, type FieldDef } from '../../../shared/domain/catalogue-types.ts';
import { type Json } from '../../../shared/sync/change.ts';
import { selectIds } from '../../../renderer/src/db/activity-queries.ts';
import {
  countActivities,
  createActivity,
  openDatabase,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { buildRow } from '../../../renderer/src/db/rows.ts';
import { tokenize } from '../../../renderer/src/db/words.ts';
import { freshName, liaisonInput, openTestDb } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const L = (en: string, fr: string) => ({ en, fr });
const field = (over: Partial<FieldDef> & Pick<FieldDef, 'name' | 'kind'>): FieldDef => ({
  label: L(over.name, over.name),
  required: false,
  sensitive: false,
  ...over,
});

/** Two types sharing a field name and option value with different labels, accents, a sensitive select. */
const liaison: ActivityTypeDef = {
  id: 'liaison',
  version: 1,
  label: L('Liaison', 'Liaison'),
  description: L('Meetings', 'Réunions'),
  unit: L('meetings', 'réunions'),
  countField: 'meetings',
  fields: [
    field({ name: 'meetings', kind: 'integer', required: true, counts: true }),
    field({ name: 'subject', kind: 'text' }),
    field({ name: 'notes', kind: 'longtext' }),
    field({
      name: 'counterpart',
      kind: 'select',
      options: [
        { value: 'rcmp', label: L('RCMP', 'GRC') },
        { value: 'airline', label: L('Airline', 'Compagnie aérienne') },
        { value: 'host', label: L('Host authorities', 'Autorités locales') },
        { value: 'allied', label: L('Allied officer', 'Agent allié') },
      ],
    }),
    field({
      name: 'topics',
      kind: 'multiselect',
      options: [
        { value: 'fraud', label: L('Document fraud', 'Fraude documentaire') },
        { value: 'crisis', label: L('Crisis', 'Crise') },
        { value: 'removal', label: L('Removals', 'Renvois') },
        { value: 'security', label: L('Airport security', 'Sûreté aéroportuaire') },
      ],
    }),
    field({
      name: 'document',
      kind: 'select',
      sensitive: true,
      options: [
        { value: 'passport', label: L('Passport', 'Passeport') },
        { value: 'visa', label: L('Visa', 'Visa') },
      ],
    }),
    field({ name: 'travellerName', kind: 'text', sensitive: true }),
  ],
};

const training: ActivityTypeDef = {
  ...liaison,
  id: 'training',
  label: L('Training', 'Formation'),
  fields: [
    field({ name: 'meetings', kind: 'integer', required: true, counts: true }),
    field({ name: 'subject', kind: 'text' }),
    field({
      name: 'counterpart',
      kind: 'select',
      options: [
        { value: 'airline', label: L('Carrier staff', 'Personnel du transporteur') },
        { value: 'officials', label: L('Host officials', 'Fonctionnaires hôtes') },
      ],
    }),
    field({
      name: 'audience',
      kind: 'multiselect',
      options: [
        { value: 'cbsa', label: L('Canadian staff', 'Personnel canadien') },
        { value: 'airline', label: L('Airline staff', 'Personnel aérien') },
      ],
    }),
  ],
};

const DEFS: Record<string, ActivityTypeDef> = { liaison, training };
const types = (id: string) => DEFS[id];

const FREE_WORDS = [
  'Montréal',
  'Bogotá',
  'cœur',
  'aéroport',
  'Crise',
  'réunion',
  'Air',
  'airline',
  'Sécurité',
  'Zoë',
  'ÉTÉ',
  'personnel',
  'doc42',
];

/** The words of every label, sensitive ones included: queries must try them too. */
const LABEL_TEXTS = Object.values(DEFS).flatMap((def) =>
  def.fields.flatMap((f) => (f.options ?? []).flatMap((o) => [o.label.en, o.label.fr])),
);
const LABEL_WORDS = [...new Set(LABEL_TEXTS.flatMap((t) => t.split(/[\s,]+/)))];

const freeText = fc
  .array(fc.oneof(fc.constantFrom(...FREE_WORDS), fc.stringMatching(/^[a-zé]{1,6}$/)), {
    maxLength: 4,
  })
  .chain((words) =>
    fc.constantFrom(', ', ' ', ' - ').map((sep) => (words.length ? words.join(sep) : undefined)),
  );

/** Random data for a type: free text, some options (and now and then a value it does not list). */
function dataOf(def: ActivityTypeDef): fc.Arbitrary<Record<string, Json | undefined>> {
  const parts: Record<string, fc.Arbitrary<Json | undefined>> = {};
  for (const f of def.fields) {
    const values = [...(f.options ?? []).map((o) => o.value), 'unlisted'];
    if (f.kind === 'integer') parts[f.name] = fc.constant(1);
    else if (f.kind === 'text' || f.kind === 'longtext') parts[f.name] = freeText;
    else if (f.kind === 'select') parts[f.name] = fc.option(fc.constantFrom(...values));
    else if (f.kind === 'multiselect')
      parts[f.name] = fc.option(fc.subarray(values), { nil: undefined });
  }
  return fc.record(parts);
}

interface RowSpec {
  type: 'liaison' | 'training';
  data: Record<string, Json>;
  occurredOn: string;
  /** Stored as a row written before option tokens: the labels' words instead. */
  old: boolean;
}

const rowSpec: fc.Arbitrary<RowSpec> = fc
  .constantFrom('liaison' as const, 'training' as const)
  .chain((type) =>
    fc.record({
      type: fc.constant(type),
      data: dataOf(DEFS[type] as ActivityTypeDef).map(
        (d) =>
          Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as Record<
            string,
            Json
          >,
      ),
      occurredOn: fc
        .integer({ min: 1, max: 28 })
        .map((d) => `2025-05-${String(d).padStart(2, '0')}`),
      old: fc.boolean(),
    }),
  );

/** What a person might type: label and text words, whole, cut short, capitalised, or stray. */
const typedWord = fc.oneof(
  fc.constantFrom(...LABEL_WORDS, ...FREE_WORDS),
  fc
    .tuple(fc.constantFrom(...LABEL_WORDS, ...FREE_WORDS), fc.integer({ min: 1, max: 4 }))
    .map(([w, n]) => w.slice(0, n)),
  fc.constantFrom(...LABEL_WORDS).map((w) => w.toUpperCase()),
  fc.stringMatching(/^[a-zéè]{1,3}$/),
);
const query = fc
  .array(typedWord, { minLength: 1, maxLength: 3 })
  .chain((words) => fc.constantFrom(' ', ', ').map((sep) => words.join(sep)));

/** The label texts (en and fr) of the options a row chose, in fields that are not sensitive. */
function chosenLabels(def: ActivityTypeDef, data: Record<string, Json>): string[] {
  return def.fields.flatMap((f) => {
    const value = data[f.name];
    if (f.sensitive || value === undefined || value === null) return [];
    const chosen = Array.isArray(value) ? value : [value];
    return (f.options ?? [])
      .filter((o) => chosen.includes(o.value))
      .flatMap((o) => [o.label.en, o.label.fr]);
  });
}

function freeTexts(def: ActivityTypeDef, data: Record<string, Json>): string[] {
  return def.fields.flatMap((f) => {
    const value = data[f.name];
    const text = !f.sensitive && (f.kind === 'text' || f.kind === 'longtext');
    return text && typeof value === 'string' ? [value] : [];
  });
}

/** The sentence itself: every typed word starts a word of the free text or of a chosen label. */
function matches(spec: RowSpec, text: string): boolean {
  const def = DEFS[spec.type] as ActivityTypeDef;
  const words = [...freeTexts(def, spec.data), ...chosenLabels(def, spec.data)].flatMap(tokenize);
  return tokenize(text).every((typed) => words.some((w) => w.startsWith(typed)));
}

/** A row as stored before option tokens: free-text words, then its labels' words, both languages. */
function oldWords(spec: RowSpec): string[] {
  const def = DEFS[spec.type] as ActivityTypeDef;
  return [
    ...new Set([...freeTexts(def, spec.data), ...chosenLabels(def, spec.data)].flatMap(tokenize)),
  ];
}

function activityOf(spec: RowSpec, i: number): Activity {
  const createdAt = new Date(Date.UTC(2025, 4, 1, 0, 0, i)).toISOString();
  return {
    id: `r${String(i).padStart(3, '0')}`,
    type: spec.type,
    schemaVersion: 1,
    officerId: 'lo-1',
    postCode: 'BOG',
    occurredOn: spec.occurredOn,
    data: spec.data,
    review: { status: 'pending' },
    deleted: false,
    createdAt,
    updatedAt: createdAt,
  };
}

describe('search over option tokens and free-text words', () => {
  it('finds exactly the rows whose free text or chosen labels start every typed word', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowSpec, { minLength: 1, maxLength: 30 }),
        fc.array(fc.record({ text: query, type: fc.constantFrom(undefined, 'liaison' as const) }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (specs, queries) => {
          const db = await openDatabase(freshName(), { types });
          opened.push(db);
          const rows = specs.map((spec, i) => {
            const row = buildRow(
              activityOf(spec, i),
              {},
              { pending: 0, localSeq: 0 },
              DEFS[spec.type],
            );
            return spec.old ? { ...row, words: oldWords(spec) } : row;
          });
          await db.activities.bulkPut(rows);
          const newestFirst = await selectIds(db, {}, Infinity, 2000);
          const byId = new Map(rows.map((r, i) => [r.id, specs[i] as RowSpec]));
          for (const { text, type } of queries) {
            const want = newestFirst.filter((id) => {
              const spec = byId.get(id) as RowSpec;
              return (type === undefined || spec.type === type) && matches(spec, text);
            });
            const label = JSON.stringify({ text, type });
            for (const rowLookupMax of [2000, 0]) {
              expect(await selectIds(db, { text, type }, Infinity, rowLookupMax), label).toEqual(
                want,
              );
              expect(await selectIds(db, { text, type }, 2, rowLookupMax), label).toEqual(
                want.slice(0, 2),
              );
            }
            expect(await countActivities(db, { text, type }), label).toBe(want.length);
          }
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('finds a row stored with the words of its labels, as rows written before option tokens are', async () => {
    const { db, author } = await openTestDb();
    opened.push(db);
    const input = liaisonInput({ data: { meetings: 1, subject: 'Visit', counterpart: 'airline' } });
    const old = await createActivity(db, author, input);
    const fresh = await createActivity(db, author, input);
    // As a version before option tokens stored it: its labels word by word, en and fr.
    await db.activities.update(old.id, { words: ['visit', 'airline', 'compagnie', 'aerienne'] });
    expect((await db.activities.get(fresh.id))?.words).toEqual([
      'visit',
      '=liaison.counterpart.airline',
    ]);
    for (const rowLookupMax of [2000, 0]) {
      for (const text of ['compagnie', 'AÉRIENNE', 'air', 'visit comp']) {
        expect((await selectIds(db, { text }, Infinity, rowLookupMax)).sort(), text).toEqual(
          [old.id, fresh.id].sort(),
        );
      }
      expect(await selectIds(db, { text: 'grc' }, Infinity, rowLookupMax)).toEqual([]);
    }
  });
});
