// Why a change was not applied. Codes are stable identifiers: the import report and the UI
// translate them; `detail` is an English sentence for logs and support.

export type RefusalCode =
  /** Malformed: a stamp that does not decode, a stamp of another device, an unknown field, a `_deleted` that is not a boolean. */
  | 'invalid-change'
  /** change.author is not the person who signed the bundle. */
  | 'author-mismatch'
  /** The record belongs to another officer, or a new record is claimed for another officer or post. */
  | 'not-owner'
  /** officerId or postCode of a record set to someone else's. */
  | 'ownership-change'
  /** An officer wrote a review field. */
  | 'officer-writes-review'
  /** A team lead wrote a review field of an activity outside the posts it leads. */
  | 'review-field-out-of-scope'
  /** HQ wrote something other than a review field. */
  | 'hq-review-only'
  /**
   * Not a refusal for good: the receiver does not hold the record yet, so whether the
   * sender may write it cannot be decided. The change is 'deferred' and must be kept and
   * merged again once the record has arrived.
   */
  | 'unknown-record'
  /**
   * Not a refusal for good either: an activity type this build does not know (a newer app
   * made it). Kept and retried, so updating the app applies it; dropping it would let a
   * receipt acknowledge a change nobody holds.
   */
  | 'newer-catalogue'
  /**
   * Not a refusal for good: a well-formed field path this version does not sync (a newer
   * app wrote it). Kept and retried once the app knows the path, like 'newer-catalogue'.
   */
  | 'newer-path'
  /** A review comment longer than MAX_COMMENT_LENGTH (shared/review/comments.ts). */
  | 'comment-too-long'
  /** A value the entry type's own schema refuses (a wrong kind, out of bounds, not an option). */
  | 'invalid-value'
  /**
   * Not a refusal for good: stamped further ahead of the receiver's clock than the allowed
   * skew (the sender's clock is wrong). Held, shown, and merged by a retry once the
   * receiver's clock has caught up, so it can never win over writes made in the meantime
   * while its time has not come. See docs/sync-model.md section 6.
   */
  | 'clock-ahead';

export interface Refusal {
  readonly code: RefusalCode;
  readonly detail: string;
}

/** True when the change should be kept and retried later rather than dropped. */
export function isDeferral(refusal: Refusal): boolean {
  return (
    refusal.code === 'unknown-record' ||
    refusal.code === 'newer-catalogue' ||
    refusal.code === 'newer-path' ||
    refusal.code === 'clock-ahead'
  );
}

export function refusal(code: RefusalCode, detail: string): Refusal {
  return { code, detail };
}
