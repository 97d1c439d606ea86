// Receipts both ways. HQ or a team lead issues one over the coverage it holds (for one post's
// devices or all), signed and addressed to those devices; a device that imports one from HQ
// or a lead of its post marks its changes acknowledged, so its next export leaves them out.
import { encodeBundle, decodeBundle } from '../../../shared/bundle/codec.ts';
import { receiptFileName } from '../../../shared/bundle/file-name.ts';
import { type BundleHeader } from '../../../shared/bundle/types.ts';
import { MAX_RECIPIENTS } from '../../../shared/bundle/limits.ts';
import { CATALOGUE_VERSION } from '../../../shared/domain/catalogue.ts';
import { makeReceipt, receiptSchema } from '../../../shared/sync/receipts.ts';
import { type FileOutcome } from '../features/sync/exchange-api.ts';
import { randomId } from './device.ts';
import { ExchangeError } from './exchange-errors.ts';
import { type BuiltFile, type ExchangeDeps } from './exchange-export.ts';
import {
  asRecipients,
  keyBytes,
  knownDevice,
  loadSelf,
  ownPostCode,
  senderInfo,
  trustsReceiptsFrom,
  type ExchangeSelf,
  type KnownDevice,
} from './exchange-self.ts';
import { setExchangeState } from './exchange-state.ts';
import { getMeta, seqKey } from './meta.ts';
import { recordAcknowledgement } from './sync-state.ts';

/** Bundle ids listed per receipt: the most recent; a sender needs no more to tell. */
const MAX_LISTED_BUNDLES = 1000;

/** A receipt for the devices of `postCode` (or every device heard from), or null if none. */
export async function buildReceiptExport(
  deps: ExchangeDeps,
  postCode?: string,
): Promise<BuiltFile | null> {
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
  if (devices.length === 0) return null;
  if (devices.length > MAX_RECIPIENTS)
    throw new ExchangeError('too-many-recipients', `${devices.length} devices`, {
      count: devices.length,
      max: MAX_RECIPIENTS,
    });
  const received = await db.exchangeBundles
    .where('senderDeviceId')
    .anyOf(devices.map((d) => d.deviceId))
    .filter((b) => b.kind === 'changes')
    .toArray();
  const bundles = received
    .sort((a, b) => (a.importedAt < b.importedAt ? 1 : -1))
    .slice(0, MAX_LISTED_BUNDLES)
    .map((b) => b.bundleId);
  const createdAt = new Date(db.now()).toISOString();
  const receipt = makeReceipt(self.identity.deviceId, createdAt, coverage, bundles);
  const bundleId = randomId();
  const data = await encodeBundle({
    kind: 'receipt',
    bundleId,
    networkId: self.profile.networkId,
    sender: {
      deviceId: self.identity.deviceId,
      officerId: self.identity.officerId,
      postCode: ownPostCode(self),
    },
    ranges: [],
    appVersion: deps.appVersion,
    catalogueVersion: CATALOGUE_VERSION,
    createdAt,
    signingKey: self.keys.signing.privateKey,
    senderPublicKeys: {
      signing: self.keys.signing.publicKey,
      encryption: self.keys.encryption.publicKey,
    },
    recipients: asRecipients(devices),
    payload: receipt,
  });
  return {
    kind: 'receipt',
    fileName: receiptFileName({
      issuerId: self.identity.officerId,
      postCode: postCode ?? null,
      createdAt,
    }),
    data,
    bundleId,
    createdAt,
    changes: 0,
    records: 0,
    ranges: [],
  };
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
  const decoded = await decodeBundle(data, {
    recipientDeviceId: self.identity.deviceId,
    recipientPrivateKey: self.keys.encryption.privateKey,
    recipientPublicKey: self.keys.encryption.publicKey,
    expectedSenderSigningKey: keyBytes(issuer.signingKey),
    networkId: self.profile.networkId,
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
  const from = await senderInfo({ ...issuer, role: issuer.role });
  const fromHq = issuer.deviceId === self.profile.hq.deviceId;
  const tables = [db.meta, db.activities, db.exchangeState, db.exchangeRuns, db.exchangeQueue];
  return db.transaction('rw', tables, async () => {
    const written = (await getMeta(db, seqKey(own))) ?? 0;
    const upTo = Math.min(held, written);
    // Even 0 is recorded: the issuer then counts among the recipients the next export
    // starts from, so what it misses travels again (exchange-export.ts exportFloor).
    await recordAcknowledgement(db, issuer.deviceId, upTo);
    if (fromHq) await setExchangeState(db, 'lastReceiptFromHqAt', new Date(db.now()).toISOString());
    const outcome: FileOutcome = { kind: 'receipt', from, acknowledgedUpTo: upTo };
    await record(outcome);
    return outcome;
  });
}
