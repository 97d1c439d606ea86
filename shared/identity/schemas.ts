// Building blocks the profile and the device card share. No transforms anywhere: what is
// parsed is exactly what was signed, so a parsed profile re-encodes to the same bytes.
import { z } from 'zod';
import { fromBase64Url } from '../bundle/bytes.ts';
import { PUBLIC_KEY_BYTES } from '../bundle/keys.ts';
import { isIsoDate } from '../domain/dates.ts';
import { POST_CODE_PATTERN, REGION_IDS } from '../domain/posts.ts';
import { deviceIdSchema } from '../sync/change.ts';
import { PROFILE_ISSUE_CODES, type ProfileIssue, type ProfileIssueCode } from './errors.ts';

export { deviceIdSchema };

/** Officer ids appear in every change a person makes (Change.author): short and stable. */
/** As the setup form asks for it: letters, digits and dashes, 2 to 32. */
export const OFFICER_ID_PATTERN = /^[A-Za-z0-9-]{2,32}$/;
export const officerIdSchema = z.string().regex(OFFICER_ID_PATTERN);
export const networkIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const postCodeSchema = z.string().regex(POST_CODE_PATTERN);

/** Text a person typed: not blank, no stray spaces at either end (they would be signed). */
export function textSchema(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s.trim() === s && s !== '');
}

export const localizedSchema = z.strictObject({ en: textSchema(200), fr: textSchema(200) });

/** A public key as text in a profile or card: base64url of its 32 raw bytes. */
export const publicKeyTextSchema = z
  .string()
  .refine((s) => fromBase64Url(s)?.length === PUBLIC_KEY_BYTES);

/**
 * Zones already judged. Making an Intl.DateTimeFormat costs about a millisecond on a loaded
 * machine, and the profile (49 posts) is checked at every import of a file: 2.4 s of the 63
 * demo bundles' import in one profiled run. The answer for a name never changes.
 */
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  // Bounded: a hostile profile cannot grow it past a few hundred names.
  if (knownZones.size < 1_000) knownZones.set(zone, valid);
  return valid;
}

/** A calendar day, 'YYYY-MM-DD' (a real date: no 31 April). */
export const isoDaySchema = z.string().refine(isIsoDate);

/**
 * A post as in shared/domain/posts.ts, plus `retired`: kept so old records still name it, and
 * the days it opened and closed (optional: completeness expects reports only in between).
 */
export const profilePostSchema = z.strictObject({
  code: postCodeSchema,
  name: localizedSchema,
  city: localizedSchema,
  country: z.string().regex(/^[A-Z]{2}$/),
  timeZone: z.string().max(64).refine(isTimeZone),
  region: z.enum(REGION_IDS),
  retired: z.boolean().optional(),
  openedOn: isoDaySchema.optional(),
  closedOn: isoDaySchema.optional(),
});

export const ROLES = ['officer', 'lead', 'hq'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The fields a device card and an approved device share. */
export const deviceFields = {
  deviceId: deviceIdSchema,
  officerId: officerIdSchema,
  name: textSchema(100),
  role: roleSchema,
  /** An officer's post. */
  postCode: postCodeSchema.optional(),
  /** The posts a lead asked for when enrolling (the profile's leads list decides its scope). */
  posts: z.array(postCodeSchema).min(1).max(200).optional(),
  signingKey: publicKeyTextSchema,
  encryptionKey: publicKeyTextSchema,
};

interface RoleFields {
  readonly role: Role;
  readonly postCode?: string | undefined;
  readonly posts?: readonly string[] | undefined;
}

/**
 * An officer has exactly one post and no list; a lead has a list and no single post; HQ has
 * neither. Anything else would make the sender's scope ambiguous at import.
 */
export function roleFieldsOk(entry: RoleFields): boolean {
  if (entry.role === 'officer') return entry.postCode !== undefined && entry.posts === undefined;
  if (entry.role === 'lead') return entry.postCode === undefined && entry.posts !== undefined;
  return entry.postCode === undefined && entry.posts === undefined;
}

/** Adds one of our issue codes to a zod refinement; the code travels as the message. */
export function addIssue(
  ctx: z.RefinementCtx,
  code: ProfileIssueCode,
  path: readonly (string | number)[],
  value?: string,
): void {
  ctx.addIssue({ code: 'custom', message: code, path: [...path], params: { value } });
}

const ISSUE_CODES: ReadonlySet<string> = new Set(PROFILE_ISSUE_CODES.filter((c) => c !== 'schema'));

/** Zod's issues as ours: our consistency codes kept, every shape problem as 'schema'. */
export function toProfileIssues(error: z.ZodError): ProfileIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'custom' && ISSUE_CODES.has(issue.message)) {
      const raw: unknown = (issue.params as { value?: unknown } | undefined)?.value;
      const code = issue.message as ProfileIssueCode;
      return typeof raw === 'string' ? { path, code, value: raw } : { path, code };
    }
    return { path, code: 'schema' };
  });
}
