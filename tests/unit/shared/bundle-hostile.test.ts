// Hostile and huge bundles (security review, issue #9 part 2): compression bombs, honest about
// their size or lying about it, validly signed with the real sealing code, are refused while
// the reader's memory grows by less than 64 MiB; nothing is decompressed before the signature
// over the whole file has verified; checkBundle (for devices nobody approved yet) never
// decompresses at all. The bombs are built here, never committed.
import { deflateSync } from 'fflate';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleError,
  type DecodeBundleOptions,
  KIND_CAPS,
  MAX_INFLATION_RATIO,
  bundleErrorMessageValues,
  checkBundle,
  decodeBundle,
  encodeBundle,
} from '../../../shared/bundle/index.ts';
import {
  type Device,
  changesInput,
  decodeError,
  forge,
  makeDevices,
  openAs,
} from '../../fixtures/bundles/harness.ts';

const MiB = 1024 * 1024;
const MEMORY_BUDGET = 64 * MiB;

// How memory is measured. Node's own collector is made callable (--expose-gc, set at run time
// and fetched through a fresh context), and run twice before the call so the baseline holds
// live data only. The figure is the JS heap in use plus the memory of ArrayBuffers (where
// inflated bytes and decrypted chunks live; strings built from them are on the heap). It is
// sampled at every progress report, every millisecond the event loop is free (WebCrypto work
// is asynchronous), and right after the call settles, BEFORE any collection: whatever the
// decoder built and kept until it gave up (inflated text, decrypted chunks) is still counted
// then, so the peak seen is at least what the decoder held. The growth is peak minus baseline.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function inUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function peakGrowth<T>(
  run: (onProgress: DecodeBundleOptions['onProgress']) => Promise<T>,
): Promise<{ growth: number; result: T | undefined; error: unknown }> {
  gc();
  gc();
  const baseline = inUse();
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, inUse());
  };
  const timer = setInterval(sample, 1);
  let result: T | undefined;
  let error: unknown;
  try {
    result = await run(sample);
  } catch (e) {
    error = e;
  }
  sample();
  clearInterval(timer);
  return { growth: peak - baseline, result, error };
}

function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

/** A changes payload in the v1 column layout whose one value is `size` bytes of 'a'. */
function oneHugeValue(size: number): Uint8Array {
  const head = new TextEncoder().encode(
    '{"deviceIds":["lagos-laptop-01"],"collections":["activities"],"recordIds":["act-1"],' +
      '"fields":["data.notes"],"authors":["off-amara"],"device":[0],"collection":[0],' +
      '"record":[0],"field":[0],"author":[0],"seq":[1],' +
      '"hlc":["001735689600001-000000-lagos-laptop-01"],"value":["',
  );
  const tail = new TextEncoder().encode('"]}');
  const text = new Uint8Array(head.length + size + tail.length);
  text.set(head);
  text.fill(0x61, head.length, head.length + size);
  text.set(tail, head.length + size);
  return text;
}

const ONE_CHANGE = {
  counts: { changes: 1, records: 1 },
  ranges: [{ deviceId: 'lagos-laptop-01', fromSeq: 1, toSeq: 1 }],
};

let sender: Device;
let hq: Device;
/** 48 MiB of payload, declared honestly: under the 64 MiB cap of a changes bundle. */
let honestUnderCap: Uint8Array;
/** 128 MiB of payload, declared honestly: over the cap too. */
let honestOverCap: Uint8Array;
/** 256 MiB of zeros behind a header that says 1,000 bytes. */
let lying: Uint8Array;

beforeAll(async () => {
  ({ sender, hq } = await makeDevices());
  const seal = async (plain: Uint8Array) =>
    forge(sender, [hq], {
      ...ONE_CHANGE,
      compressed: deflateSync(plain, { level: 1 }),
      inflatedBytes: plain.length,
      chunkSize: 64 * 1024,
    });
  honestUnderCap = await seal(oneHugeValue(48 * MiB));
  honestOverCap = await seal(oneHugeValue(128 * MiB));
  lying = await forge(sender, [hq], {
    ...ONE_CHANGE,
    compressed: deflateSync(new Uint8Array(256 * MiB), { level: 1 }),
    inflatedBytes: 1000,
    chunkSize: 64 * 1024,
  });
}, 60_000);

