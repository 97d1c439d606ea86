// A small seeded pseudo-random source for the demo data (not for anything secret): the same
// seed gives the same sequence on every machine. sfc32 seeded from a string through a
// 32-bit FNV-1a mix, both written here so nothing outside decides the demo's bytes.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

function fnv1a(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A generator seeded by `seed` (any text); sub-streams use `${seed}/${label}`. */
export function seededRng(seed: string): Rng {
  let a = fnv1a(seed, 1);
  let b = fnv1a(seed, 2);
  let c = fnv1a(seed, 3);
  let d = 1;
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i++) next32();
  const next = (): number => next32() / 0x100000000;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** A deterministic id source: `demo-` and 20 hex digits drawn from its own stream. */
export function seededIdSource(seed: string): () => string {
  const rng = seededRng(`${seed}/ids`);
  const hex = (): string =>
    Math.floor(rng.next() * 0x100000)
      .toString(16)
      .padStart(5, '0');
  return () => `demo-${hex()}${hex()}${hex()}${hex()}`;
}
