// The short, non-sensitive line that stands for an entry in a list (the log, the review
// queue, the returned panel): what happened first, then the kind of fraud.
import { type Activity } from '../../../shared/domain/activity.ts';
import { type ActivityTypeDef, type Language } from '../../../shared/domain/catalogue-types.ts';
import { formatFieldValue } from './format.ts';

/** What a reader looks for first on a row: what happened, then the kind of fraud. */
const HEADLINE_FIELDS = ['outcome', 'fraudType'];
const headline = (name: string) => {
  const at = HEADLINE_FIELDS.indexOf(name);
  return at === -1 ? HEADLINE_FIELDS.length : at;
};

// Never show a sensitive value in the list: it is the screen most often seen over a shoulder.
export function summaryOf(
  type: ActivityTypeDef,
  activity: Activity,
  lang: Language,
  yesNo: { yes: string; no: string },
) {
  return type.fields
    .filter(
      (f) =>
        !f.sensitive && f.name !== type.countField && (f.kind === 'text' || f.kind === 'select'),
    )
    .sort((a, b) => headline(a.name) - headline(b.name))
    .map((f) => formatFieldValue(f, activity.data[f.name], lang, yesNo))
    .filter(Boolean)
    .slice(0, 4)
    .join(' · ');
}
