// Validation of activity entries, built from the catalogue's field definitions (no schema is
// written by hand per type), so the form, the import and the database agree on one
// definition. Issues carry i18n keys and params (messages.ts), never sentences.
import { z } from 'zod';
import { type Json } from '../sync/change.ts';
import {
  type ActivityTypeDef,
  type ActivityTypeId,
  type FieldDef,
  type RefineContext,
} from './catalogue-types.ts';
import { CATALOGUE, getActivityType, isActivityTypeId } from './catalogue.ts';
import { addDays, isIsoDate, requireIsoDate } from './dates.ts';
import { isValidationKey, type ValidationKey } from './messages.ts';

export type ActivityData = Record<string, Json>;

export interface ActivityInput {
  type: ActivityTypeId;
  /** YYYY-MM-DD in the post's time zone. */
  occurredOn: string;
  data: ActivityData;
}

/**
 * One problem, in words to translate, placed by path: ['occurredOn'], ['data', 'persons'],
 * [] for the entry as a whole. issuePath() joins it ('data.persons') like form field names.
 */
export interface ValidationIssue {
  readonly path: readonly string[];
  readonly key: ValidationKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

export const DEFAULT_TEXT_MAX_LENGTH = 200;
export const DEFAULT_LONGTEXT_MAX_LENGTH = 4000;
/** The network's first officers went abroad in 1989; anything earlier is a typing slip. */
export const EARLIEST_ACTIVITY_DATE = '1989-01-01';
/** An entry may be dated one day past "today": the post's day may already have begun. */
export const FUTURE_TOLERANCE_DAYS = 1;

type FieldSchema = z.ZodType<Json | undefined>;

/** The longest value a text field takes, or undefined for other kinds. */
export function effectiveMaxLength(field: FieldDef): number | undefined {
  if (field.kind === 'text') return field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
  if (field.kind === 'longtext') return field.maxLength ?? DEFAULT_LONGTEXT_MAX_LENGTH;
  return undefined;
}

/** The latest occurredOn accepted when the post's date is `today`. */
export function latestOccurredOn(today: string): string {
  return addDays(today, FUTURE_TOLERANCE_DAYS);
}

/** Missing reads as "required"; a value of the wrong kind gets the kind's own message. */
function requiredOr(key: ValidationKey) {
  return (issue: { readonly input?: unknown }): ValidationKey =>
    issue.input === undefined ? 'validation.required' : key;
}

// What a form hands over for "nothing entered" ('' from a text box, NaN from an empty number
// box, null, []) all becomes undefined, so required/optional is decided in one place.
function normalize(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (field.kind) {
    case 'text':
    case 'longtext':
    case 'date':
    case 'select': {
      if (typeof value !== 'string') return value;
      let text = field.kind === 'longtext' ? value.replace(/\r\n?/g, '\n').trim() : value.trim();
      if (field.uppercase === true) text = text.toUpperCase();
      return text === '' ? undefined : text;
    }
    case 'integer': {
      if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
      if (typeof value !== 'string') return value;
      const text = value.trim();
      if (text === '') return undefined;
      return /^[+-]?\d+$/.test(text) ? Number(text) : value;
    }
    case 'multiselect':
      return Array.isArray(value) && value.length === 0 ? undefined : value;
    case 'boolean':
      return value;
  }
}

function optionValues(field: FieldDef): [string, ...string[]] {
  const values = (field.options ?? []).map((o) => o.value);
  const [first, ...rest] = values;
  if (first === undefined) throw new Error(`Field ${field.name} has no options`);
  return [first, ...rest];
}

function baseSchema(field: FieldDef): FieldSchema {
  switch (field.kind) {
    case 'text':
    case 'longtext': {
      const max = effectiveMaxLength(field) ?? DEFAULT_TEXT_MAX_LENGTH;
      const text = z
        .string({ error: requiredOr('validation.type') })
        .max(max, { error: 'validation.maxLength' });
      if (field.pattern === undefined) return text;
      const pattern = new RegExp(`^(?:${field.pattern})$`);
      return text.refine((v) => pattern.test(v), {
        error: 'validation.pattern',
        params: { example: field.example ?? '' },
      });
    }
    case 'integer': {
      let int = z
        .number({ error: requiredOr('validation.integer') })
        .int({ error: 'validation.integer' })
        .min(field.min ?? 0, { error: 'validation.min' });
      if (field.max !== undefined) int = int.max(field.max, { error: 'validation.max' });
      return int;
    }
    case 'date':
      return z
        .string({ error: requiredOr('validation.date') })
        .refine(isIsoDate, { error: 'validation.date' });
    case 'select':
      return z.enum(optionValues(field), { error: requiredOr('validation.option') });
    case 'multiselect': {
      const values = optionValues(field);
      // Stored in catalogue order without repeats, so the same choice is always the same value.
      return z
        .array(z.enum(values, { error: 'validation.option' }), {
          error: requiredOr('validation.type'),
        })
        .transform((chosen) => values.filter((v) => chosen.includes(v)));
    }
    case 'boolean':
      return z.boolean({ error: requiredOr('validation.type') });
  }
}

/** The schema of one field's value: normalises, then checks kind, bounds and options. */
export function fieldSchema(field: FieldDef): FieldSchema {
  const base = baseSchema(field);
  return z.preprocess((value) => normalize(field, value), field.required ? base : base.optional());
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dropUndefined(data: Record<string, Json | undefined>): ActivityData {
  const out: ActivityData = {};
  for (const [name, value] of Object.entries(data)) if (value !== undefined) out[name] = value;
  return out;
}

function dataObjectSchema(def: ActivityTypeDef) {
  const shape: Record<string, FieldSchema> = {};
  for (const field of def.fields) shape[field.name] = fieldSchema(field);
  return z.strictObject(shape, { error: requiredOr('validation.type') });
}

function addRefineIssues(
  def: ActivityTypeDef,
  data: unknown,
  context: RefineContext,
  ctx: z.RefinementCtx,
  prefix: readonly string[],
): void {
  if (!def.refine || !isPlainObject(data)) return;
  for (const issue of def.refine(data, context)) {
    ctx.addIssue({
      code: 'custom',
      message: issue.key,
      path: [...prefix, issue.field],
      ...(issue.params ? { params: issue.params } : {}),
    });
  }
}

// Cross-field rules run even when single fields failed, so a person sees every problem at
// once; each rule checks the types it relies on.
const ALWAYS = { when: () => true };

/** The schema of an entry's `data` for one activity type (cross-field rules included). */
export function activityDataSchema(def: ActivityTypeDef): z.ZodType<ActivityData> {
  return dataObjectSchema(def)
    .superRefine((data, ctx) => addRefineIssues(def, data, {}, ctx, []), ALWAYS)
    .transform(dropUndefined);
}

/** occurredOn: a real date, not before 1989, and, given today, at most a day ahead of it. */
export function occurredOnSchema(options: { readonly today?: string } = {}): z.ZodType<string> {
  let date = z
    .string({ error: requiredOr('validation.date') })
    .refine(isIsoDate, { error: 'validation.date', abort: true })
    .refine((v) => v >= EARLIEST_ACTIVITY_DATE, {
      error: 'validation.dateTooEarly',
      params: { min: EARLIEST_ACTIVITY_DATE },
    });
  if (options.today !== undefined) {
    const max = latestOccurredOn(options.today);
    date = date.refine((v) => v <= max, { error: 'validation.dateInFuture', params: { max } });
  }
  return z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), date);
}

