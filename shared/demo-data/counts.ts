// How much an entry counts, read from the catalogue: the type's headline `countField` and
// every field marked `counts: true`. A stand-in: once shared/summary/ (the measures module)
// lands, this file is replaced by its measure functions and the generator's totals are
// checked with them.
import { type Activity } from '../domain/activity.ts';
import { countingFields, getActivityType } from '../domain/catalogue.ts';

/** The entry's headline count (its type's countField), 0 when absent or not a number. */
export function headlineCount(entry: Pick<Activity, 'type' | 'data'>): number {
  const value = entry.data[getActivityType(entry.type).countField];
  return typeof value === 'number' ? value : 0;
}

/** Every counting field of the entry with its value (absent ones as 0). */
export function countingValues(entry: Pick<Activity, 'type' | 'data'>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const field of countingFields(getActivityType(entry.type))) {
    const value = entry.data[field.name];
    values[field.name] = typeof value === 'number' ? value : 0;
  }
  return values;
}
