// HQ's signature on the network profile: what a device accepts, what it refuses and with
// which code, and the profile file that carries it.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DeviceKeys, generateDeviceKeys } from '../../../shared/bundle/index.ts';
import { type Json } from '../../../shared/sync/change.ts';
import {
  type NetworkProfile,
  type SignedProfile,
  ProfileError,
  decodeProfileFile,
  encodeProfileFile,
  makeDemoNetwork,
  publicKeyText,
  signProfile,
  verifyProfile,
} from '../../../shared/identity/index.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let hq: DeviceKeys;
let forger: DeviceKeys;
let v1: NetworkProfile;
let signedV1: SignedProfile;

beforeAll(async () => {
  hq = await generateDeviceKeys();
  forger = await generateDeviceKeys();
  v1 = await makeDemoNetwork({ hqKeys: hq, now: NOW });
  signedV1 = await signProfile(v1, hq.signing.privateKey);
});

function nextVersion(p: NetworkProfile, change: Partial<NetworkProfile> = {}): NetworkProfile {
  return { ...p, version: p.version + 1, issuedAt: '2026-04-01T00:00:00Z', ...change };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const e: unknown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(e instanceof ProfileError)) throw new Error(`expected a ProfileError, got ${String(e)}`);
  return e.code;
}

/** A deep copy through JSON, as the profile would come out of a file. */
function asJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

