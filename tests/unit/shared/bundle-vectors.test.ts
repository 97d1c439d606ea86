// The committed v1 vectors must decode the same way forever: this is what keeps old bundles
// readable. A second, independent reader (node:crypto, written from docs/bundle-format.md)
// checks that the document describes the bytes exactly.
import {
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  verify,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeBundle,
  importPrivateKeyJwk,
  readBundleHeader,
} from '../../../shared/bundle/index.ts';
import {
  type TestKeys,
  type VectorEntry,
  headerJson,
} from '../../fixtures/bundles/make-vectors.ts';

const dir = join(import.meta.dirname, '../../fixtures/bundles');
const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as TestKeys;
const vectors = JSON.parse(readFileSync(join(dir, 'vectors.json'), 'utf8')) as VectorEntry[];
const read = (file: string) => new Uint8Array(readFileSync(join(dir, file)));

describe('v1 test vectors', () => {
  it('has vectors for every kind and for refusals', () => {
    expect(vectors.map((v) => v.file)).toEqual(
      expect.arrayContaining([
        'v1-changes.llb',
        'v1-changes-empty.llb',
        'v1-receipt.llb',
        'v1-profile.llb',
        'v1-bad-signature.llb',
        'v1-truncated.llb',
      ]),
    );
  });

  for (const vector of vectors) {
    it(`decodes ${vector.file} (${vector.description}) as recorded`, async () => {
      const bytes = read(vector.file);
      const options = {
        recipientDeviceId: vector.openAs,
        recipientPrivateKey: await importPrivateKeyJwk(
          keys.devices[vector.openAs].encryption,
          'encryption',
        ),
        expectedSenderSigningKey: Buffer.from(
          keys.devices[vector.sender].signing.x ?? '',
          'base64url',
        ),
      };
      if (typeof vector.expected !== 'string') {
        await expect(decodeBundle(bytes, options)).rejects.toMatchObject({
          code: vector.expected.error,
        });
        return;
      }
      const expected = JSON.parse(readFileSync(join(dir, vector.expected), 'utf8')) as {
        header: unknown;
        payload: unknown;
      };
      const decoded = await decodeBundle(bytes, options);
      expect(headerJson(decoded.header)).toEqual(expected.header);
      expect(decoded.payload).toEqual(expected.payload);
      expect(headerJson(readBundleHeader(bytes))).toEqual(expected.header);
    });
  }
});

