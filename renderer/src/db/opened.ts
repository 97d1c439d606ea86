// Records and history with their sealed values opened for a person to read. A value that
// will not open (damaged, or moved from another record) is left out and named, so one bad
// field never hides the rest of the record.
import { DATA_PREFIX } from '../../../shared/domain/activity.ts';
import { type Change, type Json } from '../../../shared/sync/change.ts';
import { isSealed } from '../../../shared/vault/index.ts';
import { type ActivityView } from './rows.ts';
import { type Sealer } from './sealing.ts';
import { DbError } from './errors.ts';

export interface OpenedActivity extends ActivityView {
  /** Field names whose sealed value could not be opened (shown as unreadable). */
  unreadable: string[];
}

async function tryOpen(
  sealer: Sealer | undefined,
  recordId: string,
  path: string,
  value: Json,
): Promise<{ ok: true; value: Json } | { ok: false }> {
  if (!isSealed(value)) return { ok: true, value };
  if (!sealer) throw new DbError('locked', `cannot read ${path} while locked`);
  try {
    return { ok: true, value: await sealer.open(recordId, path, value) };
  } catch {
    return { ok: false };
  }
}

export async function openActivity(
  sealer: Sealer | undefined,
  view: ActivityView,
): Promise<OpenedActivity> {
  const data: Record<string, Json> = {};
  const unreadable: string[] = [];
  await Promise.all(
    Object.entries(view.data).map(async ([name, value]) => {
      const opened = await tryOpen(sealer, view.id, `${DATA_PREFIX}${name}`, value);
      if (opened.ok) data[name] = opened.value;
      else unreadable.push(name);
    }),
  );
  return { ...view, data, unreadable: unreadable.sort() };
}

/** The history's changes with values opened; an unopenable value becomes null, flagged. */
export async function openChanges(
  sealer: Sealer | undefined,
  changes: readonly Change[],
): Promise<(Change & { unreadable?: true })[]> {
  return Promise.all(
    changes.map(async (change) => {
      const opened = await tryOpen(sealer, change.recordId, change.field, change.value);
      return opened.ok
        ? { ...change, value: opened.value }
        : { ...change, value: null, unreadable: true as const };
    }),
  );
}
