// The stored shapes of the exchange tables (schema version 3): what bundles came in, from
// whom, what is missing, what waits, and the import runs. Only renderer/src/db/exchange*.ts
// read or write these tables.
import { type Change } from '../../../../shared/sync/change.ts';
import { type SeqRange } from '../../../../shared/sync/receipts.ts';
import { type RefusalCode } from '../../../../shared/sync/refusal.ts';
import { type DeviceCard } from '../../../../shared/identity/enrollment.ts';
import { type UnreadableReason } from '../../../../shared/ipc/contract.ts';
import { type ImportRunReport, type SenderInfo } from './api.ts';

/** A bundle this device has imported (changes) or taken note of (receipts, profiles). */
export interface ReceivedBundleRow {
  bundleId: string;
  senderDeviceId: string;
  kind: 'changes' | 'receipt' | 'profile';
  /** SHA-256 of the whole file (base64url): a replay is recognised without decoding it. */
  digest: string;
  importedAt: string;
  ranges: SeqRange[];
}

/** Per sending device: what it is, what of it this device holds, how far it announced. */
export interface SenderRow {
  deviceId: string;
  sender: SenderInfo;
  /** Sorted ranges of its change seqs held here (Coverage for this one device). */
  coverage: SeqRange[];
  /** The highest seq any of its bundle headers announced: beyond coverage, a gap. */
  knownHighest: number;
  lastBundleAt: string;
  /**
   * The time (ISO, from its stamp) of the newest change any of its bundles carried: how
   * recent its data is, where lastBundleAt says when it arrived. Absent on rows from before.
   */
  newestChangeAt?: string;
}

/** A remote change that could not be judged yet ('unknown-record'); retried on each import. */
export interface DeferredRow {
  deviceId: string;
  seq: number;
  recordId: string;
  /** As received, except sensitive values, which are sealed like everything stored. */
  change: Change;
  deferredAt: string;
  /**
   * Why it waits (absent on rows stored before this field existed): 'newer-path' and
   * 'newer-catalogue' rows are retried at any import once this version knows their path or
   * type, 'unknown-record' ones when their record arrives.
   */
  reason?: RefusalCode;
  /**
   * Set for a change held because its stamp is too far ahead of this device's clock
   * (refusal 'clock-ahead'): from this time (ISO) it is retried at every import, whatever
   * records the import touches. Not indexed: held changes are few.
   */
  heldUntil?: string;
}

/** A device nobody here has approved yet: from a bundle header or an enrollment card. */
export interface PendingDeviceRow {
  deviceId: string;
  sender: SenderInfo;
  signingKey: string;
  encryptionKey: string;
  /** The device's self-signed card, when it came as an enrollment file. */
  card: DeviceCard | null;
  firstSeenAt: string;
  /** Bytes of its bundles waiting here (absent on rows from before the caps: counted as 0). */
  bytes?: number;
}

/** A bundle from a pending device, kept as received until the device is approved. */
export interface PendingBundleRow {
  bundleId: string;
  deviceId: string;
  fileName: string;
  data: Uint8Array;
  receivedAt: string;
}

/** A team lead's own approval of an officer device of its posts (HQ's is the profile). */
export interface LocalApprovalRow {
  deviceId: string;
  officerId: string;
  postCode: string;
  name: string;
  signingKey: string;
  encryptionKey: string;
  approvedAt: string;
}

/** A file waiting in an import run: queued before any work, so a cut run resumes. */
export interface QueuedFileRow {
  id: string;
  runId: string;
  /** Position in the run. */
  index: number;
  name: string;
  /** Empty when the file could not be read (`unreadable` says why). */
  data: Uint8Array;
  /** Set when the platform could not read the file: it is reported rejected, nothing else. */
  unreadable?: UnreadableReason;
}

/** An import run as stored: the report, plus how many files it was given. */
export interface ImportRunRow extends ImportRunReport {
  fileCount: number;
}

/** Small exchange settings and facts (last export, last receipt from HQ, folders). */
export interface ExchangeStateRow {
  key: string;
  value: unknown;
}
