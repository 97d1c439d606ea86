// Coverage ranges, gaps and receipts: what a receiver holds from each device, what it
// misses, and what a sender may mark acknowledged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Change } from '../../../shared/sync/change.ts';
import { compactChanges } from '../../../shared/sync/compact.ts';
import { recordKey } from '../../../shared/sync/fields.ts';
import { HlcClock } from '../../../shared/sync/hlc.ts';
import { type RecordState, mergeChanges } from '../../../shared/sync/merge.ts';
import {
  type Coverage,
  acknowledge,
  addCovered,
  addCoverage,
  highestContiguous,
  makeReceipt,
  missingByDevice,
  missingRanges,
  receiptSchema,
} from '../../../shared/sync/receipts.ts';

// 1000 runs take 1-3 s on an idle machine; the margin is for a loaded CI box, not for slowness.
const PROPERTY_TIMEOUT_MS = 30_000;

const add = (ranges: [number, number][], coverage: Coverage = {}, device = 'd1') =>
  ranges.reduce((acc, [from, to]) => addCoverage(acc, device, from, to), coverage);

describe('coverage ranges', () => {
  it('merges ranges that arrive out of order, overlap, touch or repeat', () => {
    const c = add([
      [10, 12],
      [1, 3],
      [4, 5],
      [11, 15],
      [1, 3],
      [20, 20],
    ]);
    expect(c.d1).toEqual([
      { from: 1, to: 5 },
      { from: 10, to: 15 },
      { from: 20, to: 20 },
    ]);
    expect(add([[6, 9]], c).d1).toEqual([
      { from: 1, to: 15 },
      { from: 20, to: 20 },
    ]);
  });

  it('returns new coverage and leaves the old one as it was', () => {
    const before = add([[1, 2]]);
    const after = addCoverage(before, 'd1', 3, 4);
    expect(before.d1).toEqual([{ from: 1, to: 2 }]);
    expect(after.d1).toEqual([{ from: 1, to: 4 }]);
  });

  it('records the ranges a bundle declares, device by device', () => {
    const c = addCovered({}, [
      { deviceId: 'a', fromSeq: 1, toSeq: 4 },
      { deviceId: 'b', fromSeq: 3, toSeq: 3 },
    ]);
    expect(c).toEqual({ a: [{ from: 1, to: 4 }], b: [{ from: 3, to: 3 }] });
  });

  it('rejects what is not a range of sequence numbers', () => {
    expect(() => addCoverage({}, 'd1', 0, 3)).toThrow(RangeError);
    expect(() => addCoverage({}, 'd1', 5, 4)).toThrow(RangeError);
    expect(() => addCoverage({}, 'd1', 1.5, 4)).toThrow(RangeError);
  });

  it('counts the highest sequence held with no gap from 1', () => {
    expect(
      highestContiguous(
        add([
          [1, 5],
          [7, 9],
        ]),
        'd1',
      ),
    ).toBe(5);
    expect(highestContiguous(add([[2, 9]]), 'd1')).toBe(0);
    expect(highestContiguous({}, 'd1')).toBe(0);
  });

  it('lists the holes up to the highest sequence any bundle announced', () => {
    const c = add([
      [3, 4],
      [7, 8],
    ]);
    expect(missingRanges(c, 'd1', 12)).toEqual([
      { from: 1, to: 2 },
      { from: 5, to: 6 },
      { from: 9, to: 12 },
    ]);
    expect(missingRanges(c, 'd1', 5)).toEqual([
      { from: 1, to: 2 },
      { from: 5, to: 5 },
    ]);
    expect(missingRanges(add([[1, 8]]), 'd1', 8)).toEqual([]);
    expect(missingRanges({}, 'd1', 0)).toEqual([]);
  });

  it('says which ranges are missing and from which device', () => {
    const c = add([[1, 3]], add([[2, 2]], {}, 'b'), 'a');
    expect(missingByDevice(c, { b: 4, a: 5, c: 1 })).toEqual([
      { deviceId: 'a', from: 4, to: 5 },
      { deviceId: 'b', from: 1, to: 1 },
      { deviceId: 'b', from: 3, to: 4 },
      { deviceId: 'c', from: 1, to: 1 },
    ]);
  });

  it(
    'holds exactly the union of the ranges added, in any order',
    () => {
      const rangeArb = fc
        .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 6 }))
        .map(([from, len]) => [from, from + len] as [number, number]);
      fc.assert(
        fc.property(
          fc.array(rangeArb, { maxLength: 12 }),
          fc.integer({ min: 0, max: 50 }),
          (ranges, known) => {
            const held = new Set<number>();
            for (const [from, to] of ranges) for (let s = from; s <= to; s += 1) held.add(s);
            const c = add(ranges);
            const fromCoverage = new Set<number>();
            for (const r of c.d1 ?? []) for (let s = r.from; s <= r.to; s += 1) fromCoverage.add(s);
            expect(fromCoverage).toEqual(held);
            // Sorted, and never touching: touching ranges would have been merged.
            (c.d1 ?? []).forEach((r, i, all) => {
              const prev = all[i - 1];
              if (prev) expect(r.from).toBeGreaterThan(prev.to + 1);
            });
            let top = 0;
            while (held.has(top + 1)) top += 1;
            expect(highestContiguous(c, 'd1')).toBe(top);
            const missing = new Set<number>();
            for (const g of missingRanges(c, 'd1', known))
              for (let s = g.from; s <= g.to; s += 1) missing.add(s);
            const expected = new Set<number>();
            for (let s = 1; s <= known; s += 1) if (!held.has(s)) expected.add(s);
            expect(missing).toEqual(expected);
          },
        ),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('receipts', () => {
  const coverage = add(
    [[1, 3]],
    add(
      [
        [1, 9],
        [12, 14],
      ],
      {},
      'dev-a',
    ),
    'dev-b',
  );

  it('issues a receipt of the highest sequence held without a gap, per device', () => {
    const receipt = makeReceipt(
      'dev-hq',
      '2011-04-01T12:00:00.000Z',
      add([[4, 5]], coverage, 'dev-c'),
      ['b-1', 'b-2'],
    );
    expect(receipt).toEqual({
      issuerDeviceId: 'dev-hq',
      issuedAt: '2011-04-01T12:00:00.000Z',
      held: { 'dev-a': 9, 'dev-b': 3 },
      bundles: ['b-1', 'b-2'],
    });
    expect(receiptSchema.parse(receipt)).toEqual(receipt);
  });

  it('rejects a receipt with a bad date, a negative sequence or a bad device id', () => {
    const good = makeReceipt('dev-hq', '2011-04-01T12:00:00+02:00', coverage, []);
    expect(receiptSchema.safeParse(good).success).toBe(true);
    expect(receiptSchema.safeParse({ ...good, issuedAt: 'April 1st' }).success).toBe(false);
    expect(receiptSchema.safeParse({ ...good, held: { 'dev-a': -1 } }).success).toBe(false);
    expect(receiptSchema.safeParse({ ...good, held: { 'dev a': 1 } }).success).toBe(false);
  });

  it('tells the sender what it may mark acknowledged for that recipient', () => {
    const receipt = makeReceipt('dev-hq', '2011-04-01T12:00:00Z', coverage, ['b-7']);
    expect(acknowledge(receipt)).toEqual({
      recipientDeviceId: 'dev-hq',
      acked: { 'dev-a': 9, 'dev-b': 3 },
      bundles: ['b-7'],
    });
  });

  it('never lowers an acknowledgement when an older receipt arrives after a newer one', () => {
    const older = makeReceipt('dev-hq', '2011-04-01T12:00:00Z', add([[1, 4]], {}, 'dev-a'), []);
    const previous = { 'dev-a': 9, 'dev-z': 2 };
    expect(acknowledge(older, previous).acked).toEqual({ 'dev-a': 9, 'dev-z': 2 });
  });
});

describe('a bundle lost on the way', () => {
  it('costs nothing: the next bundle carries its changes again and the receiver ends whole', () => {
    let now = 1_700_000_000_000;
    const clock = new HlcClock('dev-o1', () => now);
    const log: Change[] = [];
    const write = (recordId: string, field: string, value: string) => {
      now += 1000;
      log.push({
        deviceId: 'dev-o1',
        seq: log.length + 1,
        hlc: clock.tick(),
        collection: 'activities',
        recordId,
        field,
        value,
        author: 'o1',
      });
    };
    const hq = {
      records: new Map<string, RecordState>(),
      coverage: {} as Coverage,
      bundles: [] as string[],
    };
    const importBundle = (id: string, bundle: ReturnType<typeof compactChanges>) => {
      const merged = mergeChanges((c, r) => hq.records.get(recordKey(c, r)), bundle.changes);
      for (const [key, record] of merged.records) hq.records.set(key, record);
      // Held is what the bundle declares it covers, not the seqs of the changes it carries.
      hq.coverage = addCovered(hq.coverage, bundle.covers);
      hq.bundles.push(id);
    };

    write('r1', 'data.notes', 'draft');
    write('r1', 'data.notes', 'final');
    const lost = compactChanges(log, {}); // the USB stick never arrives
    expect(lost.changes).toHaveLength(1);
    write('r2', 'data.count', '3');
    importBundle('b-2', compactChanges(log, {}));
    expect(missingRanges(hq.coverage, 'dev-o1', 3)).toEqual([]);

    const { acked } = acknowledge(
      makeReceipt('dev-hq', '2011-04-01T00:00:00Z', hq.coverage, hq.bundles),
    );
    expect(acked).toEqual({ 'dev-o1': 3 });
    write('r1', 'data.notes', 'after the receipt');
    const next = compactChanges(log, acked);
    expect(next.changes.map((c) => c.seq)).toEqual([4]);
    expect(next.covers).toEqual([{ deviceId: 'dev-o1', fromSeq: 4, toSeq: 4 }]);
    importBundle('b-3', next);
    expect(hq.records.get('activities/r1')?.fields['data.notes']?.value).toBe('after the receipt');
    expect(highestContiguous(hq.coverage, 'dev-o1')).toBe(4);
  });
});
