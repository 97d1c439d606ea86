// Typed access to the exchangeState key/value table: when this device last exported and
// what, and when HQ's last receipt came. (Chosen folders live with the platform, useFolder.ts.)
import { type SeqRange } from '../../../../shared/sync/receipts.ts';
import { type LiaisonDb } from '../db.ts';
import { readKey, writeKey } from '../key-value.ts';

export interface LastExport {
  at: string;
  bundleId: string;
  fileName: string;
  ranges: SeqRange[];
  /** The highest own seq the export carried. */
  toSeq: number;
}

export interface ExchangeStateValues {
  lastExport: LastExport;
  /** The highest own seq any export has carried (never goes down). */
  lastExportedSeq: number;
  lastReceiptFromHqAt: string;
}

export type ExchangeStateKey = keyof ExchangeStateValues;

export function getExchangeState<K extends ExchangeStateKey>(
  db: LiaisonDb,
  key: K,
): Promise<ExchangeStateValues[K] | undefined> {
  return readKey<ExchangeStateValues, K>(db.exchangeState, key);
}

export function setExchangeState<K extends ExchangeStateKey>(
  db: LiaisonDb,
  key: K,
  value: ExchangeStateValues[K],
): Promise<void> {
  return writeKey<ExchangeStateValues, K>(db.exchangeState, key, value);
}
