// The contract between the sync screens and the exchange engine (export, import, receipts,
// device approval). The engine implements ExchangeClient (exchange-client.ts, backed by a
// Web Worker); the screens call it and read the stored state through the db functions named
// below with useLiveQuery. Types only: no behaviour lives here.
import { type SeqRange } from '../../../../shared/sync/receipts.ts';
import { type UnreadableReason } from '../../../../shared/ipc/contract.ts';

/** Who sent a bundle, as the report and the pending-devices list show it. */
export interface SenderInfo {
  deviceId: string;
  officerId: string;
  /** Null for HQ. */
  postCode: string | null;
  /** Role from the profile or the device list; 'unknown' for a device nobody approved yet. */
  role: 'officer' | 'lead' | 'hq' | 'unknown';
  /** The signing key's fingerprint code, grouped for reading aloud (fingerprintCode()). */
  fingerprint: string;
}

/** Per-change outcomes of a changes bundle (shared/sync/merge.ts). */
export interface OutcomeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  stale: number;
  refused: number;
}

/** Further per-bundle figures beside OutcomeCounts (added by the engine; optional to read). */
export interface OutcomeExtras {
  /** Kept to retry: their record has not arrived here yet. */
  deferred: number;
  /** Merged changes stamped far ahead of this device's clock (a sender's clock to fix). */
  clockAhead: number;
  /** Changes deferred by earlier bundles that this bundle let through (applied or refused). */
  retried: number;
}

/** Entries a bundle added here, and entries already here that it changed. */
export interface EntryCounts {
  added: number;
  updated: number;
  /**
   * Of `added`, the nil reports ("nothing to report this month"): the log does not list them,
   * so the report says how many, or 72,823 entries imported beside a log of 72,800 reads as a
   * loss. Absent in reports stored before it was counted.
   */
  nilReports?: number;
}

/** One refused change, with its reason as an i18n key (shared/sync refusal codes). */
export interface RefusedChange {
  recordId: string;
  field: string;
  reasonKey: string;
  reasonValues?: Record<string, string | number>;
}

/** What became of one file of an import. Every message is an i18n key plus values. */
export type FileOutcome =
  | {
      kind: 'applied';
      bundleId: string;
      sender: SenderInfo;
      ranges: SeqRange[];
      counts: OutcomeCounts;
      /** Added by the engine: deferred, clock-ahead and retried counts. */
      extras?: OutcomeExtras;
      /** At most 200 listed; `counts.refused` has the total. */
      refused: RefusedChange[];
      /**
       * Entries this file added or changed here, what a person counts in (the counts above
       * are per field change). Absent in reports kept from before it was recorded.
       */
      entries?: EntryCounts;
    }
  | { kind: 'already-imported'; bundleId: string; sender: SenderInfo; importedAt: string }
  /** From a device not approved yet: stored, applied when someone approves the device. */
  | { kind: 'pending-device'; bundleId: string; sender: SenderInfo }
  | {
      kind: 'receipt';
      from: SenderInfo;
      acknowledgedUpTo: number;
      /** Own entries with a save above `acknowledgedUpTo`; absent from reports stored before it. */
      entriesNotHeld?: number;
    }
  | {
      kind: 'profile';
      version: number;
      updated: boolean;
      /** A new HQ key: held until the person types the new HQ code (never applied here). */
      pending?: boolean;
    }
  | { kind: 'enrollment'; sender: SenderInfo }
  /**
   * A queued file whose import stopped twice without an answer (the app closed, crashed or
   * ran out of memory working on it): set aside, never tried again. `errorKey` says why
   * (`exchange.error.import-stopped`, or the last failure that could not be recorded).
   */
  | {
      kind: 'set-aside';
      attempts: number;
      errorKey: string;
      errorValues?: Record<string, string | number>;
    }
  /** The file changed nothing. `errorKey` is e.g. 'bundle.error.bad-signature'. */
  | { kind: 'rejected'; errorKey: string; errorValues?: Record<string, string | number> };

export interface FileReport {
  fileName: string;
  outcome: FileOutcome;
}

/** One import run (one or many files), kept and listed later (newest first). */
export interface ImportRunReport {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  files: FileReport[];
  /** True when the person cancelled between files; the rest were not touched. */
  cancelled: boolean;
  /** Set on the run an approval started: the waiting bundles of this device, imported. */
  approval?: { deviceId: string; officerId: string };
  /** Set on the runs online sync made: the files came from the relay, not from a person. */
  relay?: true;
}

export interface ImportProgress {
  fileIndex: number;
  fileCount: number;
  fileName: string;
  /** 0..1 within the current file. */
  fileFraction: number;
  /** 0..1 over the whole run. */
  overallFraction: number;
}

