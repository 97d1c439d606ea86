// The messages between the sync screens' client (main thread) and the exchange worker. Only
// structured-cloneable values cross: bytes, plain objects and the data CryptoKey.
import { type ImportFileInput, type ImportProgress, type ImportRunReport } from './api.ts';
import { type BuiltFile } from './export.ts';
import { type ReceiptFile } from './receipts.ts';
import { type RelayEngineAnswers } from '../online/port.ts';

export type ExchangeRequest =
  | { op: 'exportBundle' }
  | { op: 'exportReceipt'; postCode?: string }
  /** `relay`: the files came from the relay (online sync), said in the run's report. */
  | { op: 'importFiles'; files: ImportFileInput[]; relay?: true }
  /** Online sync's questions to the engine (db/online/port.ts). */
  | { op: 'relaySelf' }
  | { op: 'relayOwnSeqs' }
  | { op: 'relaySources' }
  | { op: 'relayProfile'; sent?: number }
  | { op: 'resume' }
  | { op: 'approve'; deviceId: string }
  | { op: 'reject'; deviceId: string };

/** What each request resolves to. */
export interface ExchangeResults {
  exportBundle: BuiltFile | null;
  /** One file per part of at most 64 devices; none when no device is held from. */
  exportReceipt: ReceiptFile[];
  importFiles: ImportRunReport;
  resume: ImportRunReport | null;
  approve: ImportRunReport;
  reject: null;
  relaySelf: RelayEngineAnswers['self'];
  relayOwnSeqs: RelayEngineAnswers['ownSeqs'];
  relaySources: RelayEngineAnswers['sources'];
  relayProfile: RelayEngineAnswers['profileToSend'];
}

export interface CallMessage {
  type: 'call';
  id: number;
  /** The database to open in the worker: the window's own (same origin, same name). */
  dbName: string;
  /** The unlocked data key, for sensitive values; absent while locked. */
  dataKey?: CryptoKey;
  appVersion: string;
  request: ExchangeRequest;
}

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToWorker = CallMessage | CancelMessage;

/** A failure as the screens show it: an i18n key and its values. */
export interface WorkerFailure {
  messageKey: string;
  messageValues: Record<string, string | number>;
  message: string;
}

export type FromWorker =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'result'; id: number; value: ExchangeResults[keyof ExchangeResults] }
  | { type: 'error'; id: number; error: WorkerFailure };
