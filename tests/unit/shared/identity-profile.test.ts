// The network profile's own rules: shape, internal consistency with readable issue codes,
// and the built-in demo network.
import { beforeAll, describe, expect, it } from 'vitest';
import { type DeviceKeys, generateDeviceKeys } from '../../../shared/bundle/index.ts';
import { DEMO_POSTS, REGIONS } from '../../../shared/domain/posts.ts';
import {
  type NetworkProfile,
  type ProfileIssue,
  DEMO_LEADS,
  DEMO_OFFICERS,
  ProfileError,
  activePosts,
  postCity,
  makeDemoNetwork,
  parseProfile,
  publicKeyText,
  scopeOf,
} from '../../../shared/identity/index.ts';

let hq: DeviceKeys;
let demo: NetworkProfile;
let otherKey: string;

beforeAll(async () => {
  hq = await generateDeviceKeys();
  demo = await makeDemoNetwork({ hqKeys: hq, now: new Date('2026-03-02T10:00:00Z') });
  otherKey = await publicKeyText((await generateDeviceKeys()).signing);
});

function issuesOf(value: unknown): readonly ProfileIssue[] {
  try {
    parseProfile(value);
  } catch (e) {
    if (e instanceof ProfileError && e.code === 'invalid') return e.issues;
    throw e;
  }
  return [];
}

const officerDevice = (deviceId: string, officerId: string, postCode: string, key: string) => ({
  deviceId,
  officerId,
  name: 'Sofía Herrera',
  role: 'officer' as const,
  postCode,
  signingKey: key,
  encryptionKey: key,
  approvedAt: '2026-03-03T09:00:00Z',
});

describe('the demo network', () => {
  it('is a valid profile marked demo, with the 49 demo posts and the names it is known by', () => {
    expect(parseProfile(demo)).toEqual(demo);
    expect(demo.demo).toBe(true);
    expect(demo.version).toBe(1);
    expect(demo.posts).toHaveLength(49);
    expect(demo.posts.map((p) => p.code)).toEqual(DEMO_POSTS.map((p) => p.code));
    expect(activePosts(demo)).toHaveLength(49);
    expect(demo.networkName).toEqual({ en: 'Liaison Log demo', fr: 'Démo Liaison Log' });
    expect(demo.policy).toEqual({ idleLockMinutes: 15, sensitiveRetentionDays: 90 });
  });

  it('names a post by its city in either language, and by its code when it is not listed', () => {
    expect(postCity(demo.posts, 'BOG', 'en')).toBe('Bogotá');
    expect(postCity(demo.posts, 'MEX', 'fr')).toBe('Mexico');
    expect(postCity(demo.posts, 'ZZZ', 'en')).toBe('ZZZ');
  });

  it('has one lead per region, leading exactly that region’s posts', () => {
    expect(demo.leads).toHaveLength(REGIONS.length);
    const led = demo.leads.flatMap((lead) => lead.posts).sort();
    expect(led).toEqual(DEMO_POSTS.map((p) => p.code).sort());
    for (const lead of demo.leads) {
      const regions = new Set(
        lead.posts.map((code) => DEMO_POSTS.find((p) => p.code === code)?.region),
      );
      expect(regions.size).toBe(1);
    }
    expect(demo.leads).toEqual(DEMO_LEADS);
  });

  it('lists only HQ’s own device; officers are examples that enroll like anyone', () => {
    expect(demo.devices.map((d) => d.role)).toEqual(['hq']);
    expect(scopeOf(demo, demo.hq.deviceId)).toEqual({ role: 'hq', userId: 'hq-ottawa' });
    const codes = new Set(demo.posts.map((p) => p.code));
    for (const officer of DEMO_OFFICERS) expect(codes.has(officer.postCode)).toBe(true);
  });
});

