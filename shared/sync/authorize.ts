// Who may write what, checked at import for every change of a bundle against the role of
// the person who signed it. A refused change is reported; the rest of the bundle applies.
import { isReviewPath } from '../domain/activity.ts';
import { MAX_COMMENT_LENGTH, commentProblem, isCommentPath } from '../review/comments.ts';
import { type Change, type Json } from './change.ts';
import { OWNERSHIP_FIELDS, recordKey } from './fields.ts';
import { latestPerField } from './latest.ts';
import { type Authorizer, type BatchView, type RecordState } from './merge.ts';
import { type Refusal, refusal } from './refusal.ts';

/** The signer of a bundle, as the receiver knows it from its directory of devices. */
export type SenderScope =
  | { readonly role: 'officer'; readonly officerId: string; readonly postCode: string }
  | { readonly role: 'lead'; readonly officerId: string; readonly posts: readonly string[] }
  | { readonly role: 'hq'; readonly userId: string };

/**
 * Whose a record is. 'known': the receiver held its officerId before the batch.
 * 'claimed': the receiver did not, and the sender's own changes in the batch set officerId
 * and/or postCode (a new record). 'unknown': neither, so nobody can tell yet whether the
 * sender may write it.
 */
type Ownership =
  | {
      readonly kind: 'known' | 'claimed';
      readonly officerId: Json | undefined;
      readonly postCode: Json | undefined;
    }
  | { readonly kind: 'unknown' };

/**
 * Null when `scope` may make `change`, else why not. `batch` is the rest of the batch
 * (mergeChanges passes it): ownership is read from the record as stored before the batch,
 * or, for a record new to this receiver, from the officerId and postCode the batch sets
 * under the sender's own name.
 * Without `batch`, `current` stands for the stored record and the change for the batch.
 */
export function authorizeChange(
  scope: SenderScope,
  change: Change,
  current: RecordState | undefined,
  batch?: BatchView,
): Refusal | null {
  const view: BatchView = batch ?? { before: () => current, changesFor: () => [change] };
  return decide(scope, change, () => ownershipOf(change, view, senderId(scope)));
}

/**
 * The authorizer mergeChanges takes, for a batch signed by `scope`. It remembers each
 * record's ownership for the batch, so a batch of many changes to one record stays linear.
 */
export function makeAuthorizer(scope: SenderScope): Authorizer {
  const seen = new WeakMap<BatchView, Map<string, Ownership>>();
  const ownershipIn = (batch: BatchView, change: Change): Ownership => {
    const perRecord = seen.get(batch) ?? new Map<string, Ownership>();
    seen.set(batch, perRecord);
    const key = recordKey(change.collection, change.recordId);
    const owner = perRecord.get(key) ?? ownershipOf(change, batch, senderId(scope));
    perRecord.set(key, owner);
    return owner;
  };
  return (change, _current, batch) => decide(scope, change, () => ownershipIn(batch, change));
}

function decide(scope: SenderScope, change: Change, ownership: () => Ownership): Refusal | null {
  const sender = senderId(scope);
  if (change.author !== sender) {
    return refusal('author-mismatch', `change by ${change.author} in a bundle signed by ${sender}`);
  }
  if (isReviewPath(change.field)) return authorizeReview(scope, change, ownership());
  if (isCommentPath(change.field)) return authorizeComment(scope, change, ownership());
  if (scope.role === 'hq')
    return refusal('hq-review-only', `HQ may write review fields only, not ${change.field}`);
  return authorizeOwnWrite(sender, postsOf(scope), change, ownership());
}

function senderId(scope: SenderScope): string {
  return scope.role === 'hq' ? scope.userId : scope.officerId;
}

/** The posts whose records the sender may create as its own. */
function postsOf(scope: SenderScope): readonly string[] {
  if (scope.role === 'officer') return [scope.postCode];
  if (scope.role === 'lead') return scope.posts;
  return [];
}

/**
 * Whose the record of `change` is, for a batch signed by `sender`. A new record's claim is
 * made of the sender's own officerId and postCode writes only: a write under another
 * author is refused (author-mismatch) and never stored, so counting it would let a claim
 * that is never written admit the sender's data into a record without an owner, and the
 * next creator of that id would inherit that data on some receivers and not on others.
 */
