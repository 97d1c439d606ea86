// Converts between what the form's inputs hold (strings, booleans, string arrays) and the
// activity input the domain validates. Kept apart from the React code so it is testable.
import { type ActivityTypeDef, type FieldDef } from '../../../../shared/domain/catalogue-types.ts';
import { type Json } from '../../../../shared/sync/change.ts';
import { valueText } from '../../ui/format.ts';

export type FormFieldValue = string | boolean | string[];
export interface FormValues {
  occurredOn: string;
  data: Record<string, FormFieldValue>;
}

function emptyValue(field: FieldDef): FormFieldValue {
  if (field.kind === 'boolean') return false;
  if (field.kind === 'multiselect') return [];
  return '';
}

export function toFormValues(
  type: ActivityTypeDef,
  occurredOn: string,
  data: Record<string, Json> = {},
): FormValues {
  const values: Record<string, FormFieldValue> = {};
  for (const field of type.fields) {
    const v = data[field.name];
    if (v === undefined || v === null) values[field.name] = emptyValue(field);
    else if (field.kind === 'boolean') values[field.name] = v === true;
    else if (field.kind === 'multiselect')
      values[field.name] = Array.isArray(v) ? v.map(String) : [];
    else values[field.name] = valueText(v);
  }
  return { occurredOn, data: values };
}

/** Form values to the record's data: empty optional fields are left out, numbers parsed. */
export function fromFormValues(
  type: ActivityTypeDef,
  values: FormValues,
): { occurredOn: string; data: Record<string, Json> } {
  const data: Record<string, Json> = {};
  for (const field of type.fields) {
    const raw = values.data[field.name];
    if (raw === undefined) continue;
    if (field.kind === 'boolean') {
      data[field.name] = raw === true;
    } else if (field.kind === 'multiselect') {
      // A single checkbox registered under a name yields a string or false, not an array.
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' && raw ? [raw] : [];
      if (list.length > 0) data[field.name] = list;
    } else if (typeof raw === 'string') {
      const text = raw.trim();
      if (text === '') continue;
      if (field.kind === 'integer') {
        // Keep what the person typed when it is not a whole number, so validation can say so.
        data[field.name] = /^-?\d+$/.test(text) ? Number(text) : text;
      } else {
        data[field.name] = text;
      }
    }
  }
  return { occurredOn: values.occurredOn, data };
}

/** An issue travels inside react-hook-form's message as JSON so it is translated when shown. */
export function encodeIssue(key: string, params?: Record<string, unknown>): string {
  return JSON.stringify({ key, params: params ?? {} });
}

export function decodeIssue(
  message: string | undefined,
): { key: string; params: Record<string, unknown> } | null {
  if (!message) return null;
  try {
    const parsed = JSON.parse(message) as { key?: unknown; params?: unknown };
    if (typeof parsed.key !== 'string') return null;
    return { key: parsed.key, params: (parsed.params ?? {}) as Record<string, unknown> };
  } catch {
    return { key: message, params: {} };
  }
}
