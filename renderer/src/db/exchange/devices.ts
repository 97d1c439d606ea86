// Devices nobody here has approved yet: their bundles wait, as received, beside what their
// header or enrollment card says of them. HQ approves into a new signed profile version; a
// team lead approves officer devices of its own posts locally. Approval queues the waiting
// bundles as an import run; rejection drops them.
import { type BundleHeader } from '../../../../shared/bundle/types.ts';
import { equalBytes, toBase64Url } from '../../../../shared/bundle/bytes.ts';
import { approveDevice } from '../../../../shared/identity/approve.ts';
import { type DeviceCard } from '../../../../shared/identity/enrollment.ts';
import { signProfile } from '../../../../shared/identity/signed.ts';
import { type FileOutcome, type PendingDevice } from './api.ts';
import { type LiaisonDb } from '../db.ts';
import { assertNoDemoKey, assertOwnProfileNotMixed } from './demo.ts';
import { ExchangeError } from './errors.ts';
import { type PendingDeviceRow } from './schema.ts';
import { ownBytes, queueRun } from './runs.ts';
import { knownDevice, senderInfo, type ExchangeSelf } from './self.ts';
import { holdsRevokedKey, isRevoked } from '../../../../shared/identity/profile.ts';
import { replaceProfile } from '../identity.ts';
import { DEMO_OFFICERS } from '../../../../shared/identity/demo.ts';

/** At a team lead, a device it can approve must be an officer of one of its posts. */
export function checkLeadMayApprove(self: ExchangeSelf, postCode: string | null | undefined): void {
  if (self.identity.role === 'officer')
    throw new ExchangeError('not-allowed', 'officers approve no device');
  if (self.identity.role === 'lead' && (!postCode || !self.posts.includes(postCode)))
    throw new ExchangeError('not-your-post', `post ${postCode ?? 'none'}`);
}

/**
 * Caps on what devices nobody approved can make this device store: they can send files at
 * will, and each file waits here until a person decides. Past a cap the file is refused with
 * the cap's own message, and nothing already waiting changes.
 */
export const MAX_PENDING_DEVICES = 200;
export const MAX_PENDING_BUNDLES_PER_DEVICE = 20;
export const MAX_PENDING_BYTES = 256 * 1024 * 1024;

/**
 * May this file wait here? Read before any cryptography (so a refused stranger costs nothing)
 * and again inside the transaction that stores it (two imports at once stay under the caps).
 */
export async function checkRoomToWait(
  db: LiaisonDb,
  deviceId: string,
  file: { bundleId: string; size: number } | null,
): Promise<void> {
  const devices = await db.exchangePendingDevices.toArray();
  const before = devices.find((d) => d.deviceId === deviceId);
  if (!before && devices.length >= MAX_PENDING_DEVICES)
    throw new ExchangeError('pending-full', `${devices.length} devices wait already`, {
      max: MAX_PENDING_DEVICES,
    });
  if (!file) return;
  // The same file again while it waits is no new bundle: nothing to count.
  if (await db.exchangePendingBundles.get(file.bundleId)) return;
  const waiting = await db.exchangePendingBundles.where('deviceId').equals(deviceId).count();
  if (waiting >= MAX_PENDING_BUNDLES_PER_DEVICE)
    throw new ExchangeError('pending-device-full', `${waiting} bundles of ${deviceId} wait`, {
      max: MAX_PENDING_BUNDLES_PER_DEVICE,
    });
  const stored = devices.reduce((sum, d) => sum + (d.bytes ?? 0), 0);
  if (stored + file.size > MAX_PENDING_BYTES)
    throw new ExchangeError('pending-storage-full', `${stored} bytes wait already`, {
      max: Math.floor(MAX_PENDING_BYTES / (1024 * 1024)),
    });
}

/**
 * Records a device waiting for approval. A second file for the same device id with OTHER keys
 * is refused: the person compares one code by phone, and approval must sign exactly the key
 * they compared, never a card made with one key shown beside a header with another.
 */
