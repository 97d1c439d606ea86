// Field-level merge, example by example: last writer wins per field, tombstones are final,
// a batch sees itself, bad changes are refused one by one, far-future clocks are flagged.
import { describe, expect, it } from 'vitest';
import { type Change, type Json } from '../../../shared/sync/change.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import {
  type MergeOptions,
  type MergeResult,
  type RecordState,
  isDeleted,
  mergeChanges,
} from '../../../shared/sync/merge.ts';
import { recordKey } from '../../../shared/sync/fields.ts';
import { refusal } from '../../../shared/sync/refusal.ts';

const T0 = 1_700_000_000_000;

function change(
  deviceId: string,
  seq: number,
  wallOffset: number,
  field: string,
  value: Json,
  more: Partial<Change> = {},
): Change {
  return {
    deviceId,
    seq,
    hlc: encodeHlc({ wall: T0 + wallOffset, counter: 0, deviceId }),
    collection: 'activities',
    recordId: 'r1',
    field,
    value,
    author: 'o1',
    ...more,
  };
}

/** A record store that keeps what each merge returns, as the database layer would. */
function store() {
  const records = new Map<string, RecordState>();
  return {
    records,
    get: (id = 'r1') => records.get(recordKey('activities', id)),
    merge(changes: readonly Change[], options?: MergeOptions): MergeResult {
      const result = mergeChanges((c, id) => records.get(recordKey(c, id)), changes, options);
      for (const [key, record] of result.records) records.set(key, record);
      return result;
    },
  };
}

const outcomes = (r: MergeResult) => r.results.map((x) => x.outcome);

describe('field-level merge', () => {
  it('inserts a new record and updates it with the rest of the same batch', () => {
    const s = store();
    const r = s.merge([change('a', 1, 0, 'type', 'training'), change('a', 2, 1, 'data.count', 12)]);
    expect(outcomes(r)).toEqual(['inserted', 'updated']);
    expect(s.get()?.fields).toEqual({
      type: { value: 'training', hlc: encodeHlc({ wall: T0, counter: 0, deviceId: 'a' }) },
      'data.count': { value: 12, hlc: encodeHlc({ wall: T0 + 1, counter: 0, deviceId: 'a' }) },
    });
  });

  it('keeps the later write of a field and reports the earlier one as stale, in either order', () => {
    const older = change('a', 1, 0, 'data.notes', 'first');
    const newer = change('b', 1, 5, 'data.notes', 'second');
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const s = store();
      s.merge(order);
      expect(s.get()?.fields['data.notes']?.value).toBe('second');
    }
    const s = store();
    s.merge([newer]);
    expect(outcomes(s.merge([older]))).toEqual(['stale']);
  });

  it('breaks a tie on wall time and counter by device id', () => {
    const s = store();
    s.merge([
      change('zed', 1, 0, 'data.notes', 'from zed'),
      change('amy', 1, 0, 'data.notes', 'from amy'),
    ]);
    expect(s.get()?.fields['data.notes']?.value).toBe('from zed');
  });

  it('keeps an officer edit of the notes and a lead review of the same record', () => {
    const s = store();
    s.merge([change('a', 1, 0, 'data.notes', 'v1')]);
    s.merge([
      change('lead', 1, 10, 'review.status', 'approved'),
      change('a', 2, 20, 'data.notes', 'v2'),
    ]);
    expect(s.get()?.fields['review.status']?.value).toBe('approved');
    expect(s.get()?.fields['data.notes']?.value).toBe('v2');
  });

  it('reports a change already held as unchanged, also when a batch carries it twice', () => {
    const c = change('a', 1, 0, 'data.notes', 'once');
    const s = store();
    expect(outcomes(s.merge([c, c]))).toEqual(['inserted', 'unchanged']);
    const again = s.merge([c]);
    expect(outcomes(again)).toEqual(['unchanged']);
    expect(again.records.size).toBe(0);
  });

  it('picks the same winner whatever the order when a faulty sender reuses a stamp', () => {
    const a = change('a', 1, 0, 'data.notes', { b: 1, a: 2 });
    const b = change('a', 2, 0, 'data.notes', 'text');
    const s1 = store();
    s1.merge([a, b]);
    const s2 = store();
    s2.merge([b, a]);
    expect(s1.get()).toEqual(s2.get());
    // Canonical JSON decides: '{"a":2,"b":1}' sorts after '"text"'.
    expect(s1.get()?.fields['data.notes']?.value).toEqual({ a: 2, b: 1 });
    // The same value with its keys in another order is the same write.
    expect(outcomes(s1.merge([change('a', 1, 0, 'data.notes', { a: 2, b: 1 })]))).toEqual([
      'unchanged',
    ]);
  });

  it('leaves the records it was given untouched and returns only the records that changed', () => {
    const held: RecordState = {
      collection: 'activities',
      id: 'r1',
      fields: {
        'data.notes': { value: 'held', hlc: encodeHlc({ wall: T0, counter: 0, deviceId: 'a' }) },
      },
    };
    const snapshot = structuredClone(held);
    const r = mergeChanges(
      (_c, id) => (id === 'r1' ? held : undefined),
      [
        change('a', 2, 1, 'data.notes', 'new'),
        change('a', 3, 2, 'type', 'liaison', { recordId: 'r2' }),
      ],
    );
    expect(held).toEqual(snapshot);
    expect([...r.records.keys()].sort()).toEqual(['activities/r1', 'activities/r2']);
  });
});