function inputObjectSchema(def: ActivityTypeDef, today: string | undefined) {
  return z
    .object({
      type: z.literal(def.id),
      occurredOn: occurredOnSchema(today === undefined ? {} : { today }),
      data: dataObjectSchema(def).transform(dropUndefined),
    })
    .superRefine((input, ctx) => {
      if (!isPlainObject(input)) return;
      const { occurredOn } = input;
      const context = isIsoDate(occurredOn) ? { occurredOn } : {};
      addRefineIssues(def, input['data'], context, ctx, ['data']);
    }, ALWAYS);
}

function inputUnion(today: string | undefined): z.ZodType<ActivityInput> {
  const [first, ...rest] = CATALOGUE.map((def) => inputObjectSchema(def, today));
  if (!first) throw new Error('The catalogue is empty');
  return z.discriminatedUnion('type', [first, ...rest]);
}

/** { type, occurredOn, data }, discriminated by type; no check against today's date. */
export const activityInputSchema: z.ZodType<ActivityInput> = inputUnion(undefined);

/** As activityInputSchema, and occurredOn no later than the day after `today`. */
export function activityInputSchemaFor(options: {
  readonly today: string;
}): z.ZodType<ActivityInput> {
  requireIsoDate(options.today);
  return inputUnion(options.today);
}

/**
 * How a record's schemaVersion relates to this app's catalogue. 'newer' (including a type
 * this app does not know) means the record came from a newer app: show it read-only.
 */
export function schemaVersionStatus(
  typeId: string,
  version: number,
): 'current' | 'older' | 'newer' {
  if (!isActivityTypeId(typeId)) return 'newer';
  const current = getActivityType(typeId).version;
  if (version === current) return 'current';
  return version < current ? 'older' : 'newer';
}

