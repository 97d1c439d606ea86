// The network profile: what HQ decides and every device trusts (posts, team leads, approved
// devices and their keys, policy). Validated for internal consistency, not only for shape.
import { z } from 'zod';
import { relayUrl } from '../remote/relay-path.ts';
import { ProfileError } from './errors.ts';
import {
  addIssue,
  deviceFields,
  localizedSchema,
  networkIdSchema,
  officerIdSchema,
  postCodeSchema,
  profilePostSchema,
  publicKeyTextSchema,
  deviceIdSchema,
  isoDaySchema,
  roleFieldsOk,
  textSchema,
  toProfileIssues,
} from './schemas.ts';

export const PROFILE_FORMAT = 1;

export const leadSchema = z.strictObject({
  officerId: officerIdSchema,
  name: textSchema(100),
  posts: z.array(postCodeSchema).min(1).max(200),
});

/** A device HQ approved after comparing its key fingerprint with the person holding it. */
export const approvedDeviceSchema = z.strictObject({
  ...deviceFields,
  approvedAt: z.iso.datetime({ offset: true }),
  /**
   * Set when HQ revoked the device (a stolen or replaced laptop). The entry stays, so its
   * earlier changes keep their sender and its keys can never be approved again; its later
   * bundles are refused and nobody encrypts for it.
   */
  revokedAt: z.iso.datetime({ offset: true }).optional(),
  /**
   * An officer's first and last day at its post (optional): completeness expects its reports
   * only in between. On the device entry, as the profile lists officers by their devices; an
   * officer with several devices is expected from the earliest start to the latest end.
   */
  startOn: isoDaySchema.optional(),
  endOn: isoDaySchema.optional(),
});

/**
 * The keys of a device HQ revoked without ever listing it: one a team lead approved locally
 * (HQ learns its keys from the bundles it sends HQ, which wait at HQ for approval). Revocation
 * goes by key, so neither HQ nor any lead trusts these keys again under any device id.
 */
export const revokedKeysSchema = z.strictObject({
  deviceId: deviceIdSchema,
  signingKey: publicKeyTextSchema,
  encryptionKey: publicKeyTextSchema,
  revokedAt: z.iso.datetime({ offset: true }),
});

/**
 * HQ's signing key replaced by a new one: signed by the key it replaces (`from`), over the
 * network, the profile version that first names the new key and the new key. Devices that
 * trust `from` follow the chain to the key the profile is signed with (signed.ts).
 */
export const hqRotationSchema = z.strictObject({
  version: z.int().min(2),
  from: publicKeyTextSchema,
  to: publicKeyTextSchema,
  signature: z.string().max(128),
});

export const policySchema = z.strictObject({
  /** The app locks (drops the data key) after this many idle minutes. */
  idleLockMinutes: z.int().min(1).max(240),
  /** Sensitive fields are kept on field devices this long after HQ confirms them. */
  sensitiveRetentionDays: z.int().min(0).max(3650),
});

/** How often devices sync with the relay, in minutes: at least one, at most a day. */
export const RELAY_INTERVAL_MINUTES = { min: 1, max: 1440 } as const;

/**
 * The relay every device of the network syncs through (docs/online-sync.md, "Settings"). The
 * folder URL is the base path; the layout under it is the app's (shared/remote/layout.ts).
 * Credentials are never here: each device keeps its own. Absent from older profiles, and
 * whenever HQ leaves the relay to each device's Settings.
 */
export const profileRelaySchema = z.strictObject({
  /** Already in the canonical form relayUrl gives (https, or http to this computer only). */
  url: z
    .string()
    .max(2048)
    .refine((url) => relayUrl(url) === url),
  intervalMinutes: z.int().min(RELAY_INTERVAL_MINUTES.min).max(RELAY_INTERVAL_MINUTES.max),
});

const profileShape = z.strictObject({
  format: z.literal(PROFILE_FORMAT),
  networkId: networkIdSchema,
  networkName: localizedSchema,
  /** Starts at 1; every profile HQ issues has a higher one, so devices can refuse older ones. */
  version: z.int().min(1),
  issuedAt: z.iso.datetime({ offset: true }),
  hq: z.strictObject({
    deviceId: deviceIdSchema,
    signingKey: publicKeyTextSchema,
    encryptionKey: publicKeyTextSchema,
    /**
     * X25519 key that opens devices' recovery copies only (never a bundle). Absent from
     * profiles issued before it existed: devices then keep no recovery copy until HQ issues
     * one (any key rotation adds it).
     */
    recoveryKey: publicKeyTextSchema.optional(),
    /** Every change of HQ's signing key, oldest first. */
    rotations: z.array(hqRotationSchema).max(100).optional(),
  }),
  posts: z.array(profilePostSchema).min(1).max(1000),
  leads: z.array(leadSchema).max(1000),
  devices: z.array(approvedDeviceSchema).max(5000),
  /** Devices revoked by key that `devices` does not list (see revokedKeysSchema). */
  revokedKeys: z.array(revokedKeysSchema).max(5000).optional(),
  policy: policySchema,
  /** Set by HQ for online sync; devices then take the address and interval from here. */
  relay: profileRelaySchema.optional(),
  demo: z.boolean(),
});