/**
 * One file of an import: its bytes, or why the platform could not read it (it went away,
 * was locked, too large). An unreadable file is reported as rejected
 * (`exchange.error.cannot-read`) and stores nothing; the other files are imported as usual.
 */
export type ImportFileInput =
  { name: string; data: Uint8Array } | { name: string; unreadable: UnreadableReason };

/** One file of an export written as several: a receipt for more than 64 devices. */
export interface WrittenPart {
  fileName: string;
  location?: string;
  /** 1-based, of `partCount`. */
  part: number;
  partCount: number;
  /** The posts whose officers' devices the file is for, in code order. */
  posts: string[];
  /** Devices it is for that belong to no one post (team leads, HQ). */
  otherDevices: number;
}

export type ExportResult =
  | { status: 'nothing-to-send' }
  /**
   * The person cancelled a save dialog. With `parts`: the export had several files and these
   * were saved before (each complete for its devices); `partCount` is how many there were.
   */
  | { status: 'cancelled'; parts?: WrittenPart[]; partCount?: number }
  | {
      status: 'written';
      /** The first file's name when there are several (`parts`). */
      fileName: string;
      /** Where the platform says it went (a folder path, "Downloads"), when known. */
      location?: string;
      changes: number;
      records: number;
      ranges: SeqRange[];
      /** Entries left out because they could not be read (damaged on disk); absent: none. */
      unreadable?: number;
      /** Every file, in order, when the export was written as several (receipts). */
      parts?: WrittenPart[];
    };

export interface ExportOptions {
  /** A folder chosen once (platform FolderRef id); absent: the save dialog. */
  folderId?: string;
}

/**
 * How every ExchangeClient method fails: the promise rejects with an Error carrying the i18n
 * key of what to show (`exchange.error.*`, `bundle.error.*`, `identity.error.*`,
 * `vault.error.*`) and its values. Platform errors of the save step come through as they are.
 */
export interface ExchangeFailure {
  messageKey: string;
  messageValues?: Record<string, string | number>;
}

export interface ExchangeClient {
  /** Every own change a recipient has not acknowledged, for HQ and the post's team leads. */
  exportBundle(options?: ExportOptions): Promise<ExportResult>;
  /**
   * HQ or a team lead: a signed receipt for one post's devices, or for all (no postCode). Past
   * 64 devices it is several files, each saved in turn (one dialog each, or all in the folder).
   */
  exportReceipt(options: ExportOptions & { postCode?: string }): Promise<ExportResult>;
  /** HQ: the current profile as a signed profile file for devices to import. */
  exportProfile(options?: ExportOptions): Promise<ExportResult>;
  /**
   * Imports files one after another in a worker; cancel takes effect between files. The
   * files are queued durably first, so a run cut short (crash, closed window) resumes.
   */
  importFiles(
    files: ImportFileInput[],
    options: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal },
  ): Promise<ImportRunReport>;
  /** Resumes files left queued by an interrupted run; null when none were. */
  resumeInterrupted(options: {
    onProgress?: (p: ImportProgress) => void;
  }): Promise<ImportRunReport | null>;
  /** Approves a waiting device (after comparing its fingerprint) and imports its bundles. */
  approveDevice(deviceId: string): Promise<ImportRunReport>;
  /** Drops a waiting device and its stored bundles. */
  rejectDevice(deviceId: string): Promise<void>;
}

/*
 * Stored state the screens read with useLiveQuery, from renderer/src/db/exchange/queries.ts:
 *   listImportRuns(db, limit?): Promise<ImportRunReport[]>         newest first
 *   listPendingDevices(db): Promise<PendingDevice[]>
 *   listGaps(db): Promise<DeviceGapView[]>
 *   getExchangeStatus(db): Promise<ExchangeStatus>
 *   getImportRun(db, runId): Promise<ImportRunReport | undefined>
 */
export interface PendingDevice {
  sender: SenderInfo;
  /** Bundles waiting for the approval. */
  bundles: number;
  firstSeenAt: string;
}

/** "Bundles 12-14 from officer X at post Y have not arrived": change seqs from..to missing. */
export interface DeviceGapView {
  sender: SenderInfo;
  from: number;
  to: number;
}

export interface ExchangeStatus {
  /** Own changes not acknowledged (the status strip's count). */
  waiting: number;
  lastExportAt: string | null;
  /** The highest own change seq any export has carried (0: none). Resetting the device is
   *  allowed while changes are unacknowledged only if an export carried all of them. */
  lastExportedSeq: number;
  lastReceiptFromHqAt: string | null;
}
