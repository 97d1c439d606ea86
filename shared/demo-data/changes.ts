// What each officer's laptop would have sent: one change per field path of each new record
// (diffActivity against nothing), numbered 1..n in the order the entries were written, stamped
// by a hybrid logical clock reading the entry's createdAt.
import { type Activity } from '../domain/activity.ts';
import { diffActivity } from '../domain/activity-paths.ts';
import { type DemoOfficer } from '../identity/demo.ts';
import { type Change } from '../sync/change.ts';
import { HlcClock } from '../sync/hlc.ts';
import { demoOfficerDeviceId } from './roster.ts';

/** The officer's changes, seq 1..n; `entries` in any order (taken by createdAt, then id). */
export function officerChanges(entries: readonly Activity[], officer: DemoOfficer): Change[] {
  const deviceId = demoOfficerDeviceId(officer.officerId);
  const own = entries
    .filter((e) => e.officerId === officer.officerId)
    .sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
    );
  let wall = 0;
  const clock = new HlcClock(deviceId, () => wall);
  const changes: Change[] = [];
  for (const entry of own) {
    wall = Date.parse(entry.createdAt);
    for (const { path, value } of diffActivity(null, entry)) {
      changes.push({
        deviceId,
        seq: changes.length + 1,
        hlc: clock.tick(),
        collection: 'activities',
        recordId: entry.id,
        field: path,
        value,
        author: officer.officerId,
      });
    }
  }
  return changes;
}
