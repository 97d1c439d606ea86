import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Change } from '../../../shared/sync/change.ts';
import {
  BUNDLE_ERROR_CODES,
  BundleError,
  type BundleErrorCode,
  KIND_CAPS,
  MAX_HEADER_BYTES,
  MAX_PLAUSIBLE_FORMAT_VERSION,
  MAX_RECIPIENTS,
  bundleErrorMessageKey,
  bundleErrorMessageValues,
  bundleMessages,
  decodeBundle,
  encodeBundle,
  readBundleHeader,
} from '../../../shared/bundle/index.ts';
import {
  type Device,
  changeArb,
  changesInput,
  decodeError,
  encodeChanges,
  encodeJson,
  forge,
  layoutOf,
  makeDevice,
  makeDevices,
  openAs,
  streamOf,
} from '../../fixtures/bundles/harness.ts';

let sender: Device;
let hq: Device;
let lead: Device;
let stranger: Device;
let changes: Change[];
let valid: Uint8Array;

const change = (seq: number, extra: Partial<Change> = {}): Change => ({
  deviceId: 'lagos-laptop-01',
  seq,
  hlc: `${String(1_735_689_600_000 + seq).padStart(15, '0')}-000000-lagos-laptop-01`,
  collection: 'activities',
  recordId: `act-${Math.ceil(seq / 3)}`,
  field: 'data.notes',
  value: `note ${seq}`,
  author: 'off-amara',
  ...extra,
});

/** The columnar payload text the encoder would write for these changes (hand-built to forge). */
function columns(rows: readonly Change[]): Record<string, unknown> {
  const dict = (values: string[]) => [...new Set(values)];
  const deviceIds = dict(rows.map((r) => r.deviceId));
  const collections = dict(rows.map((r) => r.collection));
  const recordIds = dict(rows.map((r) => r.recordId));
  const fields = dict(rows.map((r) => r.field));
  const authors = dict(rows.map((r) => r.author));
  const last = new Map<string, number>();
  return {
    deviceIds,
    collections,
    recordIds,
    fields,
    authors,
    device: rows.map((r) => deviceIds.indexOf(r.deviceId)),
    collection: rows.map((r) => collections.indexOf(r.collection)),
    record: rows.map((r) => recordIds.indexOf(r.recordId)),
    field: rows.map((r) => fields.indexOf(r.field)),
    author: rows.map((r) => authors.indexOf(r.author)),
    seq: rows.map((r) => {
      const step = r.seq - (last.get(r.deviceId) ?? 0);
      last.set(r.deviceId, r.seq);
      return step;
    }),
    hlc: rows.map((r) => r.hlc),
    value: rows.map((r) => r.value),
  };
}

const RANGE = [{ deviceId: 'lagos-laptop-01', fromSeq: 1, toSeq: 100 }];

async function expectCode(
  bytes: Uint8Array,
  code: BundleErrorCode,
  options = openAs(hq),
): Promise<BundleError> {
  const error = await decodeError(bytes, options);
  expect(error?.code, error?.message).toBe(code);
  return error as BundleError;
}

function replaceHeader(bytes: Uint8Array, edit: (h: Record<string, unknown>) => void): Uint8Array {
  const { prefixEnd } = layoutOf(bytes);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(14, prefixEnd))) as Record<
    string,
    unknown
  >;
  edit(header);
  const text = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(14 + text.length + bytes.length - prefixEnd);
  out.set(bytes.subarray(0, 10));
  new DataView(out.buffer).setUint32(10, text.length);
  out.set(text, 14);
  out.set(bytes.subarray(prefixEnd), 14 + text.length);
  return out;
}

beforeAll(async () => {
  ({ sender, hq, lead, stranger } = await makeDevices());
  changes = [1, 2, 3, 4, 5, 6].map((s) => change(s));
  valid = await encodeChanges(sender, [hq, lead], changes, { chunkSize: 64 });
});