/** Zod's issues as this app's: string path segments, message key, params for the message. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const push = (issue: ValidationIssue): void => {
    const id = `${issuePath(issue)}\u0000${issue.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    issues.push(issue);
  };
  for (const issue of error.issues) {
    // A multiselect's bad item is reported on the field, not on the item's index.
    const segments = issue.path.filter((s): s is string => typeof s === 'string');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        push({ path: [...segments, key], key: 'validation.unknownField' });
      }
    } else if (issue.code === 'invalid_union') {
      push({
        path: segments.length > 0 ? segments : ['type'],
        key: 'validation.unknownType',
      });
    } else {
      const key = isValidationKey(issue.message) ? issue.message : 'validation.type';
      const params = paramsOf(issue);
      push({ path: segments, key, ...(params ? { params } : {}) });
    }
  }
  return issues;
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code !== 'custom' || !isPlainObject(issue.params)) return undefined;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(issue.params)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return params;
}

/**
 * Validates an entry as a form or an import hands it over. `today` is the post's local date
 * (localDateIn(post.timeZone, now)). On success `value` is normalised: text trimmed, codes
 * upper-cased, empty optional fields left out, multiselect values in catalogue order.
 */
export function validateActivityInput(
  input: unknown,
  options: { readonly today: string },
): ValidationResult<ActivityInput> {
  requireIsoDate(options.today);
  if (!isPlainObject(input)) return { ok: false, issues: [{ path: [], key: 'validation.type' }] };
  if (!isActivityTypeId(input['type'])) {
    return { ok: false, issues: [{ path: ['type'], key: 'validation.unknownType' }] };
  }
  const def = getActivityType(input['type']);
  const result = inputObjectSchema(def, options.today).safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: toValidationIssues(result.error) };
}

/** Validates only the `data` of an entry of a known type; paths start with 'data' as above. */
export function validateActivityData(
  def: ActivityTypeDef,
  data: unknown,
  context: RefineContext = {},
): ValidationResult<ActivityData> {
  const schema = dataObjectSchema(def)
    .superRefine((d, ctx) => addRefineIssues(def, d, context, ctx, []), ALWAYS)
    .transform(dropUndefined);
  const result = z.object({ data: schema }).safeParse({ data });
  return result.success
    ? { ok: true, value: result.data.data }
    : { ok: false, issues: toValidationIssues(result.error) };
}

/** The data a new entry of this type starts with: declared defaults, booleans false. */
export function defaultActivityData(def: ActivityTypeDef): ActivityData {
  const data: ActivityData = {};
  for (const field of def.fields) {
    const value = field.defaultValue;
    if (value !== undefined) data[field.name] = typeof value === 'object' ? [...value] : value;
    else if (field.kind === 'boolean') data[field.name] = false;
  }
  return data;
}

/** The issue's path as a form field name: 'data.persons', 'occurredOn', '' for the whole. */
export function issuePath(issue: ValidationIssue): string {
  return issue.path.join('.');
}

/** Issues grouped under their joined path, for showing each beside its field. */
export function issuesByPath(
  issues: readonly ValidationIssue[],
): Record<string, readonly ValidationIssue[]> {
  const grouped: Record<string, ValidationIssue[]> = {};
  for (const issue of issues) (grouped[issuePath(issue)] ??= []).push(issue);
  return grouped;
}

/** The issue in words, through the app's translate function (i18next's `t`). */
export function issueMessage(
  issue: ValidationIssue,
  t: (key: string, params?: Readonly<Record<string, string | number>>) => string,
): string {
  return t(issue.key, issue.params);
}

// One schema per field definition, built on first use: an import checks each value of
// hundreds of thousands of changes, and building a zod schema costs far more than using it.
const fieldSchemas = new WeakMap<FieldDef, FieldSchema>();
let occurredOnCheck: z.ZodType<string> | undefined;

/**
 * The problem with one value an import brings for the path of an entry of type `def`, or
 * null. A field-level merge takes each path on its own, so an import checks each value with
 * the same field schema the form uses (kind, bounds, options, pattern) and occurredOn as the
 * form does without "today" (a real date, not before 1989); cross-field rules are the form's,
 * since two valid edits merged from two devices may meet only here. A value of a data field
 * this version's type does not define (a newer version of the type) cannot be judged and
 * passes; so does any value when the type is not known here (it waits as 'newer-catalogue').
 * null clears a field: refused only for a required one.
 */
export function importedValueIssue(
  def: ActivityTypeDef | undefined,
  path: string,
  value: Json,
): ValidationIssue | null {
  let schema: z.ZodType<unknown> | undefined;
  if (path === 'occurredOn') {
    occurredOnCheck ??= occurredOnSchema();
    schema = occurredOnCheck;
  } else if (path.startsWith('data.') && def) {
    const field = def.fields.find((f) => f.name === path.slice('data.'.length));
    if (!field) return null;
    schema = fieldSchemas.get(field);
    if (!schema) {
      const built = fieldSchema(field);
      fieldSchemas.set(field, built);
      schema = built;
    }
  }
  if (!schema) return null;
  const result = schema.safeParse(value === null ? undefined : value);
  if (result.success) return null;
  const [first] = toValidationIssues(result.error);
  return {
    path: path.split('.'),
    key: first?.key ?? 'validation.type',
    ...(first?.params ? { params: first.params } : {}),
  };
}
