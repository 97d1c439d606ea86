// Hostile files at the importer (security review, issue #9 part 2): a stranger's bundle is
// checked without being decompressed; strangers can make HQ or a lead store only so much; a
// reused bundle id never replaces another device's waiting bundle; a queued file whose import
// dies twice is set aside with its reason instead of being retried at every start.
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDeviceKeys, type DeviceKeys } from '../../../shared/bundle/keys.ts';
import { sealV1 } from '../../../shared/bundle/v1/encode.ts';
import { DEMO_HQ_DEVICE_ID } from '../../../shared/identity/index.ts';
import {
  approveDevice,
  importFiles,
  resumeInterrupted,
} from '../../../renderer/src/db/exchange/engine.ts';
import {
  MAX_PENDING_BUNDLES_PER_DEVICE,
  MAX_PENDING_BYTES,
  MAX_PENDING_DEVICES,
} from '../../../renderer/src/db/exchange/devices.ts';
import { MAX_IMPORT_ATTEMPTS } from '../../../renderer/src/db/exchange/runs.ts';
import { listPendingDevices } from '../../../renderer/src/db/exchange/queries.ts';
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
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A], [OFFICER_NEW]);
});

/** A validly signed changes bundle from a device HQ does not know, around any payload. */
async function strangerBundle(
  keys: DeviceKeys,
  options: {
    deviceId?: string;
    bundleId?: string;
    compressed?: Uint8Array;
    inflatedBytes?: number;
  } = {},
): Promise<Uint8Array> {
  const text = new TextEncoder().encode('not even JSON');
  return sealV1({
    kind: 'changes',
    fields: {
      bundleId: options.bundleId ?? crypto.randomUUID(),
      networkId: net.signed.profile.networkId,
      sender: {
        deviceId: options.deviceId ?? OFFICER_NEW.deviceId,
        officerId: OFFICER_NEW.officerId,
        postCode: OFFICER_NEW.postCode,
      },
      ranges: [],
      appVersion: 'test',
      catalogueVersion: 1,
      createdAt: '2025-06-01T12:00:00.000Z',
    },
    counts: { changes: 0, records: 0 },
    inflatedBytes: options.inflatedBytes ?? text.length,
    compressed: options.compressed ?? deflateSync(text),
    chunkSize: 64 * 1024,
    signingKey: keys.signing.privateKey,
    senderPublicKeys: { signing: keys.signing.publicKey, encryption: keys.encryption.publicKey },
    recipients: [{ deviceId: DEMO_HQ_DEVICE_ID, publicKey: net.hqKeys.encryption.publicKey }],
  });
}

function newcomerKeys(): DeviceKeys {
  const keys = net.officerKeys.get(OFFICER_NEW.deviceId);
  if (!keys) throw new Error('no newcomer keys');
  return keys;
}

describe("a stranger's bundle", () => {
  it('waits for approval without being decompressed; the approval decodes it and refuses a bomb', async () => {
    const hq = await hqDevice(net);
    // 64 MiB of zeros behind a header that says 1,000 bytes, signed by the key it names.
    const bomb = await strangerBundle(newcomerKeys(), {
      compressed: deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 1 }),
      inflatedBytes: 1000,
    });
    const report = await importFiles(hq.deps, [{ name: 'bomb.llb', data: bomb }]);
    expect(report.files[0]?.outcome.kind).toBe('pending-device');
    const approved = await approveDevice(hq.deps, OFFICER_NEW.deviceId);
    expect(approved.files[0]?.outcome).toMatchObject({
      kind: 'rejected',
      errorKey: 'bundle.error.too-large-when-inflated',
    });
    expect(await hq.db.activities.count()).toBe(0);
  }, 30_000);

  it('is refused before any cryptography when its device may not wait here', async () => {
    const hq = await hqDevice(net);
    const forged = await strangerBundle(newcomerKeys());
    forged[forged.length - 1]! ^= 1;
    // HQ is full of waiting devices: the cap is said, not the bad signature behind it.
    await hq.db.exchangePendingDevices.bulkPut(
      Array.from({ length: MAX_PENDING_DEVICES }, (_, i) => ({
        deviceId: `waiting-${i}`,
        sender: {
          deviceId: `waiting-${i}`,
          officerId: `someone-${i}`,
          postCode: 'BOG',
          role: 'unknown' as const,
          fingerprint: 'AAAA',
        },
        signingKey: 'x',
        encryptionKey: 'y',
        card: null,
        firstSeenAt: '2025-06-01T12:00:00.000Z',
      })),
    );
    const report = await importFiles(hq.deps, [{ name: 'one-more.llb', data: forged }]);
    expect(report.files[0]?.outcome).toMatchObject({
      kind: 'rejected',
      errorKey: 'exchange.error.pending-full',
      errorValues: { max: MAX_PENDING_DEVICES },
    });
    expect(await hq.db.exchangePendingDevices.count()).toBe(MAX_PENDING_DEVICES);
  });
});

