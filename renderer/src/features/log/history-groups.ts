// Groups an entry's change log into saves, for the history table.
import { type Change } from '../../../../shared/sync/change.ts';
import { decodeHlc } from '../../../../shared/sync/hlc.ts';

/**
 * Changes of one save share the device, the author and (nearly) the HLC wall time: they were
 * stamped in one transaction. Consecutive changes within a second are shown as one save.
 */
export function groupBySave(changes: readonly Change[]): Change[][] {
  const groups: Change[][] = [];
  let wallOfGroup = -Infinity;
  for (const change of changes) {
    const wall = decodeHlc(change.hlc)?.wall ?? 0;
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (
      last &&
      prev &&
      prev.deviceId === change.deviceId &&
      prev.author === change.author &&
      wall - wallOfGroup < 1000
    ) {
      last.push(change);
    } else {
      groups.push([change]);
      wallOfGroup = wall;
    }
  }
  return groups;
}
