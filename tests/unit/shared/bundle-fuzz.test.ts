import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError, readBundleHeader } from '../../../shared/bundle/index.ts';
import {
  type Device,
  changeArb,
  decodeError,
  encodeChanges,
  layoutOf,
  makeDevices,
  openAs,
  streamOf,
} from '../../fixtures/bundles/harness.ts';

let sender: Device;
let hq: Device;
let valid: Uint8Array;

const MAGIC = [0x89, 0x4c, 0x4c, 0x42, 0x0d, 0x0a, 0x1a, 0x0a];

beforeAll(async () => {
  ({ sender, hq } = await makeDevices());
  valid = await encodeChanges(sender, [hq], fc.sample(changeArb, { numRuns: 6, seed: 5 }), {
    chunkSize: 64,
  });
});

async function refusedAsBundleError(bytes: Uint8Array | ReadableStream<Uint8Array>): Promise<void> {
  expect(await decodeError(bytes, openAs(hq))).toBeInstanceOf(BundleError);
}

/** readBundleHeader either parses or throws a BundleError: nothing else. */
function headerOrBundleError(bytes: Uint8Array): void {
  try {
    readBundleHeader(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    expect((e as Error).message).not.toContain('internal:');
  }
}

function preamble(version = 1): number[] {
  return [...MAGIC, version >> 8, version & 0xff];
}

function withLength(header: Uint8Array, rest: Uint8Array = new Uint8Array(0)): Uint8Array {
  const n = header.length;
  return Uint8Array.from([
    ...preamble(),
    (n >>> 24) & 0xff,
    (n >>> 16) & 0xff,
    (n >>> 8) & 0xff,
    n & 0xff,
    ...header,
    ...rest,
  ]);
}

interface Edit {
  kind: 'set' | 'insert' | 'delete' | 'repeat';
  at: number;
  value: number;
}

/** One edit of a byte string: overwrite, insert, delete, or duplicate a run. */
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    value: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    value: fc.integer({ min: 1, max: 80 }),
  }),
);

function applyEdits(source: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let bytes = Array.from(source);
  for (const e of edits) {
    const at = bytes.length === 0 ? 0 : e.at % bytes.length;
    if (e.kind === 'set') bytes[at] = e.value;
    else if (e.kind === 'insert') bytes.splice(at, 0, e.value);
    else if (e.kind === 'delete') bytes.splice(at, e.value);
    else bytes = [...bytes.slice(0, at + e.value), ...bytes.slice(at)];
  }
  return Uint8Array.from(bytes);
}

describe('garbage in, BundleError out', () => {
  it('refuses random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        await refusedAsBundleError(bytes);
        headerOrBundleError(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses random bytes behind a valid preamble, for any version', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 0xffff }),
        fc.uint8Array({ maxLength: 1024 }),
        async (version, rest) => {
          const bytes = Uint8Array.from([...preamble(version), ...rest]);
          await refusedAsBundleError(bytes);
          headerOrBundleError(bytes);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses any JSON as a header', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 4 }),
        fc.uint8Array({ maxLength: 512 }),
        async (json, rest) => {
          const bytes = withLength(new TextEncoder().encode(JSON.stringify(json)), rest);
          await refusedAsBundleError(bytes);
          headerOrBundleError(bytes);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a valid header with any one field replaced by other JSON', async () => {
    const { prefixEnd } = layoutOf(valid);
    const header = JSON.parse(new TextDecoder().decode(valid.subarray(14, prefixEnd))) as Record<
      string,
      unknown
    >;
    const paths: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      paths.push(path);
      if (typeof v === 'object' && v !== null)
        for (const [k, child] of Object.entries(v)) walk(child, [...path, k]);
    };
    walk(header, []);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.jsonValue({ maxDepth: 2 }),
        async (path, replacement) => {
          const copy = structuredClone(header);
          let target = copy;
          for (const k of path.slice(0, -1)) target = target[k] as Record<string, unknown>;
          fc.pre(JSON.stringify(target[path.at(-1)!]) !== JSON.stringify(replacement));
          target[path.at(-1)!] = replacement;
          const bytes = withLength(
            new TextEncoder().encode(JSON.stringify(copy)),
            valid.subarray(prefixEnd),
          );
          await refusedAsBundleError(bytes);
          headerOrBundleError(bytes);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a valid bundle after any sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 6 }), async (edits) => {
        const bytes = applyEdits(valid, edits);
        fc.pre(bytes.length !== valid.length || bytes.some((b, i) => b !== valid[i]));
        await refusedAsBundleError(bytes);
        headerOrBundleError(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses garbage arriving as a stream, and input that is not bytes at all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }),
        async (pieces) => {
          const joined = Uint8Array.from(pieces.flatMap((p) => [...p]));
          const cuts: number[] = [];
          let at = 0;
          for (const p of pieces.slice(0, -1)) cuts.push((at += p.length));
          await refusedAsBundleError(
            streamOf(
              joined,
              [...new Set(cuts)].filter((c) => c > 0 && c < joined.length),
            ),
          );
        },
      ),
      { numRuns: 1000 },
    );
    for (const notBytes of [null, undefined, 'LLB', 42, {}, [1, 2, 3]]) {
      expect(await decodeError(notBytes as Uint8Array, openAs(hq))).toMatchObject({
        code: 'not-a-bundle',
      });
      expect(() => readBundleHeader(notBytes as Uint8Array)).toThrow(BundleError);
    }
  });

  it('refuses a stream that yields something other than bytes or fails midway', async () => {
    const strings = new ReadableStream<unknown>({
      start(c) {
        c.enqueue('not bytes');
        c.close();
      },
    });
    expect(await decodeError(strings as ReadableStream<Uint8Array>, openAs(hq))).toMatchObject({
      code: 'not-a-bundle',
    });
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(c) {
        if (!sent) {
          sent = true;
          c.enqueue(valid.slice(0, 100));
        } else c.error(new Error('disk unplugged'));
      },
    });
    expect(await decodeError(failing, openAs(hq))).toMatchObject({ code: 'truncated' });
  });
});
