// whoAmI: the one read of this device's identity, profile and keys that recovery, profile
// issuing, HQ's key actions and the exchange engine share.
import { describe, expect, it } from 'vitest';
import { whoAmI } from '../../../renderer/src/db/who-am-i.ts';
import { openTestDb } from './db-fixtures.ts';
import { hqDevice, makeNetwork, OFFICER_A, officerDevice } from './exchange-fixtures.ts';

describe('whoAmI', () => {
  it('is undefined on a device not set up yet', async () => {
    const { db } = await openTestDb();
    expect(await whoAmI(db)).toBeUndefined();
    expect(await whoAmI(db, { dataKey: undefined })).toBeUndefined();
  });

  it('gives identity and signed profile without unsealing the keys unless asked', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const officer = await officerDevice(net, OFFICER_A);
    const me = await whoAmI(officer.db);
    expect(me?.identity).toEqual(officer.identity);
    expect(me?.signed).toEqual(net.signed);
    expect(me?.profile).toEqual(net.signed.profile);
    expect(me?.hasKeys).toBe(true);
    expect(me?.keys).toBeUndefined();
  });

  it('unseals the device’s own keys with the data key, and refuses while locked', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const hq = await hqDevice(net);
    const me = await whoAmI(hq.db, { dataKey: hq.dataKey });
    expect(me?.identity.role).toBe('hq');
    const spki = async (key: CryptoKey | undefined) =>
      key ? new Uint8Array(await crypto.subtle.exportKey('spki', key)) : undefined;
    expect(await spki(me?.keys?.signing.publicKey)).toEqual(
      await spki(net.hqKeys.signing.publicKey),
    );
    await expect(whoAmI(hq.db, { dataKey: undefined })).rejects.toMatchObject({ code: 'locked' });
  });
});