describe('tombstones', () => {
  const owner = [change('a', 1, 0, 'officerId', 'o1'), change('a', 2, 0, 'postCode', 'P1')];

  it('erases the data of a deleted record but keeps who owned it', () => {
    const s = store();
    s.merge([
      ...owner,
      change('a', 3, 1, 'data.name', 'J. Doe'),
      change('a', 4, 2, '_deleted', true),
    ]);
    expect(isDeleted(s.get())).toBe(true);
    expect(Object.keys(s.get()?.fields ?? {}).sort()).toEqual([
      '_deleted',
      'officerId',
      'postCode',
    ]);
  });

  it('keeps a record deleted when a write stamped after the deletion arrives', () => {
    const s = store();
    s.merge([...owner, change('a', 3, 5, '_deleted', true)]);
    const late = s.merge([change('b', 1, 99, 'data.notes', 'too late')]);
    expect(outcomes(late)).toEqual(['stale']);
    expect(isDeleted(s.get())).toBe(true);
    expect(s.get()?.fields['data.notes']).toBeUndefined();
  });

  it('ends in the same deleted state whether a later write arrived before or after the tombstone', () => {
    const tomb = change('a', 3, 5, '_deleted', true);
    const later = change('b', 1, 99, 'data.notes', 'later');
    const first = store();
    first.merge([...owner, later, tomb]);
    const second = store();
    second.merge([...owner, tomb, later]);
    expect(first.get()).toEqual(second.get());
    expect(first.get()?.fields['data.notes']).toBeUndefined();
  });

  it('keeps a live record with _deleted false, and never lets false undo a deletion', () => {
    const live = store();
    expect(outcomes(live.merge([...owner, change('a', 3, 1, '_deleted', false)]))).toEqual([
      'inserted',
      'updated',
      'updated',
    ]);
    expect(isDeleted(live.get())).toBe(false);
    live.merge([change('a', 4, 2, '_deleted', true)]);
    const undo = live.merge([change('b', 1, 99, '_deleted', false)]);
    expect(outcomes(undo)).toEqual(['stale']);
    expect(isDeleted(live.get())).toBe(true);
    // The same two writes the other way round end the same.
    const other = store();
    other.merge([
      ...owner,
      change('b', 1, 99, '_deleted', false),
      change('a', 4, 2, '_deleted', true),
    ]);
    expect(other.get()).toEqual(live.get());
  });

  it('keeps the latest of two tombstones, like any field', () => {
    const s = store();
    s.merge([...owner, change('b', 1, 9, '_deleted', true), change('a', 3, 4, '_deleted', true)]);
    expect(s.get()?.fields._deleted?.hlc).toBe(
      encodeHlc({ wall: T0 + 9, counter: 0, deviceId: 'b' }),
    );
  });
});

describe('changes the merge refuses on its own', () => {
  it('refuses malformed changes and applies the rest of the batch', () => {
    const good = change('a', 5, 0, 'data.notes', 'fine');
    const r = store().merge([
      { ...change('a', 1, 0, 'data.notes', 'x'), hlc: 'yesterday' },
      { ...change('a', 2, 0, 'data.notes', 'x'), deviceId: 'b' },
      change('a', 3, 0, 'nick name', 'x'),
      change('a', 4, 0, 'data.a.b', 'x'),
      change('a', 6, 0, '_deleted', 'yes'),
      change('a', 7, 0, 'a.b.c.d.e', 'x'),
      good,
    ]);
    expect(outcomes(r)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'inserted',
    ]);
    for (const res of r.results.slice(0, 6)) {
      expect(res.outcome === 'refused' && res.refusal.code).toBe('invalid-change');
    }
  });

  it('keeps a well-formed path of a newer version for later instead of refusing it', () => {
    const r = store().merge([
      change('a', 1, 0, 'data.notes', 'fine'),
      change('a', 2, 0, 'nickname', 'x'),
      change('a', 3, 0, 'review.thread.c1', { text: 'Please add the flight number' }),
    ]);
    expect(outcomes(r)).toEqual(['inserted', 'deferred', 'deferred']);
    for (const res of r.results.slice(1))
      expect(res.outcome === 'deferred' && res.refusal.code).toBe('newer-path');
    // Nothing of them reaches the record until the app knows the path.
    expect(Object.keys(r.records.get(recordKey('activities', 'r1'))?.fields ?? {})).toEqual([
      'data.notes',
    ]);
  });

  it('asks the authorizer about each change, refuses or defers what it denies, and applies the rest', () => {
    const options: MergeOptions = {
      authorize: (c) =>
        c.field === 'data.secret'
          ? refusal('not-owner', 'no')
          : c.field === 'data.later'
            ? refusal('unknown-record', 'wait')
            : null,
    };
    const r = store().merge(
      [
        change('a', 1, 0, 'data.secret', 1),
        change('a', 2, 0, 'data.later', 2),
        change('a', 3, 0, 'data.ok', 3),
      ],
      options,
    );
    expect(outcomes(r)).toEqual(['refused', 'deferred', 'inserted']);
  });
});

