// The change record: one field of one record set (or the record deleted) by one device.
// Every local write appends these to the change log; bundles carry them between devices.
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * How deeply arrays and objects may nest in a value that sync accepts: `1`, `"a"` and `null`
 * have depth 0, `[]` and `{}` depth 1, `[[1]]` depth 2. Real field values are a few levels
 * deep; the limit keeps every later walk over a value short, and lets a hostile bundle be
 * refused as invalid instead of exhausting the stack.
 */
export const MAX_JSON_DEPTH = 64;

export interface JsonCheckOptions {
  /** Deepest nesting accepted (see MAX_JSON_DEPTH for how depth is counted). */
  readonly maxDepth?: number;
}

/**
 * True when `value` is JSON data: null, a boolean, a finite number, a string, an array
 * without holes, or a plain object (prototype Object.prototype or null) whose own
 * properties are all enumerable data properties with string keys, nested at most
 * `maxDepth` deep. Iterative, so no input can overflow the stack; getters are never
 * called. A key named `__proto__` (JSON.parse makes it an own property) is plain data.
 * A cycle is refused (it is infinitely deep); a value shared by two branches is accepted,
 * as JSON.stringify writes it twice.
 */
export function isJson(value: unknown, options: JsonCheckOptions = {}): value is Json {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  // Each container is checked again only if reached deeper than before (with less depth
  // left), so shared branches cost at most maxDepth + 1 visits each, never 2^depth, and a
  // cycle fails on depth after at most maxDepth + 1 turns.
  const checkedAt = new Map<object, number>();
  const pending: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const v = item.value;
    if (v === null || typeof v === 'boolean' || typeof v === 'string') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (typeof v !== 'object') return false;
    const depth = item.depth + 1;
    if (depth > maxDepth) return false;
    const before = checkedAt.get(v);
    if (before !== undefined && before >= depth) continue;
    checkedAt.set(v, depth);
    if (!pushChildren(v, depth, pending)) return false;
  }
  return true;
}

/**
 * Queues the values inside `v` when it is a JSON array or plain object; false when it is
 * neither (a Date, a Map, a class instance, an array with holes, a getter, a symbol key).
 */
function pushChildren(
  v: object,
  depth: number,
  pending: { readonly value: unknown; readonly depth: number }[],
): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) return false;
    const items: readonly unknown[] = v;
    for (let i = 0; i < items.length; i++) {
      // A hole is not JSON (JSON.stringify would invent a null for it).
      if (!Object.hasOwn(items, i)) return false;
      pending.push({ value: items[i], depth });
    }
    return true;
  }
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Reflect.ownKeys(v)) {
    if (typeof key !== 'string') return false;
    // Read through the descriptor so that a getter is refused, never run.
    const property = Object.getOwnPropertyDescriptor(v, key);
    if (!property?.enumerable || !('value' in property)) return false;
    pending.push({ value: property.value, depth });
  }
  return true;
}

/**
 * A JSON value, checked by isJson (not a recursive schema: a value nested thousands deep
 * would overflow the stack and surface as a RangeError instead of a validation error).
 * The value passes through as it is, not copied.
 */
export const jsonSchema: z.ZodType<Json> = z.custom<Json>((value) => isJson(value), {
  error: `not JSON data: only null, booleans, finite numbers, strings, arrays and plain objects, nested at most ${MAX_JSON_DEPTH} deep`,
});

/** The field name of a tombstone change: value `true` deletes the record for good. */
export const DELETED_FIELD = '_deleted';

/** The collections that take part in sync. */
export const COLLECTIONS = ['activities'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const changeSchema = z.object({
  /** The device that made the change (and whose key signs the bundle that carries it). */
  deviceId: deviceIdSchema,
  /** 1-based, contiguous per device: the receiver finds gaps from these. */
  seq: z.number().int().positive(),
  /** encodeHlc() stamp; last writer wins per field by this, device id breaking ties. */
  hlc: z.string().min(1).max(100),
  collection: z.enum(COLLECTIONS),
  recordId: z.string().min(1).max(100),
  /** A field path of the record (see shared/domain/activity.ts) or DELETED_FIELD. */
  field: z.string().min(1).max(100),
  value: jsonSchema,
  /** The officer (or HQ / team-lead user) id on whose behalf the device made the change. */
  author: z.string().min(1).max(100),
});
export type Change = z.infer<typeof changeSchema>;