async function putPending(db: LiaisonDb, row: PendingDeviceRow, addedBytes = 0): Promise<void> {
  const before = await db.exchangePendingDevices.get(row.deviceId);
  if (
    before &&
    (before.signingKey !== row.signingKey || before.encryptionKey !== row.encryptionKey)
  ) {
    throw new ExchangeError(
      'pending-key-conflict',
      `${row.deviceId} already waits with other keys`,
    );
  }
  await db.exchangePendingDevices.put({
    ...row,
    card: row.card ?? before?.card ?? null,
    firstSeenAt: before?.firstSeenAt ?? row.firstSeenAt,
    bytes: (before?.bytes ?? 0) + addedBytes,
  });
}

/**
 * A bundle id already waiting: the same file from the same device again is fine (nothing
 * changes); anything else is refused, so that one device can never replace, under a reused
 * id, the bundle another device has waiting.
 */
async function checkBundleIdFree(
  db: LiaisonDb,
  bundleId: string,
  deviceId: string,
  data: Uint8Array,
): Promise<'new' | 'same'> {
  const held = await db.exchangePendingBundles.get(bundleId);
  if (!held) return 'new';
  if (held.deviceId === deviceId && equalBytes(ownBytes(held.data), data)) return 'same';
  throw new ExchangeError('bundle-id-reused', `${bundleId} already waits from ${held.deviceId}`);
}

/**
 * At a lead, a locally approved officer id must not belong to someone the profile places
 * elsewhere (an officer of another post, a lead, HQ): ownership of records goes by officer
 * id, so such a device could write that person's entries in the posts this lead shares.
 */
function checkOfficerIdFree(self: ExchangeSelf, officerId: string, postCode: string | undefined) {
  const { profile } = self;
  const taken =
    profile.leads.some((l) => l.officerId === officerId) ||
    profile.devices.some(
      (d) => d.officerId === officerId && (d.role !== 'officer' || d.postCode !== postCode),
    );
  if (taken) throw new ExchangeError('officer-id-taken', `${officerId} belongs elsewhere`);
}

/**
 * Keeps a checked bundle from an unknown device until someone approves the device. It was
 * checked with its header's own key first (checkBundle: within the caps, addressed here,
 * signed by the key it names) and never decompressed: that waits for the approval.
 */
export async function parkBundle(
  db: LiaisonDb,
  self: ExchangeSelf,
  header: BundleHeader,
  file: { name: string; data: Uint8Array },
  record: (outcome: FileOutcome) => Promise<void>,
): Promise<FileOutcome> {
  checkLeadMayApprove(self, header.sender.postCode);
  const signingKey = toBase64Url(header.senderKeys.signing);
  const sender = await senderInfo({
    deviceId: header.sender.deviceId,
    officerId: header.sender.officerId,
    postCode: header.sender.postCode,
    signingKey,
    role: 'unknown',
  });
  const now = new Date(db.now()).toISOString();
  const tables = [
    db.exchangePendingDevices,
    db.exchangePendingBundles,
    db.exchangeRuns,
    db.exchangeQueue,
  ];
  return db.transaction('rw', tables, async () => {
    const status = await checkBundleIdFree(db, header.bundleId, sender.deviceId, file.data);
    if (status === 'new') {
      await checkRoomToWait(db, sender.deviceId, {
        bundleId: header.bundleId,
        size: file.data.length,
      });
    }
    await putPending(
      db,
      {
        deviceId: sender.deviceId,
        sender,
        signingKey,
        encryptionKey: toBase64Url(header.senderKeys.encryption),
        card: null,
        firstSeenAt: now,
      },
      status === 'new' ? file.data.length : 0,
    );
    if (status === 'new') {
      await db.exchangePendingBundles.add({
        bundleId: header.bundleId,
        deviceId: sender.deviceId,
        fileName: file.name,
        data: file.data,
        receivedAt: now,
      });
    }
    const outcome: FileOutcome = { kind: 'pending-device', bundleId: header.bundleId, sender };
    await record(outcome);
    return outcome;
  });
}

