// The v1 payload before compression: UTF-8 JSON. A 'changes' bundle stores its changes by
// column: repeated strings (devices, collections, records, fields, authors) in dictionaries and
// sequence numbers as per-device steps, which is well under half the size of one object per
// change and faster to write and to parse. Receipts and profiles are plain JSON.
import { type Change, type Json, changeSchema, jsonSchema } from '../../sync/change.ts';
import { BundleError } from '../errors.ts';
import { type BundleKind, type SeqRange } from '../types.ts';

const DICTIONARIES = ['deviceIds', 'collections', 'recordIds', 'fields', 'authors'] as const;
type DictionaryName = (typeof DICTIONARIES)[number];
const INDEX_COLUMNS = ['device', 'collection', 'record', 'field', 'author'] as const;
type IndexColumn = (typeof INDEX_COLUMNS)[number];
const DICTIONARY_OF: { readonly [C in IndexColumn]: DictionaryName } = {
  device: 'deviceIds',
  collection: 'collections',
  record: 'recordIds',
  field: 'fields',
  author: 'authors',
};
/** The Change field each dictionary holds, validated with that field's own schema. */
const FIELD_OF: {
  readonly [D in DictionaryName]: 'deviceId' | 'collection' | 'recordId' | 'field' | 'author';
} = {
  deviceIds: 'deviceId',
  collections: 'collection',
  recordIds: 'recordId',
  fields: 'field',
  authors: 'author',
};
const ROW_COLUMNS = [...INDEX_COLUMNS, 'seq', 'hlc', 'value'] as const;
const PAYLOAD_KEYS = [...DICTIONARIES, ...ROW_COLUMNS] as const;

/** The column layout of a 'changes' payload; every row column has one entry per change. */
type ChangeColumns = { [D in DictionaryName]: string[] } & { [C in IndexColumn]: number[] } & {
  /** Step from the previous change of the same device (the first step is from 0). */
  seq: number[];
  hlc: string[];
  value: Json[];
};

export interface SerializedPayload {
  readonly text: string;
  readonly changes: number;
  readonly records: number;
}

function rangesFor(deviceIds: readonly string[], ranges: readonly SeqRange[]): SeqRange[][] {
  return deviceIds.map((d) => ranges.filter((r) => r.deviceId === d));
}

function inRanges(ranges: readonly SeqRange[] | undefined, seq: number): boolean {
  if (ranges === undefined) return false;
  for (const r of ranges) if (seq >= r.fromSeq && seq <= r.toSeq) return true;
  return false;
}

/** The exact verdict of changeSchema on whole changes: used to name the first bad change. */
function firstInvalid(changes: Iterable<unknown>): BundleError | null {
  let i = 0;
  for (const c of changes) {
    const parsed = changeSchema.safeParse(c);
    if (!parsed.success)
      return new BundleError('invalid-change', `change ${i} is not valid`, {
        changeIndex: i,
        cause: parsed.error,
      });
    i++;
  }
  return null;
}

function outOfRange(i: number, deviceId: string, seq: number): BundleError {
  return new BundleError(
    'invalid-change',
    `change ${i} (${deviceId} #${seq}) is outside the declared ranges`,
    { changeIndex: i },
  );
}

/**
 * The fast check of a change column by column with changeSchema's own field schemas: each
 * distinct string once, seq, stamp and value per row. This is changeSchema's exact verdict as
 * long as changeSchema has no rule over the whole object (no refine on it): bundle-payload
 * tests hold both to that. On false, the caller asks changeSchema to name the first bad change.
 */
function columnsValid(
  dicts: { readonly [D in DictionaryName]: readonly unknown[] },
  seq: readonly unknown[],
  hlc: readonly unknown[],
  value: Json[],
): boolean {
  const shape = changeSchema.shape;
  for (const d of DICTIONARIES) {
    const schema = shape[FIELD_OF[d]];
    for (const entry of dicts[d]) if (!schema.safeParse(entry).success) return false;
  }
  // The schema's verdict on a primitive depends on the value alone (and it passes it through
  // unchanged), so each distinct one is asked once; objects and arrays are asked every time.
  const primitiveVerdicts = new Map<unknown, boolean>();
  for (let i = 0; i < seq.length; i++) {
    if (!shape.seq.safeParse(seq[i]).success || !shape.hlc.safeParse(hlc[i]).success) return false;
    const v = value[i];
    if (typeof v === 'object' && v !== null) {
      const parsed = shape.value.safeParse(v);
      if (!parsed.success) return false;
      value[i] = parsed.data;
    } else {
      let ok = primitiveVerdicts.get(v);
      if (ok === undefined) {
        ok = shape.value.safeParse(v).success;
        primitiveVerdicts.set(v, ok);
      }
      if (!ok) return false;
    }
  }
  return true;
}

