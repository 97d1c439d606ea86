// The review of an entry: its states, who may move it from which state to which, and the
// state a person sees once the officer has edited a reviewed entry. Pure: the screens, the
// repository and the import read these rules; nothing here touches storage.
import { REVIEW_STATUSES, type ReviewStatus } from '../domain/activity.ts';

export { REVIEW_STATUSES, type ReviewStatus };

/** The states a reviewer gives. 'pending' is never given: it is where an entry waits. */
export const REVIEWER_STATES = ['approved', 'issues', 'returned'] as const;
export type ReviewerState = (typeof REVIEWER_STATES)[number];

/** Who acts, as the network profile knows them (the same shape as a bundle's sender). */
export type ReviewActor =
  | { readonly role: 'officer'; readonly officerId: string }
  | { readonly role: 'lead'; readonly officerId: string; readonly posts: readonly string[] }
  | { readonly role: 'hq'; readonly userId: string };

/** Whose an entry is. */
export interface ReviewedEntry {
  readonly officerId: string;
  readonly postCode: string;
}

export type MoveRefusal =
  /** An officer never gives a review, not even on its own entry. */
  | 'officer-cannot-review'
  /** A team lead reviews only the entries of the posts it leads. */
  | 'not-your-post'
  /** The officer sends back only its own entry, and only one returned or with issues. */
  | 'not-your-entry'
  | 'nothing-to-correct'
  /** The entry is already in that state. */
  | 'same-state'
  /** Nobody puts an entry back to pending by hand: editing it does (see effectiveState). */
  | 'pending-by-edit-only';

/** May `actor` give the review `to` to an entry now in `from`? null when yes. */
export function moveRefusal(
  actor: ReviewActor,
  entry: ReviewedEntry,
  from: ReviewStatus,
  to: ReviewStatus,
): MoveRefusal | null {
  if (actor.role === 'officer') {
    if (to !== 'pending') return 'officer-cannot-review';
    if (entry.officerId !== actor.officerId) return 'not-your-entry';
    // The correction loop: an entry returned, or found with issues, goes back by an edit.
    return from === 'returned' || from === 'issues' ? null : 'nothing-to-correct';
  }
  if (actor.role === 'lead' && !actor.posts.includes(entry.postCode)) return 'not-your-post';
  if (to === 'pending') return 'pending-by-edit-only';
  if (from === to) return 'same-state';
  return null;
}

/** The states `actor` may move the entry to from `from`, in REVIEW_STATUSES order. */
export function allowedMoves(
  actor: ReviewActor,
  entry: ReviewedEntry,
  from: ReviewStatus,
): ReviewStatus[] {
  return REVIEW_STATUSES.filter((to) => moveRefusal(actor, entry, from, to) === null);
}

/** Why an entry waits for review, when it does. */
export type PendingReason = 'new' | 'corrected' | 'edited-after-approval';

export interface EffectiveState {
  readonly state: ReviewStatus;
  /** Set when state is 'pending'. */
  readonly reason?: PendingReason;
  /** The state the last review gave, when an edit since put the entry back to pending. */
  readonly reviewed?: ReviewerState;
}

/**
 * The state people see, from the stored review and the stamps (HLC strings, which compare
 * as times) of the last review and of the owner's last edit of the entry itself. An entry
 * the officer edited after its last review waits again: 'corrected' after a return or
 * issues, 'edited-after-approval' after an approval. Derived, never written by the officer:
 * every device computes the same state from the same merged record, so a lead's review and
 * an officer's edit made on two laptops at once can never leave two devices disagreeing.
 */
export function effectiveState(review: {
  readonly status: ReviewStatus;
  /** Stamp of the review.status write; absent for a new entry. */
  readonly statusStamp?: string;
  /** Stamp of the latest write to a core or data path of the entry. */
  readonly lastEditStamp?: string;
}): EffectiveState {
  const { status, statusStamp, lastEditStamp } = review;
  if (status === 'pending') return { state: 'pending', reason: 'new' };
  const editedSince =
    statusStamp !== undefined && lastEditStamp !== undefined && lastEditStamp > statusStamp;
  if (!editedSince) return { state: status };
  return {
    state: 'pending',
    reason: status === 'approved' ? 'edited-after-approval' : 'corrected',
    reviewed: status,
  };
}