describe('what merging leaves alone', () => {
  it('never changes the records lookup returns, however often a batch writes one', () => {
    const s = store();
    s.merge([change('a', 1, 0, 'type', 'training'), change('a', 2, 1, 'data.count', 1)]);
    const before = s.get();
    const snapshot = structuredClone(before);
    const r = s.merge([
      change('a', 3, 2, 'data.count', 2),
      change('a', 4, 3, 'data.notes', 'x'),
      change('a', 5, 4, 'data.count', 3),
    ]);
    expect(outcomes(r)).toEqual(['updated', 'updated', 'updated']);
    expect(before).toEqual(snapshot);
    expect(s.get()).not.toBe(before);
    expect(s.get()?.fields['data.count']?.value).toBe(3);
    expect(s.get()?.fields['data.notes']?.value).toBe('x');
  });
});

describe('clock far ahead', () => {
  const check = { nowMs: T0, maxDriftMs: 60_000 };

  it('holds a change stamped beyond the allowed skew instead of letting it win, and merges the rest', () => {
    const s = store();
    s.merge([change('b', 1, 0, 'data.notes', 'written now')]);
    const ahead = change('a', 1, 60_001, 'data.notes', 'from the future');
    const r = s.merge([ahead, change('a', 2, 0, 'data.count', 1)], { clockCheck: check });
    expect(outcomes(r)).toEqual(['deferred', 'updated']);
    const held = r.results[0];
    expect(held?.outcome === 'deferred' ? held.refusal.code : null).toBe('clock-ahead');
    expect(r.clamped).toBe(1);
    expect(s.get()?.fields['data.notes']?.value).toBe('written now');
    // A later edit made while the stamp's time has not come is kept...
    s.merge([change('b', 2, 30_000, 'data.notes', 'edited later')]);
    // ...and once the receiver's clock has caught up, the held change merges with the very
    // stamp it was sent with (rewriting it would make receivers disagree).
    const later = s.merge([ahead], { clockCheck: { nowMs: T0 + 1, maxDriftMs: 60_000 } });
    expect(outcomes(later)).toEqual(['updated']);
    expect(s.get()?.fields['data.notes']).toEqual({ value: 'from the future', hlc: ahead.hlc });
  });

  it('judges authorization first: a forgery far ahead is refused, an unknown record deferred as such', () => {
    const s = store();
    const deny: MergeOptions['authorize'] = (c) =>
      c.field === 'data.secret'
        ? refusal('not-owner', 'no')
        : c.field === 'data.later'
          ? refusal('unknown-record', 'wait')
          : null;
    const batch = [
      change('a', 1, 60_001, 'data.secret', 'x'),
      change('a', 2, 60_001, 'data.later', 'x'),
      change('a', 3, 60_001, 'data.notes', 'x'),
    ];
    const r = s.merge(batch, { authorize: deny, clockCheck: check });
    expect(outcomes(r)).toEqual(['refused', 'deferred', 'deferred']);
    expect(r.results.map((x) => ('refusal' in x ? x.refusal.code : null))).toEqual([
      'not-owner',
      'unknown-record',
      'clock-ahead',
    ]);
    expect(r.clamped).toBe(1);
    expect(s.get()).toBeUndefined();
  });

  it('holds by the exact limit when the receiver’s clock has a fraction of a millisecond', () => {
    const fractional = { nowMs: T0 + 0.5, maxDriftMs: 60_000 };
    const r = store().merge(
      [change('a', 1, 60_000, 'data.notes', 'x'), change('a', 2, 60_001, 'data.count', 1)],
      { clockCheck: fractional },
    );
    expect(outcomes(r)).toEqual(['inserted', 'deferred']);
  });

  it('does not hold a stamp exactly at the limit, nor anything without a clock check', () => {
    const atLimit = change('a', 1, 60_000, 'data.notes', 'x');
    expect(store().merge([atLimit], { clockCheck: check }).clamped).toBe(0);
    const far = change('a', 1, 10 ** 9, 'data.notes', 'x');
    const r = store().merge([far]);
    expect(r.clamped).toBe(0);
    expect(outcomes(r)).toEqual(['inserted']);
  });
});