/** A reader that follows docs/bundle-format.md step by step, sharing no code with the codec. */
function independentDecode(
  file: Uint8Array,
  me: string,
  myKey: JsonWebKey,
): { header: Record<string, unknown>; text: string } {
  const buf = Buffer.from(file);
  expect(
    buf.subarray(0, 8).equals(Buffer.from([0x89, 0x4c, 0x4c, 0x42, 0x0d, 0x0a, 0x1a, 0x0a])),
  ).toBe(true);
  expect(buf.readUInt16BE(8)).toBe(1);
  const headerLength = buf.readUInt32BE(10);
  const prefix = buf.subarray(0, 14 + headerLength);
  const header = JSON.parse(prefix.subarray(14).toString('utf8')) as {
    senderKeys: { signing: string };
    payload: {
      chunkSize: number;
      chunkCount: number;
      compressedBytes: number;
      keyCommitment: string;
    };
    recipients: { deviceId: string; publicKey: string; ephemeralKey: string; wrappedKey: string }[];
  };
  const b64 = (s: string) => Buffer.from(s, 'base64url');

  // The recipient stanza: X25519, HKDF-SHA-256(salt = ephemeral || recipient), AES-256-GCM, zero nonce.
  const stanza = header.recipients.find((r) => r.deviceId === me);
  if (!stanza) throw new Error('not addressed to me');
  const ephemeral = createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: stanza.ephemeralKey },
    format: 'jwk',
  });
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: myKey as never, format: 'jwk' }),
    publicKey: ephemeral,
  });
  const wrapKey = Buffer.from(
    hkdfSync(
      'sha256',
      shared,
      Buffer.concat([b64(stanza.ephemeralKey), b64(stanza.publicKey)]),
      'liaison-log/bundle/v1/X25519',
      32,
    ),
  );
  const wrapped = b64(stanza.wrappedKey);
  const unwrap = createDecipheriv('aes-256-gcm', wrapKey, Buffer.alloc(12));
  unwrap.setAuthTag(wrapped.subarray(32));
  const contentKey = Buffer.concat([unwrap.update(wrapped.subarray(0, 32)), unwrap.final()]);

  const commitment = Buffer.from(
    hkdfSync('sha256', contentKey, Buffer.alloc(0), 'liaison-log/bundle/v1/key-commitment', 32),
  );
  expect(commitment.equals(b64(header.payload.keyCommitment))).toBe(true);
  const headerDigest = createHash('sha256').update(prefix).digest();
  const payloadKey = Buffer.from(
    hkdfSync('sha256', contentKey, headerDigest, 'liaison-log/bundle/v1/payload', 32),
  );

  // Chunks: 11-byte big-endian counter and a last-chunk byte as the nonce; tag after each chunk.
  const { chunkSize, chunkCount, compressedBytes } = header.payload;
  let at = prefix.length;
  const compressed: Buffer[] = [];
  const digests: Buffer[] = [];
  for (let i = 0; i < chunkCount; i++) {
    const last = i === chunkCount - 1;
    const plainLength = last ? compressedBytes - chunkSize * (chunkCount - 1) : chunkSize;
    const sealed = buf.subarray(at, at + plainLength + 16);
    at += sealed.length;
    digests.push(createHash('sha256').update(sealed).digest());
    const nonce = Buffer.alloc(12);
    nonce.writeUIntBE(i, 5, 6);
    nonce[11] = last ? 1 : 0;
    const d = createDecipheriv('aes-256-gcm', payloadKey, nonce);
    d.setAuthTag(sealed.subarray(plainLength));
    compressed.push(d.update(sealed.subarray(0, plainLength)), d.final());
  }

  // Signature: Ed25519 over context || 0x00 || SHA-256(prefix || chunk digests), then end of file.
  const signature = buf.subarray(at, at + 64);
  expect(at + 64).toBe(buf.length);
  const transcript = createHash('sha256')
    .update(Buffer.concat([prefix, ...digests]))
    .digest();
  const message = Buffer.concat([
    Buffer.from('liaison-log/bundle/v1/signature'),
    Buffer.from([0]),
    transcript,
  ]);
  const signer = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: header.senderKeys.signing },
    format: 'jwk',
  });
  expect(verify(null, message, signer, signature)).toBe(true);
  return {
    header: header,
    text: inflateRawSync(Buffer.concat(compressed)).toString('utf8'),
  };
}

describe('the format document', () => {
  it('is enough to write a reader that opens the vectors', async () => {
    for (const vector of vectors) {
      if (typeof vector.expected !== 'string') continue;
      const { text } = independentDecode(
        read(vector.file),
        vector.openAs,
        keys.devices[vector.openAs].encryption,
      );
      const expected = JSON.parse(readFileSync(join(dir, vector.expected), 'utf8')) as {
        payload: unknown;
      };
      const bytes = read(vector.file);
      const decoded = await decodeBundle(bytes, {
        recipientDeviceId: vector.openAs,
        recipientPrivateKey: await importPrivateKeyJwk(
          keys.devices[vector.openAs].encryption,
          'encryption',
        ),
      });
      if (decoded.kind !== 'changes') expect(JSON.parse(text)).toEqual(expected.payload);
      else {
        // Columns: dictionaries, per-row indexes, per-device seq steps, stamps, values.
        const c = JSON.parse(text) as Record<string, unknown[]>;
        const last = new Map<number, number>();
        const rows = c.device!.map((d, i) => {
          const seq = (last.get(d as number) ?? 0) + (c.seq![i] as number);
          last.set(d as number, seq);
          return {
            deviceId: c.deviceIds![d as number],
            seq,
            hlc: c.hlc![i],
            collection: c.collections![c.collection![i] as number],
            recordId: c.recordIds![c.record![i] as number],
            field: c.fields![c.field![i] as number],
            value: c.value![i],
            author: c.authors![c.author![i] as number],
          };
        });
        expect(rows).toEqual(expected.payload);
      }
    }
  });
});
