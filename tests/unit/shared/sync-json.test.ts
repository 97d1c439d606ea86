// JSON values in changes: checked without recursion, so a hostile bundle nested far too deep
// is an ordinary validation error, never a stack overflow; canonicalJson walks any depth.
import { describe, expect, it } from 'vitest';
import {
  type Change,
  type Json,
  MAX_JSON_DEPTH,
  changeSchema,
  isJson,
  jsonSchema,
} from '../../../shared/sync/change.ts';
import { canonicalJson } from '../../../shared/sync/latest.ts';

/** `depth` arrays one inside the other around `inner` (depth 0 is `inner` itself). */
function nestedArrays(depth: number, inner: Json = 1): Json {
  let v: Json = inner;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** The same with objects, as JSON text parsed the way an importer parses it. */
function nestedObjectsText(depth: number): string {
  return `${'{"k":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const aChange: Change = {
  deviceId: 'dev-a',
  seq: 1,
  hlc: '001700000000000-000000-dev-a',
  collection: 'activities',
  recordId: 'r1',
  field: 'data.notes',
  value: 'x',
  author: 'o1',
};

describe('isJson and jsonSchema', () => {
  it('accepts JSON data: null, booleans, numbers (-0 included), strings, arrays, plain objects', () => {
    for (const v of [null, true, false, 0, -0, 1.5, -1e300, '', 'ü', [], {}, [1, 'a', null]]) {
      expect(isJson(v)).toBe(true);
      expect(jsonSchema.safeParse(v).success).toBe(true);
    }
    expect(isJson({ a: [{ b: { c: null } }], d: 'e' })).toBe(true);
    expect(isJson(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(true);
  });

  it('refuses NaN and the infinities, at the top and inside', () => {
    for (const v of [NaN, Infinity, -Infinity, [1, NaN], { a: Infinity }]) {
      expect(isJson(v)).toBe(false);
      expect(jsonSchema.safeParse(v).success).toBe(false);
    }
  });

  it('refuses what is not JSON data: undefined, functions, bigints, symbols, class instances, dates', () => {
    class Point {
      x = 1;
    }
    const getter = Object.defineProperty({}, 'a', { get: () => 1, enumerable: true });
    const hidden = Object.defineProperty({}, 'a', { value: 1, enumerable: false });
    // eslint-disable-next-line no-sparse-arrays -- a hole is exactly what is being refused
    const holey: unknown = [1, , 3];
    for (const v of [
      undefined,
      () => 1,
      1n,
      Symbol('s'),
      new Point(),
      new Date(0),
      new Map(),
      /re/,
      new Uint8Array(2),
      getter,
      hidden,
      { [Symbol('k')]: 1 },
      holey,
      [undefined],
      { a: undefined },
      { a: new Date(0) },
    ]) {
      expect(isJson(v)).toBe(false);
      expect(jsonSchema.safeParse(v).success).toBe(false);
    }
  });

  it(`accepts nesting ${MAX_JSON_DEPTH} deep and refuses ${MAX_JSON_DEPTH + 1}`, () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(isJson(nestedArrays(MAX_JSON_DEPTH))).toBe(true);
    expect(isJson(nestedArrays(MAX_JSON_DEPTH + 1))).toBe(false);
    expect(isJson(JSON.parse(nestedObjectsText(MAX_JSON_DEPTH)))).toBe(true);
    expect(isJson(JSON.parse(nestedObjectsText(MAX_JSON_DEPTH + 1)))).toBe(false);
    expect(jsonSchema.safeParse(nestedArrays(MAX_JSON_DEPTH)).success).toBe(true);
    expect(jsonSchema.safeParse(nestedArrays(MAX_JSON_DEPTH + 1)).success).toBe(false);
    // Scalars are depth 0; the limit is an option.
    expect(isJson('a', { maxDepth: 0 })).toBe(true);
    expect(isJson([], { maxDepth: 0 })).toBe(false);
    expect(isJson([[1]], { maxDepth: 2 })).toBe(true);
  });

  it('refuses a value nested 100,000 deep with a validation error, not a stack overflow', () => {
    const deepArrays = nestedArrays(100_000);
    const deepObjects: unknown = JSON.parse(nestedObjectsText(100_000));
    for (const v of [deepArrays, deepObjects]) {
      expect(isJson(v)).toBe(false);
      const parsed = jsonSchema.safeParse(v);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/not JSON data/);
      expect(changeSchema.safeParse({ ...aChange, value: v }).success).toBe(false);
    }
  });

  it('refuses a cycle and stays fast on a value that shares one branch many times', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(isJson(cycle)).toBe(false);
    // 60 levels of [x, x]: 2^60 paths, but only 60 distinct arrays.
    let shared: Json = 1;
    for (let i = 0; i < 60; i++) shared = [shared, shared];
    expect(isJson(shared)).toBe(true);
  });

  it('treats a "__proto__" key from JSON text as plain data, without touching any prototype', () => {
    const text = '{"__proto__":{"polluted":true},"a":1}';
    const value: unknown = JSON.parse(text);
    expect(isJson(value)).toBe(true);
    const parsed = jsonSchema.parse(value);
    expect(Object.hasOwn(parsed as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(canonicalJson(parsed)).toBe(text);
    expect(changeSchema.parse({ ...aChange, value }).value).toBe(value);
    // Written as an object literal, __proto__ sets the prototype: not a plain object.
    expect(isJson({ __proto__: { polluted: true } })).toBe(false);
  });

  it('keeps changeSchema a plain object schema whose value field is jsonSchema', () => {
    expect(changeSchema.shape.value).toBe(jsonSchema);
    expect(changeSchema.def.checks ?? []).toHaveLength(0);
  });
});

describe('canonicalJson', () => {
  it('sorts object keys and writes the same text as JSON.stringify otherwise', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: -0 })).toBe(
      '{"a":0,"b":[1,{"c":"x","d":null}]}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson('é"\n')).toBe(JSON.stringify('é"\n'));
  });

  it('writes a value nested 100,000 deep without overflowing the stack', () => {
    const text = nestedObjectsText(100_000);
    expect(canonicalJson(JSON.parse(text) as Json)).toBe(text);
  });

  it('throws a TypeError on a cycle, as JSON.stringify does, but not on a shared branch', () => {
    const cycle: Json[] = [];
    cycle.push(cycle);
    expect(() => canonicalJson(cycle)).toThrow(TypeError);
    const leaf: Json = { x: 1 };
    expect(canonicalJson([leaf, leaf])).toBe('[{"x":1},{"x":1}]');
  });
});
