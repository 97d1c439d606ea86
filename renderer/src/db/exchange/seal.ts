// Sensitive values across the exchange: opened with this device's data key before they leave
// in a bundle (the bundle is encrypted for its recipients), sealed again with the receiver's
// data key before anything is stored. WebCrypto is async, so both run outside any Dexie
// transaction, many at once.
import { type ActivityTypeDef } from '../../../../shared/domain/catalogue-types.ts';
import { type Change } from '../../../../shared/sync/change.ts';
import { decryptField, encryptField, isSealed } from '../../../../shared/vault/index.ts';
import { ExchangeError } from './errors.ts';
import { isSealedPath } from '../sealing.ts';

/** Values sealed or opened at once: enough to keep WebCrypto's threads busy, little memory. */
const IN_FLIGHT = 256;

/**
 * Runs `work` over the indexes with IN_FLIGHT lanes, each taking the next index as soon as
 * its last one is done (no batch waits for its slowest value). Rejects on the first failure.
 */
async function eachLimited(indexes: readonly number[], work: (i: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < indexes.length) {
      const i = indexes[next++] as number;
      await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, indexes.length) }, lane));
}

/** What an export can send: the changes opened, and the entries some value of would not open. */
export interface OpenedForExport {
  changes: Change[];
  /** Ids of the records a sealed value of which could not be opened (damaged on disk). */
  unreadable: string[];
}

/**
 * The changes with every sealed value opened (context: record id and field, as sealed). A
 * value that will not open (damaged on disk) is left out with every other change of its
 * record, so a record is sent whole or not at all, and one damaged value never blocks an
 * export (docs/exchange.md). A sealed value while locked is 'locked'.
 */
export async function openForExport(
  dataKey: CryptoKey | undefined,
  changes: readonly Change[],
): Promise<OpenedForExport> {
  const sealed: number[] = [];
  changes.forEach((c, i) => {
    if (isSealed(c.value)) sealed.push(i);
  });
  const out = [...changes];
  if (sealed.length === 0) return { changes: out, unreadable: [] };
  if (!dataKey) throw new ExchangeError('locked', 'sealed values to open while locked');
  const unreadable = new Set<string>();
  await eachLimited(sealed, async (i) => {
    const c = out[i] as Change;
    try {
      const value = await decryptField(dataKey, c.value as string, {
        recordId: c.recordId,
        field: c.field,
      });
      out[i] = { ...c, value };
    } catch {
      unreadable.add(c.recordId);
    }
  });
  return {
    changes: unreadable.size === 0 ? out : out.filter((c) => !unreadable.has(c.recordId)),
    unreadable: [...unreadable].sort(),
  };
}

/**
 * The changes with each sensitive value sealed with this device's data key. Which paths are
 * sensitive depends on the record's type: `typeOf` says it when known (from the batch or the
 * stored row); otherwise every path some catalogue type marks sensitive is sealed. Every such
 * value is sealed, even one that looks sealed already: it came from elsewhere, as data.
 */
export async function sealIncoming(
  dataKey: CryptoKey | undefined,
  changes: readonly Change[],
  typeOf: (recordId: string) => ActivityTypeDef | undefined,
): Promise<Change[]> {
  const todo: number[] = [];
  changes.forEach((c, i) => {
    if (c.value !== null && isSealedPath(c.field, typeOf(c.recordId))) todo.push(i);
  });
  const out = [...changes];
  if (todo.length === 0) return out;
  if (!dataKey) throw new ExchangeError('locked', 'sensitive values to seal while locked');
  await eachLimited(todo, async (i) => {
    const c = out[i] as Change;
    const value = await encryptField(dataKey, c.value, { recordId: c.recordId, field: c.field });
    out[i] = { ...c, value };
  });
  return out;
}