type ProfileShape = z.infer<typeof profileShape>;

/** Reports every value that appears more than once, at the path of its second use. */
function checkUnique(
  ctx: z.RefinementCtx,
  values: readonly string[],
  code: 'duplicate-post' | 'duplicate-lead' | 'duplicate-device' | 'duplicate-key',
  pathOf: (index: number) => (string | number)[],
): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) addIssue(ctx, code, pathOf(i), value);
    seen.add(value);
  });
}

function checkPostsAndLeads(
  ctx: z.RefinementCtx,
  p: ProfileShape,
  known: ReadonlySet<string>,
): void {
  checkUnique(
    ctx,
    p.posts.map((post) => post.code),
    'duplicate-post',
    (i) => ['posts', i, 'code'],
  );
  const leadIds = p.leads.map((lead) => lead.officerId);
  checkUnique(ctx, leadIds, 'duplicate-lead', (i) => ['leads', i, 'officerId']);
  p.leads.forEach((lead, i) => {
    checkUnique(ctx, lead.posts, 'duplicate-post', (j) => ['leads', i, 'posts', j]);
    lead.posts.forEach((code, j) => {
      if (!known.has(code)) addIssue(ctx, 'unknown-post', ['leads', i, 'posts', j], code);
    });
  });
}

function checkDevices(ctx: z.RefinementCtx, p: ProfileShape, known: ReadonlySet<string>): void {
  const leads = new Set(p.leads.map((lead) => lead.officerId));
  const roleOf = new Map<string, string>();
  p.devices.forEach((device, i) => {
    const at = (...rest: (string | number)[]) => ['devices', i, ...rest];
    if (!roleFieldsOk(device)) addIssue(ctx, 'role-fields', at('role'), device.role);
    if (device.postCode !== undefined && !known.has(device.postCode))
      addIssue(ctx, 'unknown-post', at('postCode'), device.postCode);
    device.posts?.forEach((code, j) => {
      if (!known.has(code)) addIssue(ctx, 'unknown-post', at('posts', j), code);
    });
    // The leads list is where HQ says who leads; a device may not claim it, nor hide it.
    if (device.role === 'lead' && !leads.has(device.officerId))
      addIssue(ctx, 'lead-not-listed', at('officerId'), device.officerId);
    if (device.role !== 'lead' && leads.has(device.officerId))
      addIssue(ctx, 'role-conflict', at('role'), device.officerId);
    // One person, one role: changes are authorized by author, whatever device carried them.
    const earlier = roleOf.get(device.officerId);
    if (earlier !== undefined && earlier !== device.role)
      addIssue(ctx, 'role-conflict', at('role'), device.officerId);
    roleOf.set(device.officerId, earlier ?? device.role);
  });
  const ids = p.devices.map((d) => d.deviceId);
  checkUnique(ctx, ids, 'duplicate-device', (i) => ['devices', i, 'deviceId']);
  // One key signs for one device only, or "only that key may sign for it" means nothing.
  checkUnique(
    ctx,
    p.devices.map((d) => d.signingKey),
    'duplicate-key',
    (i) => ['devices', i, 'signingKey'],
  );
  checkUnique(
    ctx,
    p.devices.map((d) => d.encryptionKey),
    'duplicate-key',
    (i) => ['devices', i, 'encryptionKey'],
  );
}

/** HQ's own device is listed like any other, with HQ's keys, so its reviews have a scope. */
function checkHqDevice(ctx: z.RefinementCtx, p: ProfileShape): void {
  const index = p.devices.findIndex((d) => d.deviceId === p.hq.deviceId);
  const device = p.devices[index];
  if (!device) return addIssue(ctx, 'hq-device-missing', ['hq', 'deviceId'], p.hq.deviceId);
  if (
    device.role !== 'hq' ||
    device.signingKey !== p.hq.signingKey ||
    device.encryptionKey !== p.hq.encryptionKey ||
    device.revokedAt !== undefined
  )
    addIssue(ctx, 'hq-device-mismatch', ['devices', index], p.hq.deviceId);
}

