// The activity-type catalogue: the seven kinds of work an officer logs, as data. Forms,
// validation (schemas.ts), summaries and the database all read it. Change a type's fields
// only by bumping its version (and CATALOGUE_VERSION), so older records stay readable and
// a record from a newer catalogue is recognised as such.
import {
  ACTIVITY_TYPE_IDS,
  type ActivityTypeDef,
  type ActivityTypeId,
  type FieldDef,
} from './catalogue-types.ts';
import { CORE_FIELD_NAMES } from './activity.ts';
import { evacuation } from './activity-types/evacuation.ts';
import { facilitation } from './activity-types/facilitation.ts';
import { infoReport } from './activity-types/info-report.ts';
import { interdiction } from './activity-types/interdiction.ts';
import { liaison } from './activity-types/liaison.ts';
import { removal } from './activity-types/removal.ts';
import { training } from './activity-types/training.ts';

/** Bumped whenever any activity type's version is bumped. */
export const CATALOGUE_VERSION = 1;

/** In the order of ACTIVITY_TYPE_IDS, which is the order menus show them in. */
export const CATALOGUE: readonly ActivityTypeDef[] = [
  training,
  interdiction,
  facilitation,
  removal,
  evacuation,
  liaison,
  infoReport,
];

/** Field names live in change paths as 'data.<name>': camelCase, no dots. */
export const FIELD_NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;

const byId = new Map<string, ActivityTypeDef>(CATALOGUE.map((def) => [def.id, def]));

export function isActivityTypeId(value: unknown): value is ActivityTypeId {
  return typeof value === 'string' && (ACTIVITY_TYPE_IDS as readonly string[]).includes(value);
}

/** The definition of a type; throws for an id outside the catalogue (use isActivityTypeId). */
export function getActivityType(id: ActivityTypeId): ActivityTypeDef {
  const def = byId.get(id);
  if (!def) throw new RangeError(`Unknown activity type: ${String(id)}`);
  return def;
}

/**
 * The definition of a type read from storage or from another device, which may name a type
 * this version does not know (a newer app wrote it): undefined then, never an exception.
 */
export function findActivityType(id: string): ActivityTypeDef | undefined {
  return isActivityTypeId(id) ? byId.get(id) : undefined;
}

export function getField(def: ActivityTypeDef, name: string): FieldDef | undefined {
  return def.fields.find((field) => field.name === name);
}

/** The fields summaries may add up (the headline count first). */
export function countingFields(def: ActivityTypeDef): readonly FieldDef[] {
  const counting = def.fields.filter((field) => field.counts === true);
  return [
    ...counting.filter((f) => f.name === def.countField),
    ...counting.filter((f) => f.name !== def.countField),
  ];
}

/** Names of fields whose values are encrypted at rest and never indexed. */
export function sensitiveFieldNames(def: ActivityTypeDef): readonly string[] {
  return def.fields.filter((field) => field.sensitive).map((field) => field.name);
}

/**
 * Problems with the catalogue's own shape (unique and well-formed names, no clash with the
 * record's core names, a counting integer as countField, options where needed). Empty when
 * all is well; the tests assert it, and it guards hand-edited definitions.
 */
export function catalogueProblems(catalogue: readonly ActivityTypeDef[] = CATALOGUE): string[] {
  const problems: string[] = [];
  const reserved = new Set<string>(CORE_FIELD_NAMES);
  for (const def of catalogue) {
    const names = new Set<string>();
    for (const field of def.fields) {
      const where = `${def.id}.${field.name}`;
      if (!FIELD_NAME_PATTERN.test(field.name)) problems.push(`${where}: malformed name`);
      if (reserved.has(field.name)) problems.push(`${where}: clashes with a core name`);
      if (names.has(field.name)) problems.push(`${where}: duplicate name`);
      names.add(field.name);
      const hasOptions = (field.options?.length ?? 0) > 0;
      const needsOptions = field.kind === 'select' || field.kind === 'multiselect';
      if (needsOptions !== hasOptions) problems.push(`${where}: options do not fit the kind`);
      if (field.counts === true && field.kind !== 'integer')
        problems.push(`${where}: counts a non-integer`);
      if (field.pattern !== undefined && field.example === undefined)
        problems.push(`${where}: pattern without example`);
    }
    const count = def.fields.find((f) => f.name === def.countField);
    if (!count || count.kind !== 'integer' || count.counts !== true || !count.required) {
      problems.push(`${def.id}: countField is not a required counting integer`);
    }
  }
  return problems;
}