/** An enrollment card (self-signature already checked) joins the pending list. */
export async function addEnrollment(
  db: LiaisonDb,
  self: ExchangeSelf,
  card: DeviceCard,
  record: (outcome: FileOutcome) => Promise<void>,
): Promise<FileOutcome> {
  if (isRevoked(self.profile, card.deviceId) || holdsRevokedKey(self.profile, card))
    throw new ExchangeError('device-revoked', card.deviceId);
  checkLeadMayApprove(self, card.role === 'officer' ? card.postCode : null);
  const known = knownDevice(self, card.deviceId);
  const sender = await senderInfo({
    deviceId: card.deviceId,
    officerId: card.officerId,
    postCode: card.postCode ?? card.posts?.[0] ?? null,
    signingKey: card.signingKey,
    role: known && known.signingKey === card.signingKey ? known.role : 'unknown',
  });
  const now = new Date(db.now()).toISOString();
  return db.transaction(
    'rw',
    db.exchangePendingDevices,
    db.exchangeRuns,
    db.exchangeQueue,
    async () => {
      // Already approved with these very keys: nothing to wait for.
      if (sender.role === 'unknown') {
        await checkRoomToWait(db, card.deviceId, null);
        await putPending(db, {
          deviceId: card.deviceId,
          sender,
          signingKey: card.signingKey,
          encryptionKey: card.encryptionKey,
          card,
          firstSeenAt: now,
        });
      }
      const outcome: FileOutcome = { kind: 'enrollment', sender };
      await record(outcome);
      return outcome;
    },
  );
}

/**
 * The name the network already knows an officer by: another device of the profile (a laptop
 * replaced), a lead's earlier approval, or in the demo network its example officers. A
 * bundle header carries no name, and the id is no name for a person.
 */
function knownName(self: ExchangeSelf, officerId: string): string | undefined {
  const named = (name: string | undefined) => (name && name !== officerId ? name : undefined);
  const { profile } = self;
  return (
    named(profile.devices.find((d) => d.officerId === officerId && d.name !== officerId)?.name) ??
    named(profile.leads.find((l) => l.officerId === officerId)?.name) ??
    named(self.approvals.find((a) => a.officerId === officerId && a.name !== officerId)?.name) ??
    (profile.demo ? named(DEMO_OFFICERS.find((o) => o.officerId === officerId)?.name) : undefined)
  );
}

/** The card HQ approves: the enrollment's own, else what the bundle header said. */
function cardOf(self: ExchangeSelf, pending: PendingDeviceRow): DeviceCard {
  if (pending.card) return pending.card;
  const { officerId, postCode } = pending.sender;
  const lead = self.profile.leads.find((l) => l.officerId === officerId);
  const base = {
    deviceId: pending.deviceId,
    officerId,
    name: knownName(self, officerId) ?? officerId,
    signingKey: pending.signingKey,
    encryptionKey: pending.encryptionKey,
    createdAt: pending.firstSeenAt,
  };
  if (lead) return { ...base, role: 'lead', posts: [...lead.posts] };
  if (postCode) return { ...base, role: 'officer', postCode };
  throw new ExchangeError('cannot-approve', `${pending.deviceId} names no post`);
}

/**
 * Approves a waiting device and queues its bundles as a new import run (returned). HQ signs
 * a new profile version listing the device; a lead records its own approval. The profile or
 * approval, the queued bundles and the end of the wait are one transaction.
 */
