// Typed access to the exchangeState key/value table: when this device last exported and
// what, when HQ's last receipt came, the folders chosen for exports and imports.
import { type SeqRange } from '../../../shared/sync/receipts.ts';
import { type LiaisonDb } from './db.ts';

export interface LastExport {
  at: string;
  bundleId: string;
  fileName: string;
  ranges: SeqRange[];
  /** The highest own seq the export carried. */
  toSeq: number;
}

export interface FolderChoice {
  id: string;
  label: string;
}

export interface ExchangeStateValues {
  lastExport: LastExport;
  /** The highest own seq any export has carried (never goes down). */
  lastExportedSeq: number;
  lastReceiptFromHqAt: string;
  exportFolder: FolderChoice;
  importFolder: FolderChoice;
}

export type ExchangeStateKey = keyof ExchangeStateValues;

export async function getExchangeState<K extends ExchangeStateKey>(
  db: LiaisonDb,
  key: K,
): Promise<ExchangeStateValues[K] | undefined> {
  const row = await db.exchangeState.get(key);
  // Safe: every write to this key went through setExchangeState with the same K.
  return row?.value as ExchangeStateValues[K] | undefined;
}

export async function setExchangeState<K extends ExchangeStateKey>(
  db: LiaisonDb,
  key: K,
  value: ExchangeStateValues[K],
): Promise<void> {
  await db.exchangeState.put({ key, value });
}
