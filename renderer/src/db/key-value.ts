// Typed reads and writes of a key/value table (`meta`, `exchangeState`): a map of key -> value
// type says what each key holds, and every write goes through writeKey, so reads can trust it.
import { type Table } from 'dexie';

export interface KeyValueRow {
  key: string;
  value: unknown;
}

export async function readKey<V, K extends keyof V & string>(
  table: Table<KeyValueRow, string>,
  key: K,
): Promise<V[K] | undefined> {
  const row = await table.get(key);
  // Safe: every write to this key went through writeKey with the same K.
  return row?.value as V[K] | undefined;
}

export async function writeKey<V, K extends keyof V & string>(
  table: Table<KeyValueRow, string>,
  key: K,
  value: V[K],
): Promise<void> {
  await table.put({ key, value });
}

/** Several keys in one batch of requests, in the order asked. */
export async function readKeys<V, const K extends readonly (keyof V & string)[]>(
  table: Table<KeyValueRow, string>,
  keys: K,
): Promise<{ -readonly [I in keyof K]: V[K[I]] | undefined }> {
  const rows = await table.bulkGet([...keys]);
  // Safe as in readKey: every write to these keys went through writeKey or keyRow.
  return rows.map((row) => row?.value) as { -readonly [I in keyof K]: V[K[I]] | undefined };
}

/** A row for a bulk write, typed as writeKey types one value. */
export function keyRow<V, K extends keyof V & string>(key: K, value: V[K]): KeyValueRow {
  return { key, value };
}
