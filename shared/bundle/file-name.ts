// File names a person can read at a glance on a USB stick or in an e-mail: which post and
// officer, which day, which change numbers. The content is what counts (a renamed bundle
// still imports); the name is for people.

/** The extension of every bundle file (changes, receipts), registered with the OS. */
export const BUNDLE_FILE_EXTENSION = 'llb';
/** A signed network profile, as HQ saves it and officers import it. */
export const PROFILE_FILE_EXTENSION = 'llprofile';
/** A device's self-signed card, as an officer or lead may send it to HQ. */
export const ENROLLMENT_FILE_EXTENSION = 'llenroll';
/**
 * What the app imports and registers with the OS (build/electron-builder.config.cjs): the
 * sync screen's picker, drops and folders, and the files the OS opens with the app.
 */
export const IMPORT_FILE_EXTENSIONS: readonly string[] = [
  BUNDLE_FILE_EXTENSION,
  PROFILE_FILE_EXTENSION,
  ENROLLMENT_FILE_EXTENSION,
];

/** Letters, digits and dashes only, so the name survives every file system and mail client. */
function part(text: string, fallback: string): string {
  const clean = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return clean === '' ? fallback : clean;
}

/** YYYY-MM-DD of an ISO date-time (the writer's clock, in UTC). */
function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? 'undated';
}

export interface ChangesFileNameInput {
  /** Null for HQ. */
  readonly postCode: string | null;
  readonly officerId: string;
  readonly createdAt: string;
  /** The sender's sequence numbers the bundle covers. */
  readonly fromSeq: number;
  readonly toSeq: number;
}

/** e.g. `BOG_lo-bogota-1_2025-04-10_seq-12-40.llb`. */
export function changesFileName(input: ChangesFileNameInput): string {
  const post = input.postCode === null ? 'HQ' : part(input.postCode, 'post');
  const seqs =
    input.fromSeq === input.toSeq ? `${input.fromSeq}` : `${input.fromSeq}-${input.toSeq}`;
  return `${post}_${part(input.officerId, 'officer')}_${day(input.createdAt)}_seq-${seqs}.${BUNDLE_FILE_EXTENSION}`;
}

export interface ReceiptFileNameInput {
  /** The issuer's officer or HQ user id. */
  readonly issuerId: string;
  /** The post the receipt answers; null for all posts. */
  readonly postCode: string | null;
  readonly createdAt: string;
  /**
   * Which part this file is when one receipt is written as several (a bundle is addressed to
   * at most 64 devices): 1-based `index` of `count`. Absent, or a count of 1: one file.
   */
  readonly part?: { readonly index: number; readonly count: number };
}

/**
 * e.g. `receipt_hq-ottawa_BOG_2025-04-11.llb`, or for one part of several
 * `receipt_hq-ottawa_all-posts_2025-04-11_part-1-of-2.llb`: the part keeps the names of one
 * export apart and tells the person handing them out that there are others.
 */
export function receiptFileName(input: ReceiptFileNameInput): string {
  const post = input.postCode === null ? 'all-posts' : part(input.postCode, 'post');
  const of =
    input.part && input.part.count > 1 ? `_part-${input.part.index}-of-${input.part.count}` : '';
  return `receipt_${part(input.issuerId, 'issuer')}_${post}_${day(input.createdAt)}${of}.${BUNDLE_FILE_EXTENSION}`;
}
