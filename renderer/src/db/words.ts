// Search tokens for the `words` index. Only non-sensitive text and the labels of chosen
// options are indexed: an index is readable without unlocking the record, so a sensitive
// value (a name, a document number) must never reach it. Unknown fields are skipped too.
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

function optionLabels(field: FieldDef, value: Json): string[] {
  const chosen = Array.isArray(value) ? value : [value];
  const labels: string[] = [];
  for (const v of chosen) {
    const option = field.options?.find((o) => o.value === v);
    // Both languages: an officer may search in either, whatever the UI language.
    if (option) labels.push(option.label.en, option.label.fr);
  }
  return labels;
}

function indexableText(field: FieldDef, value: Json): string[] {
  if (field.sensitive || value === null) return [];
  switch (field.kind) {
    case 'text':
    case 'longtext':
      return typeof value === 'string' ? [value] : [];
    case 'select':
    case 'multiselect':
      return optionLabels(field, value);
    default:
      return [];
  }
}

/** The distinct tokens of a record; empty for a deleted record or an unknown type. */
export function activityWords(activity: Activity, def: ActivityTypeDef | undefined): string[] {
  if (activity.deleted || !def) return [];
  const words = new Set<string>();
  for (const field of def.fields) {
    const value = activity.data[field.name];
    if (value === undefined) continue;
    for (const text of indexableText(field, value)) {
      for (const token of tokenize(text)) {
        if (words.size >= MAX_TOKENS_PER_ROW) return [...words];
        words.add(token);
      }
    }
  }
  return [...words];
}
