// Receipts both ways. HQ or a team lead issues one over the coverage it holds (for one post's
// devices or all), signed and addressed to those devices (several files past 64 of them); a
// device that imports one from HQ or a lead of its post marks its changes acknowledged, so
// its next export leaves them out.
import { encodeBundle, decodeBundle } from '../../../../shared/bundle/codec.ts';
import { receiptFileName } from '../../../../shared/bundle/file-name.ts';
import { type BundleHeader } from '../../../../shared/bundle/types.ts';
import { MAX_RECIPIENTS } from '../../../../shared/bundle/limits.ts';
import { makeReceipt, receiptSchema } from '../../../../shared/sync/receipts.ts';
import { type FileOutcome } from './api.ts';
import { ExchangeError } from './errors.ts';
import { type BuiltFile, type ExchangeDeps } from './export.ts';
import {
  asRecipients,
  keyBytes,
  knownDevice,
  loadSelf,
  decodeKeys,
  senderFields,
  senderInfo,
  trustsReceiptsFrom,
  type ExchangeSelf,
  type KnownDevice,
} from './self.ts';
import { setExchangeState } from './state.ts';
import { getMeta, seqKey } from '../meta.ts';
import { recordAcknowledgement } from '../sync-state.ts';

/** Bundle ids listed per receipt: the most recent; a sender needs no more to tell. */
const MAX_LISTED_BUNDLES = 1000;

/** One file of a receipt export: the whole receipt for the devices it is addressed to. */
export interface ReceiptFile extends BuiltFile {
  /** 1-based position among the export's files, of `partCount` (1 when it fits one file). */
  part: number;
  partCount: number;
  /** The posts whose officers' devices it is addressed to, in code order. */
  posts: string[];
  /** Devices it is addressed to that belong to no one post (team leads, HQ). */
  otherDevices: number;
  /** Every device it is addressed to. */
  recipients: string[];
}

type Addressee = Pick<KnownDevice, 'deviceId' | 'role' | 'postCode'>;

/** The post a receipt part groups a device under; '' for devices of no one post. */
function groupOf(device: Addressee): string {
  return device.role === 'officer' && device.postCode !== null ? device.postCode : '';
}

/**
 * Recipients in parts of at most `max` (a bundle's limit). Up to `max`: one part, as given.
 * Beyond: posts in code order, a post's devices kept in one part unless the post alone holds
 * more than `max`, devices of no post (leads, HQ) last; a part is closed when the next post
 * does not fit, so each file answers whole posts and is easy to hand out.
 */
