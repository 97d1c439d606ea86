// Encryption at rest in the database: sensitive values are sealed in rows, the change log
// and drafts; nothing sensitive is written while locked; reading opens them again.
import { afterEach, describe, expect, it } from 'vitest';
import { createVault, isSealed, MIN_ITERATIONS } from '../../../shared/vault/index.ts';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import { makeDemoProfile } from '../../../shared/identity/index.ts';
import { checkKeyStore, completeSetup, getDeviceKeys } from '../../../renderer/src/db/identity.ts';
import {
  createActivity,
  getActivity,
  getHistory,
  getOrCreateDevice,
  updateActivity,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { openActivity, openChanges } from '../../../renderer/src/db/opened.ts';
import { isSealedPath } from '../../../renderer/src/db/sealing.ts';
import { getActivityType } from '../../../shared/domain/catalogue.ts';
import { liaisonInput, openTestDb, testDataKey, testSealer } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function setup() {
  const t = await openTestDb();
  opened.push(t.db);
  return { ...t, sealer: await testSealer() };
}

const SECRET = { meetings: 1, travellerName: 'Ana Díaz', caseNotes: 'passport 99XK1234' };

describe('sensitive values at rest', () => {
  it('seals them in the row and in the change log with one sealed string, and opens them', async () => {
    const { db, author, sealer } = await setup();
    const created = await createActivity(db, author, liaisonInput({ data: SECRET }), { sealer });
    const row = await db.activities.get(created.id);
    expect(isSealed(row?.data.travellerName)).toBe(true);
    expect(isSealed(row?.data.caseNotes)).toBe(true);
    expect(row?.data.meetings).toBe(1);
    const log = await getHistory(db, created.id);
    expect(JSON.stringify(log)).not.toContain('Ana');
    expect(JSON.stringify(log)).not.toContain('99XK');
    expect(log.find((c) => c.field === 'data.travellerName')?.value).toBe(row?.data.travellerName);

    const view = await openActivity(sealer, (await getActivity(db, created.id))!);
    expect(view.data).toMatchObject({ travellerName: 'Ana Díaz', caseNotes: 'passport 99XK1234' });
    expect(view.unreadable).toEqual([]);
    const history = await openChanges(sealer, log);
    expect(history.find((c) => c.field === 'data.travellerName')?.value).toBe('Ana Díaz');
  });

  it('refuses to write a sensitive value while locked, and writes nothing at all', async () => {
    const { db, author } = await setup();
    await expect(createActivity(db, author, liaisonInput({ data: SECRET }))).rejects.toMatchObject({
      code: 'locked',
    });
    expect(await db.activities.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('still writes entries without sensitive values while locked', async () => {
    const { db, author } = await setup();
    const created = await createActivity(db, author, liaisonInput());
    expect((await getActivity(db, created.id))?.data.subject).toBe('Briefing at Montréal airport');
  });

  it('seals an edit of a sensitive field and keeps the others readable', async () => {
    const { db, author, sealer } = await setup();
    const created = await createActivity(db, author, liaisonInput({ data: SECRET }), { sealer });
    await updateActivity(
      db,
      author,
      created.id,
      { data: { travellerName: 'Zoé Roy' } },
      { sealer },
    );
    const row = await db.activities.get(created.id);
    expect(JSON.stringify(row)).not.toContain('Zoé');
    const view = await openActivity(sealer, (await getActivity(db, created.id))!);
    expect(view.data.travellerName).toBe('Zoé Roy');
    expect(view.data.caseNotes).toBe('passport 99XK1234');
  });

  it('shows a value moved from another record as unreadable, never as that record’s', async () => {
    const { db, author, sealer } = await setup();
    const a = await createActivity(db, author, liaisonInput({ data: SECRET }), { sealer });
    const b = await createActivity(
      db,
      author,
      liaisonInput({ data: { meetings: 1, travellerName: 'Other Person' } }),
      { sealer },
    );
    const rowA = await db.activities.get(a.id);
    // Someone with the disk copies A's sealed name into B.
    await db.activities.update(b.id, { 'data.travellerName': rowA?.data.travellerName });
    const view = await openActivity(sealer, (await getActivity(db, b.id))!);
    expect(view.unreadable).toEqual(['travellerName']);
    expect(view.data.travellerName).toBeUndefined();
  });

  it('opens nothing without the key: reading a sealed record while locked is refused', async () => {
    const { db, author, sealer } = await setup();
    const created = await createActivity(db, author, liaisonInput({ data: SECRET }), { sealer });
    await expect(
      openActivity(undefined, (await getActivity(db, created.id))!),
    ).rejects.toMatchObject({ code: 'locked' });
    const other = await testSealer();
    const view = await openActivity(other, (await getActivity(db, created.id))!);
    expect(view.unreadable).toEqual(['caseNotes', 'travellerName']);
  });
});

describe('which paths are sealed', () => {
  it('follows the record type, and seals every field this build does not know', () => {
    const interdiction = getActivityType('interdiction');
    const training = getActivityType('training');
    const sensitive = interdiction.fields.filter((f) => f.sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    for (const f of interdiction.fields)
      expect(isSealedPath(`data.${f.name}`, interdiction), f.name).toBe(f.sensitive);
    for (const f of training.fields)
      expect(isSealedPath(`data.${f.name}`, training), f.name).toBe(f.sensitive);
    for (const f of sensitive) expect(isSealedPath(`data.${f.name}`)).toBe(true);
    // A newer catalogue's type, or a newer field of a known type: sealed, whatever it holds.
    expect(isSealedPath('data.subject')).toBe(true);
    expect(isSealedPath('data.passportScan', training)).toBe(true);
    expect(isSealedPath('occurredOn')).toBe(false);
    expect(isSealedPath('review.comment')).toBe(false);
  });
});

describe('key store check', () => {
  it('finds a whole store, a missing one and a damaged one', async () => {
    const { db } = await setup();
    const { deviceId } = await getOrCreateDevice(db);
    const keys = await generateDeviceKeys({ extractable: true });
    const identity = {
      deviceId,
      networkId: 'liaison-log-demo',
      role: 'officer' as const,
      officerId: 'lo-bogota-1',
      name: 'Sofía Herrera',
      postCode: 'BOG',
      demo: true,
      createdAt: '2026-11-22T00:00:00.000Z',
    };
    const { record, dataKey } = await createVault({
      passphrase: 'demo',
      iterations: MIN_ITERATIONS,
    });
    await completeSetup(
      db,
      {
        identity,
        keys: { deviceId, ...keys },
        profile: await makeDemoProfile(),
        vault: record,
      },
      dataKey,
    );
    expect(await checkKeyStore(db)).toBe('ok');
    await db.meta.put({
      key: 'deviceKeys',
      value: { deviceId, signing: keys.encryption, encryption: keys.encryption },
    });
    expect(await checkKeyStore(db)).toBe('damaged');
    await db.meta.put({ key: 'deviceKeys', value: { deviceId: 'other', ...keys } });
    expect(await checkKeyStore(db)).toBe('damaged');
    await db.meta.delete('deviceKeys');
    expect(await checkKeyStore(db)).toBe('missing');
  });
});

describe('device keys at rest', () => {
  it('stores the private keys sealed with the data key, and unwraps them only with it', async () => {
    const { db } = await setup();
    const { deviceId } = await getOrCreateDevice(db);
    const keys = await generateDeviceKeys({ extractable: true });
    const { record, dataKey } = await createVault({
      passphrase: 'correct horse',
      iterations: MIN_ITERATIONS,
    });
    await completeSetup(
      db,
      {
        identity: {
          deviceId,
          networkId: 'liaison-log-demo',
          role: 'officer',
          officerId: 'lo-bogota-1',
          name: 'Sofía Herrera',
          postCode: 'BOG',
          demo: true,
          createdAt: '2026-11-22T00:00:00.000Z',
        },
        keys: { deviceId, ...keys },
        profile: await makeDemoProfile(),
        vault: record,
      },
      dataKey,
    );
    // As stored: no private CryptoKey at all, only sealed bytes.
    const stored = (await db.meta.get('deviceKeys'))?.value as Record<string, unknown>;
    const privateKeys = Object.values(stored).filter(
      (v) => v instanceof CryptoKey && v.type === 'private',
    );
    expect(privateKeys).toEqual([]);
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.signing.privateKey));
    const seed = Buffer.from(pkcs8.subarray(16)).toString('base64url');
    expect(JSON.stringify(stored)).not.toContain(seed);

    await expect(getDeviceKeys(db, undefined)).rejects.toMatchObject({ code: 'locked' });
    await expect(getDeviceKeys(db, await testDataKey())).rejects.toMatchObject({
      code: 'corrupt',
    });
    const opened = (await getDeviceKeys(db, dataKey))!;
    expect(opened.signing.privateKey.extractable).toBe(false);
    const message = new TextEncoder().encode('signed by this device');
    const signature = await crypto.subtle.sign('Ed25519', opened.signing.privateKey, message);
    expect(await crypto.subtle.verify('Ed25519', keys.signing.publicKey, signature, message)).toBe(
      true,
    );
  });
});
