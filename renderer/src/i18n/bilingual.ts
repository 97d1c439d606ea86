// A feature's own messages, English and French side by side in its folder. The type makes
// the French table match the English one key for key, so a missing translation fails the
// type-check (and the parity test) instead of showing a key on screen.
export type SameKeys<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]>;
};

export interface Bilingual<T> {
  readonly en: T;
  readonly fr: SameKeys<T>;
}

export function bilingual<const T extends object>(en: T, fr: SameKeys<T>): Bilingual<T> {
  return { en, fr };
}
