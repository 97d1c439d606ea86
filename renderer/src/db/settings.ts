// Local settings kept in meta: the interface language and, until the identity work
// replaces it, the officer profile asked for on first run.
import { type Language } from '../../../shared/domain/catalogue-types.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { getMeta, setMeta, type OfficerProfile } from './meta.ts';

/** undefined until the person has chosen (the UI then asks, or follows the system). */
export async function getLanguage(db: LiaisonDb): Promise<Language | undefined> {
  const value = await getMeta(db, 'language');
  return value === 'en' || value === 'fr' ? value : undefined;
}

export async function setLanguage(db: LiaisonDb, language: Language): Promise<void> {
  try {
    await setMeta(db, 'language', language);
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

/** undefined on first run: the setup screen asks for it. */
export async function getOfficerProfile(db: LiaisonDb): Promise<OfficerProfile | undefined> {
  return getMeta(db, 'officer');
}

export async function setOfficerProfile(db: LiaisonDb, profile: OfficerProfile): Promise<void> {
  // Copy the three fields only: a form object may carry more than belongs here.
  const { officerId, name, postCode } = profile;
  try {
    await setMeta(db, 'officer', { officerId, name, postCode });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}
