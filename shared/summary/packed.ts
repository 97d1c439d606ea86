// The rollups of one month packed into a few arrays: one stored row per month instead of one
// object per month × post × officer × type. A fiscal year and its comparison is then about 24
// rows of a few kilobytes to read and structured-clone instead of ~8,000 objects, and totals
// add cells up from typed arrays without making an object per row (docs/summaries.md,
// "Rollups"). Pure.
import {
  COUNTER_IDS,
  type Contribution,
  type CounterId,
  type Counters,
  type RollupRow,
  type RollupTable,
  rollupId,
} from './measures.ts';

/** Name indices: the narrowest array that holds them (a month names ~120 strings: bytes). */
export type CellKeys = Uint8Array | Uint16Array | Uint32Array;

/**
 * Counters: the narrowest array that holds every value exactly, Float64Array when one is not
 * a whole number from 0 to 2^32 − 1 (a float holds whole numbers exactly up to 2^53, as a
 * JavaScript number does). Chromium reads an IndexedDB row in time that grows with its bytes
 * (docs/summaries.md, "Measured"), and most counters are small.
 */
export type CellCounts = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** The narrowest array for these whole numbers ≥ 0 (any other value: Float64Array). */
function narrowest(values: readonly number[]): CellCounts {
  let max = 0;
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0) return Float64Array.from(values);
    if (value > max) max = value;
  }
  if (max <= 0xff) return Uint8Array.from(values);
  if (max <= 0xffff) return Uint16Array.from(values);
  if (max <= 0xffffffff) return Uint32Array.from(values);
  return Float64Array.from(values);
}

function narrowKeys(keys: readonly number[], names: number): CellKeys {
  if (names <= 0x100) return Uint8Array.from(keys);
  if (names <= 0x10000) return Uint16Array.from(keys);
  return Uint32Array.from(keys);
}

/** One month's cells; a cell is the counters of one post × officer × type. */
export interface PackedMonth {
  /** 'YYYY-MM', or '' for entries whose date is not a date. */
  readonly month: string;
  /** The posts, officers and types the cells name, each string once. */
  readonly names: readonly string[];
  /** Three indices into names per cell: post, officer, type. */
  readonly keys: CellKeys;
  /**
   * The counter each column holds: COUNTER_IDS when this version wrote the row. Kept in the
   * row so that a row stays readable when a later version adds a measure.
   */
  readonly columns: readonly string[];
  /** columns.length counters per cell, cell after cell. */
  readonly counts: CellCounts;
}

const WIDTH = COUNTER_IDS.length;
const SLOT = new Map<string, number>(COUNTER_IDS.map((id, i) => [id, i]));

export function cellCount(month: PackedMonth): number {
  return month.keys.length / 3;
}

/**
 * Where each of a row's columns goes in COUNTER_IDS (-1: a counter this version does not
 * know), or null when the row's columns are COUNTER_IDS themselves (the usual case).
 */
export function columnSlots(columns: readonly string[]): Int32Array | null {
  if (columns.length === WIDTH && columns.every((c, i) => c === COUNTER_IDS[i])) return null;
  return Int32Array.from(columns, (c) => SLOT.get(c) ?? -1);
}

/**
 * A month's cells being changed: each cell found by its key in a map, counters in a plain
 * array. Built from a stored month (or nothing), moved by deltas, packed again; a cell whose
 * counters all fall to zero is left out, and so is a name no cell uses any more.
 */
export class MonthBuilder {
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private readonly keys: number[] = [];
  private readonly counts: number[] = [];
  private readonly cellIndex = new Map<string, number>();

  constructor(readonly month: string) {}

  static from(packed: PackedMonth): MonthBuilder {
    const builder = new MonthBuilder(packed.month);
    const slots = columnSlots(packed.columns);
    const width = packed.columns.length;
    for (let cell = 0, n = cellCount(packed); cell < n; cell++) {
      const at = builder.cell(
        packed.names[packed.keys[3 * cell] as number] as string,
        packed.names[packed.keys[3 * cell + 1] as number] as string,
        packed.names[packed.keys[3 * cell + 2] as number] as string,
      );
      for (let j = 0; j < width; j++) {
        const slot = slots ? (slots[j] as number) : j;
        if (slot >= 0)
          builder.counts[at * WIDTH + slot] = packed.counts[cell * width + j] as number;
      }
    }
    return builder;
  }

  private name(value: string): number {
    let index = this.nameIndex.get(value);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(value);
      this.nameIndex.set(value, index);
    }
    return index;
  }

  /** The cell of this key, created empty when new. */
  private cell(postCode: string, officerId: string, type: string): number {
    const p = this.name(postCode);
    const o = this.name(officerId);
    const t = this.name(type);
    const id = `${p},${o},${t}`;
    let at = this.cellIndex.get(id);
    if (at === undefined) {
      at = this.keys.length / 3;
      this.keys.push(p, o, t);
      for (let j = 0; j < WIDTH; j++) this.counts.push(0);
      this.cellIndex.set(id, at);
    }
    return at;
  }

  /** Adds a delta (its key's month must be this one). */
  add(delta: Contribution): void {
    const at = this.cell(delta.key.postCode, delta.key.officerId, delta.key.type) * WIDTH;
    for (const name in delta.counters) {
      const slot = SLOT.get(name);
      const value = delta.counters[name as CounterId];
      if (slot === undefined || value === undefined) continue;
      this.counts[at + slot] = (this.counts[at + slot] as number) + value;
    }
  }

  /** The month packed, without empty cells; undefined when no cell is left. */
  pack(): PackedMonth | undefined {
    const kept: number[] = [];
    for (let cell = 0, n = this.keys.length / 3; cell < n; cell++) {
      for (let j = 0; j < WIDTH; j++) {
        if (this.counts[cell * WIDTH + j] !== 0) {
          kept.push(cell);
          break;
        }
      }
    }
    if (kept.length === 0) return undefined;
    const names: string[] = [];
    const renamed = new Map<number, number>();
    const rename = (index: number): number => {
      let to = renamed.get(index);
      if (to === undefined) {
        to = names.length;
        names.push(this.names[index] as string);
        renamed.set(index, to);
      }
      return to;
    };
    const keys: number[] = [];
    const counts: number[] = [];
    for (const cell of kept) {
      for (let k = 0; k < 3; k++) keys.push(rename(this.keys[3 * cell + k] as number));
      for (let j = 0; j < WIDTH; j++) counts.push(this.counts[cell * WIDTH + j] as number);
    }
    return {
      month: this.month,
      names,
      keys: narrowKeys(keys, names.length),
      columns: COUNTER_IDS,
      counts: narrowest(counts),
    };
  }
}