describe('each refusal has its own code', () => {
  it('not-a-bundle: a file that is something else, or a header that is not one', async () => {
    await expectCode(new TextEncoder().encode('Name,Post\nAmara,LOS\n'), 'not-a-bundle');
    await expectCode(new Uint8Array(0), 'not-a-bundle');
    await expectCode(
      replaceHeader(valid, (h) => void (h.kind = 'photos')),
      'not-a-bundle',
    );
    await expectCode(
      replaceHeader(valid, (h) => void (h.extra = true)),
      'not-a-bundle',
    );
  });

  it('unsupported-version: a plausible newer format version, with the version to show', async () => {
    for (const version of [2, 7, MAX_PLAUSIBLE_FORMAT_VERSION]) {
      const newer = valid.slice();
      newer[8] = version >> 8;
      newer[9] = version & 0xff;
      const error = await expectCode(newer, 'unsupported-version');
      expect(error.version).toBe(version);
      expect(bundleErrorMessageValues(error)).toEqual({ version });
      expect(() => readBundleHeader(newer)).toThrow(
        expect.objectContaining({ code: 'unsupported-version' }) as Error,
      );
    }
  });

  it('not-a-bundle, not "newer": a format version of 0 or one no app could have written', async () => {
    for (const version of [0, MAX_PLAUSIBLE_FORMAT_VERSION + 1, 0x0101, 0xffff]) {
      const damaged = valid.slice();
      damaged[8] = version >> 8;
      damaged[9] = version & 0xff;
      const error = await expectCode(damaged, 'not-a-bundle');
      expect(error.version).toBeUndefined();
      expect(() => readBundleHeader(damaged)).toThrow(
        expect.objectContaining({ code: 'not-a-bundle' }) as Error,
      );
    }
  });

  it('truncated: a file that ends early, wherever it ends', async () => {
    for (const end of [4, 12, 100, layoutOf(valid).chunks[1]!.start + 3, valid.length - 1])
      await expectCode(valid.slice(0, end), 'truncated');
    expect(() => readBundleHeader(valid.slice(0, 60))).toThrow(
      expect.objectContaining({ code: 'truncated' }) as Error,
    );
  });

  it('header-too-large: a header length over the cap, before reading it', async () => {
    const big = valid.slice(0, 20);
    new DataView(big.buffer).setUint32(10, MAX_HEADER_BYTES + 1);
    await expectCode(big, 'header-too-large');
    expect(() => readBundleHeader(big)).toThrow(
      expect.objectContaining({ code: 'header-too-large' }) as Error,
    );
    const recipients = Array.from({ length: MAX_RECIPIENTS }, (_, i) => ({
      deviceId: `d${i}-${'x'.repeat(60)}`,
      publicKey: hq.encryptionRaw,
    }));
    const input = {
      ...changesInput(sender, [hq], changes),
      ranges: Array.from({ length: KIND_CAPS.changes.ranges - 1 }, (_, i) => ({
        deviceId: sender.deviceId,
        fromSeq: 1_000 + 3 * i,
        toSeq: 1_001 + 3 * i,
      })).concat(RANGE),
      recipients,
    };
    await expect(encodeBundle(input)).rejects.toMatchObject({ code: 'header-too-large' });
  });

  it("invalid-payload: a bundle declaring another device's changes, on writing and reading", async () => {
    // A relay would let one officer's device acknowledge (and so silence) another's changes.
    const foreign = [...RANGE, { deviceId: 'accra-laptop-02', fromSeq: 1, toSeq: 1000 }];
    await expect(
      encodeBundle({ ...changesInput(sender, [hq], changes), ranges: foreign }),
    ).rejects.toMatchObject({
      code: 'invalid-payload',
    });
    const forged = await forge(sender, [hq], { ranges: foreign, text: '' });
    await expectCode(forged, 'invalid-payload');
    expect(() => readBundleHeader(forged)).toThrow(
      expect.objectContaining({ code: 'invalid-payload' }) as Error,
    );
  });

  it('refuses a header claiming billions of chunks with a clean error, never a crash', async () => {
    // Rewrite the header (checked by the signature only at the end): tiny chunks, a huge count.
    const withChunks = (chunkCount: number) => {
      const headerLength = new DataView(valid.buffer, valid.byteOffset).getUint32(10);
      const header = JSON.parse(
        new TextDecoder().decode(valid.subarray(14, 14 + headerLength)),
      ) as { payload: { chunkSize: number; chunkCount: number; compressedBytes: number } };
      header.payload = {
        ...header.payload,
        chunkSize: 16,
        chunkCount,
        compressedBytes: 16 * chunkCount,
      };
      const text = new TextEncoder().encode(JSON.stringify(header));
      const rest = valid.subarray(14 + headerLength);
      const out = new Uint8Array(14 + text.length + rest.length);
      out.set(valid.subarray(0, 10));
      new DataView(out.buffer).setUint32(10, text.length);
      out.set(text, 14);
      out.set(rest, 14 + text.length);
      return out;
    };
    // decodeError fails the test on anything but a BundleError, or on an internal failure.
    expect((await decodeError(streamOf(withChunks(2 ** 40)), openAs(hq)))?.code).toBe(
      'not-a-bundle',
    );
    expect((await decodeError(streamOf(withChunks(2 ** 32 - 1)), openAs(hq)))?.code).toBe(
      'too-many-chunks',
    );
  });

  it('invalid-payload: a signed receipt nested thousands deep, refused without a crash', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const bytes = await forge(sender, [hq], { kind: 'receipt', text: deep });
    expect((await decodeError(bytes, openAs(hq)))?.code).toBe('invalid-payload');
  });

  it('too-many-recipients: more recipients than the cap, on writing and on reading', async () => {
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => ({
      deviceId: `device-${i}`,
      publicKey: hq.encryptionRaw,
    }));
    await expect(
      encodeBundle({ ...changesInput(sender, [hq], changes), recipients: many }),
    ).rejects.toMatchObject({ code: 'too-many-recipients' });
    const crowded = replaceHeader(valid, (h) => {
      const list = h.recipients as unknown[];
      h.recipients = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => ({
        ...(list[0] as object),
        deviceId: `device-${i}`,
      }));
    });
    await expectCode(crowded, 'too-many-recipients');
  });

  it('not-addressed-to-me: another device, another network, or keys this device no longer holds', async () => {
    await expectCode(valid, 'not-addressed-to-me', openAs(stranger));
    await expectCode(valid, 'not-addressed-to-me', openAs(hq, { networkId: 'east-africa' }));
    const renewed = await makeDevice('hq-desktop');
    await expectCode(valid, 'not-addressed-to-me', openAs(renewed));
    await expectCode(
      valid,
      'not-addressed-to-me',
      openAs(renewed, { recipientPublicKey: renewed.encryptionRaw }),
    );
    expect(
      (
        await decodeBundle(
          valid,
          openAs(hq, {
            networkId: 'west-africa',
            recipientPublicKey: hq.keys.encryption.publicKey,
          }),
        )
      ).kind,
    ).toBe('changes');
  });

  it('bad-signature: a signature that does not match the file', async () => {
    const forged = valid.slice();
    forged[forged.length - 10]! ^= 0x40;
    await expectCode(forged, 'bad-signature');
  });

  it('bad-signature wins over a malformed payload: nothing of an unsigned payload is looked at', async () => {
    const junk = await forge(sender, [hq], { text: 'this is not JSON' });
    const broken = junk.slice();
    broken[broken.length - 1]! ^= 1;
    await expectCode(broken, 'bad-signature');
    await expectCode(junk, 'invalid-payload');
  });

  it('signer-mismatch: signed with a key other than the one the app holds for the sender', async () => {
    const impostor = await makeDevice('lagos-laptop-01');
    const forgedSender = await encodeChanges(impostor, [hq], changes);
    await expectCode(
      forgedSender,
      'signer-mismatch',
      openAs(hq, { expectedSenderSigningKey: sender.signingRaw }),
    );
    await expectCode(
      forgedSender,
      'signer-mismatch',
      openAs(hq, { expectedSenderSigningKey: sender.keys.signing.publicKey }),
    );
    expect(
      (
        await decodeBundle(
          forgedSender,
          openAs(hq, { expectedSenderSigningKey: impostor.signingRaw }),
        )
      ).kind,
    ).toBe('changes');
  });

  it("refuses a header that claims the expected sender key over another key's signature", async () => {
    const impostor = await makeDevice('lagos-laptop-01');
    const signed = await encodeChanges(impostor, [hq], changes);
    // Claim the real sender's key in the header: the payload key no longer matches either.
    const claimed = replaceHeader(
      signed,
      (h) =>
        void ((h.senderKeys as Record<string, string>).signing = Buffer.from(
          sender.signingRaw,
        ).toString('base64url')),
    );
    const error = await decodeError(
      claimed,
      openAs(hq, { expectedSenderSigningKey: sender.signingRaw }),
    );
    expect(error?.code).toMatch(/payload-altered|bad-signature/);
  });

  it('payload-altered: chunks reordered, or bytes added after the signature', async () => {
    const { chunks } = layoutOf(valid);
    const [a, b] = [chunks[0]!, chunks[1]!];
    const swapped = valid.slice();
    swapped.set(valid.subarray(b.start, b.end), a.start);
    swapped.set(valid.subarray(a.start, a.end), b.start);
    await expectCode(swapped, 'payload-altered');
    const longer = new Uint8Array(valid.length + 1);
    longer.set(valid);
    await expectCode(longer, 'payload-altered');
  });

  it('too-large-when-inflated: a payload over the cap, said so in the header', async () => {
    const big = await encodeJson(sender, [hq], 'profile', { notes: 'a'.repeat(200_000) });
    await expectCode(big, 'too-large-when-inflated', openAs(hq, { maxInflatedBytes: 100_000 }));
    await expect(
      encodeJson(sender, [hq], 'profile', { notes: 'a'.repeat(2000) }, { maxInflatedBytes: 1000 }),
    ).rejects.toMatchObject({ code: 'too-large-when-inflated' });
  });

  it('too-large-when-inflated: a decompression bomb whose header lies about its size', async () => {
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024));
    const bytes = await forge(sender, [hq], {
      kind: 'profile',
      compressed: bomb,
      inflatedBytes: 1000,
      chunkSize: 64 * 1024,
    });
    expect(bytes.length).toBeLessThan(200_000);
    await expectCode(bytes, 'too-large-when-inflated');
  }, 30_000);

  it('invalid-change: names the first change that fails the schema, on reading and on writing', async () => {
    const rows = [change(1), change(2), change(3, { seq: 0 }), change(4, { field: '' })];
    const text = JSON.stringify(columns(rows));
    const bytes = await forge(sender, [hq], {
      text,
      counts: { changes: 4, records: 2 },
      ranges: RANGE,
    });
    const error = await expectCode(bytes, 'invalid-change');
    expect(error.changeIndex).toBe(2);
    expect(bundleErrorMessageValues(error)).toEqual({ index: 3 });
    await expect(
      encodeChanges(sender, [hq], [change(1), { ...change(2), hlc: '' }]),
    ).rejects.toMatchObject({ code: 'invalid-change', changeIndex: 1 });
  });

  it('invalid-change: a change outside the sequence ranges the header declares', async () => {
    const rows = [change(1), change(2), change(300)];
    const bytes = await forge(sender, [hq], {
      text: JSON.stringify(columns(rows)),
      counts: { changes: 3, records: 1 },
      ranges: RANGE,
    });
    expect((await expectCode(bytes, 'invalid-change')).changeIndex).toBe(2);
    const input = { ...changesInput(sender, [hq], rows), ranges: RANGE };
    await expect(encodeBundle(input)).rejects.toMatchObject({
      code: 'invalid-change',
      changeIndex: 2,
    });
  });

  it('invalid-payload: contents that are not what the header says', async () => {
    const rows = [change(1), change(2)];
    const cases: {
      text: string;
      counts: { changes: number; records: number };
      kind?: 'changes' | 'receipt';
    }[] = [
      { text: 'not json', counts: { changes: 0, records: 0 } },
      { text: JSON.stringify(columns(rows)), counts: { changes: 3, records: 1 } },
      { text: JSON.stringify(columns(rows)), counts: { changes: 2, records: 2 } },
      { text: JSON.stringify({ ...columns(rows), extra: [] }), counts: { changes: 2, records: 1 } },
      {
        text: JSON.stringify({ ...columns(rows), record: [0, 5] }),
        counts: { changes: 2, records: 1 },
      },
      {
        text: JSON.stringify({ ...columns(rows), recordIds: ['act-1', 'act-1'] }),
        counts: { changes: 2, records: 1 },
      },
      { text: '{"a":1e999}', counts: { changes: 0, records: 0 }, kind: 'receipt' },
    ];
    for (const c of cases) {
      const bytes = await forge(sender, [hq], {
        text: c.text,
        counts: c.counts,
        // A receipt covers no sequence ranges (its cap is 0).
        ranges: c.kind === 'receipt' ? [] : RANGE,
        kind: c.kind ?? 'changes',
      });
      await expectCode(bytes, 'invalid-payload');
    }
    const notDeflate = await forge(sender, [hq], {
      kind: 'receipt',
      compressed: new Uint8Array([0xff, 0xff, 0xff, 0xff]),
      inflatedBytes: 10,
    });
    await expectCode(notDeflate, 'invalid-payload');
    const notUtf8 = await forge(sender, [hq], {
      kind: 'receipt',
      compressed: deflateSync(new Uint8Array([0x22, 0xc3, 0x28, 0x22])),
      inflatedBytes: 4,
    });
    await expectCode(notUtf8, 'invalid-payload');
    const shortOfHeader = await forge(sender, [hq], {
      kind: 'receipt',
      text: '{}',
      inflatedBytes: 3,
    });
    await expectCode(shortOfHeader, 'invalid-payload');
  });

  it('never returns part of a bundle: a stream that stops at the last byte gives nothing', async () => {
    const bytes = await encodeChanges(
      sender,
      [hq],
      fc.sample(changeArb, { numRuns: 40, seed: 8 }),
      { chunkSize: 64 },
    );
    let progressed = 0;
    const cut = streamOf(bytes.slice(0, bytes.length - 1), [100, 500, 900]);
    await expect(
      decodeBundle(cut, openAs(hq, { onProgress: () => progressed++ })),
    ).rejects.toMatchObject({ code: 'truncated' });
    expect(progressed).toBeGreaterThan(3);
  });

  it('reports a whole file whose length disagrees with its header before any decryption', async () => {
    let progressed = 0;
    await expect(
      decodeBundle(
        valid.slice(0, valid.length - 1),
        openAs(hq, { onProgress: () => progressed++ }),
      ),
    ).rejects.toMatchObject({ code: 'truncated' });
    await expect(
      decodeBundle(Uint8Array.from([...valid, 0]), openAs(hq, { onProgress: () => progressed++ })),
    ).rejects.toMatchObject({ code: 'payload-altered' });
    expect(progressed).toBe(0);
  });

  it('refuses misuse when writing with ordinary errors, not bundle errors', async () => {
    await expect(
      encodeBundle({ ...changesInput(sender, [hq], changes), recipients: [] }),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(
      encodeBundle({ ...changesInput(sender, [hq, hq], changes) }),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(
      encodeBundle({ ...changesInput(sender, [hq], changes), bundleId: 'has spaces' }),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(
      encodeBundle({ ...changesInput(sender, [hq], changes), chunkSize: 8 }),
    ).rejects.toBeInstanceOf(RangeError);
    await expect(
      encodeBundle({
        ...changesInput(sender, [hq], changes),
        signingKey: lead.keys.signing.privateKey,
      }),
    ).rejects.toBeInstanceOf(TypeError);
  });
});

describe('bundle error messages', () => {
  it('has an i18n key per code', () => {
    expect(bundleErrorMessageKey('bad-signature')).toBe('bundle.error.bad-signature');
    expect(new Set(BUNDLE_ERROR_CODES.map(bundleErrorMessageKey)).size).toBe(
      BUNDLE_ERROR_CODES.length,
    );
  });

  it('has a sentence for every code in English and in French, and no other', () => {
    for (const lang of ['en', 'fr'] as const) {
      const messages = bundleMessages[lang].bundle.error;
      expect(Object.keys(messages).sort()).toEqual([...BUNDLE_ERROR_CODES].sort());
      for (const code of BUNDLE_ERROR_CODES) expect(messages[code].length).toBeGreaterThan(20);
    }
  });

  it('uses the same placeholders in both languages, and translates every sentence', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const code of BUNDLE_ERROR_CODES) {
      const en = bundleMessages.en.bundle.error[code];
      const fr = bundleMessages.fr.bundle.error[code];
      expect(placeholders(fr), code).toEqual(placeholders(en));
      expect(fr, code).not.toBe(en);
    }
    expect(bundleMessages.en.bundle.error['invalid-change']).toContain('{{index}}');
    expect(bundleMessages.fr.bundle.error['unsupported-version']).toContain('{{version}}');
  });

  it('keeps a BundleError recognisable across realms by its name and code', () => {
    const e = new BundleError('truncated', 'cut');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('BundleError');
    expect(e.code).toBe('truncated');
    expect(e.message).toBe('truncated: cut');
  });
});