describe('profile consistency', () => {
  it('names a lead post that does not exist', () => {
    const leads = [{ officerId: 'lead-x', name: 'X', posts: ['BOG', 'ZZZ'] }];
    expect(issuesOf({ ...demo, leads })).toEqual([
      { path: 'leads.0.posts.1', code: 'unknown-post', value: 'ZZZ' },
    ]);
  });

  it('names a device post that does not exist', () => {
    const devices = [...demo.devices, officerDevice('lap-1', 'lo-1', 'ZZZ', otherKey)];
    expect(issuesOf({ ...demo, devices })).toEqual([
      { path: 'devices.1.postCode', code: 'unknown-post', value: 'ZZZ' },
    ]);
  });

  it('names duplicate posts, leads, devices and keys', () => {
    const first = demo.posts[0] as NetworkProfile['posts'][number];
    const lead = demo.leads[0] as NetworkProfile['leads'][number];
    const device = officerDevice('lap-1', 'lo-1', 'BOG', otherKey);
    const codes = issuesOf({
      ...demo,
      posts: [...demo.posts, first],
      leads: [...demo.leads, lead],
      devices: [...demo.devices, device, { ...device, officerId: 'lo-2' }],
    }).map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'duplicate-post',
        'duplicate-lead',
        'duplicate-device',
        'duplicate-key',
      ]),
    );
  });

  it('refuses post fields that do not fit the role, and roles that contradict the leads list', () => {
    const key = otherKey;
    const noPost = { ...officerDevice('lap-1', 'lo-1', 'BOG', key), postCode: undefined };
    expect(issuesOf({ ...demo, devices: [...demo.devices, noPost] })).toContainEqual(
      expect.objectContaining({ code: 'role-fields' }),
    );
    const leadAsOfficer = officerDevice('lap-1', 'lead-europe', 'LON', key);
    expect(issuesOf({ ...demo, devices: [...demo.devices, leadAsOfficer] })).toContainEqual(
      expect.objectContaining({ code: 'role-conflict', value: 'lead-europe' }),
    );
    const unlistedLead = { ...noPost, officerId: 'lo-9', role: 'lead', posts: ['BOG'] };
    expect(issuesOf({ ...demo, devices: [...demo.devices, unlistedLead] })).toContainEqual(
      expect.objectContaining({ code: 'lead-not-listed', value: 'lo-9' }),
    );
  });

  it('requires HQ’s own device, with HQ’s role and keys', () => {
    expect(issuesOf({ ...demo, devices: [] })).toEqual([
      { path: 'hq.deviceId', code: 'hq-device-missing', value: demo.hq.deviceId },
    ]);
    const devices = demo.devices.map((d) => ({ ...d, signingKey: otherKey }));
    expect(issuesOf({ ...demo, devices }).map((i) => i.code)).toEqual(['hq-device-mismatch']);
  });

  it('reports shape problems as schema issues at their path, and unknown members too', () => {
    expect(
      issuesOf({ ...demo, policy: { idleLockMinutes: 0, sensitiveRetentionDays: 90 } }),
    ).toEqual([{ path: 'policy.idleLockMinutes', code: 'schema' }]);
    expect(issuesOf({ ...demo, version: 0 })).toEqual([{ path: 'version', code: 'schema' }]);
    expect(issuesOf({ ...demo, extra: true }).map((i) => i.code)).toEqual(['schema']);
    const badZone = demo.posts.map((p, i) => (i === 0 ? { ...p, timeZone: 'Mars/Olympus' } : p));
    expect(issuesOf({ ...demo, posts: badZone })).toEqual([
      { path: 'posts.0.timeZone', code: 'schema' },
    ]);
  });

  it('keeps a retired post valid, though no longer active', () => {
    const posts = demo.posts.map((p) => (p.code === 'BOG' ? { ...p, retired: true } : p));
    const profile = parseProfile({ ...demo, posts });
    expect(activePosts(profile).map((p) => p.code)).not.toContain('BOG');
  });
});
