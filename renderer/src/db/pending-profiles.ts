// Profiles naming a new HQ signing key wait here, unapplied, until the person types the new
// HQ code read by phone (shared/identity/pending-profile.ts says why). Bundles meanwhile keep
// using the trusted profile.
import {
  pendingProfileForCode,
  withPendingProfile,
} from '../../../shared/identity/pending-profile.ts';
import { type SignedProfile, verifyProfile } from '../../../shared/identity/signed.ts';
import { type LiaisonDb } from './db.ts';
import { toDbError } from './errors.ts';
import { replaceProfile } from './identity.ts';
import { deleteMeta, getMeta, setMeta } from './meta.ts';

export async function listPendingProfiles(db: LiaisonDb): Promise<SignedProfile[]> {
  return (await getMeta(db, 'pendingProfiles')) ?? [];
}

/** Keeps a verified profile (chain checked by the caller) pending; joins the caller's transaction. */
export async function holdPendingProfile(db: LiaisonDb, signed: SignedProfile): Promise<void> {
  try {
    await db.transaction('rw', db.meta, async () => {
      await setMeta(
        db,
        'pendingProfiles',
        withPendingProfile(await listPendingProfiles(db), signed),
      );
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}

export type AcceptPendingResult =
  { readonly kind: 'accepted'; readonly version: number } | { readonly kind: 'wrong-code' };

/**
 * Applies the pending profile whose HQ key has the typed code, checked again by the chain from
 * the trusted profile (verifyProfile throws its ProfileError otherwise), and drops the others:
 * the person chose HQ's genuine one. A code that matches none leaves every profile pending.
 */
export async function acceptPendingProfile(
  db: LiaisonDb,
  typed: string,
): Promise<AcceptPendingResult> {
  const chosen = await pendingProfileForCode(await listPendingProfiles(db), typed);
  if (!chosen) return { kind: 'wrong-code' };
  const current = await getMeta(db, 'profile');
  const profile = await verifyProfile(chosen, { current: current?.profile });
  try {
    // Applied and cleared together: if either write fails, both are undone.
    await db.transaction('rw', db.meta, db.exchangeDeferred, async () => {
      await replaceProfile(db, { profile, signature: chosen.signature });
      await deleteMeta(db, 'pendingProfiles');
    });
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
  return { kind: 'accepted', version: profile.version };
}

/** The person refused the new HQ keys: every pending profile is dropped, nothing applied. */
export async function refusePendingProfiles(db: LiaisonDb): Promise<void> {
  try {
    await deleteMeta(db, 'pendingProfiles');
  } catch (e) {
    throw toDbError(e, 'write-failed', db.connection);
  }
}
