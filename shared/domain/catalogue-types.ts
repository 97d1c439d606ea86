// The shape of the activity-type catalogue. The catalogue (catalogue.ts) is data in this
// shape; forms, validation, summaries and the database all read it, so adding a field to
// an activity type needs no new screen code.

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
}
