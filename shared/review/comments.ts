// The comment thread of an entry: append-only items, each stored under its own field path
// (`review.comments.<id>`) and written once. Sync merges per path, so merging threads is a
// set union: a lead's and HQ's comments written on two machines both survive, in any order
// of arrival, however often a bundle is imported. Pure.
import { z } from 'zod';
import { REVIEW_STATUSES } from '../domain/activity.ts';
import { type Json } from '../sync/change.ts';

export const COMMENT_PREFIX = 'review.comments.';
/** Long enough for a paragraph of findings; longer text belongs in an information report. */
export const MAX_COMMENT_LENGTH = 2000;
const COMMENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const commentSchema = z.strictObject({
  /** Officer id of the author (a lead's or the officer's) or HQ's user id. */
  by: z.string().min(1).max(100),
  role: z.enum(['officer', 'lead', 'hq']),
  /** ISO time the comment was written, on the author's clock. */
  at: z.iso.datetime({ offset: true }),
  /** The state the review gave with this comment, if any. */
  state: z.enum(REVIEW_STATUSES).optional(),
  text: z.string().min(1).max(MAX_COMMENT_LENGTH),
});
export type ReviewComment = z.infer<typeof commentSchema>;

export function commentPath(id: string): string {
  if (!COMMENT_ID.test(id)) throw new TypeError(`not a comment id: ${id}`);
  return `${COMMENT_PREFIX}${id}`;
}

/** True for `review.comments.<id>` with a well-formed id. */
export function isCommentPath(path: string): boolean {
  return path.startsWith(COMMENT_PREFIX) && COMMENT_ID.test(path.slice(COMMENT_PREFIX.length));
}

export type CommentProblem = 'not-a-comment' | 'too-long' | 'not-the-author';

/**
 * What is wrong with a comment value written by `author`, or null. A comment is signed by
 * whoever the bundle's signer is: its `by` must be that person.
 */
export function commentProblem(value: Json, author: string): CommentProblem | null {
  const parsed = commentSchema.safeParse(value);
  if (!parsed.success) {
    const long =
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof value.text === 'string' &&
      value.text.length > MAX_COMMENT_LENGTH;
    return long ? 'too-long' : 'not-a-comment';
  }
  return parsed.data.by === author ? null : 'not-the-author';
}

export interface ThreadItem extends ReviewComment {
  readonly id: string;
}

/**
 * The thread, oldest first (by the author's time, then id, so every device lists it in the
 * same order), from an entry's field values by path. Values that are not comments are left
 * out (a newer version's shape is shown when the app knows it).
 */
export function threadOf(values: Readonly<Record<string, Json | undefined>>): ThreadItem[] {
  const items: ThreadItem[] = [];
  for (const [path, value] of Object.entries(values)) {
    if (!isCommentPath(path) || value === undefined) continue;
    const parsed = commentSchema.safeParse(value);
    if (parsed.success) items.push({ id: path.slice(COMMENT_PREFIX.length), ...parsed.data });
  }
  return items.sort((a, b) =>
    a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}