describe('compression bombs cost less than 64 MiB to refuse', () => {
  it('refuses a bomb that declares its size honestly, under the size cap, for its ratio', async () => {
    expect(honestUnderCap.length).toBeLessThan(400 * 1024);
    const { growth, error } = await peakGrowth((onProgress) =>
      decodeBundle(honestUnderCap, openAs(hq, { onProgress })),
    );
    console.info(`honest bomb (48 MiB declared): memory grew ${mib(growth)}`);
    expect((error as BundleError).code).toBe('inflation-ratio');
    expect(bundleErrorMessageValues(error as BundleError)).toMatchObject({
      limit: MAX_INFLATION_RATIO,
    });
    expect(growth).toBeLessThan(MEMORY_BUDGET);
  }, 60_000);

  it('refuses a bomb that declares its size honestly, over the size cap of its kind', async () => {
    const { growth, error } = await peakGrowth((onProgress) =>
      decodeBundle(honestOverCap, openAs(hq, { onProgress })),
    );
    console.info(`honest bomb (128 MiB declared): memory grew ${mib(growth)}`);
    expect((error as BundleError).code).toBe('too-large-when-inflated');
    expect(bundleErrorMessageValues(error as BundleError)).toEqual({
      limit: KIND_CAPS.changes.inflatedBytes,
      count: 128 * MiB + oneHugeValue(0).length,
    });
    expect(growth).toBeLessThan(MEMORY_BUDGET);
  }, 60_000);

  it('refuses a validly signed bomb whose header lies about its size, stopping near the lie', async () => {
    expect(lying.length).toBeLessThan(1024 * 1024);
    const { growth, error } = await peakGrowth((onProgress) =>
      decodeBundle(lying, openAs(hq, { onProgress })),
    );
    console.info(`lying bomb (1,000 B declared, 256 MiB real): memory grew ${mib(growth)}`);
    expect((error as BundleError).code).toBe('too-large-when-inflated');
    expect(bundleErrorMessageValues(error as BundleError)).toEqual({ limit: 1000 });
    expect(growth).toBeLessThan(MEMORY_BUDGET);
  }, 60_000);

  it('decompresses nothing before the signature verifies: a forged bomb is a bad signature', async () => {
    const forged = lying.slice();
    forged[forged.length - 1]! ^= 1;
    const { growth, error } = await peakGrowth((onProgress) =>
      decodeBundle(forged, openAs(hq, { onProgress })),
    );
    expect((error as BundleError).code).toBe('bad-signature');
    expect(growth).toBeLessThan(MEMORY_BUDGET);
  }, 60_000);

  it('checkBundle vouches for a signed file without decompressing it, whatever it holds', async () => {
    const { growth, result } = await peakGrowth((onProgress) =>
      checkBundle(lying, openAs(hq, { onProgress })),
    );
    console.info(`checkBundle of the lying bomb: memory grew ${mib(growth)}`);
    expect(result?.bundleId).toBe('0190b7c2-8d7e-7c41-9a55-3c1f2a0e6b11');
    expect(growth).toBeLessThan(4 * MiB);
    const forged = lying.slice();
    forged[forged.length - 1]! ^= 1;
    await expect(checkBundle(forged, openAs(hq))).rejects.toMatchObject({
      code: 'bad-signature',
    });
  }, 60_000);
});

describe('caps per kind, named in the refusal', () => {
  it('refuses more changes, ranges or chunks than a kind allows, before any cryptography', async () => {
    const cases = [
      {
        code: 'too-many-changes',
        options: { counts: { changes: KIND_CAPS.changes.changes + 1, records: 1 } },
        limit: KIND_CAPS.changes.changes,
      },
      {
        code: 'too-many-ranges',
        options: {
          kind: 'receipt' as const,
          ranges: [{ deviceId: 'lagos-laptop-01', fromSeq: 1, toSeq: 2 }],
        },
        limit: 0,
      },
      {
        code: 'too-many-chunks',
        options: {
          kind: 'profile' as const,
          text: `"${'x'.repeat(16 * (KIND_CAPS.profile.chunks + 1))}"`,
          compressed: new TextEncoder().encode('x'.repeat(16 * (KIND_CAPS.profile.chunks + 1))),
          chunkSize: 16,
        },
        limit: KIND_CAPS.profile.chunks,
      },
    ];
    for (const c of cases) {
      const bytes = await forge(sender, [hq], { text: '{}', ...c.options });
      // A recipient key that opens nothing: the cap is said before any key is tried.
      const error = await decodeError(bytes, openAs(hq, { recipientDeviceId: 'nobody' }));
      expect(error?.code, error?.message).toBe(c.code);
      expect(bundleErrorMessageValues(error as BundleError)).toMatchObject({ limit: c.limit });
    }
  });

  it('the writer refuses a payload its readers would refuse as a bomb', async () => {
    const change = {
      deviceId: 'lagos-laptop-01',
      seq: 1,
      hlc: '001735689600001-000000-lagos-laptop-01',
      collection: 'activities' as const,
      recordId: 'act-1',
      field: 'data.notes',
      value: 'a'.repeat(2 * MiB),
      author: 'off-amara',
    };
    await expect(encodeBundle(changesInput(sender, [hq], [change]))).rejects.toMatchObject({
      code: 'inflation-ratio',
    });
  });

  it('still reads an ordinary large bundle: 20,000 varied changes', async () => {
    const changes = Array.from({ length: 20_000 }, (_, i) => ({
      deviceId: 'lagos-laptop-01',
      seq: i + 1,
      hlc: `${String(1_735_689_600_000 + i * 7919).padStart(15, '0')}-000000-lagos-laptop-01`,
      collection: 'activities' as const,
      recordId: `act-${Math.floor(i / 10)}-${(i * 2654435761) % 1000003}`,
      field: `data.field${i % 10}`,
      value: i % 3 === 0 ? `note ${(i * 48271) % 2147483647}` : (i * 16807) % 9973,
      author: 'off-amara',
    }));
    const bytes = await encodeBundle(changesInput(sender, [hq], changes));
    const decoded = await decodeBundle(bytes, openAs(hq));
    expect(decoded.payload).toHaveLength(20_000);
  }, 30_000);
});
