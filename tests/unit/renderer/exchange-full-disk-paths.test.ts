// Every write of an import that can meet a full disk says so in the report, in the person's
// language: parking a bundle, storing a receipt, replacing the profile, storing an
// enrollment, noting an already-imported file. The disk fills as Chromium's does: the
// transaction aborts with its reason on the transaction alone, and each pending request
// fails with a bare AbortError (tests/e2e/full-disk.spec.ts shows it on a real disk).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  approveDevice,
  encodeEnrollmentFile,
  encodeProfileFile,
  makeEnrollment,
  publicKeyText,
  signProfile,
  type DeviceCard,
} from '../../../shared/identity/index.ts';
import { generateDeviceKeys } from '../../../shared/bundle/keys.ts';
import { createActivity } from '../../../renderer/src/db/activities.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { buildReceiptExport } from '../../../renderer/src/db/exchange/receipts.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { liaisonInput } from './db-fixtures.ts';
import {
  OFFICER_A,
  OFFICER_NEW,
  hqDevice,
  logOne,
  makeNetwork,
  officerDevice,
  type TestDevice,
  type TestNetwork,
} from './exchange-fixtures.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A], [OFFICER_NEW]);
});

interface FakeTransaction {
  _abort(errName: string): void;
  _markFinished(): void;
}

/** The next readwrite transaction to fail at commit: its database and stores. */
let target: { dbName: string; stores: readonly string[]; skip: number } | undefined;
afterEach(() => {
  target = undefined;
});

/**
 * The next readwrite transaction of `dbName` over every store of `stores` finds the disk
 * full when it commits, as LevelDB does: every request of it succeeded, then the transaction
 * aborts with a QuotaExceededError as its own error, which no request carries. The first
 * `skip` such transactions commit as usual.
 */
function diskFullAt(dbName: string, stores: readonly string[], skip = 0): void {
  target = { dbName, stores, skip };
}

// Installed before any database opens: Dexie binds a connection's transaction() at open.
const proto = IDBDatabase.prototype;
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with its database below
const original = proto.transaction;
beforeAll(() => {
  proto.transaction = function (
    this: IDBDatabase,
    scope: string | string[],
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ): IDBTransaction {
    const tx = original.call(this, scope, mode, options);
    const names = [...tx.objectStoreNames];
    if (!target || this.name !== target.dbName || mode !== 'readwrite') return tx;
    if (!target.stores.every((s) => names.includes(s))) return tx;
    if (target.skip-- > 0) return tx;
    target = undefined;
    const fake = tx as unknown as FakeTransaction;
    // Reached once every request has succeeded, just before 'complete' would fire.
    fake._markFinished = function (this: FakeTransaction) {
      delete (this as Partial<FakeTransaction>)._markFinished;
      this._abort('QuotaExceededError');
    };
    return tx;
  };
});
afterAll(() => {
  proto.transaction = original;
});

async function reportOf(device: TestDevice, name: string, data: Uint8Array) {
  const report = await importFiles(device.deps, [{ name, data }]);
  return report.files[0]?.outcome;
}

const DISK_FULL = { kind: 'rejected', errorKey: 'exchange.error.disk-full' };

async function newcomerCard() {
  const keys = await generateDeviceKeys();
  const card: DeviceCard = {
    deviceId: OFFICER_NEW.deviceId,
    officerId: OFFICER_NEW.officerId,
    name: 'New Officer',
    role: 'officer',
    postCode: 'BOG',
    signingKey: await publicKeyText(keys.signing),
    encryptionKey: await publicKeyText(keys.encryption),
    createdAt: '2025-04-02T00:00:00.000Z',
  };
  return { card, file: encodeEnrollmentFile(await makeEnrollment(card, keys.signing.privateKey)) };
}

describe('a full disk on each write of an import', () => {
  it('says the disk is full when a bundle of a device waiting for approval cannot be parked', async () => {
    const hq = await hqDevice(net);
    const newcomer = await officerDevice(net, OFFICER_NEW);
    await createActivity(newcomer.db, newcomer.author, liaisonInput(), {
      sealer: newcomer.sealer,
    });
    const built = await buildChangesExport(newcomer.deps);
    if (!built) throw new Error('nothing exported');
    diskFullAt(hq.db.name, ['exchangePendingBundles']);
    expect(await reportOf(hq, built.fileName, built.data)).toEqual(DISK_FULL);
    expect(await hq.db.exchangePendingBundles.count()).toBe(0);
  });

  it('says the disk is full when a receipt cannot be stored', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'First');
    const first = await buildChangesExport(officer.deps);
    if (!first) throw new Error('nothing exported');
    await importFiles(hq.deps, [{ name: first.fileName, data: first.data }]);
    const receipt = await buildReceiptExport(hq.deps, 'BOG');
    if (!receipt) throw new Error('no receipt');
    diskFullAt(officer.db.name, ['meta', 'exchangeState', 'activities']);
    expect(await reportOf(officer, receipt.fileName, receipt.data)).toEqual(DISK_FULL);
    expect(await officer.db.exchangeState.get('lastReceiptFromHqAt')).toBeUndefined();
  });

  it('says the disk is full when a newer profile cannot replace the one in use', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const { card } = await newcomerCard();
    const newer = await signProfile(
      approveDevice(net.signed.profile, card, '2025-04-03T00:00:00.000Z'),
      net.hqKeys.signing.privateKey,
    );
    diskFullAt(officer.db.name, ['meta', 'exchangeDeferred']);
    expect(await reportOf(officer, 'net.llprofile', encodeProfileFile(newer))).toEqual(DISK_FULL);
  });

  it('says the disk is full when an enrollment card cannot be stored', async () => {
    const hq = await hqDevice(net);
    const { file } = await newcomerCard();
    diskFullAt(hq.db.name, ['exchangePendingDevices']);
    expect(await reportOf(hq, 'card.llenroll', file)).toEqual(DISK_FULL);
    expect(await hq.db.exchangePendingDevices.count()).toBe(0);
  });

  it('says the disk is full when a file imported before cannot be noted as such', async () => {
    const officer = await officerDevice(net, OFFICER_A);
    const hq = await hqDevice(net);
    await logOne(officer, 'First');
    const built = await buildChangesExport(officer.deps);
    if (!built) throw new Error('nothing exported');
    await importFiles(hq.deps, [{ name: built.fileName, data: built.data }]);
    // The note of the file's outcome is the run's report, in runs and queue only; the
    // first such write is the file's queueing (tests/unit/renderer/exchange-crash-steps).
    diskFullAt(hq.db.name, ['exchangeRuns', 'exchangeQueue'], 1);
    const outcome = await reportOf(hq, built.fileName, built.data);
    expect(outcome).toEqual(DISK_FULL);
  });

  it('reads the reason in English and in French', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('exchange.error.disk-full')).toMatch(/disk is full/i);
    await i18n.changeLanguage('fr');
    expect(i18n.t('exchange.error.disk-full')).toMatch(/disque est plein/i);
  });
});
