// Search tokens for the `words` index, and what a typed word reads from it. Only non-sensitive
// free text and chosen options are indexed: an index is readable without unlocking the record,
// so a sensitive value (a name, a document number) must never reach it. Unknown fields are
// skipped too.
import { type Activity } from '../../../shared/domain/activity.ts';
import { type ActivityTypeDef, type FieldDef } from '../../../shared/domain/catalogue-types.ts';
import { type Json } from '../../../shared/sync/change.ts';

/** Longer tokens are cut: prefix search never needs more, and the index stays small. */
const MAX_TOKEN_LENGTH = 32;
/** A bound on index entries per row, so one long note cannot bloat every save. */
const MAX_TOKENS_PER_ROW = 200;

/** Letters NFD does not split but people type without: "cœur" is found by "coeur". */
const LIGATURES: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
};

/** Lowercase, accents folded, split on anything that is not a letter or a digit. */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøđł]/g, (c) => LIGATURES[c] ?? c);
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

/**
 * The one token of a chosen option: '=' + type + '.' + field + '.' + value, e.g.
 * '=interdiction.fraudType.counterfeit'. Its labels are the same for every row that chose it,
 * so they are not stored word by word (twice, en and fr): the search turns a typed word into
 * the tokens of the options whose labels match it (wordRanges), and a corrected label is
 * found at once in every row written with option tokens (a row written before them keeps
 * its old label words until it is next written, and is found by those). Why '=': tokenize yields only letters and digits, and a typed
 * word reads the prefix range [word, word + '\uffff'], which holds only keys that start with
 * that word's first letter or digit; a key starting with '=' is never a word, never shares a
 * prefix with one and never falls in such a range. Type ids and field names hold no dot, so
 * the token names exactly one option. It is not cut to MAX_TOKEN_LENGTH: it is matched whole.
 */
export function optionToken(typeId: string, field: string, value: string): string {
  return `=${typeId}.${field}.${value}`;
}

/** Fields whose chosen options are indexed as option tokens. */
function isOptionField(field: FieldDef): boolean {
  return !field.sensitive && (field.kind === 'select' || field.kind === 'multiselect');
}

/**
 * The tokens of a row's chosen options. A value the catalogue does not list (from a newer
 * app, or not a string) gives nothing, as it gave no label words before: only values whose
 * labels the search knows are worth an index entry, and a stranger string never reaches it.
 */
function chosenOptionTokens(typeId: string, field: FieldDef, value: Json): string[] {
  const chosen = Array.isArray(value) ? value : [value];
  return chosen.flatMap((v) =>
    typeof v === 'string' && field.options?.some((o) => o.value === v)
      ? [optionToken(typeId, field.name, v)]
      : [],
  );
}

/** A field's tokens: free-text words, or one token per chosen option. */
function fieldTokens(typeId: string, field: FieldDef, value: Json): string[] {
  if (field.sensitive || value === null) return [];
  if (isOptionField(field)) return chosenOptionTokens(typeId, field, value);
  if ((field.kind === 'text' || field.kind === 'longtext') && typeof value === 'string') {
    return tokenize(value);
  }
  return [];
}

/**
 * The distinct tokens of a record; empty for a deleted record or an unknown type. Rows written
 * before option tokens hold their options' label words instead; the search still finds them
 * (a typed word reads its prefix range too), and they shrink when next written.
 */
export function activityWords(activity: Activity, def: ActivityTypeDef | undefined): string[] {
  if (activity.deleted || !def) return [];
  const words = new Set<string>();
  for (const field of def.fields) {
    const value = activity.data[field.name];
    if (value === undefined) continue;
    for (const token of fieldTokens(def.id, field, value)) {
      if (words.size >= MAX_TOKENS_PER_ROW) return [...words];
      words.add(token);
    }
  }
  return [...words];
}

/** One option of the catalogue: its token and the words of its labels, en and fr. */
interface LabelledOption {
  readonly token: string;
  readonly words: readonly string[];
}

/** Each type's options with their label words, worked out once per definition. */
const labelWordsCache = new WeakMap<ActivityTypeDef, readonly LabelledOption[]>();

function labelledOptions(def: ActivityTypeDef): readonly LabelledOption[] {
  let options = labelWordsCache.get(def);
  if (!options) {
    options = def.fields.filter(isOptionField).flatMap((field) =>
      (field.options ?? []).map((o) => ({
        token: optionToken(def.id, field.name, o.value),
        // Both languages: an officer may search in either, whatever the UI language.
        words: [...new Set([...tokenize(o.label.en), ...tokenize(o.label.fr)])],
      })),
    );
    labelWordsCache.set(def, options);
  }
  return options;
}

/** Keys of the `words` index from lower to upper, both included. */
export interface WordKeyRange {
  readonly lower: string;
  readonly upper: string;
}

/**
 * What each distinct typed word matches, as a union of key ranges of the `words` index: its
 * prefix range (free-text words, and the label words of rows written before option tokens),
 * and the exact token of every option, of any type in `defs`, one of whose label words (en
 * or fr) starts with it. A row matches the text when it lies in one range of every union.
 */
export function wordRanges(
  text: string,
  defs: readonly (ActivityTypeDef | undefined)[],
): WordKeyRange[][] {
  const options = defs.flatMap((def) => (def ? labelledOptions(def) : []));
  return [...new Set(tokenize(text))].map((word) => [
    { lower: word, upper: word + '\uffff' },
    ...options
      .filter((o) => o.words.some((w) => w.startsWith(word)))
      .map((o) => ({ lower: o.token, upper: o.token })),
  ]);
}
