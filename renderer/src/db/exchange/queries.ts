// What the sync screens read about the exchange, with useLiveQuery: kept import reports,
// devices waiting for approval, missing ranges per device, and the status strip's figures.
// (api.ts names these; the engine that writes them is engine.ts.)
import { missingByDevice, missingRanges, type SeqRange } from '../../../../shared/sync/receipts.ts';
import { type DeviceGapView, type ExchangeStatus } from './api.ts';
import { type LiaisonDb } from '../db.ts';
import { waitingOwnChanges } from './export.ts';
import { loadSelfInfo } from './self.ts';
import { getExchangeState } from './state.ts';
import { countPendingChanges } from '../sync-state.ts';

export { listImportRuns, getImportRun } from './runs.ts';
export { listPendingDevices, revokeLocalApproval } from './devices.ts';

/** "Bundles 12-14 from officer X at post Y have not arrived", for every device, by device. */
export async function listGaps(db: LiaisonDb): Promise<DeviceGapView[]> {
  const senders = await db.exchangeSenders.toArray();
  const coverage = Object.fromEntries(senders.map((s) => [s.deviceId, s.coverage] as const));
  const highest = Object.fromEntries(senders.map((s) => [s.deviceId, s.knownHighest] as const));
  const byDevice = new Map(senders.map((s) => [s.deviceId, s.sender] as const));
  return missingByDevice(coverage, highest).flatMap((gap) => {
    const sender = byDevice.get(gap.deviceId);
    return sender ? [{ sender, from: gap.from, to: gap.to }] : [];
  });
}

/** What arrived from one device: when its last bundle came, how recent its data, what is missing. */
export interface BundleArrival {
  readonly deviceId: string;
  readonly officerId: string;
  readonly postCode: string | null;
  /** When its last bundle was imported here (ISO). */
  readonly lastBundleAt: string;
  /** The time of the newest change its bundles carried (ISO); absent on rows from before. */
  readonly newestChangeAt?: string;
  /** Its change numbers announced but not held here. */
  readonly missing: readonly SeqRange[];
}

/** Per sending device, from the senders table (one small row per device, never the changes). */
export async function listBundleArrivals(db: LiaisonDb): Promise<BundleArrival[]> {
  const senders = await db.exchangeSenders.toArray();
  return senders.map((s) => ({
    deviceId: s.deviceId,
    officerId: s.sender.officerId,
    postCode: s.sender.postCode,
    lastBundleAt: s.lastBundleAt,
    ...(s.newestChangeAt === undefined ? {} : { newestChangeAt: s.newestChangeAt }),
    missing: missingRanges({ [s.deviceId]: s.coverage }, s.deviceId, s.knownHighest),
  }));
}

export async function getExchangeStatus(db: LiaisonDb): Promise<ExchangeStatus> {
  const [lastExport, lastExportedSeq, lastReceipt] = await Promise.all([
    getExchangeState(db, 'lastExport'),
    getExchangeState(db, 'lastExportedSeq'),
    getExchangeState(db, 'lastReceiptFromHqAt'),
  ]);
  let waiting: number;
  try {
    waiting = await waitingOwnChanges(db, await loadSelfInfo(db));
  } catch {
    // Not set up yet: no recipients to count against.
    waiting = await countPendingChanges(db);
  }
  return {
    waiting,
    lastExportAt: lastExport?.at ?? null,
    lastExportedSeq: lastExportedSeq ?? 0,
    lastReceiptFromHqAt: lastReceipt ?? null,
  };
}