describe('signing and verifying a profile', () => {
  it('accepts a profile signed by the HQ key it names, on first run', async () => {
    expect(await verifyProfile(signedV1)).toEqual(v1);
  });

  it('accepts it whatever the order of its keys, since the signature covers canonical JSON', async () => {
    const reorder = (v: Json): Json =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reorder(x)]),
          )
        : Array.isArray(v)
          ? v.map(reorder)
          : v;
    const profile = reorder(asJson(signedV1.profile));
    await expect(verifyProfile({ profile, signature: signedV1.signature })).resolves.toEqual(v1);
  });

  it('refuses to sign with a key other than the HQ key the profile names', async () => {
    expect(await refusal(signProfile(v1, forger.signing.privateKey))).toBe('bad-signature');
  });

  it('refuses to sign a profile that is not consistent', async () => {
    const broken = { ...v1, leads: [{ officerId: 'lead-x', name: 'X', posts: ['ZZZ'] }] };
    expect(await refusal(signProfile(broken, hq.signing.privateKey))).toBe('invalid');
  });

  it('refuses any change to any field, key or signature after signing', async () => {
    const original = asJson(signedV1) as { profile: Json; signature: string };
    const leaves = leafPaths(original);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: leaves.length - 1 }),
        fc.constantFrom('change', 'delete', 'add-sibling'),
        async (index, how) => {
          const path = leaves[index] ?? [];
          // A member added beside the signature is outside what is signed, and ignored.
          fc.pre(!(path.length === 1 && how === 'add-sibling'));
          const copy = asJson(original);
          mutate(copy, path, how);
          const code = await refusal(verifyProfile(copy));
          // A changed signature may no longer even be text; everything else is a bad signature.
          expect(['bad-signature', 'not-a-profile']).toContain(code);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('accepting a new version', () => {
  it('accepts a newer version from the same HQ', async () => {
    const v2 = nextVersion(v1, { policy: { idleLockMinutes: 5, sensitiveRetentionDays: 30 } });
    const signed = await signProfile(v2, hq.signing.privateKey);
    expect((await verifyProfile(signed, { current: v1 })).version).toBe(2);
  });

  it('refuses an older version', async () => {
    const v2 = nextVersion(v1);
    expect(await refusal(verifyProfile(signedV1, { current: v2 }))).toBe('older-version');
  });

  it('accepts the same version with the same content as a no-op, and refuses other content', async () => {
    const same = await verifyProfile(signedV1, { current: v1 });
    expect(same.version).toBe(v1.version);
    const other = await signProfile({ ...v1, demo: false }, hq.signing.privateKey);
    expect(await refusal(verifyProfile(other, { current: v1 }))).toBe(
      'same-version-different-content',
    );
  });

  it('refuses a profile of another network, even a newer one', async () => {
    const elsewhere = nextVersion(v1, { networkId: 'another-network' });
    const signed = await signProfile(elsewhere, hq.signing.privateKey);
    expect(await refusal(verifyProfile(signed, { current: v1 }))).toBe('other-network');
  });

  it('refuses a newer profile that names another HQ key, though validly signed by it', async () => {
    const hqKey = await publicKeyText(forger.signing);
    const hijacked = nextVersion(v1, {
      hq: { ...v1.hq, signingKey: hqKey },
      devices: v1.devices.map((d) => (d.role === 'hq' ? { ...d, signingKey: hqKey } : d)),
    });
    const signed = await signProfile(hijacked, forger.signing.privateKey);
    await expect(verifyProfile(signed)).resolves.toBeDefined();
    expect(await refusal(verifyProfile(signed, { current: v1 }))).toBe('hq-key-changed');
    expect(
      await refusal(verifyProfile(signed, { expectedHqSigningKey: hq.signing.publicKey })),
    ).toBe('hq-key-changed');
  });

  it('refuses a profile naming the trusted HQ key but signed by another', async () => {
    const forged = { profile: nextVersion(v1), signature: signedV1.signature };
    expect(await refusal(verifyProfile(forged, { current: v1 }))).toBe('bad-signature');
  });
});

describe('the profile file', () => {
  it('round-trips a signed profile as readable JSON naming what it is', async () => {
    const bytes = encodeProfileFile(signedV1);
    const text = new TextDecoder().decode(bytes);
    expect(text).toMatch(/^\{\n {2}"magic": "liaison-log\/network-profile",\n {2}"fileFormat": 1,/);
    expect(await verifyProfile(decodeProfileFile(bytes))).toEqual(v1);
  });

  it('refuses what is not a profile file with not-a-profile', () => {
    const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const bundleStart = Uint8Array.of(0x89, 0x4c, 0x4c, 0x42, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1);
    const samples: Uint8Array[] = [
      crypto.getRandomValues(new Uint8Array(2048)),
      bundleStart,
      new Uint8Array(0),
      json({ profile: signedV1.profile, signature: signedV1.signature }),
      json({ magic: 'liaison-log/enrollment', fileFormat: 1, card: {} }),
      json({ magic: 'liaison-log/network-profile', fileFormat: 1 }),
      json([1, 2, 3]),
      new Uint8Array(5 * 1024 * 1024 + 1).fill(0x20),
    ];
    for (const bytes of samples) {
      expect(() => decodeProfileFile(bytes)).toThrow(
        expect.objectContaining({ code: 'not-a-profile' }),
      );
    }
  });

  it('says a file from a newer app is newer, not broken', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ magic: 'liaison-log/network-profile', fileFormat: 2, profile: {} }),
    );
    expect(() => decodeProfileFile(bytes)).toThrow(
      expect.objectContaining({ code: 'newer-format' }),
    );
  });

  it('refuses an object that is not a signed profile with not-a-profile', async () => {
    for (const value of [null, 'text', [], { profile: [], signature: 'x' }, { profile: {} }]) {
      expect(await refusal(verifyProfile(value))).toBe('not-a-profile');
    }
  });
});

type Path = readonly (string | number)[];

/** Every leaf (and every object key) of a JSON value, as a path from the root. */
function leafPaths(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  }
  return [path];
}

function changed(value: Json): Json {
  if (typeof value === 'string') return value.length > 0 ? `${value.slice(0, -1)}~` : 'x';
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return 0;
}

/** Changes, deletes or adds next to the leaf at `path`, in place. */
function mutate(root: Json, path: Path, how: 'change' | 'delete' | 'add-sibling'): void {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  let parent = root as Record<string | number, Json>;
  for (const step of parentPath) parent = parent[step] as Record<string | number, Json>;
  if (last === undefined) return;
  const leaf = parent[last] as Json;
  if (how === 'change') parent[last] = changed(leaf);
  else if (how === 'delete' && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (how === 'delete') delete parent[last];
  else if (Array.isArray(parent)) parent.push(leaf);
  else parent[`${String(last)}Extra`] = leaf;
}
