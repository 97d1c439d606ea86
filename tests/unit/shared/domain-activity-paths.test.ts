import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFieldValues,
  dataPath,
  diffActivity,
  isActivityFieldPath,
  toFieldValues,
} from '../../../shared/domain/activity-paths.ts';
import { REVIEW_STATUSES, type Activity } from '../../../shared/domain/activity.ts';
import { ACTIVITY_TYPE_IDS } from '../../../shared/domain/catalogue-types.ts';
import { type Json } from '../../../shared/sync/change.ts';

const base: Activity = {
  id: 'act-1',
  type: 'interdiction',
  schemaVersion: 1,
  officerId: 'officer-7',
  postCode: 'BOG',
  occurredOn: '2011-03-31',
  data: { airport: 'BOG', persons: 2, assistance: ['escort'], notes: 'Seen at gate 4.' },
  review: { status: 'pending' },
  deleted: false,
  createdAt: '2011-03-31T12:00:00.000Z',
  updatedAt: '2011-03-31T12:00:00.000Z',
};

describe('activity field paths', () => {
  it('flattens a record into one value per independently merged path', () => {
    expect(toFieldValues(base)).toEqual({
      type: 'interdiction',
      schemaVersion: 1,
      officerId: 'officer-7',
      postCode: 'BOG',
      occurredOn: '2011-03-31',
      'data.airport': 'BOG',
      'data.persons': 2,
      'data.assistance': ['escort'],
      'data.notes': 'Seen at gate 4.',
      'review.status': 'pending',
      _deleted: false,
    });
  });

  it('rebuilds the same record from its paths', () => {
    const blank: Activity = { ...base, data: {}, review: { status: 'approved', comment: 'stale' } };
    const values = { ...toFieldValues(base), 'review.comment': null };
    expect(applyFieldValues(blank, values)).toEqual(base);
  });

  it('lists only the changed paths, with null for a value that went away', () => {
    const after: Activity = {
      ...base,
      data: { airport: 'BOG', persons: 3, assistance: ['escort'] },
      review: { status: 'returned', comment: 'Check the count.' },
    };
    expect(diffActivity(base, after)).toEqual([
      { path: 'data.notes', value: null },
      { path: 'data.persons', value: 3 },
      { path: 'review.comment', value: 'Check the count.' },
      { path: 'review.status', value: 'returned' },
    ]);
    expect(diffActivity(base, { ...base, updatedAt: '2012-01-01T00:00:00.000Z' })).toEqual([]);
  });

  it('sees a deletion as the tombstone path and a new record as all of its paths', () => {
    expect(diffActivity(base, { ...base, deleted: true })).toEqual([
      { path: '_deleted', value: true },
    ]);
    const all = diffActivity(null, base);
    expect(Object.fromEntries(all.map((c) => [c.path, c.value]))).toEqual(toFieldValues(base));
    expect(all.map((c) => c.path).slice(0, 5)).toEqual([
      'occurredOn',
      'officerId',
      'postCode',
      'schemaVersion',
      'type',
    ]);
  });

  it('ignores key order inside object values', () => {
    const a: Activity = { ...base, data: { extra: { x: 1, y: [1, 2] } } };
    const b: Activity = { ...base, data: { extra: { y: [1, 2], x: 1 } } };
    expect(diffActivity(a, b)).toEqual([]);
  });

  it('does not change the record it starts from', () => {
    const copy = structuredClone(base);
    applyFieldValues(base, { 'data.persons': 9, 'review.status': 'approved', 'data.notes': null });
    expect(base).toEqual(copy);
  });

  it('refuses unknown paths and values of the wrong kind', () => {
    expect(() => applyFieldValues(base, { color: 'red' })).toThrow(TypeError);
    expect(() => applyFieldValues(base, { 'data.a.b': 1 })).toThrow(TypeError);
    expect(() => applyFieldValues(base, { 'review.status': 'maybe' })).toThrow(TypeError);
    expect(() => applyFieldValues(base, { type: 'cargo' })).toThrow(TypeError);
    expect(() => applyFieldValues(base, { schemaVersion: 0 })).toThrow(TypeError);
    expect(() => applyFieldValues(base, { _deleted: 'yes' })).toThrow(TypeError);
    expect(() => applyFieldValues(base, { occurredOn: null })).toThrow(TypeError);
  });

  it('knows which paths a change may name', () => {
    for (const path of [
      'type',
      'occurredOn',
      'data.persons',
      'review.at',
      '_deleted',
      dataPath('notes'),
    ]) {
      expect(isActivityFieldPath(path), path).toBe(true);
    }
    for (const path of ['id', 'createdAt', 'data.', 'data.a.b', 'review.colour', 'data']) {
      expect(isActivityFieldPath(path), path).toBe(false);
    }
  });

  const json: fc.Arbitrary<Json> = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 3 }),
  );
  const activity: fc.Arbitrary<Activity> = fc.record({
    id: fc.constant('act-1'),
    type: fc.constantFrom(...ACTIVITY_TYPE_IDS),
    schemaVersion: fc.integer({ min: 1, max: 5 }),
    officerId: fc.constantFrom('o-1', 'o-2'),
    postCode: fc.constantFrom('BOG', 'TYO'),
    occurredOn: fc.constantFrom('2011-03-31', '2011-04-01'),
    data: fc.dictionary(fc.constantFrom('persons', 'notes', 'airport', 'topics', 'escorted'), json),
    review: fc.record(
      {
        status: fc.constantFrom(...REVIEW_STATUSES),
        comment: fc.string(),
        by: fc.constantFrom('lead-1', 'hq-1'),
        at: fc.constant('2011-05-01T00:00:00.000Z'),
      },
      { requiredKeys: ['status'] },
    ),
    deleted: fc.boolean(),
    createdAt: fc.constant('2011-03-31T12:00:00.000Z'),
    updatedAt: fc.constant('2011-03-31T12:00:00.000Z'),
  });

  it('turns any record into any other by applying their diff', () => {
    fc.assert(
      fc.property(activity, activity, (before, after) => {
        const changes = diffActivity(before, after);
        const values = Object.fromEntries(changes.map((c) => [c.path, c.value]));
        expect(applyFieldValues(before, values)).toEqual(after);
        expect(diffActivity(after, after)).toEqual([]);
      }),
    );
  });
});