/** Deltas sorted by the month of their key. */
export function deltasByMonth(deltas: Iterable<Contribution>): Map<string, Contribution[]> {
  const byMonth = new Map<string, Contribution[]>();
  for (const delta of deltas) {
    const list = byMonth.get(delta.key.month);
    if (list) list.push(delta);
    else byMonth.set(delta.key.month, [delta]);
  }
  return byMonth;
}

/** A month (or nothing) with deltas added; undefined when no cell is left. */
export function addToMonth(
  packed: PackedMonth | undefined,
  month: string,
  deltas: Iterable<Contribution>,
): PackedMonth | undefined {
  const builder = packed ? MonthBuilder.from(packed) : new MonthBuilder(month);
  for (const delta of deltas) builder.add(delta);
  return builder.pack();
}

/** Rollup rows packed by month, months in order. */
export function packRows(rows: Iterable<RollupRow>): PackedMonth[] {
  const builders = new Map<string, MonthBuilder>();
  for (const row of rows) {
    let builder = builders.get(row.key.month);
    if (!builder) builders.set(row.key.month, (builder = new MonthBuilder(row.key.month)));
    builder.add(row);
  }
  return [...builders.keys()].sort().flatMap((month) => builders.get(month)?.pack() ?? []);
}

/** Calls visit with each cell's month, post, officer and type, month after month. */
export function forEachCell(
  months: readonly PackedMonth[],
  visit: (month: string, postCode: string, officerId: string, type: string) => void,
): void {
  for (const packed of months) {
    const { names, keys } = packed;
    for (let i = 0; i < keys.length; i += 3) {
      visit(
        packed.month,
        names[keys[i] as number] as string,
        names[keys[i + 1] as number] as string,
        names[keys[i + 2] as number] as string,
      );
    }
  }
}

/** A month with only the cells `keep` accepts (the same month when it keeps them all). */
export function filterMonth(
  packed: PackedMonth,
  keep: (postCode: string, officerId: string, type: string) => boolean,
): PackedMonth | undefined {
  const { names, keys } = packed;
  const kept: number[] = [];
  for (let cell = 0, n = cellCount(packed); cell < n; cell++) {
    const k = 3 * cell;
    const post = names[keys[k] as number] as string;
    const officer = names[keys[k + 1] as number] as string;
    if (keep(post, officer, names[keys[k + 2] as number] as string)) kept.push(cell);
  }
  if (kept.length === cellCount(packed)) return packed;
  if (kept.length === 0) return undefined;
  const width = packed.columns.length;
  const outKeys: number[] = [];
  const outCounts: number[] = [];
  for (const cell of kept) {
    for (let k = 0; k < 3; k++) outKeys.push(keys[3 * cell + k] as number);
    for (let j = 0; j < width; j++) outCounts.push(packed.counts[cell * width + j] as number);
  }
  return {
    ...packed,
    keys: narrowKeys(outKeys, names.length),
    counts: narrowest(outCounts),
  };
}

/** Sparse counters (zeros left out) from `width` values at `offset`, in COUNTER_IDS order. */
export function countersAt(values: ArrayLike<number>, offset: number): Counters {
  const counters: Partial<Record<CounterId, number>> = {};
  for (let j = 0; j < WIDTH; j++) {
    const value = values[offset + j] as number;
    if (value !== 0) counters[COUNTER_IDS[j] as CounterId] = value;
  }
  return counters;
}

/** A packed month as rollup rows again (tests, and reads of a single month). */
export function unpackMonth(packed: PackedMonth): RollupRow[] {
  // Through a builder: it maps the row's columns onto this version's counters.
  const normal = MonthBuilder.from(packed).pack();
  if (!normal) return [];
  const rows: RollupRow[] = [];
  for (let cell = 0, n = cellCount(normal); cell < n; cell++) {
    const name = (k: number) => normal.names[normal.keys[3 * cell + k] as number] as string;
    rows.push({
      key: { month: normal.month, postCode: name(0), officerId: name(1), type: name(2) },
      counters: countersAt(normal.counts, cell * WIDTH),
    });
  }
  return rows;
}

/** Packed months as a rollup table keyed by rollupId: what a recount gives. */
export function unpackTable(months: Iterable<PackedMonth>): RollupTable {
  const table: RollupTable = new Map();
  for (const packed of months) {
    for (const row of unpackMonth(packed)) table.set(rollupId(row.key), row);
  }
  return table;
}
