// Sealed field values: AES-256-GCM under the data key, bound to one record and one field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../shared/bundle/bytes.ts';
import { type Json } from '../../../shared/sync/change.ts';
import {
  VaultError,
  createVault,
  decryptField,
  encryptField,
  isSealed,
} from '../../../shared/vault/index.ts';

const ctx = { recordId: 'act-1', field: 'travellerName' };
const { dataKey } = await createVault({ passphrase: 'p', unsafeIterationsForTests: 1_000 });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const e: unknown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(VaultError);
  return (e as VaultError).code;
}

/** Replaces part `index` (0 = version) of a sealed value, byte `at` flipped. */
function flipPart(sealed: string, index: number, at = 0): string {
  const parts = sealed.split('.');
  const bytes = fromBase64Url(parts[index]!)!;
  bytes[at] = (bytes[at] as number) ^ 0x80;
  parts[index] = toBase64Url(bytes);
  return parts.join('.');
}

describe('sealing a field', () => {
  it('round-trips a name and gives a different ciphertext every time', async () => {
    const a = await encryptField(dataKey, 'Éloïse Gagnon-Nguyễn', ctx);
    const b = await encryptField(dataKey, 'Éloïse Gagnon-Nguyễn', ctx);
    expect(a).toMatch(/^v1\.[\w-]{8}\.[\w-]{16}\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Gagnon');
    expect(await decryptField(dataKey, a, ctx)).toBe('Éloïse Gagnon-Nguyễn');
  });

  it('shows a value’s length only to the nearest 32 bytes', async () => {
    const short = await encryptField(dataKey, 'Li', ctx);
    const longer = await encryptField(dataKey, 'Maximilian Oberhausen', ctx);
    expect(short.length).toBe(longer.length);
  });

  it('is recognised as sealed, while plain values are not', async () => {
    expect(isSealed(await encryptField(dataKey, null, ctx))).toBe(true);
    for (const v of ['Jean', 'v1.abc', '', 42, null, { a: 1 }]) expect(isSealed(v)).toBe(false);
  });
});

describe('refusing a sealed field', () => {
  it('refuses a value moved to another record or another field', async () => {
    const sealed = await encryptField(dataKey, '1980-02-29', ctx);
    expect(await refusal(decryptField(dataKey, sealed, { ...ctx, recordId: 'act-2' }))).toBe(
      'wrong-context',
    );
    expect(await refusal(decryptField(dataKey, sealed, { ...ctx, field: 'notes' }))).toBe(
      'wrong-context',
    );
  });

  it('still refuses a moved value whose visible tag was rewritten to fit', async () => {
    const here = await encryptField(dataKey, 'secret', ctx);
    const there = { recordId: 'act-2', field: 'travellerName' };
    const tagThere = (await encryptField(dataKey, 0, there)).split('.')[1]!;
    const parts = here.split('.');
    parts[1] = tagThere;
    expect(await refusal(decryptField(dataKey, parts.join('.'), there))).toBe('corrupt');
  });

  it('refuses a tampered ciphertext, IV or authentication tag as corrupt', async () => {
    const sealed = await encryptField(dataKey, { passport: 'AB123456' }, ctx);
    const ctBytes = fromBase64Url(sealed.split('.')[3]!)!.length;
    for (const damaged of [
      flipPart(sealed, 3),
      flipPart(sealed, 2),
      flipPart(sealed, 3, ctBytes - 1),
    ])
      expect(await refusal(decryptField(dataKey, damaged, ctx))).toBe('corrupt');
    expect(await refusal(decryptField(dataKey, sealed.slice(0, -4), ctx))).toBe('corrupt');
  });

  it('refuses a value sealed under another vault’s key as corrupt', async () => {
    const other = await createVault({ passphrase: 'q', unsafeIterationsForTests: 1_000 });
    const sealed = await encryptField(other.dataKey, 'x', ctx);
    expect(await refusal(decryptField(dataKey, sealed, ctx))).toBe('corrupt');
  });

  it('refuses what is not a sealed value, and names a newer version', async () => {
    for (const text of ['Jean Tremblay', '', 'v1..', 'v1.AAAA.AAAA.AAAA'])
      expect(await refusal(decryptField(dataKey, text, ctx))).toBe('corrupt');
    const newer = (await encryptField(dataKey, 1, ctx)).replace(/^v1\./, 'v2.');
    expect(isSealed(newer)).toBe(true);
    await expect(decryptField(dataKey, newer, ctx)).rejects.toMatchObject({
      code: 'unsupported-version',
      version: 2,
    });
  });

  it('refuses an empty record id or field name as a programming error', async () => {
    await expect(encryptField(dataKey, 1, { recordId: '', field: 'notes' })).rejects.toThrow(
      TypeError,
    );
  });
});

describe('sealing any JSON value', () => {
  it('round-trips arbitrary JSON in its own context', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue() as fc.Arbitrary<Json>,
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        async (value, recordId, field) => {
          const context = { recordId, field };
          const sealed = await encryptField(dataKey, value, context);
          expect(isSealed(sealed)).toBe(true);
          // JSON has no -0: what comes back is the value's JSON meaning (-0 reads as 0).
          const asJson = JSON.parse(JSON.stringify(value)) as Json;
          expect(await decryptField(dataKey, sealed, context)).toEqual(asJson);
        },
      ),
      { numRuns: 200 },
    );
  });
});
