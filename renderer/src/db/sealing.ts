// Encryption at rest for the database: which values are sealed, and sealing and opening them
// with the data key the passphrase unlocks. Sealing is WebCrypto, hence async, so callers seal
// BEFORE a Dexie transaction starts (awaiting anything but Dexie inside one commits it early).
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import { CATALOGUE } from '../../../shared/domain/catalogue.ts';
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

/** Every `data.<name>` path some activity type marks sensitive. */
const ANY_SENSITIVE: ReadonlySet<string> = new Set(
  CATALOGUE.flatMap((def) =>
    def.fields.filter((f) => f.sensitive).map((f) => `${DATA_PREFIX}${f.name}`),
  ),
);

/**
 * True when a value at `path` is stored sealed. With the record's type, its own sensitive
 * fields (the words index reads the others, so they must stay plain); without one (an import
 * that has not seen the record's type yet), any field that some type marks sensitive:
 * sealing too much costs a little time, sealing too little leaks.
 */
export function isSealedPath(path: string, def?: ActivityTypeDef): boolean {
  if (!path.startsWith(DATA_PREFIX)) return false;
  if (!def) return ANY_SENSITIVE.has(path);
  const name = path.slice(DATA_PREFIX.length);
  // Only the type's own: a training's notes are searchable, an interdiction's are sealed.
  return def.fields.some((f) => f.name === name && f.sensitive);
}

/** A value as stored: sealed when its path is sensitive and it holds something. */
export async function sealValue(
  sealer: Sealer | undefined,
  recordId: string,
  path: string,
  value: Json,
  def?: ActivityTypeDef,
): Promise<Json> {
  if (value === null || isSealed(value) || !isSealedPath(path, def)) return value;
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
