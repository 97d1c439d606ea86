// Compaction: what a bundle carries for a recipient, and the ranges it declares it covers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Change, type Json } from '../../../shared/sync/change.ts';
import {
  compactChanges,
  coveredRanges,
  lowestAcknowledged,
  outsideCoverage,
} from '../../../shared/sync/compact.ts';
import { recordKey } from '../../../shared/sync/fields.ts';
import { HlcClock, encodeHlc } from '../../../shared/sync/hlc.ts';
import { type RecordState, mergeChanges } from '../../../shared/sync/merge.ts';

const T0 = 1_700_000_000_000;
// 1000 runs take 1-3 s on an idle machine; the margin is for a loaded CI box, not for slowness.
const PROPERTY_TIMEOUT_MS = 30_000;

function log(deviceId: string, writes: [recordId: string, field: string, value: Json][]): Change[] {
  return writes.map(([recordId, field, value], i) => ({
    deviceId,
    seq: i + 1,
    hlc: encodeHlc({ wall: T0 + i, counter: 0, deviceId }),
    collection: 'activities',
    recordId,
    field,
    value,
    author: 'o1',
  }));
}

const seqs = (changes: Change[]) => changes.map((c) => c.seq);

describe('compaction', () => {
  const device = log('dev-a', [
    ['r1', 'officerId', 'o1'], // 1
    ['r1', 'data.notes', 'draft'], // 2
    ['r1', 'data.notes', 'final'], // 3
    ['r2', 'data.count', 1], // 4
    ['r1', 'data.count', 5], // 5
    ['r2', 'data.count', 2], // 6
  ]);

  it('keeps only the latest write per field and declares the whole range, dropped seqs included', () => {
    const out = compactChanges(device, {});
    expect(seqs(out.changes)).toEqual([1, 3, 5, 6]);
    expect(out.covers).toEqual([{ deviceId: 'dev-a', fromSeq: 1, toSeq: 6 }]);
  });

  it('leaves out what the recipient acknowledged', () => {
    const out = compactChanges(device, { 'dev-a': 3, 'dev-other': 99 });
    expect(seqs(out.changes)).toEqual([5, 6]);
    expect(out.covers).toEqual([{ deviceId: 'dev-a', fromSeq: 4, toSeq: 6 }]);
  });

  it('returns nothing to send when everything is acknowledged', () => {
    expect(compactChanges(device, { 'dev-a': 6 })).toEqual({ changes: [], covers: [] });
  });

  it('sends only the tombstone and the owner of a deleted record', () => {
    const deleted = log('dev-a', [
      ['r1', 'officerId', 'o1'],
      ['r1', 'postCode', 'P1'],
      ['r1', 'data.name', 'J. Doe'],
      ['r1', '_deleted', true],
      ['r2', 'data.name', 'kept'],
    ]);
    const out = compactChanges(deleted, {});
    expect(out.changes.map((c) => `${c.recordId}.${c.field}`)).toEqual([
      'r1.officerId',
      'r1.postCode',
      'r1._deleted',
      'r2.data.name',
    ]);
    expect(out.covers).toEqual([{ deviceId: 'dev-a', fromSeq: 1, toSeq: 5 }]);
  });

  it('sends the whole of a live record that carries _deleted false', () => {
    const live = log('dev-a', [
      ['r1', 'officerId', 'o1'],
      ['r1', 'data.name', 'J. Doe'],
      ['r1', '_deleted', false],
    ]);
    expect(seqs(compactChanges(live, {}).changes)).toEqual([1, 2, 3]);
  });

  it('declares separate ranges rather than claim a hole in a damaged log', () => {
    const holed = device.filter((c) => c.seq !== 4);
    expect(compactChanges(holed, {}).covers).toEqual([
      { deviceId: 'dev-a', fromSeq: 1, toSeq: 3 },
      { deviceId: 'dev-a', fromSeq: 5, toSeq: 6 },
    ]);
  });

  it('reports a ranges list per device, sorted by device', () => {
    const both = [...log('dev-b', [['r9', 'data.x', 1]]), ...device];
    expect(coveredRanges(both)).toEqual([
      { deviceId: 'dev-a', fromSeq: 1, toSeq: 6 },
      { deviceId: 'dev-b', fromSeq: 1, toSeq: 1 },
    ]);
  });

  it('finds the changes a bundle carries outside the ranges it declares', () => {
    const out = compactChanges(device, { 'dev-a': 3 });
    expect(outsideCoverage(out.changes, out.covers)).toEqual([]);
    expect(seqs(outsideCoverage(device, out.covers))).toEqual([1, 2, 3]);
  });

  it('treats a device called __proto__ like any other', () => {
    const odd = log('__proto__', [
      ['r1', 'data.x', 1],
      ['r1', 'data.y', 2],
    ]);
    const acked = JSON.parse('{"__proto__": 1}') as Record<string, number>;
    expect(seqs(compactChanges(odd, acked).changes)).toEqual([2]);
  });
});

describe('compaction and merge together', () => {
  const fieldArb = fc.constantFrom(
    'officerId',
    'data.notes',
    'data.count',
    'review.status',
    '_deleted',
  );
  const writeArb = fc.record({
    record: fc.constantFrom('r1', 'r2', 'r3'),
    field: fieldArb,
    value: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b')),
    step: fc.integer({ min: 0, max: 2 }),
    deletes: fc.boolean(),
  });

  it(
    'gives every recipient the same state from the compacted bundle as from the full log',
    () => {
      fc.assert(
        fc.property(
          fc.array(writeArb, { maxLength: 30 }),
          fc.nat({ max: 30 }),
          (writes, ackedRaw) => {
            let now = T0;
            const clock = new HlcClock('dev-a', () => now);
            const full: Change[] = writes.map((w, i) => {
              now += w.step;
              return {
                deviceId: 'dev-a',
                seq: i + 1,
                hlc: clock.tick(),
                collection: 'activities',
                recordId: w.record,
                field: w.field,
                value: w.field === '_deleted' ? w.deletes : w.value,
                author: 'o1',
              };
            });
            const acked = Math.min(ackedRaw, full.length);
            // The recipient already holds the acknowledged prefix.
            const held = mergeChanges(() => undefined, full.slice(0, acked)).records;
            const lookup = (c: 'activities', id: string): RecordState | undefined =>
              held.get(recordKey(c, id));
            const withAll = new Map([...held, ...mergeChanges(lookup, full.slice(acked)).records]);
            const bundle = compactChanges(full, { 'dev-a': acked });
            const withBundle = new Map([...held, ...mergeChanges(lookup, bundle.changes).records]);
            expect(withBundle).toEqual(withAll);
            expect(bundle.covers).toEqual(
              acked < full.length
                ? [{ deviceId: 'dev-a', fromSeq: acked + 1, toSeq: full.length }]
                : [],
            );
          },
        ),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('lowest acknowledgement', () => {
  it('is what the slowest recipient holds, and nothing before any recipient answers', () => {
    expect(lowestAcknowledged(undefined)).toBe(0);
    expect(lowestAcknowledged({})).toBe(0);
    expect(lowestAcknowledged({ hq: 12, lead: 7 })).toBe(7);
    expect(lowestAcknowledged({ hq: 0, lead: 7 })).toBe(0);
  });
});