describe('caps on what strangers can make HQ store', () => {
  it(`keeps at most ${MAX_PENDING_BUNDLES_PER_DEVICE} bundles of one waiting device`, async () => {
    const hq = await hqDevice(net);
    const keys = newcomerKeys();
    const files = await Promise.all(
      Array.from({ length: MAX_PENDING_BUNDLES_PER_DEVICE + 1 }, async (_, i) => ({
        name: `b${i}.llb`,
        data: await strangerBundle(keys),
      })),
    );
    const report = await importFiles(hq.deps, files);
    const kinds = report.files.map((f) => f.outcome.kind);
    expect(kinds.filter((k) => k === 'pending-device')).toHaveLength(
      MAX_PENDING_BUNDLES_PER_DEVICE,
    );
    expect(report.files.at(-1)?.outcome).toMatchObject({
      errorKey: 'exchange.error.pending-device-full',
    });
    expect((await listPendingDevices(hq.db))[0]?.bundles).toBe(MAX_PENDING_BUNDLES_PER_DEVICE);
  });

  it('keeps the bytes of all waiting bundles under the cap', async () => {
    const hq = await hqDevice(net);
    const keys = newcomerKeys();
    const first = await strangerBundle(keys);
    await importFiles(hq.deps, [{ name: 'first.llb', data: first }]);
    const row = await hq.db.exchangePendingDevices.get(OFFICER_NEW.deviceId);
    expect(row?.bytes).toBe(first.length);
    // Someone else's bundles already fill the room.
    await hq.db.exchangePendingDevices.put({
      ...row!,
      deviceId: 'another-stranger',
      bytes: MAX_PENDING_BYTES - first.length - 10,
    });
    const report = await importFiles(hq.deps, [
      { name: 'second.llb', data: await strangerBundle(keys) },
    ]);
    expect(report.files[0]?.outcome).toMatchObject({
      errorKey: 'exchange.error.pending-storage-full',
    });
  });

  it("never lets a reused bundle id replace another device's waiting bundle", async () => {
    const hq = await hqDevice(net);
    const bundleId = '0190b7c2-8d7e-7c41-9a55-3c1f2a0e6b11';
    const genuine = await strangerBundle(newcomerKeys(), { bundleId });
    const other = await generateDeviceKeys({ extractable: true });
    const squatter = await strangerBundle(other, { bundleId, deviceId: 'squatter-pc' });
    await importFiles(hq.deps, [{ name: 'genuine.llb', data: genuine }]);
    const report = await importFiles(hq.deps, [{ name: 'squatter.llb', data: squatter }]);
    expect(report.files[0]?.outcome).toMatchObject({
      kind: 'rejected',
      errorKey: 'exchange.error.bundle-id-reused',
    });
    const held = await hq.db.exchangePendingBundles.get(bundleId);
    expect(held?.deviceId).toBe(OFFICER_NEW.deviceId);
    expect(new Uint8Array(held!.data)).toEqual(genuine);
    expect((await listPendingDevices(hq.db)).map((d) => d.sender.deviceId)).toEqual([
      OFFICER_NEW.deviceId,
    ]);
    // The very same file again while it waits is still fine.
    const again = await importFiles(hq.deps, [{ name: 'genuine.llb', data: genuine }]);
    expect(again.files[0]?.outcome.kind).toBe('pending-device');
  });
});

