// The shape of the activity-type catalogue. The catalogue (catalogue.ts) is data in this
// shape; forms, validation, summaries and the database all read it, so adding a field to
// an activity type needs no new screen code.
import { type ValidationKey } from './messages.ts';

export interface Localized {
  readonly en: string;
  readonly fr: string;
}

export type Language = keyof Localized;
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

export type FieldKind =
  | 'text' // one line
  | 'longtext' // several lines
  | 'integer' // a count, >= 0 unless min says otherwise
  | 'date' // YYYY-MM-DD
  | 'select' // one of options
  | 'multiselect' // some of options
  | 'boolean';

export interface FieldOption {
  readonly value: string;
  readonly label: Localized;
}

export interface FieldDef {
  /** Key in the record's data; also the i18n-free identifier used in change paths. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly label: Localized;
  readonly help?: Localized;
  readonly required: boolean;
  /**
   * Personal or protected information (names, dates of birth, document numbers, notes on a
   * traveller, report bodies): encrypted at rest, never indexed, never searched, never
   * summarised, kept only as long as policy allows.
   */
  readonly sensitive: boolean;
  /** This integer counts toward summaries (e.g. people trained). */
  readonly counts?: boolean;
  readonly unit?: Localized;
  readonly options?: readonly FieldOption[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /**
   * Regular-expression source the whole value must match once normalised (trimmed and, with
   * `uppercase`, upper-cased). Anchored by the validator; give an `example` with it.
   */
  readonly pattern?: string;
  /** A language-neutral sample value ("BOG", "AC 897"): placeholder and error-message hint. */
  readonly example?: string;
  /** Codes (airports, flights, documents) are stored upper-case whatever was typed. */
  readonly uppercase?: boolean;
  /** Value a new entry starts with (booleans start false even without one). */
  readonly defaultValue?: FieldDefault;
}

export type FieldDefault = boolean | number | string | readonly string[];

/** A problem with one field, found by a type's cross-field rule (`ActivityTypeDef.refine`). */
export interface FieldIssue {
  /** FieldDef.name of the field the message belongs under. */
  readonly field: string;
  readonly key: ValidationKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface RefineContext {
  /** The entry's date, YYYY-MM-DD, when it is known and valid. */
  readonly occurredOn?: string;
}

export const ACTIVITY_TYPE_IDS = [
  'training',
  'interdiction',
  'facilitation',
  'removal',
  'evacuation',
  'liaison',
  'info-report',
] as const;
export type ActivityTypeId = (typeof ACTIVITY_TYPE_IDS)[number];

export interface ActivityTypeDef {
  readonly id: ActivityTypeId;
  /** Bumped whenever the type's fields change; records carry the version they were written in. */
  readonly version: number;
  readonly label: Localized;
  readonly description: Localized;
  /** What the headline count measures ("people trained", "persons", "removals"...). */
  readonly unit: Localized;
  /** Name of the integer field that is this type's headline count in summaries. */
  readonly countField: string;
  readonly fields: readonly FieldDef[];
  /**
   * Cross-field rules. Called with the data as typed, possibly invalid field by field, so it
   * must check each value's type before using it and stay silent on what it cannot judge.
   */
  readonly refine?: (
    data: Readonly<Record<string, unknown>>,
    context: RefineContext,
  ) => readonly FieldIssue[];
}
