import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Change, changeSchema } from '../../../shared/sync/change.ts';
import { BundleError } from '../../../shared/bundle/index.ts';
import { parseChangesPayload, serializePayload } from '../../../shared/bundle/v1/payload.ts';
import { changeArb, rangesOf } from '../../fixtures/bundles/harness.ts';

const FIELDS = [
  'deviceId',
  'seq',
  'hlc',
  'collection',
  'recordId',
  'field',
  'value',
  'author',
] as const;

/** Values near and past the edges of what changeSchema allows, for any field. */
const oddValue = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  ' ',
  'x'.repeat(100),
  'x'.repeat(101),
  'has space',
  'é',
  0,
  -1,
  1.5,
  2 ** 53,
  NaN,
  Infinity,
  true,
  {},
  [],
  ['a'],
  { a: 1 },
  'activities',
  'other',
  'dev-a',
);

/** Valid changes with, now and then, one field replaced by an odd value (or removed). */
const maybeBrokenChanges = fc.array(
  fc
    .tuple(changeArb, fc.option(fc.tuple(fc.constantFrom(...FIELDS), oddValue), { freq: 3 }))
    .map(([c, broken]) => {
      if (broken === null) return c;
      const [field, value] = broken;
      const copy: Record<string, unknown> = { ...c };
      if (value === undefined) delete copy[field];
      else copy[field] = value;
      return copy;
    }),
  { maxLength: 6 },
);

function firstInvalidIndex(rows: readonly unknown[]): number {
  return rows.findIndex((r) => !changeSchema.safeParse(r).success);
}

/** Ranges wide enough for any seq of any device named, so only the schema decides. */
function wide(rows: readonly unknown[]) {
  const devices = new Set(
    rows.map((r) => (r as { deviceId?: unknown }).deviceId).filter((d) => typeof d === 'string'),
  );
  return [...devices].map((deviceId) => ({ deviceId, fromSeq: 1, toSeq: 2 ** 53 - 1 }));
}

const DICTIONARY_FIELDS = ['deviceId', 'collection', 'recordId', 'field', 'author'] as const;

describe('the changes payload', () => {
  it('lays out every field of changeSchema (a new field needs a new format version)', () => {
    expect(Object.keys(changeSchema.shape).sort()).toEqual([...FIELDS].sort());
  });

  it('relies on changeSchema having no rule over the whole change', () => {
    // The codec checks changes field by field with changeSchema.shape. A refine or
    // superRefine on changeSchema itself would be skipped: change payload.ts before adding one.
    expect(changeSchema.def.checks ?? []).toHaveLength(0);
  });

  it('writes exactly the changes changeSchema accepts, and names the first one it refuses', () => {
    fc.assert(
      fc.property(maybeBrokenChanges, (rows) => {
        const bad = firstInvalidIndex(rows);
        try {
          serializePayload('changes', rows, wide(rows));
          expect(bad).toBe(-1);
        } catch (e) {
          expect(e).toBeInstanceOf(BundleError);
          expect(e).toMatchObject({ code: 'invalid-change', changeIndex: bad });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads exactly the changes changeSchema accepts, and names the first one it refuses', () => {
    fc.assert(
      fc.property(maybeBrokenChanges, (rows) => {
        // A JSON trip first: that is all a file can carry (a missing value can only be null).
        const carried = JSON.parse(
          JSON.stringify(rows.map((r) => ({ value: null, ...(r as object) }))),
        ) as Record<string, unknown>[];
        const text = JSON.stringify(columnsOf(carried));
        const bad = firstInvalidIndex(carried);
        const records = new Set(
          carried.map((r) => `${String(r.collection)}\u0000${String(r.recordId)}`),
        ).size;
        // Dictionaries hold strings and seq steps are numbers: anything else is a malformed
        // layout (invalid-payload) before it is a malformed change.
        const representable = carried.every(
          (r) =>
            DICTIONARY_FIELDS.every((k) => typeof r[k] === 'string') && typeof r.seq === 'number',
        );
        try {
          const out = parseChangesPayload(text, {
            changes: carried.length,
            records,
            ranges: wide(carried),
          });
          expect(bad).toBe(-1);
          expect(out).toEqual(carried.map((r) => changeSchema.parse(r)));
        } catch (e) {
          expect(e).toBeInstanceOf(BundleError);
          if (bad === -1) throw e;
          if (representable) expect(e).toMatchObject({ code: 'invalid-change', changeIndex: bad });
          else expect((e as BundleError).code).toMatch(/invalid-change|invalid-payload/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is a fraction of the size of the same changes as objects', () => {
    const changes: Change[] = fc.sample(changeArb, { numRuns: 300, seed: 11 });
    const { text } = serializePayload('changes', changes, rangesOf(changes));
    expect(text.length).toBeLessThan(JSON.stringify(changes).length * 0.8);
  });
});

/**
 * The column layout built by hand from plain rows (missing fields stay missing), the way a
 * sender that skipped validation would write it; seq is stored as per-device steps.
 */
function columnsOf(rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  const dict = (key: string) => {
    const values: unknown[] = [];
    const index = rows.map((r) => {
      const v = r[key] ?? null;
      const at = values.findIndex((x) => JSON.stringify(x) === JSON.stringify(v));
      if (at >= 0) return at;
      values.push(v);
      return values.length - 1;
    });
    return { values, index };
  };
  const d = dict('deviceId');
  const c = dict('collection');
  const r = dict('recordId');
  const f = dict('field');
  const a = dict('author');
  const last = new Map<number, number>();
  return {
    deviceIds: d.values,
    collections: c.values,
    recordIds: r.values,
    fields: f.values,
    authors: a.values,
    device: d.index,
    collection: c.index,
    record: r.index,
    field: f.index,
    author: a.index,
    seq: rows.map((row, i) => {
      const seq = row.seq;
      if (typeof seq !== 'number') return seq ?? null;
      const step = seq - (last.get(d.index[i] as number) ?? 0);
      last.set(d.index[i] as number, seq);
      return step;
    }),
    hlc: rows.map((row) => row.hlc ?? null),
    value: rows.map((row) => row.value ?? null),
  };
}
