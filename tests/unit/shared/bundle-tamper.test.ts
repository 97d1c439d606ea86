import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BundleErrorCode } from '../../../shared/bundle/index.ts';
import {
  type Device,
  changeArb,
  decodeError,
  encodeChanges,
  encodeJson,
  layoutOf,
  makeDevices,
  openAs,
  streamOf,
} from '../../fixtures/bundles/harness.ts';

let sender: Device;
let hq: Device;
let lead: Device;
/** Valid bundles to tamper with: several chunk sizes, kinds and recipient lists. */
let bundles: Uint8Array[];

beforeAll(async () => {
  ({ sender, hq, lead } = await makeDevices());
  bundles = [
    await encodeChanges(sender, [hq, lead], fc.sample(changeArb, { numRuns: 8, seed: 1 }), {
      chunkSize: 64,
    }),
    await encodeChanges(sender, [lead, hq], fc.sample(changeArb, { numRuns: 5, seed: 2 }), {
      chunkSize: 100,
    }),
    await encodeJson(
      sender,
      [hq],
      'receipt',
      {
        devices: Object.fromEntries(
          Array.from({ length: 12 }, (_, i) => [`laptop-${i}`, 40 + i * 7]),
        ),
      },
      { chunkSize: 32 },
    ),
  ];
  for (const b of bundles) expect(layoutOf(b).chunks.length).toBeGreaterThan(2);
});

const bundleArb = () => fc.integer({ min: 0, max: 2 }).map((i) => bundles[i] as Uint8Array);
/** Decodes as HQ, sometimes also pinning the sender key the app would hold. */
const open = (pin: boolean) =>
  openAs(hq, pin ? { expectedSenderSigningKey: sender.signingRaw } : {});

async function rejected(
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  pin: boolean,
): Promise<BundleErrorCode> {
  const error = await decodeError(bytes, open(pin));
  expect(error, 'a tampered bundle was accepted').not.toBeNull();
  return (error as NonNullable<typeof error>).code;
}

describe('a tampered bundle is always refused', () => {
  it('refuses a bundle with any single byte changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        bundleArb(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        async (original, at, mask, pin) => {
          const bytes = original.slice();
          const index = at % bytes.length;
          bytes[index]! ^= mask;
          const code = await rejected(bytes, pin);
          const { chunks, signatureStart } = layoutOf(original);
          if (index >= signatureStart) expect(code).toBe('bad-signature');
          else if (index >= (chunks[0] as { start: number }).start)
            expect(code).toBe('payload-altered');
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('refuses a bundle cut short anywhere, as truncated', async () => {
    await fc.assert(
      fc.asyncProperty(bundleArb(), fc.nat(), fc.boolean(), async (original, at, pin) => {
        const length = at % original.length;
        const code = await rejected(original.slice(0, length), pin);
        expect(code).toBe(length === 0 ? 'not-a-bundle' : 'truncated');
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('refuses a bundle with two chunks swapped', async () => {
    await fc.assert(
      fc.asyncProperty(
        bundleArb(),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        async (original, x, y, pin) => {
          const { chunks } = layoutOf(original);
          const i = x % chunks.length;
          const j = y % chunks.length;
          fc.pre(i !== j);
          const [a, b] = [chunks[Math.min(i, j)]!, chunks[Math.max(i, j)]!];
          const swapped = new Uint8Array(original.length);
          let at = 0;
          for (const part of [
            original.subarray(0, a.start),
            original.subarray(b.start, b.end),
            original.subarray(a.end, b.start),
            original.subarray(a.start, a.end),
            original.subarray(b.end),
          ]) {
            swapped.set(part, at);
            at += part.length;
          }
          const code = await rejected(swapped, pin);
          // Equal-sized chunks keep the layout, so only the authentication can catch the swap.
          if (a.end - a.start === b.end - b.start) expect(code).toBe('payload-altered');
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('refuses a bundle with a chunk dropped or repeated', async () => {
    await fc.assert(
      fc.asyncProperty(
        bundleArb(),
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        async (original, x, repeat, pin) => {
          const { chunks } = layoutOf(original);
          const c = chunks[x % chunks.length]!;
          const parts = repeat
            ? [original.subarray(0, c.end), original.subarray(c.start)]
            : [original.subarray(0, c.start), original.subarray(c.end)];
          const joined = new Uint8Array(parts[0]!.length + parts[1]!.length);
          joined.set(parts[0]!);
          joined.set(parts[1]!, parts[0]!.length);
          await rejected(joined, pin);
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('refuses a bundle with anything appended', async () => {
    await fc.assert(
      fc.asyncProperty(
        bundleArb(),
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.boolean(),
        async (original, extra, pin) => {
          const longer = new Uint8Array(original.length + extra.length);
          longer.set(original);
          longer.set(extra, original.length);
          expect(await rejected(longer, pin)).toBe('payload-altered');
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('refuses the chunks of one bundle under the header of another', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        async (i, j, pin) => {
          fc.pre(i !== j);
          const head = bundles[i]!;
          const body = bundles[j]!;
          const headEnd = layoutOf(head).prefixEnd;
          const bodyStart = layoutOf(body).prefixEnd;
          const mixed = new Uint8Array(headEnd + body.length - bodyStart);
          mixed.set(head.subarray(0, headEnd));
          mixed.set(body.subarray(bodyStart), headEnd);
          await rejected(mixed, pin);
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('refuses a re-encoded bundle whose header was rewritten, even with the same recipients', async () => {
    // Same sender and recipients, another payload: only the header differs in what it claims.
    const other = await encodeChanges(
      sender,
      [hq, lead],
      fc.sample(changeArb, { numRuns: 8, seed: 99 }),
      { chunkSize: 64 },
    );
    const head = other.subarray(0, layoutOf(other).prefixEnd);
    const body = bundles[0]!.subarray(layoutOf(bundles[0]!).prefixEnd);
    const mixed = new Uint8Array(head.length + body.length);
    mixed.set(head);
    mixed.set(body, head.length);
    expect(await rejected(mixed, true)).toMatch(/payload-altered|truncated/);
  });

  it('refuses tampered bytes arriving as a stream just as it does an array', async () => {
    await fc.assert(
      fc.asyncProperty(
        bundleArb(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 1, max: 97 }),
        async (original, at, mask, piece) => {
          const bytes = original.slice();
          bytes[at % bytes.length]! ^= mask;
          const cuts = Array.from(
            { length: Math.floor((bytes.length - 1) / piece) },
            (_, k) => (k + 1) * piece,
          );
          const fromStream = await rejected(streamOf(bytes, cuts), false);
          const fromArray = await rejected(bytes, false);
          // Both refuse, for the same reason. One exception is inherent: when the flip changes
          // the sizes in the header, an array's length shows at once that the file is short
          // ('truncated'), while a stream, whose length is unknown until it ends, first meets
          // a chunk that fails to open ('payload-altered').
          if (fromStream !== fromArray) {
            expect([fromStream, fromArray].sort()).toEqual(['payload-altered', 'truncated']);
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);
});