function ownershipOf(change: Change, batch: BatchView, sender: string): Ownership {
  const before = batch.before(change.collection, change.recordId);
  const stored =
    before && Object.hasOwn(before.fields, 'officerId') ? before.fields.officerId : undefined;
  if (before && stored) {
    const post = Object.hasOwn(before.fields, 'postCode') ? before.fields.postCode : undefined;
    return { kind: 'known', officerId: stored.value, postCode: post?.value };
  }
  // A new record: what the sender's own writes in the batch say, taking for each field the
  // write that merge keeps.
  const own = batch
    .changesFor(change.collection, change.recordId)
    .filter((c) => c.author === sender && isOwnershipField(c.field));
  let officerId: Json | undefined;
  let postCode: Json | undefined;
  for (const claim of latestPerField(own).values()) {
    if (claim.field === 'officerId') officerId = claim.value;
    if (claim.field === 'postCode') postCode = claim.value;
  }
  if (officerId === undefined && postCode === undefined) return { kind: 'unknown' };
  return { kind: 'claimed', officerId, postCode };
}

const OWNERSHIP: ReadonlySet<string> = new Set<string>(OWNERSHIP_FIELDS);

function isOwnershipField(field: string): boolean {
  return OWNERSHIP.has(field);
}

function inPosts(posts: readonly string[], post: Json | undefined): boolean {
  return typeof post === 'string' && posts.includes(post);
}

function notYetKnown(change: Change): Refusal {
  return refusal(
    'unknown-record',
    `${change.collection}/${change.recordId} has not arrived here yet`,
  );
}

/** A valid claim: a complete new record, created by the sender in one of its posts. */
function claimsOwnRecord(owner: Ownership, sender: string, posts: readonly string[]): boolean {
  return owner.kind === 'claimed' && owner.officerId === sender && inPosts(posts, owner.postCode);
}

function authorizeReview(scope: SenderScope, change: Change, owner: Ownership): Refusal | null {
  if (scope.role === 'officer')
    return refusal('officer-writes-review', `an officer may not write ${change.field}`);
  if (scope.role === 'hq') return owner.kind === 'known' ? null : notYetKnown(change);
  if (owner.kind === 'known') {
    if (inPosts(scope.posts, owner.postCode)) return null;
    return refusal(
      'review-field-out-of-scope',
      `post ${JSON.stringify(owner.postCode)} is not led by ${scope.officerId}`,
    );
  }
  // The lead's own new record is in one of its posts; anything else must wait for the
  // record itself, which tells its post.
  return claimsOwnRecord(owner, scope.officerId, scope.posts) ? null : notYetKnown(change);
}

/**
 * A comment of the thread: well formed, by the signer, and written by someone who may speak
 * on the entry: its officer (a reply), a lead of its post, or HQ. The app writes each
 * comment once under a fresh id; only its author can write that path again, and then the
 * merge's last-writer-wins decides as for any field, so every device still agrees.
 */
function authorizeComment(scope: SenderScope, change: Change, owner: Ownership): Refusal | null {
  const problem = commentProblem(change.value, senderId(scope));
  if (problem === 'too-long')
    return refusal('comment-too-long', `a comment holds at most ${MAX_COMMENT_LENGTH} characters`);
  if (problem === 'not-the-author')
    return refusal('author-mismatch', `a comment signed by ${senderId(scope)} in another's name`);
  if (problem) return refusal('invalid-value', `${change.field} is not a comment`);
  if (scope.role === 'officer') {
    if (owner.kind === 'unknown') return notYetKnown(change);
    return owner.officerId === scope.officerId
      ? null
      : refusal('not-owner', `a comment on ${JSON.stringify(owner.officerId)}'s entry`);
  }
  return authorizeReview(scope, change, owner);
}

/** Core, data and tombstone writes: an officer's (or a lead's) own activities only. */
function authorizeOwnWrite(
  sender: string,
  posts: readonly string[],
  change: Change,
  owner: Ownership,
): Refusal | null {
  if (owner.kind === 'unknown') return notYetKnown(change);
  if (owner.officerId !== undefined && owner.officerId !== sender) {
    return refusal(
      'not-owner',
      `${change.collection}/${change.recordId} belongs to ${JSON.stringify(owner.officerId)}`,
    );
  }
  if (owner.kind === 'claimed') {
    if (owner.postCode !== undefined && !inPosts(posts, owner.postCode)) {
      return refusal(
        'not-owner',
        `a new record in post ${JSON.stringify(owner.postCode)}, not the sender's`,
      );
    }
    // Half a creation (officerId without postCode, or the reverse): the other half is on
    // its way, since both are written together; decide when it is here.
    if (owner.officerId === undefined || owner.postCode === undefined) return notYetKnown(change);
  }
  if (change.field === 'officerId' && change.value !== sender) {
    return refusal('ownership-change', `officerId may only be the sender's own (${sender})`);
  }
  if (change.field === 'postCode' && !inPosts(posts, change.value)) {
    return refusal(
      'ownership-change',
      `postCode ${JSON.stringify(change.value)} is not the sender's post`,
    );
  }
  return null;
}
