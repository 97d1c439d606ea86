// The one order between two writes of the same field. Merge and compaction both use it, so
// a compacted bundle carries exactly the value every receiver would have kept.
import { type Change, type Collection, type Json, DELETED_FIELD } from './change.ts';
import { compareHlc } from './hlc.ts';

/** A write of one field: its value and the HLC stamp of the change that wrote it. */
export interface FieldVersion {
  readonly value: Json;
  readonly hlc: string;
}

/** One step of canonicalJson's walk: a value to write, literal text, or leaving a container. */
type Step =
  | { readonly kind: 'value'; readonly value: Json }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'leave'; readonly container: object };

const byCodeUnits = ([a]: [string, Json], [b]: [string, Json]): number =>
  a < b ? -1 : a > b ? 1 : 0;

/**
 * JSON with object keys sorted, so equal values always give equal strings. Iterative, with
 * an explicit stack: values that passed isJson are at most MAX_JSON_DEPTH deep, but this is
 * exported (identity signing uses it) and must not overflow the stack on any input. A cyclic
 * value throws a TypeError, as JSON.stringify does.
 */
export function canonicalJson(value: Json): string {
  const out: string[] = [];
  // The containers being written: meeting one of them again inside itself is a cycle.
  const open = new Set<object>();
  const steps: Step[] = [{ kind: 'value', value }];
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    if (step.kind === 'text') {
      out.push(step.text);
      continue;
    }
    if (step.kind === 'leave') {
      open.delete(step.container);
      continue;
    }
    const v = step.value;
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v));
      continue;
    }
    if (open.has(v)) throw new TypeError('canonicalJson: the value is cyclic');
    open.add(v);
    const next: Step[] = [];
    if (Array.isArray(v)) {
      next.push({ kind: 'text', text: '[' });
      v.forEach((item, i) => {
        if (i > 0) next.push({ kind: 'text', text: ',' });
        next.push({ kind: 'value', value: item });
      });
      next.push({ kind: 'text', text: ']' });
    } else {
      next.push({ kind: 'text', text: '{' });
      Object.entries(v)
        .sort(byCodeUnits)
        .forEach(([key, item], i) => {
          next.push({ kind: 'text', text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` });
          next.push({ kind: 'value', value: item });
        });
      next.push({ kind: 'text', text: '}' });
    }
    next.push({ kind: 'leave', container: v });
    // Reversed onto the stack, so the first piece is written first.
    for (let i = next.length - 1; i >= 0; i--) steps.push(next[i] as Step);
  }
  return out.join('');
}

/**
 * Negative when `a` loses to `b`, 0 when they are the same write, positive when `a` wins.
 * The HLC decides (its last part is the device id, so ties between devices are already
 * broken). Only a faulty or forged sender can stamp two values with one HLC; the canonical
 * value then decides so that every replica still picks the same winner.
 */
export function compareVersions(a: FieldVersion, b: FieldVersion): number {
  const byClock = compareHlc(a.hlc, b.hlc);
  if (byClock !== 0) return byClock;
  const va = canonicalJson(a.value);
  const vb = canonicalJson(b.value);
  return va < vb ? -1 : va > vb ? 1 : 0;
}

/**
 * The order merge and compaction use for writes of `field`: compareVersions, except that a
 * tombstone (`_deleted: true`) beats `_deleted: false` whatever the stamps. A live record may
 * carry `_deleted: false` (a new record's first save writes every path), and no such write,
 * however late its stamp, may undo a deletion, in any order of arrival.
 */
export function compareWrites(field: string, a: FieldVersion, b: FieldVersion): number {
  if (field === DELETED_FIELD && (a.value === true) !== (b.value === true)) {
    return a.value === true ? 1 : -1;
  }
  return compareVersions(a, b);
}

/** An unambiguous key for one field of one record. */
export function fieldKey(collection: Collection, recordId: string, field: string): string {
  return JSON.stringify([collection, recordId, field]);
}

/** The winning change per (collection, recordId, field), keyed by fieldKey(). */
export function latestPerField(changes: readonly Change[]): Map<string, Change> {
  const latest = new Map<string, Change>();
  for (const change of changes) {
    const key = fieldKey(change.collection, change.recordId, change.field);
    const held = latest.get(key);
    if (!held || compareWrites(change.field, change, held) > 0) latest.set(key, change);
  }
  return latest;
}
