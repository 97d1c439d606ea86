// Encryption at rest for the database: which values are sealed, and sealing and opening them
// with the data key the passphrase unlocks. Sealing is WebCrypto, hence async, so callers seal
// BEFORE a Dexie transaction starts (awaiting anything but Dexie inside one commits it early).
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import { DATA_PREFIX } from '../../../shared/domain/activity.ts';
import { type Json } from '../../../shared/sync/change.ts';
import { decryptField, encryptField, isSealed } from '../../../shared/vault/index.ts';
import { DbError } from './errors.ts';

/** Seals and opens values with the unlocked data key. Absent while the app is locked. */
export interface Sealer {
  seal(recordId: string, path: string, value: Json): Promise<string>;
  open(recordId: string, path: string, sealed: string): Promise<Json>;
}

export function makeSealer(dataKey: CryptoKey): Sealer {
  return {
    seal: (recordId, field, value) => encryptField(dataKey, value, { recordId, field }),
    open: (recordId, field, sealed) => decryptField(dataKey, sealed, { recordId, field }),
  };
}

/**
 * True when a value at `path` is stored sealed: a field its type marks sensitive, and any
 * field this build does not know (a record of an unknown type, or a field a newer catalogue
 * added), since a newer app may mark it sensitive. The words index reads only known open
 * fields, so a training's notes stay searchable while an interdiction's are sealed.
 */
export function isSealedPath(path: string, def?: ActivityTypeDef): boolean {
  if (!path.startsWith(DATA_PREFIX)) return false;
  if (!def) return true;
  const name = path.slice(DATA_PREFIX.length);
  const field = def.fields.find((f) => f.name === name);
  return field === undefined || field.sensitive;
}

/** A value as stored: sealed when its path is sensitive and it holds something. */
export async function sealValue(
  sealer: Sealer | undefined,
  recordId: string,
  path: string,
  value: Json,
  def?: ActivityTypeDef,
): Promise<Json> {
  // Even a value that looks sealed is sealed: it was typed (or received) as data.
  if (value === null || !isSealedPath(path, def)) return value;
  if (!sealer) throw new DbError('locked', `cannot store ${path} while locked`);
  return sealer.seal(recordId, path, value);
}

/** A stored value opened for display or editing; plain values pass through. */
export async function openValue(
  sealer: Sealer | undefined,
  recordId: string,
  path: string,
  value: Json,
): Promise<Json> {
  if (!isSealed(value)) return value;
  if (!sealer) throw new DbError('locked', `cannot read ${path} while locked`);
  return sealer.open(recordId, path, value);
}

/** Seals each sensitive value of a `data` object (the record's id and type given). */
export async function sealData(
  sealer: Sealer | undefined,
  recordId: string,
  data: Record<string, Json | undefined>,
  def?: ActivityTypeDef,
): Promise<Record<string, Json | undefined>> {
  const out: Record<string, Json | undefined> = {};
  for (const [name, value] of Object.entries(data)) {
    out[name] =
      value === undefined
        ? undefined
        : await sealValue(sealer, recordId, `${DATA_PREFIX}${name}`, value, def);
  }
  return out;
}

/** Opens every sealed value of a `data` object. */
export async function openData(
  sealer: Sealer | undefined,
  recordId: string,
  data: Record<string, Json>,
): Promise<Record<string, Json>> {
  const out: Record<string, Json> = {};
  for (const [name, value] of Object.entries(data)) {
    out[name] = await openValue(sealer, recordId, `${DATA_PREFIX}${name}`, value);
  }
  return out;
}

/** A draft's context: drafts never sync, and the whole form is sealed as one value. */
const DRAFT_FIELD = 'draft-values';

export function sealDraftValues(sealer: Sealer | undefined, draftId: string, values: Json) {
  if (!sealer) throw new DbError('locked', 'cannot save a draft while locked');
  return sealer.seal(`draft:${draftId}`, DRAFT_FIELD, values);
}

export function openDraftValues(
  sealer: Sealer | undefined,
  draftId: string,
  values: Json,
): Promise<Json> {
  return openValue(sealer, `draft:${draftId}`, DRAFT_FIELD, values);
}
