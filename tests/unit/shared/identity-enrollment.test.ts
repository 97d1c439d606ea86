// Device enrollment and approval: the self-signed card, HQ adding it to a new profile
// version, the scope each role gets, and the code people read to each other by phone.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeviceKeys,
  exportPublicKey,
  fingerprint,
  generateDeviceKeys,
} from '../../../shared/bundle/index.ts';
import {
  type DeviceCard,
  type NetworkProfile,
  ProfileError,
  approveDevice,
  decodeEnrollmentFile,
  encodeEnrollmentFile,
  fingerprintCode,
  makeDemoNetwork,
  makeEnrollment,
  publicKeyText,
  sameFingerprintCode,
  scopeOf,
  verifyEnrollment,
} from '../../../shared/identity/index.ts';

const APPROVED_AT = '2026-03-05T14:00:00Z';
let demo: NetworkProfile;
let laptop: DeviceKeys;
let card: DeviceCard;

async function cardFor(keys: DeviceKeys, fields: Partial<DeviceCard> = {}): Promise<DeviceCard> {
  return {
    deviceId: 'bog-laptop-1',
    officerId: 'lo-bogota-1',
    name: 'Sofía Herrera',
    role: 'officer',
    postCode: 'BOG',
    signingKey: await publicKeyText(keys.signing),
    encryptionKey: await publicKeyText(keys.encryption),
    createdAt: '2026-03-04T08:30:00-05:00',
    ...fields,
  };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof ProfileError) return e.code;
    throw e;
  }
  return undefined;
}

beforeAll(async () => {
  demo = await makeDemoNetwork({
    hqKeys: await generateDeviceKeys(),
    now: new Date('2026-03-02T10:00:00Z'),
  });
  laptop = await generateDeviceKeys();
  card = await cardFor(laptop);
});

describe('enrollment', () => {
  it('is self-signed: the card checks out against its own key, also through the file', async () => {
    const signed = await makeEnrollment(card, laptop.signing.privateKey);
    expect(await verifyEnrollment(signed)).toEqual(card);
    const bytes = encodeEnrollmentFile(signed);
    expect(await verifyEnrollment(decodeEnrollmentFile(bytes))).toEqual(card);
  });

  it('refuses a card whose any field was changed after signing', async () => {
    const signed = await makeEnrollment(card, laptop.signing.privateKey);
    const other = await generateDeviceKeys();
    const tampered: Partial<DeviceCard>[] = [
      { postCode: 'MEX' },
      { officerId: 'lo-bogota-2' },
      { encryptionKey: await publicKeyText(other.encryption) },
      { signingKey: await publicKeyText(other.signing) },
    ];
    for (const change of tampered) {
      await expect(
        verifyEnrollment({ card: { ...signed.card, ...change }, signature: signed.signature }),
      ).rejects.toMatchObject({ code: 'bad-enrollment-signature' });
    }
  });

  it('refuses to sign a card with another device’s key', async () => {
    const other = await generateDeviceKeys();
    await expect(makeEnrollment(card, other.signing.privateKey)).rejects.toMatchObject({
      code: 'bad-enrollment-signature',
    });
  });

  it('refuses a file that is not an enrollment', () => {
    const profileFile = new TextEncoder().encode('{"magic":"liaison-log/network-profile"}');
    expect(codeOf(() => decodeEnrollmentFile(profileFile))).toBe('not-an-enrollment');
    expect(codeOf(() => decodeEnrollmentFile(new Uint8Array([0xff, 0x00])))).toBe(
      'not-an-enrollment',
    );
  });
});

