// This install's identity and counters: the device id, its hybrid logical clock and its
// change sequence. Clock and sequence are read and written inside the caller's write
// transaction, so they advance exactly when the write that used them commits.
import Dexie from 'dexie';
import { HlcClock } from '../../../shared/sync/hlc.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { getMeta, seqKey, setMeta, type DeviceInfo } from './meta.ts';

export { randomId } from './random-id.ts';

/** The device record, created on first call. One transaction: two windows get one id. */
export async function getOrCreateDevice(db: LiaisonDb): Promise<DeviceInfo> {
  try {
    return await db.transaction('rw', db.meta, async () => {
      const existing = await getMeta(db, 'device');
      if (existing) return existing;
      const device: DeviceInfo = {
        deviceId: db.newId(),
        createdAt: new Date(db.now()).toISOString(),
      };
      await setMeta(db, 'device', device);
      return device;
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

export function assertInWriteTransaction(what: string): void {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes('meta')) {
    throw new Error(`${what} must run inside a rw transaction that includes meta`);
  }
}

/**
 * The device's HLC over the database. State is restored from meta at every use rather
 * than held in memory: two windows on one database then never issue the same stamp, and
 * an aborted write leaves the persisted clock where it was.
 */
export class DeviceClock {
  constructor(
    private readonly db: LiaisonDb,
    readonly deviceId: string,
  ) {}

  /** `count` strictly increasing stamps, after every stamp issued or observed before. */
  async stamp(count: number): Promise<string[]> {
    assertInWriteTransaction('DeviceClock.stamp');
    const { stamps, current } = stampsAfter(
      this.deviceId,
      this.db.now,
      await getMeta(this.db, 'hlc'),
      count,
    );
    await setMeta(this.db, 'hlc', current);
    return stamps;
  }

  /** Folds remote stamps in (import); returns those clamped as too far in the future. */
  async observe(remote: readonly string[]): Promise<string[]> {
    assertInWriteTransaction('DeviceClock.observe');
    const clock = await this.restore();
    const clamped = remote.filter((hlc) => clock.receive(hlc).clamped);
    await setMeta(this.db, 'hlc', clock.current);
    return clamped;
  }

  private async restore(): Promise<HlcClock> {
    const start = await getMeta(this.db, 'hlc');
    return new HlcClock(this.deviceId, this.db.now, undefined, start);
  }
}

/**
 * `count` strictly increasing stamps after `stored`, the clock as read in the caller's write
 * transaction, and the clock to store after them (`current`). Pure, so a write can read the
 * clock together with its other reads and write it back together with its other writes.
 */
export function stampsAfter(
  deviceId: string,
  now: () => number,
  stored: string | undefined,
  count: number,
): { stamps: string[]; current: string } {
  const clock = new HlcClock(deviceId, now, undefined, stored);
  const stamps = Array.from({ length: count }, () => clock.tick());
  return { stamps, current: clock.current };
}

/**
 * Reserves `count` contiguous sequence numbers for a device and returns the first.
 * Kept as a counter in meta: a save never counts the change log.
 */
export async function allocateSeqs(
  db: LiaisonDb,
  deviceId: string,
  count: number,
): Promise<number> {
  assertInWriteTransaction('allocateSeqs');
  const last = (await getMeta(db, seqKey(deviceId))) ?? 0;
  await setMeta(db, seqKey(deviceId), last + count);
  return last + 1;
}
