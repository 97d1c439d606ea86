// Autosaved form drafts, so a half-typed entry survives a crash, a closed lid or a reload.
// Drafts are local only: they never enter the change log and never sync.
import { type Json } from '../../../shared/sync/change.ts';
import { openDraftValues, sealDraftValues, type Sealer } from './sealing.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { type DraftRow } from './schema.ts';

export type Draft = DraftRow;

export interface DraftInput {
  /** Absent for a new draft; the returned draft carries the id to save over next time. */
  id?: string;
  /** The activity type the form is for. */
  type: string;
  values: Json;
}

/** Stores the form's values sealed as one value: a half-typed name is as private as a saved one. */
export async function saveDraft(
  db: LiaisonDb,
  input: DraftInput,
  sealer: Sealer | undefined,
): Promise<Draft> {
  const id = input.id ?? db.newId();
  const draft: Draft = {
    id,
    type: input.type,
    values: await sealDraftValues(sealer, id, input.values),
    updatedAt: new Date(db.now()).toISOString(),
  };
  try {
    await db.drafts.put(draft);
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
  return { ...draft, values: input.values };
}

/** The draft with its values opened (a draft from before sealing existed opens as it is). */
export async function loadDraft(
  db: LiaisonDb,
  id: string,
  sealer: Sealer | undefined,
): Promise<Draft | undefined> {
  const draft = await db.drafts.get(id);
  if (!draft) return undefined;
  return { ...draft, values: await openDraftValues(sealer, id, draft.values) };
}

/** Most recently edited first. */
export async function listDrafts(db: LiaisonDb): Promise<Draft[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}

export async function deleteDraft(db: LiaisonDb, id: string): Promise<void> {
  try {
    await db.drafts.delete(id);
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}