export function receiptParts<D extends Addressee>(
  devices: readonly D[],
  max: number = MAX_RECIPIENTS,
): D[][] {
  if (devices.length <= max) return devices.length === 0 ? [] : [[...devices]];
  const groups = new Map<string, D[]>();
  for (const device of devices) {
    const key = groupOf(device);
    groups.set(key, [...(groups.get(key) ?? []), device]);
  }
  const ordered = [...groups.keys()]
    .sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map((key) => (groups.get(key) ?? []).sort((a, b) => (a.deviceId < b.deviceId ? -1 : 1)));
  const parts: D[][] = [];
  let current: D[] = [];
  for (const group of ordered) {
    if (current.length > 0 && current.length + group.length > max && group.length <= max) {
      parts.push(current);
      current = [];
    }
    for (const device of group) {
      if (current.length === max) {
        parts.push(current);
        current = [];
      }
      current.push(device);
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * A receipt for the devices of `postCode` (or every device heard from), as one file per part
 * of at most MAX_RECIPIENTS devices (receiptParts); none if no device is held from. Each part
 * is a complete receipt, signed, listing only its own devices' coverage and bundles, so a
 * device imports the one file addressed to it. Writes nothing.
 */
export async function buildReceiptFiles(
  deps: ExchangeDeps,
  postCode?: string,
): Promise<ReceiptFile[]> {
  const { db } = deps;
  const self = await loadSelf(db, deps.dataKey);
  if (self.identity.role === 'officer')
    throw new ExchangeError('not-allowed', 'officers issue no receipts');
  const senders = await db.exchangeSenders.toArray();
  const devices: KnownDevice[] = [];
  const coverage: Record<string, { from: number; to: number }[]> = {};
  for (const row of senders) {
    if (postCode !== undefined && row.sender.postCode !== postCode) continue;
    const device = knownDevice(self, row.deviceId);
    if (!device || device.deviceId === self.identity.deviceId || row.coverage.length === 0)
      continue;
    devices.push(device);
    coverage[row.deviceId] = row.coverage;
  }
  if (devices.length === 0) return [];
  const received = (
    await db.exchangeBundles
      .where('senderDeviceId')
      .anyOf(devices.map((d) => d.deviceId))
      .filter((b) => b.kind === 'changes')
      .toArray()
  ).sort((a, b) => (a.importedAt < b.importedAt ? 1 : -1));
  const createdAt = new Date(db.now()).toISOString();
  const parts = receiptParts(devices);
  const files: ReceiptFile[] = [];
  for (const [i, part] of parts.entries()) {
    const ids = new Set(part.map((d) => d.deviceId));
    const partCoverage = Object.fromEntries(
      Object.entries(coverage).filter(([deviceId]) => ids.has(deviceId)),
    );
    const bundles = received
      .filter((b) => ids.has(b.senderDeviceId))
      .slice(0, MAX_LISTED_BUNDLES)
      .map((b) => b.bundleId);
    const receipt = makeReceipt(self.identity.deviceId, createdAt, partCoverage, bundles);
    const bundleId = db.newId();
    const data = await encodeBundle({
      ...senderFields(self, deps.appVersion),
      kind: 'receipt',
      bundleId,
      ranges: [],
      createdAt,
      recipients: asRecipients(part),
      payload: receipt,
    });
    const posts = [...new Set(part.map(groupOf).filter((p) => p !== ''))].sort();
    files.push({
      kind: 'receipt',
      fileName: receiptFileName({
        issuerId: self.identity.officerId,
        postCode: postCode ?? null,
        createdAt,
        part: { index: i + 1, count: parts.length },
      }),
      data,
      bundleId,
      createdAt,
      changes: 0,
      records: 0,
      ranges: [],
      part: i + 1,
      partCount: parts.length,
      posts,
      otherDevices: part.filter((d) => groupOf(d) === '').length,
      recipients: part.map((d) => d.deviceId),
    });
  }
  return files;
}

/**
 * The receipt as one file, or null if no device is held from; ExchangeError
 * 'too-many-recipients' when it needs several files (the export uses buildReceiptFiles).
 */
export async function buildReceiptExport(
  deps: ExchangeDeps,
  postCode?: string,
): Promise<BuiltFile | null> {
  const files = await buildReceiptFiles(deps, postCode);
  if (files.length > 1) {
    const count = files.reduce((n, f) => n + f.recipients.length, 0);
    throw new ExchangeError('too-many-recipients', `${count} devices`, {
      count,
      max: MAX_RECIPIENTS,
    });
  }
  return files[0] ?? null;
}

/**
 * Imports a receipt: signed by HQ or a lead of this device's posts with the key the profile
 * holds for it, naming that signer as issuer. Acknowledgements only go up, and never past
 * what this device has written.
 */
export async function importReceipt(
  deps: ExchangeDeps,
  self: ExchangeSelf,
  data: Uint8Array,
  header: BundleHeader,
  record: (outcome: FileOutcome) => Promise<void>,
): Promise<FileOutcome> {
  const { db } = deps;
  const issuer = knownDevice(self, header.sender.deviceId);
  if (!issuer || !trustsReceiptsFrom(self, issuer))
    throw new ExchangeError('receipt-not-trusted', `receipt from ${header.sender.deviceId}`);
  // Read from the header only to choose the message: decoding would refuse it anyway.
  if (!header.recipients.includes(self.identity.deviceId))
    throw new ExchangeError('receipt-for-others', `receipt for ${header.recipients.join(', ')}`);
  const decoded = await decodeBundle(data, {
    ...decodeKeys(self),
    expectedSenderSigningKey: keyBytes(issuer.signingKey),
  });
  const parsed = receiptSchema.safeParse(decoded.payload);
  if (
    decoded.kind !== 'receipt' ||
    !parsed.success ||
    parsed.data.issuerDeviceId !== issuer.deviceId
  )
    throw new ExchangeError('invalid-receipt', 'not a receipt of its signer');
  const receipt = parsed.data;
  const own = self.identity.deviceId;
  const held = Object.hasOwn(receipt.held, own) ? (receipt.held[own] ?? 0) : 0;
  const from = await senderInfo(issuer);
  const fromHq = issuer.deviceId === self.profile.hq.deviceId;
  const tables = [
    db.meta,
    db.activities,
    db.changes,
    db.exchangeState,
    db.exchangeRuns,
    db.exchangeQueue,
  ];
  return db.transaction('rw', tables, async () => {
    const written = (await getMeta(db, seqKey(own))) ?? 0;
    const upTo = Math.min(held, written);
    // The person reads entries, not change numbers: how many of its entries have a save
    // the issuer does not hold yet (they travel in the next bundle).
    const notHeld = new Set<string>();
    await db.changes
      .where('[deviceId+seq]')
      .between([own, upTo + 1], [own, Infinity], true, true)
      .each((change) => {
        notHeld.add(change.recordId);
      });
    // Even 0 is recorded: the issuer then counts among the recipients the next export
    // starts from, so what it misses travels again (export.ts exportFloor).
    await recordAcknowledgement(db, issuer.deviceId, upTo);
    if (fromHq) await setExchangeState(db, 'lastReceiptFromHqAt', new Date(db.now()).toISOString());
    const outcome: FileOutcome = {
      kind: 'receipt',
      from,
      acknowledgedUpTo: upTo,
      entriesNotHeld: notHeld.size,
    };
    await record(outcome);
    return outcome;
  });
}