describe('a queued file whose import dies', () => {
  /** An import the app does not survive: it stops once the file's try has begun. */
  const dies = {
    onProgress: (p: { fileFraction: number }) => {
      if (p.fileFraction === 0) throw new Error('the app died here');
    },
  };

  async function officerExport(): Promise<{
    hq: TestDevice;
    file: { name: string; data: Uint8Array };
  }> {
    const hq = await hqDevice(net);
    const officer = await officerDevice(net, OFFICER_A);
    await logOne(officer, 'Port visit');
    const built = await buildChangesExport(officer.deps);
    if (!built) throw new Error('nothing exported');
    return { hq, file: { name: built.fileName, data: built.data } };
  }

  it(`is set aside with its reason after ${MAX_IMPORT_ATTEMPTS} tries, never tried again`, async () => {
    const { hq, file } = await officerExport();
    await expect(importFiles(hq.deps, [file], dies)).rejects.toThrow('the app died here');
    await expect(resumeInterrupted(hq.deps, dies)).rejects.toThrow('the app died here');
    expect(await hq.db.exchangeQueue.count()).toBe(1);

    // The next start: the file is not tried a third time.
    const report = await resumeInterrupted(hq.deps);
    expect(report?.files.map((f) => f.outcome)).toEqual([
      { kind: 'set-aside', attempts: 2, errorKey: 'exchange.error.import-stopped' },
    ]);
    expect(report?.finishedAt).not.toBeNull();
    expect(await hq.db.exchangeQueue.count()).toBe(0);
    expect(await hq.db.activities.count()).toBe(0);
    expect(await hq.db.exchangeState.where('key').startsWith('importAttempt:').count()).toBe(0);
    // Nothing is left to resume at the start after that.
    expect(await resumeInterrupted(hq.deps)).toBeNull();
    // A person can still import the same file on purpose, and it applies.
    const again = await importFiles(hq.deps, [file]);
    expect(again.files[0]?.outcome.kind).toBe('applied');
  });

  it('counts a try that dies while its bytes are read, and sets it aside unread after two', async () => {
    const { hq, file } = await officerExport();
    // Reading the queued file's row is where a huge file runs the renderer out of memory.
    const read = vi
      .spyOn(hq.db.exchangeQueue, 'get')
      .mockRejectedValue(new Error('out of memory while reading'));
    await expect(importFiles(hq.deps, [file])).rejects.toThrow('out of memory while reading');
    await expect(resumeInterrupted(hq.deps)).rejects.toThrow('out of memory while reading');
    const reads = read.mock.calls.length;
    expect(reads).toBe(2);
    const report = await resumeInterrupted(hq.deps);
    // The third start never reads the file again (no third call).
    expect(read.mock.calls.length).toBe(reads);
    read.mockRestore();
    expect(report?.files.map((f) => f.outcome)).toEqual([
      { kind: 'set-aside', attempts: 2, errorKey: 'exchange.error.import-stopped' },
    ]);
    expect(await hq.db.exchangeQueue.count()).toBe(0);
  });

  it('is imported on its second try when only the first one died', async () => {
    const { hq, file } = await officerExport();
    await expect(importFiles(hq.deps, [file], dies)).rejects.toThrow('the app died here');
    const report = await resumeInterrupted(hq.deps);
    expect(report?.files[0]?.outcome.kind).toBe('applied');
    expect(await hq.db.activities.count()).toBe(1);
  });
});
