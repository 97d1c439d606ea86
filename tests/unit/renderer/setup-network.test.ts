// HQ issuing updated profiles after setup: the next version is signed with the stored HQ key,
// accepted by an officer's device, and nothing is stored when it would be refused.
import { describe, expect, it } from 'vitest';
import { DEMO_POSTS } from '../../../shared/domain/posts.ts';
import {
  DEFAULT_POLICY,
  DEMO_OFFICERS,
  encodeProfileFile,
  verifyProfile,
} from '../../../shared/identity/index.ts';
import { getMeta } from '../../../renderer/src/db/meta.ts';
import { replaceProfile } from '../../../renderer/src/db/identity.ts';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import {
  finishSetup,
  prepareHqSetup,
  prepareMemberSetup,
  setUpDemo,
} from '../../../renderer/src/features/setup/setup-service.ts';
import {
  fileSlug,
  profileFileName,
  readProfileFile,
} from '../../../renderer/src/kernel/profile-files.ts';
import { issueProfile, nextProfile } from '../../../renderer/src/features/network/issue-profile.ts';
import { openTestDb } from './db-fixtures.ts';

const FAST = { unsafeIterationsForTests: 1000 };

async function device() {
  const { db } = await openTestDb();
  return { db, vault: new VaultSession(db), kdf: FAST };
}

async function hqDevice() {
  const hq = await device();
  const prepared = await prepareHqSetup(hq, {
    networkName: { en: 'Border network', fr: 'Réseau frontalier' },
    name: 'Nadia HQ',
    officerId: 'hq-nadia',
    posts: DEMO_POSTS.map((post) => ({ ...post })),
    leads: [],
    policy: DEFAULT_POLICY,
    passphrase: 'hq passphrase',
  });
  await finishSetup(hq, prepared);
  return { hq, v1: prepared.signed };
}

describe('issueProfile', () => {
  it('signs the next version with the stored HQ key; an officer’s device accepts it', async () => {
    const { hq, v1 } = await hqDevice();
    const officer = await device();
    const { signed } = await readProfileFile(encodeProfileFile(v1));
    await finishSetup(
      officer,
      await prepareMemberSetup(officer, {
        signed,
        who: { role: 'officer', name: 'Marie', officerId: 'LO-1', postCode: 'BOG' },
        passphrase: 'officer passphrase',
      }),
    );

    const edits = {
      posts: v1.profile.posts.map((p) => (p.code === 'LIM' ? { ...p, retired: true } : p)),
      leads: [{ officerId: 'lead-andes', name: 'Ana Lead', posts: ['BOG'] }],
      policy: { idleLockMinutes: 5, sensitiveRetentionDays: 30 },
    };
    const v2 = await issueProfile(
      hq.db,
      nextProfile(v1.profile, edits, new Date(hq.db.now())),
      hq.vault.key,
    );
    expect(v2.profile.version).toBe(2);
    expect(await getMeta(hq.db, 'profile')).toEqual(v2);

    // The officer's device checks it against the profile it trusts, then stores it.
    const current = (await getMeta(officer.db, 'profile'))!.profile;
    const checked = await verifyProfile(v2, { current });
    expect(checked.posts.find((p) => p.code === 'LIM')?.retired).toBe(true);
    expect(checked.policy.idleLockMinutes).toBe(5);
    expect(await replaceProfile(officer.db, v2)).toBe(true);
    expect(profileFileName(v2.profile)).toBe('liaison-log-network-border-network-v2.llprofile');
  });

  it('carries the post and officer dates HQ set, and refuses an end before its start', async () => {
    const { v1 } = await hqDevice();
    const deviceId = v1.profile.hq.deviceId;
    const edits = {
      ...v1.profile,
      posts: v1.profile.posts.map((p) =>
        p.code === 'BOG' ? { ...p, openedOn: '2010-01-04', closedOn: '2012-06-30' } : p,
      ),
      officerDates: { [deviceId]: { startOn: '2010-02-01', endOn: '' } },
    };
    const next = nextProfile(v1.profile, edits, new Date());
    expect(next.posts.find((p) => p.code === 'BOG')).toMatchObject({
      openedOn: '2010-01-04',
      closedOn: '2012-06-30',
    });
    const device = next.devices.find((d) => d.deviceId === deviceId);
    expect(device?.startOn).toBe('2010-02-01');
    expect(device && 'endOn' in device).toBe(false);
    const backwards = {
      ...edits,
      officerDates: { [deviceId]: { startOn: '2010-02-01', endOn: '2010-01-31' } },
    };
    try {
      nextProfile(v1.profile, backwards, new Date());
      throw new Error('accepted');
    } catch (e) {
      expect((e as { issues?: unknown }).issues).toEqual([
        { path: 'devices.0.endOn', code: 'dates-order', value: 'hq-nadia' },
      ]);
    }
  });

  it('refuses an inconsistent next version and a stale one, storing nothing', async () => {
    const { hq, v1 } = await hqDevice();
    const unknownPost = { ...v1.profile, leads: [{ officerId: 'l-1', name: 'L', posts: ['ZZZ'] }] };
    expect(() => nextProfile(v1.profile, unknownPost, new Date())).toThrow(/^invalid/);

    const v2 = nextProfile(v1.profile, v1.profile, new Date(hq.db.now()));
    await issueProfile(hq.db, v2, hq.vault.key);
    // Made from version 1 again (a second window that had not seen version 2).
    const stale = nextProfile(
      v1.profile,
      { ...v1.profile, policy: { idleLockMinutes: 3, sensitiveRetentionDays: 1 } },
      new Date(hq.db.now()),
    );
    await expect(issueProfile(hq.db, stale, hq.vault.key)).rejects.toMatchObject({
      code: 'same-version-different-content',
    });
    expect((await getMeta(hq.db, 'profile'))?.profile.version).toBe(2);
  });

  it('is refused on a device that is not HQ', async () => {
    const officer = await device();
    await setUpDemo(officer, { role: 'officer', officer: DEMO_OFFICERS[0]! });
    const before = await getMeta(officer.db, 'profile');
    const next = nextProfile(before!.profile, before!.profile, new Date());
    await expect(issueProfile(officer.db, next, officer.vault.key)).rejects.toMatchObject({
      code: 'hq-key-changed',
    });
    expect(await getMeta(officer.db, 'profile')).toEqual(before);
  });

  it('works for the demo HQ, whose key is the public demo key', async () => {
    const hq = await device();
    await setUpDemo(hq, { role: 'hq' });
    const v1 = (await getMeta(hq.db, 'profile'))!;
    const v2 = await issueProfile(
      hq.db,
      nextProfile(v1.profile, v1.profile, new Date()),
      hq.vault.key,
    );
    await expect(verifyProfile(v2, { current: v1.profile })).resolves.toMatchObject({
      version: 2,
      demo: true,
    });
  });
});

describe('file names', () => {
  it('are readable and safe on every desktop system', () => {
    expect(fileSlug('Réseau de l’Ouest / Pacifique', 'x')).toBe('reseau-de-l-ouest-pacifique');
    expect(fileSlug('***', 'network')).toBe('network');
  });
});
