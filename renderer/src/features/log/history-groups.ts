// Groups an entry's history into saves, for the history table.
import { type Json } from '../../../../shared/sync/change.ts';
import { decodeHlc } from '../../../../shared/sync/hlc.ts';

/** One field write of an entry's history: an own change, or a field of an imported save. */
export interface HistoryItem {
  key: string;
  deviceId: string;
  author: string;
  hlc: string;
  field: string;
  /** The value written, when this computer still knows it (`known`). */
  value: Json;
  known: boolean;
  /** A sealed value that could not be opened. */
  unreadable?: boolean;
  /** Arrived in a bundle (another device's write). */
  imported: boolean;
}

/**
 * Writes of one save share the device, the author and (nearly) the HLC wall time: they were
 * stamped in one transaction. Consecutive writes within a second are shown as one save.
 */
export function groupBySave<T extends Pick<HistoryItem, 'deviceId' | 'author' | 'hlc'>>(
  items: readonly T[],
): T[][] {
  const groups: T[][] = [];
  let wallOfGroup = -Infinity;
  for (const item of items) {
    const wall = decodeHlc(item.hlc)?.wall ?? 0;
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (
      last &&
      prev &&
      prev.deviceId === item.deviceId &&
      prev.author === item.author &&
      wall - wallOfGroup < 1000
    ) {
      last.push(item);
    } else {
      groups.push([item]);
      wallOfGroup = wall;
    }
  }
  return groups;
}