class Dictionary {
  readonly values: unknown[] = [];
  private readonly index = new Map<unknown, number>();
  private lastValue: unknown = undefined;
  private lastIndex = -1;
  of(value: unknown): number {
    // Neighbouring changes mostly share their device, record and author: skip the lookup.
    if (value === this.lastValue && this.lastIndex >= 0) return this.lastIndex;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    this.lastValue = value;
    this.lastIndex = i;
    return i;
  }
}

function serializeChanges(
  changes: readonly unknown[],
  ranges: readonly SeqRange[],
): SerializedPayload {
  const n = changes.length;
  const rows = changes as readonly Partial<Record<keyof Change, unknown>>[];
  if (!rows.every((c) => typeof c === 'object' && c !== null))
    throw firstInvalid(changes) ?? new BundleError('invalid-payload', 'not a change');
  const dicts = {
    deviceIds: new Dictionary(),
    collections: new Dictionary(),
    recordIds: new Dictionary(),
    fields: new Dictionary(),
    authors: new Dictionary(),
  };
  const cols = {
    device: new Array<number>(n),
    collection: new Array<number>(n),
    record: new Array<number>(n),
    field: new Array<number>(n),
    author: new Array<number>(n),
  };
  const seqs = new Array<unknown>(n);
  const stamps = new Array<unknown>(n);
  const values = new Array<Json>(n);
  for (let i = 0; i < n; i++) {
    const c = rows[i] as Partial<Record<keyof Change, unknown>>;
    cols.device[i] = dicts.deviceIds.of(c.deviceId);
    cols.collection[i] = dicts.collections.of(c.collection);
    cols.record[i] = dicts.recordIds.of(c.recordId);
    cols.field[i] = dicts.fields.of(c.field);
    cols.author[i] = dicts.authors.of(c.author);
    seqs[i] = c.seq;
    stamps[i] = c.hlc;
    values[i] = c.value as Json;
  }
  const dictValues = {
    deviceIds: dicts.deviceIds.values,
    collections: dicts.collections.values,
    recordIds: dicts.recordIds.values,
    fields: dicts.fields.values,
    authors: dicts.authors.values,
  };
  if (!columnsValid(dictValues, seqs, stamps, values))
    throw firstInvalid(changes) ?? new BundleError('invalid-payload', 'a change is not valid');
  // From here every value has the type changeSchema gave it.
  const deviceIds = dictValues.deviceIds as string[];
  const deviceRanges = rangesFor(deviceIds, ranges);
  const lastSeq = new Array<number>(deviceIds.length).fill(0);
  const seqSteps = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const d = cols.device[i] as number;
    const seq = seqs[i] as number;
    if (!inRanges(deviceRanges[d], seq)) throw outOfRange(i, deviceIds[d] as string, seq);
    seqSteps[i] = seq - (lastSeq[d] as number);
    lastSeq[d] = seq;
  }
  const records = new Set<number>();
  const recordCount = dictValues.recordIds.length;
  for (let i = 0; i < n; i++)
    records.add((cols.collection[i] as number) * recordCount + (cols.record[i] as number));
  const body: ChangeColumns = {
    ...(dictValues as { [D in DictionaryName]: string[] }),
    ...cols,
    seq: seqSteps,
    hlc: stamps as string[],
    value: values,
  };
  return { text: JSON.stringify(body), changes: n, records: records.size };
}

/**
 * Serializes a payload, checking every change with changeSchema and against the declared
 * ranges first: a bundle its readers would refuse is never written.
 */
export function serializePayload(
  kind: BundleKind,
  payload: unknown,
  ranges: readonly SeqRange[],
): SerializedPayload {
  if (kind !== 'changes') {
    const checked = jsonSchema.safeParse(payload);
    if (!checked.success)
      throw new BundleError('invalid-payload', `a ${kind} payload must be JSON data`);
    return { text: JSON.stringify(checked.data), changes: 0, records: 0 };
  }
  if (!Array.isArray(payload))
    throw new BundleError('invalid-payload', 'a changes payload must be an array of changes');
  return serializeChanges(payload, ranges);
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new BundleError('invalid-payload', 'the payload is not JSON', { cause });
  }
}

