import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Change, changeSchema, jsonSchema } from '../../../shared/sync/change.ts';
import { decodeBundle, readBundleHeader } from '../../../shared/bundle/index.ts';
import {
  type Device,
  changeArb,
  encodeChanges,
  encodeJson,
  layoutOf,
  makeDevices,
  openAs,
  rangesOf,
  streamOf,
} from '../../fixtures/bundles/harness.ts';

let sender: Device;
let hq: Device;
let lead: Device;
let stranger: Device;

beforeAll(async () => {
  ({ sender, hq, lead, stranger } = await makeDevices());
});

/**
 * What a payload looks like after the codec: the schema's output (zod drops `__proto__` keys)
 * carried as JSON (-0 arrives as 0).
 */
const canonical = (changes: readonly Change[]): unknown =>
  JSON.parse(JSON.stringify(changes.map((c) => changeSchema.parse(c))));
const canonicalJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(jsonSchema.parse(value)));

describe('bundle round trip', () => {
  it('gives every recipient back exactly the changes it was made from, for any changes, recipients and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { maxLength: 6 }),
        fc.subarray([0, 1, 2], { minLength: 1 }),
        fc.integer({ min: 64, max: 256 }),
        fc.nat(),
        async (changes, chosen, chunkSize, pick) => {
          const recipients = chosen.map((i) => [hq, lead, stranger][i] as Device);
          const bytes = await encodeChanges(sender, recipients, changes, { chunkSize });
          const reader = recipients[pick % recipients.length] as Device;
          const decoded = await decodeBundle(
            bytes,
            openAs(reader, { expectedSenderSigningKey: sender.signingRaw }),
          );
          expect(decoded.kind).toBe('changes');
          expect(decoded.payload).toEqual(canonical(changes));
          expect(decoded.header.counts.changes).toBe(changes.length);
          expect(decoded.header.recipients).toEqual(recipients.map((r) => r.deviceId));
          expect(decoded.header.ranges).toEqual(rangesOf(changes));
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('gives back receipts and profiles as the JSON they were made from', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('receipt' as const, 'profile' as const),
        fc.jsonValue({ maxDepth: 2 }),
        fc.integer({ min: 64, max: 256 }),
        async (kind, payload, chunkSize) => {
          const bytes = await encodeJson(sender, [hq], kind, payload as never, { chunkSize });
          const decoded = await decodeBundle(bytes, openAs(hq));
          expect(decoded.kind).toBe(kind);
          expect(decoded.payload).toEqual(canonicalJson(payload));
          expect(decoded.header.counts).toEqual({ changes: 0, records: 0 });
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('reads the same bundle from a stream cut into arbitrary pieces', async () => {
    const changes = fc.sample(changeArb, { numRuns: 4, seed: 42 });
    const bytes = await encodeChanges(sender, [hq], changes, { chunkSize: 64 });
    const expected = canonical(changes);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }),
        async (cuts) => {
          const decoded = await decodeBundle(
            streamOf(
              bytes,
              [...cuts].sort((a, b) => a - b),
            ),
            openAs(hq),
          );
          expect(decoded.payload).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('handles an empty change set', async () => {
    const bytes = await encodeChanges(sender, [hq], [], { chunkSize: 16 });
    const decoded = await decodeBundle(bytes, openAs(hq));
    expect(decoded.payload).toEqual([]);
    expect(decoded.header.counts).toEqual({ changes: 0, records: 0 });
    expect(decoded.header.ranges).toEqual([]);
  });

  it('handles a payload of exactly one chunk and one byte past a chunk', async () => {
    const changes = fc.sample(changeArb, { numRuns: 10, seed: 7 });
    const probe = readBundleHeader(await encodeChanges(sender, [hq], changes)).payload
      .compressedBytes;
    const exact = await encodeChanges(sender, [hq], changes, { chunkSize: probe });
    expect(readBundleHeader(exact).payload).toMatchObject({
      chunkCount: 1,
      compressedBytes: probe,
    });
    expect((await decodeBundle(exact, openAs(hq))).payload).toEqual(canonical(changes));
    const past = await encodeChanges(sender, [hq], changes, { chunkSize: probe - 1 });
    expect(readBundleHeader(past).payload).toMatchObject({ chunkCount: 2, compressedBytes: probe });
    expect(layoutOf(past).chunks[1]).toMatchObject({
      end: layoutOf(past).chunks[1]!.start + 1 + 16,
    });
    expect((await decodeBundle(past, openAs(hq))).payload).toEqual(canonical(changes));
  });

  it('reports progress that only grows and ends at the file length', async () => {
    const changes = fc.sample(changeArb, { numRuns: 30, seed: 3 });
    const bytes = await encodeChanges(sender, [hq], changes, { chunkSize: 64 });
    const seen: number[] = [];
    await decodeBundle(bytes, openAs(hq, { onProgress: (p) => seen.push(p.bytesRead) }));
    expect(seen.length).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(bytes.length);
  });

  it('ignores a progress observer that throws', async () => {
    const bytes = await encodeChanges(sender, [hq], fc.sample(changeArb, { numRuns: 5, seed: 1 }));
    const decoded = await decodeBundle(
      bytes,
      openAs(hq, {
        onProgress: () => {
          throw new Error('observer bug');
        },
      }),
    );
    expect(decoded.payload).toHaveLength(5);
  });

  it('shows who sent it, to whom and what it covers without any key', async () => {
    const changes: Change[] = [
      {
        deviceId: 'lagos-laptop-01',
        seq: 4,
        hlc: '000001735689600000-000000-lagos-laptop-01',
        collection: 'activities',
        recordId: 'act-1',
        field: 'type',
        value: 'training',
        author: 'off-amara',
      },
      {
        deviceId: 'lagos-laptop-01',
        seq: 5,
        hlc: '000001735689600001-000000-lagos-laptop-01',
        collection: 'activities',
        recordId: 'act-1',
        field: 'data.peopleTrained',
        value: 12,
        author: 'off-amara',
      },
      {
        deviceId: 'lagos-laptop-01',
        seq: 6,
        hlc: '000001735689600002-000000-lagos-laptop-01',
        collection: 'activities',
        recordId: 'act-2',
        field: 'type',
        value: 'removal',
        author: 'off-amara',
      },
    ];
    const bytes = await encodeChanges(sender, [hq, lead], changes);
    const header = readBundleHeader(bytes.subarray(0, 4096));
    expect(header).toMatchObject({
      formatVersion: 1,
      kind: 'changes',
      networkId: 'west-africa',
      sender: { deviceId: 'lagos-laptop-01', officerId: 'off-amara', postCode: 'LOS' },
      ranges: [{ deviceId: 'lagos-laptop-01', fromSeq: 4, toSeq: 6 }],
      counts: { changes: 3, records: 2 },
      recipients: ['hq-desktop', 'lead-laptop'],
      appVersion: '0.1.0',
      catalogueVersion: 1,
      totalBytes: bytes.length,
    });
    expect(header.senderKeys.signing).toEqual(sender.signingRaw);
    expect(header.senderKeys.encryption).toEqual(sender.encryptionRaw);
  });

  it('makes a different file every time (fresh content key and ephemeral keys)', async () => {
    const changes = fc.sample(changeArb, { numRuns: 3, seed: 9 });
    const a = await encodeChanges(sender, [hq], changes);
    const b = await encodeChanges(sender, [hq], changes);
    expect(a.length).toBe(b.length);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
