// Where a device's relay comes from: HQ's signed profile first (address and timer), else the
// device's own Settings on the default timer; the credentials are always the device's, and
// when HQ moves the relay the kept credentials follow to the new address.
import { describe, expect, it } from 'vitest';
import { createVault } from '../../../shared/vault/index.ts';
import { generateDeviceKeys } from '../../../shared/bundle/index.ts';
import { makeDemoNetwork } from '../../../shared/identity/index.ts';
import { openDatabase } from '../../../renderer/src/db/index.ts';
import {
  DEVICE_INTERVAL_MINUTES,
  followProfileRelay,
  loadRelaySettings,
  relayPlan,
  saveRelaySettings,
} from '../../../renderer/src/db/online/config.ts';
import { readOnline, writeOnline } from '../../../renderer/src/db/online/state.ts';
import { nextProfile } from '../../../renderer/src/features/network/issue-profile.ts';
import { type RelayCredentialKeeper } from '../../../renderer/src/platform/types.ts';
import { freshName } from './db-fixtures.ts';

const HQ_RELAY = { url: 'https://relay.example/hq/', intervalMinutes: 15 };

async function deviceWithRelay(url: string, keeper?: RelayCredentialKeeper) {
  const db = await openDatabase(freshName());
  const { dataKey } = await createVault({
    passphrase: 'a long enough passphrase',
    unsafeIterationsForTests: 1_000,
  });
  await saveRelaySettings(db, dataKey, { url, username: 'lo-1', password: 'token 1' }, keeper);
  return { db, dataKey };
}

describe('which relay a device syncs with', () => {
  it('HQ’s profile decides the address and the timer, whatever Settings hold', () => {
    expect(relayPlan(HQ_RELAY, { url: 'https://mine.example/' })).toEqual({
      ...HQ_RELAY,
      setBy: 'hq',
    });
    expect(relayPlan(HQ_RELAY, undefined)).toEqual({ ...HQ_RELAY, setBy: 'hq' });
  });

  it('without a relay in the profile, Settings decide, on the default timer; neither: none', () => {
    expect(relayPlan(undefined, { url: 'https://mine.example/' })).toEqual({
      url: 'https://mine.example/',
      intervalMinutes: DEVICE_INTERVAL_MINUTES,
      setBy: 'device',
    });
    expect(relayPlan(undefined, undefined)).toBeNull();
  });

  it('HQ moving the relay moves the sealed credentials along, under a new version', async () => {
    const { db, dataKey } = await deviceWithRelay('https://old.example/net');
    const before = await loadRelaySettings(db, dataKey);
    expect(await followProfileRelay(db, HQ_RELAY)).toBe(true);
    const after = await loadRelaySettings(db, dataKey);
    expect(after).toMatchObject({ url: HQ_RELAY.url, username: 'lo-1', password: 'token 1' });
    expect(after?.version).not.toBe(before?.version);
    // Once there, nothing more to do; and no relay in the profile leaves Settings alone.
    expect(await followProfileRelay(db, HQ_RELAY)).toBe(false);
    expect(await followProfileRelay(db, undefined)).toBe(false);
    expect((await readOnline(db, 'online.config'))?.url).toBe(HQ_RELAY.url);
  });

  it('HQ moving the relay starts the new one afresh: uploads sent again, outboxes read from the start', async () => {
    const { db } = await deviceWithRelay('https://old.example/net');
    await writeOnline(db, 'online.uploadedSeq', 12);
    await writeOnline(db, 'online.pulled', ['officer-a/x__b1.llb']);
    await writeOnline(db, 'online.profileSentTo', { 'officer-a': 4 });
    expect(await followProfileRelay(db, HQ_RELAY)).toBe(true);
    expect(await readOnline(db, 'online.uploadedSeq')).toBe(0);
    expect(await readOnline(db, 'online.pulled')).toEqual([]);
    expect(await readOnline(db, 'online.profileSentTo')).toEqual({});
  });

  it('the desktop keeper is told first; if it keeps no password, nothing changes here', async () => {
    const followed: string[] = [];
    let refuse = false;
    const keeper: RelayCredentialKeeper = {
      save: () => Promise.resolve('os'),
      follow: (url, username) => {
        if (refuse) return Promise.reject(new Error('no password kept for this user'));
        followed.push(`${username}@${url}`);
        return Promise.resolve();
      },
      forget: () => Promise.resolve(),
    };
    const { db } = await deviceWithRelay('https://old.example/net', keeper);
    refuse = true;
    await expect(followProfileRelay(db, HQ_RELAY, keeper)).rejects.toThrow();
    expect((await readOnline(db, 'online.config'))?.url).toBe('https://old.example/net/');
    refuse = false;
    expect(await followProfileRelay(db, HQ_RELAY, keeper)).toBe(true);
    expect(followed).toEqual([`lo-1@${HQ_RELAY.url}`]);
    expect(JSON.stringify(await db.exchangeState.toArray())).not.toContain('token 1');
  });
});

describe('HQ’s next profile version', () => {
  it('sets, keeps and removes the relay block (no key at all when there is none)', async () => {
    const v1 = await makeDemoNetwork({
      hqKeys: await generateDeviceKeys(),
      now: new Date('2026-03-02T10:00:00Z'),
    });
    const edits = { posts: v1.posts, leads: v1.leads, policy: v1.policy };
    const now = new Date('2026-03-03T10:00:00Z');
    const v2 = nextProfile(v1, { ...edits, relay: HQ_RELAY }, now);
    expect(v2.relay).toEqual(HQ_RELAY);
    expect(nextProfile(v2, edits, now).relay).toEqual(HQ_RELAY);
    expect('relay' in nextProfile(v2, { ...edits, relay: null }, now)).toBe(false);
  });
});