/** Parses a receipt or profile payload once the signature has been checked. */
export function parseJsonPayload(kind: BundleKind, text: string): Json {
  const checked = jsonSchema.safeParse(parseJsonText(text));
  if (!checked.success)
    throw new BundleError('invalid-payload', `the ${kind} payload is not JSON data`);
  return checked.data;
}

function malformed(why: string): BundleError {
  return new BundleError('invalid-payload', `changes payload: ${why}`);
}

/** Checks the layout: exactly the expected keys, dictionaries of distinct strings, n-entry columns, indexes in range. */
function checkLayout(raw: unknown, n: number): ChangeColumns {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw malformed('not an object');
  const keys = Object.keys(raw);
  if (keys.length !== PAYLOAD_KEYS.length || !PAYLOAD_KEYS.every((k) => Object.hasOwn(raw, k)))
    throw malformed('unexpected keys');
  const o = raw as Record<(typeof PAYLOAD_KEYS)[number], unknown>;
  for (const d of DICTIONARIES) {
    const dict = o[d];
    if (!Array.isArray(dict) || !dict.every((s) => typeof s === 'string'))
      throw malformed(`${d} is not a list of strings`);
    if (new Set(dict).size !== dict.length) throw malformed(`${d} lists a value twice`);
  }
  for (const c of ROW_COLUMNS) {
    const col = o[c];
    if (!Array.isArray(col) || col.length !== n)
      throw malformed(`column ${c} does not hold ${n} entries`);
  }
  for (const c of INDEX_COLUMNS) {
    const col = o[c] as unknown[];
    const size = (o[DICTIONARY_OF[c]] as unknown[]).length;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size)
        throw malformed(`${c}[${i}] points outside its dictionary`);
    }
  }
  return raw as ChangeColumns;
}

/** Rebuilds each row's sequence number from its step (still to be validated). */
function expandSeqs(cols: ChangeColumns, n: number): unknown[] {
  const seqs = new Array<unknown>(n);
  const lastSeq = new Array<number>(cols.deviceIds.length).fill(0);
  for (let i = 0; i < n; i++) {
    const d = cols.device[i] as number;
    const step: unknown = cols.seq[i];
    // A step that is a number but yields no valid seq is left for changeSchema to name.
    if (typeof step !== 'number') throw malformed(`seq[${i}] is not a number`);
    const seq = (lastSeq[d] as number) + step;
    lastSeq[d] = seq;
    seqs[i] = seq;
  }
  return seqs;
}

/**
 * Parses a changes payload once the bundle's signature has been checked. Every change is
 * checked with changeSchema; the first one that fails, or that lies outside the declared
 * ranges, is named by its index in an 'invalid-change' error. Counts must match the header.
 */
export function parseChangesPayload(
  text: string,
  expected: { changes: number; records: number; ranges: readonly SeqRange[] },
): Change[] {
  const n = expected.changes;
  const cols = checkLayout(parseJsonText(text), n);
  const seqs = expandSeqs(cols, n);
  const build = (i: number) => ({
    deviceId: cols.deviceIds[cols.device[i] as number] as string,
    seq: seqs[i] as number,
    hlc: cols.hlc[i] as string,
    collection: cols.collections[cols.collection[i] as number] as Change['collection'],
    recordId: cols.recordIds[cols.record[i] as number] as string,
    field: cols.fields[cols.field[i] as number] as string,
    value: cols.value[i] as Json,
    author: cols.authors[cols.author[i] as number] as string,
  });
  if (!columnsValid(cols, seqs, cols.hlc, cols.value)) {
    throw (
      firstInvalid(Array.from({ length: n }, (_, i) => build(i))) ??
      malformed('a dictionary holds an invalid value')
    );
  }
  const deviceRanges = rangesFor(cols.deviceIds, expected.ranges);
  const out = new Array<Change>(n);
  const records = new Set<number>();
  const recordCount = cols.recordIds.length;
  for (let i = 0; i < n; i++) {
    const change = build(i);
    if (!inRanges(deviceRanges[cols.device[i] as number], change.seq))
      throw outOfRange(i, change.deviceId, change.seq);
    records.add((cols.collection[i] as number) * recordCount + (cols.record[i] as number));
    out[i] = change;
  }
  if (records.size !== expected.records)
    throw new BundleError(
      'invalid-payload',
      `the changes touch ${records.size} records, the header says ${expected.records}`,
    );
  return out;
}