export async function approvePending(
  db: LiaisonDb,
  self: ExchangeSelf,
  deviceId: string,
): Promise<string> {
  const pending = await db.exchangePendingDevices.get(deviceId);
  if (!pending) throw new ExchangeError('no-such-device', deviceId);
  const card = cardOf(self, pending);
  // Again here: a row parked before the import checked for demo keys may hold one.
  await assertNoDemoKey([card.signingKey, card.encryptionKey], self.profile.demo);
  // HQ revokes by key: the same laptop under a new device id is refused here, at HQ and lead.
  if (isRevoked(self.profile, deviceId) || holdsRevokedKey(self.profile, card))
    throw new ExchangeError('device-revoked', deviceId);
  checkLeadMayApprove(self, card.role === 'officer' ? card.postCode : null);
  if (self.identity.role === 'lead' && card.role !== 'officer')
    throw new ExchangeError('not-your-post', 'a lead approves officer devices only');
  if (self.identity.role === 'lead') checkOfficerIdFree(self, card.officerId, card.postCode);
  const now = new Date(db.now()).toISOString();
  const listed = knownDevice(self, deviceId);
  const next =
    self.identity.role === 'hq' && !listed ? approveDevice(self.profile, card, now) : null;
  if (next) await assertOwnProfileNotMixed(next);
  const signed = next ? await signProfile(next, self.keys.signing.privateKey) : null;
  const tables = [
    db.meta,
    db.exchangeDeferred,
    db.exchangeApprovals,
    db.exchangePendingDevices,
    db.exchangePendingBundles,
    db.exchangeRuns,
    db.exchangeQueue,
  ];
  return db.transaction('rw', tables, async () => {
    if (signed) await replaceProfile(db, signed);
    if (self.identity.role === 'lead' && !listed && card.postCode) {
      await db.exchangeApprovals.put({
        deviceId,
        officerId: card.officerId,
        postCode: card.postCode,
        name: card.name,
        signingKey: card.signingKey,
        encryptionKey: card.encryptionKey,
        approvedAt: now,
      });
    }
    const bundles = await db.exchangePendingBundles
      .where('deviceId')
      .equals(deviceId)
      .sortBy('receivedAt');
    // Marked as the approval's run, so the list of past imports tells it from the run in
    // which these files first arrived and waited.
    const runId = await queueRun(
      db,
      bundles.map((b) => ({ name: b.fileName, data: b.data })),
      { approval: { deviceId, officerId: card.officerId } },
    );
    await db.exchangePendingBundles.where('deviceId').equals(deviceId).delete();
    await db.exchangePendingDevices.delete(deviceId);
    return runId;
  });
}

/**
 * At a team lead: withdraws its own approval of an officer device (a laptop reported lost
 * before HQ hears of it). Nothing is encrypted for it again, its changes still waiting for an
 * earlier one are dropped, and its next bundle waits for a decision like a stranger's. What
 * it sent before stays applied. HQ's revocation by key is what stops every other device too.
 */
export async function revokeLocalApproval(db: LiaisonDb, deviceId: string): Promise<void> {
  await db.transaction('rw', db.exchangeApprovals, db.exchangeDeferred, async () => {
    if (!(await db.exchangeApprovals.get(deviceId)))
      throw new ExchangeError('no-such-device', deviceId);
    await db.exchangeApprovals.delete(deviceId);
    await db.exchangeDeferred
      .where('[deviceId+seq]')
      .between([deviceId, -Infinity], [deviceId, Infinity])
      .delete();
  });
}

/** Drops a waiting device and every bundle it sent. */
export async function rejectPending(db: LiaisonDb, deviceId: string): Promise<void> {
  await db.transaction('rw', db.exchangePendingDevices, db.exchangePendingBundles, async () => {
    await db.exchangePendingBundles.where('deviceId').equals(deviceId).delete();
    await db.exchangePendingDevices.delete(deviceId);
  });
}

/** The waiting devices, oldest first, with how many bundles each has waiting. */
export async function listPendingDevices(db: LiaisonDb): Promise<PendingDevice[]> {
  return db.transaction('r', db.exchangePendingDevices, db.exchangePendingBundles, async () => {
    const devices = await db.exchangePendingDevices.toArray();
    const out: PendingDevice[] = [];
    for (const d of devices) {
      const bundles = await db.exchangePendingBundles.where('deviceId').equals(d.deviceId).count();
      out.push({ sender: d.sender, bundles, firstSeenAt: d.firstSeenAt });
    }
    return out.sort((a, b) => (a.firstSeenAt < b.firstSeenAt ? -1 : 1));
  });
}