describe('approving a device and its scope', () => {
  it('gives an approved officer its own post, in a new profile version', () => {
    const next = approveDevice(demo, card, APPROVED_AT);
    expect(next.version).toBe(demo.version + 1);
    expect(next.issuedAt).toBe(APPROVED_AT);
    expect(scopeOf(next, 'bog-laptop-1')).toEqual({
      role: 'officer',
      officerId: 'lo-bogota-1',
      postCode: 'BOG',
    });
    expect(scopeOf(demo, 'bog-laptop-1')).toBeUndefined();
  });

  it('gives a lead the posts the leads list says, and HQ its user id', async () => {
    const leadKeys = await generateDeviceKeys();
    const leadCard = await cardFor(leadKeys, {
      deviceId: 'lead-europe-laptop',
      officerId: 'lead-europe',
      role: 'lead',
      postCode: undefined,
      posts: ['LON', 'PAR'],
    });
    const hqKeys = await generateDeviceKeys();
    const hqCard = await cardFor(hqKeys, {
      deviceId: 'hq-desk-2',
      officerId: 'hq-ottawa',
      role: 'hq',
      postCode: undefined,
    });
    const next = approveDevice(approveDevice(demo, leadCard, APPROVED_AT), hqCard, APPROVED_AT);
    const europe = demo.leads.find((l) => l.officerId === 'lead-europe')?.posts;
    expect(scopeOf(next, 'lead-europe-laptop')).toEqual({
      role: 'lead',
      officerId: 'lead-europe',
      posts: europe,
    });
    expect(scopeOf(next, 'hq-desk-2')).toEqual({ role: 'hq', userId: 'hq-ottawa' });
  });

  it('refuses a device id already approved with other keys (key-changed)', async () => {
    const next = approveDevice(demo, card, APPROVED_AT);
    const stolen = await cardFor(await generateDeviceKeys());
    expect(codeOf(() => approveDevice(next, stolen, APPROVED_AT))).toBe('key-changed');
    const moved = approveDevice(next, { ...card, postCode: 'MEX' }, APPROVED_AT);
    expect(scopeOf(moved, card.deviceId)).toMatchObject({ postCode: 'MEX' });
    expect(moved.devices).toHaveLength(next.devices.length);
  });

  it('refuses a card asking for more than HQ granted', async () => {
    const keys = await generateDeviceKeys();
    const cases: [Partial<DeviceCard>, string][] = [
      [{ postCode: 'ZZZ' }, 'unknown-post'],
      [{ officerId: 'lead-europe' }, 'role-conflict'],
      [{ role: 'lead', postCode: undefined, posts: ['BOG'] }, 'lead-not-listed'],
      [
        { officerId: 'lead-europe', role: 'lead', postCode: undefined, posts: ['BOG'] },
        'post-not-led',
      ],
    ];
    for (const [fields, issue] of cases) {
      try {
        approveDevice(demo, await cardFor(keys, fields), APPROVED_AT);
        expect.unreachable(`approved ${JSON.stringify(fields)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ProfileError);
        expect((e as ProfileError).code).toBe('invalid');
        expect((e as ProfileError).issues.map((i) => i.code)).toContain(issue);
      }
    }
    const retired = {
      ...demo,
      posts: demo.posts.map((p) => (p.code === 'BOG' ? { ...p, retired: true } : p)),
    };
    const refused = (() => {
      try {
        approveDevice(retired, card, APPROVED_AT);
      } catch (e) {
        return e as ProfileError;
      }
    })();
    expect(refused?.issues).toEqual([{ path: 'postCode', code: 'retired-post', value: 'BOG' }]);
  });
});

describe('fingerprint codes', () => {
  it('is four groups of four, the start of the bundle fingerprint, whatever form the key is in', async () => {
    const raw = await exportPublicKey(laptop.signing.publicKey);
    const code = await fingerprintCode(raw);
    expect(code).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);
    expect((await fingerprint(raw)).startsWith(code)).toBe(true);
    expect(await fingerprintCode(laptop.signing.publicKey)).toBe(code);
    expect(await fingerprintCode(card.signingKey)).toBe(code);
  });

  it('matches a code typed back in lower case, without spaces, with look-alike digits', async () => {
    const code = await fingerprintCode(card.signingKey);
    const typed = code.toLowerCase().replace(/ /g, '').replace(/o/g, '0').replace(/i/g, '1');
    expect(sameFingerprintCode(typed, code)).toBe(true);
    expect(sameFingerprintCode('', code)).toBe(false);
    expect(
      sameFingerprintCode(
        code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
        code,
      ),
    ).toBe(false);
  });
});
