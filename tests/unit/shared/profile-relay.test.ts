// The relay block of the network profile: HQ's relay address and sync interval, optional so
// every profile issued before it stays valid, checked with the same address rule as Settings
// and the Electron IPC map.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDeviceKeys } from '../../../shared/bundle/index.ts';
import {
  type NetworkProfile,
  ProfileError,
  makeDemoNetwork,
  parseProfile,
  signProfile,
  verifyProfile,
} from '../../../shared/identity/index.ts';
import { relayUrl } from '../../../shared/remote/relay-path.ts';
import { ipcContract } from '../../../shared/ipc/contract.ts';

let demo: NetworkProfile;
let hqPrivate: CryptoKey;

beforeAll(async () => {
  const hq = await generateDeviceKeys();
  hqPrivate = hq.signing.privateKey;
  demo = await makeDemoNetwork({ hqKeys: hq, now: new Date('2026-03-02T10:00:00Z') });
});

const withRelay = (relay: unknown) => ({ ...demo, version: 2, relay });

function schemaIssues(value: unknown): string[] {
  try {
    parseProfile(value);
    return [];
  } catch (e) {
    if (e instanceof ProfileError) return e.issues.map((i) => `${i.code}@${i.path}`);
    throw e;
  }
}

describe('the profile’s relay block', () => {
  it('is optional: a profile issued before it existed is still valid and has none', () => {
    expect('relay' in demo).toBe(false);
    expect(parseProfile(demo).relay).toBeUndefined();
  });

  it('takes an https folder, or http to this computer, with an interval in minutes', () => {
    for (const url of ['https://relay.example/dav/net/', 'http://127.0.0.1:8080/relay/net/']) {
      const relay = { url, intervalMinutes: 5 };
      expect(parseProfile(withRelay(relay)).relay).toEqual(relay);
    }
  });

  it('plain http to this computer in the demo network only: a real network’s relay is https', () => {
    const real = (url: string) => ({
      ...withRelay({ url, intervalMinutes: 5 }),
      demo: false,
    });
    for (const url of ['http://127.0.0.1:8080/relay/net/', 'http://localhost/dav/'])
      expect(schemaIssues(real(url)), url).toContain('relay-not-https@relay.url');
    expect(schemaIssues(real('https://relay.example/dav/'))).not.toContain(
      'relay-not-https@relay.url',
    );
  });

  it('refuses plain http to another computer, a non-canonical or odd address, and unknown fields', () => {
    for (const url of [
      'http://relay.example/dav/',
      'https://relay.example/dav', // not the canonical folder form: signed bytes must match
      'https://user:pw@relay.example/',
      'https://relay.example/?next=app://',
      'ftp://relay.example/',
      'not a url',
    ])
      expect(schemaIssues(withRelay({ url, intervalMinutes: 5 })), url).toEqual([
        'schema@relay.url',
      ]);
    expect(
      schemaIssues(withRelay({ url: 'https://r.example/', intervalMinutes: 5, password: 'x' })),
    ).toEqual(['schema@relay']);
  });

  it('bounds the interval: a whole number of minutes from 1 to 1440', () => {
    const at = (intervalMinutes: number) =>
      schemaIssues(withRelay({ url: 'https://r.example/', intervalMinutes }));
    expect(at(1)).toEqual([]);
    expect(at(1440)).toEqual([]);
    for (const bad of [0, 1441, 2.5, -5])
      expect(at(bad), String(bad)).toEqual(['schema@relay.intervalMinutes']);
  });

  it('is signed with the rest: a device verifies it, and a changed address breaks the signature', async () => {
    const next = parseProfile(
      withRelay({ url: 'https://relay.example/net/', intervalMinutes: 10 }),
    );
    const signed = await signProfile(next, hqPrivate);
    await expect(verifyProfile(signed, { current: demo })).resolves.toBeDefined();
    const tampered = {
      ...signed,
      profile: { ...signed.profile, relay: { url: 'https://evil.example/', intervalMinutes: 10 } },
    };
    await expect(verifyProfile(tampered, { current: demo })).rejects.toBeInstanceOf(ProfileError);
  });
});

describe('one address rule everywhere', () => {
  it('Settings and the IPC map refuse plain http to another computer, as the profile does', () => {
    expect(relayUrl('http://relay.example/dav/')).toBeNull();
    expect(relayUrl('http://localhost:8080/dav')).toBe('http://localhost:8080/dav/');
    expect(relayUrl('http://[::1]/dav/')).toBe('http://[::1]/dav/');
    expect(relayUrl('https://relay.example/dav')).toBe('https://relay.example/dav/');
    const set = ipcContract['relay:set'].args;
    expect(
      set.safeParse({ url: 'http://relay.example/', username: 'u', password: 'p' }).success,
    ).toBe(false);
    expect(
      set.safeParse({ url: 'https://relay.example/', username: 'u', password: 'p' }).success,
    ).toBe(true);
  });
});