export const networkProfileSchema = profileShape.superRefine((p, ctx) => {
  const known = new Set(p.posts.map((post) => post.code));
  checkPostsAndLeads(ctx, p, known);
  checkDevices(ctx, p, known);
  checkHqDevice(ctx, p);
  // The recovery key has one use: no device (HQ's included) may use it to open bundles.
  if (p.hq.recoveryKey !== undefined && p.devices.some((d) => d.encryptionKey === p.hq.recoveryKey))
    addIssue(ctx, 'duplicate-key', ['hq', 'recoveryKey']);
  checkRevokedKeys(ctx, p);
  checkDates(ctx, p);
  // HQ's relay reaches every device with its password: plain http (to each device's own
  // computer) only in the demo network, never in a real one.
  if (p.relay && !p.demo && new URL(p.relay.url).protocol !== 'https:')
    addIssue(ctx, 'relay-not-https', ['relay', 'url'], p.relay.url);
});

/** No post closes before it opened, no officer leaves before it started. */
function checkDates(ctx: z.RefinementCtx, p: ProfileShape): void {
  p.posts.forEach((post, i) => {
    if (post.openedOn && post.closedOn && post.closedOn < post.openedOn)
      addIssue(ctx, 'dates-order', ['posts', i, 'closedOn'], post.code);
  });
  p.devices.forEach((device, i) => {
    if (device.startOn && device.endOn && device.endOn < device.startOn)
      addIssue(ctx, 'dates-order', ['devices', i, 'endOn'], device.officerId);
  });
}

/** No device still trusted holds a key revoked under another entry. */
function checkRevokedKeys(ctx: z.RefinementCtx, p: ProfileShape): void {
  const revoked = new Set((p.revokedKeys ?? []).flatMap((r) => [r.signingKey, r.encryptionKey]));
  p.devices.forEach((d, i) => {
    if (d.revokedAt === undefined && (revoked.has(d.signingKey) || revoked.has(d.encryptionKey)))
      addIssue(ctx, 'revoked-key', ['devices', i], d.deviceId);
  });
}

export type NetworkProfile = z.infer<typeof networkProfileSchema>;
export type ProfilePost = NetworkProfile['posts'][number];
export type Lead = z.infer<typeof leadSchema>;
export type ApprovedDevice = z.infer<typeof approvedDeviceSchema>;
export type HqRotation = z.infer<typeof hqRotationSchema>;
export type ProfilePolicy = z.infer<typeof policySchema>;
export type ProfileRelay = z.infer<typeof profileRelaySchema>;

/** The profile if it is valid and consistent; else ProfileError 'invalid' listing every issue. */
export function parseProfile(value: unknown): NetworkProfile {
  const result = networkProfileSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = toProfileIssues(result.error);
  const first = issues[0];
  throw new ProfileError(
    'invalid',
    `${issues.length} issue(s), first: ${first ? `${first.code} at ${first.path}` : '?'}`,
    issues,
  );
}

/** A post's city for people, from `posts`; its code when the list does not have it. */
export function postCity(
  posts: readonly ProfilePost[],
  code: string,
  lang: keyof ProfilePost['city'],
): string {
  return posts.find((p) => p.code === code)?.city[lang] ?? code;
}

/** Whether HQ revoked this device (its bundles are refused, nobody encrypts for it). */
export function isRevoked(profile: NetworkProfile, deviceId: string): boolean {
  return (
    profile.devices.some((d) => d.deviceId === deviceId && d.revokedAt !== undefined) ||
    (profile.revokedKeys ?? []).some((r) => r.deviceId === deviceId)
  );
}

// A profile is immutable once parsed: its revoked keys are computed once per object.
const revokedKeyCache = new WeakMap<NetworkProfile, ReadonlySet<string>>();

/** Every signing and encryption key HQ revoked, listed devices and keys-only entries alike. */
export function revokedKeysOf(profile: NetworkProfile): ReadonlySet<string> {
  let keys = revokedKeyCache.get(profile);
  if (!keys) {
    keys = new Set([
      ...profile.devices
        .filter((d) => d.revokedAt !== undefined)
        .flatMap((d) => [d.signingKey, d.encryptionKey]),
      ...(profile.revokedKeys ?? []).flatMap((r) => [r.signingKey, r.encryptionKey]),
    ]);
    revokedKeyCache.set(profile, keys);
  }
  return keys;
}

/** Whether a device with these keys (either one) was revoked, under whatever device id. */
export function holdsRevokedKey(
  profile: NetworkProfile,
  keys: { readonly signingKey: string; readonly encryptionKey: string },
): boolean {
  const revoked = revokedKeysOf(profile);
  return revoked.has(keys.signingKey) || revoked.has(keys.encryptionKey);
}

/** The active (not retired) posts, in profile order: what the wizard offers to pick from. */
export function activePosts(profile: NetworkProfile): readonly ProfilePost[] {
  return profile.posts.filter((post) => post.retired !== true);
}
