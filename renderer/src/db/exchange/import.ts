// Import of one file: what it is (a bundle, a network profile, an enrollment card), whether
// this device may take it, and the work each kind needs. A changes bundle is verified and
// decrypted, its sensitive values sealed, and applied in one transaction (exchange-apply.ts).
import { toBase64Url } from '../../../../shared/bundle/bytes.ts';
import { checkBundle, decodeBundle, readBundleHeader } from '../../../../shared/bundle/codec.ts';
import { type BundleHeader } from '../../../../shared/bundle/types.ts';
import { type ActivityTypeDef } from '../../../../shared/domain/catalogue-types.ts';
import { ProfileError } from '../../../../shared/identity/errors.ts';
import { decodeEnrollmentFile, verifyEnrollment } from '../../../../shared/identity/enrollment.ts';
import { isDemoNetworkId } from '../../../../shared/identity/demo-guard.ts';
import { decodeProfileFile } from '../../../../shared/identity/profile-file.ts';
import { holdsRevokedKey, isRevoked } from '../../../../shared/identity/profile.ts';
import { changesHqKey } from '../../../../shared/identity/pending-profile.ts';
import { verifyProfile, type SignedProfile } from '../../../../shared/identity/signed.ts';
import { type Change } from '../../../../shared/sync/change.ts';
import { type Refusal } from '../../../../shared/sync/refusal.ts';
import { type FileOutcome } from './api.ts';
import { applyChangesBundle, type ApplyStep } from './apply.ts';
import { addEnrollment, checkLeadMayApprove, checkRoomToWait, parkBundle } from './devices.ts';
import { assertNoDemoKey, assertSameSideProfile } from './demo.ts';
import { ExchangeError } from './errors.ts';
import { changeKey, importedValueProblem } from './merge.ts';
import { type ExchangeDeps } from './export.ts';
import { importReceipt } from './receipts.ts';
import { sealIncoming } from './seal.ts';
import {
  decodeForSelf,
  keyBytes,
  knownDevice,
  loadSelf,
  senderInfo,
  type ExchangeSelf,
} from './self.ts';
import { replaceProfile } from '../identity.ts';
import { holdPendingProfile } from '../pending-profiles.ts';
import { isSealedPath } from '../sealing.ts';

/**
 * Hooks passed in (never global): tests throw inside the apply transaction; the benchmark
 * reads how long each step of a changes bundle took.
 */
export interface ImportFaults {
  insideApply?: (bundleId: string) => void;
  onPhase?: (phase: ImportPhase, ms: number) => void;
}

/** A changes bundle's steps: decoding, sealing, and the apply transaction's own steps. */
export type ImportPhase = 'decode' | 'seal' | 'apply' | `apply:${ApplyStep}`;

export interface FileWork {
  name: string;
  data: Uint8Array;
  /** Writes the outcome into the run, inside the transaction that did the work. */
  record: (outcome: FileOutcome) => Promise<void>;
  /** 0..1 within this file. */
  onFraction?: (fraction: number) => void;
}

const BUNDLE_MAGIC_FIRST_BYTE = 0x89;

async function digestOf(data: Uint8Array): Promise<string> {
  const copy =
    data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
  return toBase64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', copy as Uint8Array<ArrayBuffer>)),
  );
}

/** The first character that is not a BOM or white space: '{' for our JSON files. */
function looksLikeJson(data: Uint8Array): boolean {
  let i = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  while (
    i < data.length &&
    (data[i] === 0x20 || data[i] === 0x0a || data[i] === 0x0d || data[i] === 0x09)
  )
    i++;
  return data[i] === 0x7b;
}

/** Imports one file. Throws for a file that changes nothing; the run reports it as rejected. */
export async function importFile(
  deps: ExchangeDeps,
  work: FileWork,
  faults: ImportFaults = {},
): Promise<FileOutcome> {
  const { data } = work;
  if (data.length === 0) throw new ExchangeError('cannot-read', `${work.name} is empty`);
  const self = await loadSelf(deps.db, deps.dataKey);
  if (data[0] === BUNDLE_MAGIC_FIRST_BYTE) {
    const header = readBundleHeader(data);
    // The demo's keys are public: a demo device and a real one never take each other's files.
    if (isDemoNetworkId(header.networkId) !== self.profile.demo)
      throw new ExchangeError('demo-network', header.networkId);
    if (header.networkId !== self.profile.networkId)
      throw new ExchangeError('other-network', header.networkId);
    if (header.sender.deviceId === self.identity.deviceId)
      throw new ExchangeError('own-bundle', header.bundleId);
    if (header.kind === 'receipt') return importReceipt(deps, self, data, header, work.record);
    if (header.kind === 'profile') return importProfileBundle(deps, self, data, work);
    return importChanges(deps, self, header, work, faults);
  }
  if (looksLikeJson(data)) return importJsonFile(deps, self, work);
  throw new ExchangeError('unknown-file', work.name);
}

async function importJsonFile(
  deps: ExchangeDeps,
  self: ExchangeSelf,
  work: FileWork,
): Promise<FileOutcome> {
  try {
    const file = decodeProfileFile(work.data);
    return await takeProfile(deps, self, file, work);
  } catch (e) {
    if (!(e instanceof ProfileError && e.code === 'not-a-profile')) throw e;
  }
  let enrollment: { card: unknown; signature: unknown };
  try {
    enrollment = decodeEnrollmentFile(work.data);
  } catch (e) {
    if (e instanceof ProfileError && e.code === 'not-an-enrollment')
      throw new ExchangeError('unknown-file', work.name);
    throw e;
  }
  if (self.identity.role === 'officer') throw new ExchangeError('not-for-role', 'enrollment');
  const card = await verifyEnrollment(enrollment);
  await assertNoDemoKey([card.signingKey, card.encryptionKey], self.profile.demo);
  return addEnrollment(deps.db, self, card, work.record);
}

/** A profile HQ signed, newer than the one in use and of this network, replaces it. */
async function takeProfile(
  deps: ExchangeDeps,
  self: ExchangeSelf,
  file: { profile: unknown; signature: string },
  work: FileWork,
): Promise<FileOutcome> {
  const { db } = deps;
  await assertSameSideProfile(file.profile, self.profile.demo);
  const profile = await verifyProfile(file, { current: self.profile });
  const signed: SignedProfile = { profile, signature: file.signature };
  // A new HQ key came by a rotation chain, which a thief holding the old key can sign too:
  // held pending until the person types the new HQ code read by phone (Sync screen).
  const pending = changesHqKey(self.profile, profile);
  const tables = [db.meta, db.exchangeDeferred, db.exchangeRuns, db.exchangeQueue];
  return db.transaction('rw', tables, async () => {
    if (pending) await holdPendingProfile(db, signed);
    const updated =
      !pending && profile.version > self.profile.version && (await replaceProfile(db, signed));
    const outcome: FileOutcome = {
      kind: 'profile',
      version: profile.version,
      updated,
      ...(pending ? { pending } : {}),
    };
    await work.record(outcome);
    return outcome;
  });
}

async function importProfileBundle(
  deps: ExchangeDeps,
  self: ExchangeSelf,
  data: Uint8Array,
  work: FileWork,
): Promise<FileOutcome> {
  const decoded = await decodeForSelf(self, (keys) =>
    decodeBundle(data, { ...keys, expectedSenderSigningKey: keyBytes(self.profile.hq.signingKey) }),
  );
  const payload = decoded.payload as { profile?: unknown; signature?: unknown } | null;
  if (decoded.kind !== 'profile' || typeof payload?.signature !== 'string')
    throw new ProfileError('not-a-profile', 'a profile bundle without a signed profile');
  return takeProfile(deps, self, { profile: payload.profile, signature: payload.signature }, work);
}

/** The activity type of each record a batch touches, from the batch or the stored row. */
async function typesOf(
  deps: ExchangeDeps,
  changes: readonly Change[],
): Promise<(recordId: string) => ActivityTypeDef | undefined> {
  const { db } = deps;
  const types = new Map<string, ActivityTypeDef | undefined>();
  for (const c of changes)
    if (c.field === 'type' && typeof c.value === 'string')
      types.set(c.recordId, db.typeLookup(c.value));
  const unknown = [
    ...new Set(
      changes
        .filter((c) => !types.has(c.recordId) && c.field.startsWith('data.'))
        .map((c) => c.recordId),
    ),
  ];
  if (unknown.length > 0) {
    const rows = await db.activities.where(':id').anyOf(unknown).toArray();
    for (const row of rows) types.set(row.id, db.typeLookup(row.type));
  }
  return (recordId) => types.get(recordId);
}

/**
 * The type-schema verdict on each sensitive value while it is still in clear (after sealing
 * only its ciphertext is left). Values in clear are checked during the merge.
 */
function checkSensitiveValues(
  changes: readonly Change[],
  typeOf: (recordId: string) => ActivityTypeDef | undefined,
): Map<string, Refusal> {
  const verdicts = new Map<string, Refusal>();
  for (const change of changes) {
    const def = typeOf(change.recordId);
    if (!isSealedPath(change.field, def)) continue;
    const problem = importedValueProblem(change, def);
    if (problem) verdicts.set(changeKey(change), problem);
  }
  return verdicts;
}

async function importChanges(
  deps: ExchangeDeps,
  self: ExchangeSelf,
  header: BundleHeader,
  work: FileWork,
  faults: ImportFaults,
): Promise<FileOutcome> {
  const { db } = deps;
  const digest = await digestOf(work.data);
  const seen = await db.exchangeBundles.get(header.bundleId);
  const known = knownDevice(self, header.sender.deviceId);
  const sender = await senderInfo(
    known
      ? { ...known, postCode: known.postCode ?? header.sender.postCode }
      : {
          deviceId: header.sender.deviceId,
          officerId: header.sender.officerId,
          postCode: header.sender.postCode,
          signingKey: toBase64Url(header.senderKeys.signing),
          role: 'unknown',
        },
  );
  // A replay of the very same file changes nothing: said at once, without decoding it.
  if (seen && seen.digest === digest) {
    const outcome: FileOutcome = {
      kind: 'already-imported',
      bundleId: header.bundleId,
      sender,
      importedAt: seen.importedAt,
    };
    await db.transaction('rw', db.exchangeRuns, db.exchangeQueue, () => work.record(outcome));
    return outcome;
  }
  const onProgress = ({ bytesRead, totalBytes }: { bytesRead: number; totalBytes: number }) =>
    work.onFraction?.((0.7 * bytesRead) / Math.max(1, totalBytes));
  // Revoked by HQ: refused with its reason, never parked for approval again.
  const headerKeys = {
    signingKey: toBase64Url(header.senderKeys.signing),
    encryptionKey: toBase64Url(header.senderKeys.encryption),
  };
  // Revocation goes by key too: a revoked laptop's keys under a fresh device id are refused.
  if (isRevoked(self.profile, header.sender.deviceId) || holdsRevokedKey(self.profile, headerKeys))
    throw new ExchangeError('device-revoked', header.sender.deviceId);
  if (!known) {
    if (self.identity.role === 'officer')
      throw new ExchangeError('unknown-device', header.sender.deviceId);
    // From the header alone, before any cryptography: may this device wait here, and is
    // there room for its file (caps on what strangers can make this device store)?
    checkLeadMayApprove(self, header.sender.postCode);
    // A stranger signing with a public demo key is refused here, not parked: approving it
    // would put a demo key into a real profile, which every device then refuses.
    await assertNoDemoKey([headerKeys.signingKey, headerKeys.encryptionKey], self.profile.demo);
    await checkRoomToWait(db, header.sender.deviceId, {
      bundleId: header.bundleId,
      size: work.data.length,
    });
    // Within the caps, addressed here, signed by the key it names: checked without
    // decompressing anything. The payload is decoded only once a person approves the device.
    await decodeForSelf(self, (keys) => checkBundle(work.data, { ...keys, onProgress }));
    return parkBundle(db, self, header, work, work.record);
  }
  let t0 = performance.now();
  const phase = (name: 'decode' | 'seal' | 'apply') => {
    const t1 = performance.now();
    faults.onPhase?.(name, t1 - t0);
    t0 = t1;
  };
  const decoded = await decodeForSelf(self, (keys) =>
    decodeBundle(work.data, {
      ...keys,
      expectedSenderSigningKey: keyBytes(known.signingKey),
      onProgress,
    }),
  );
  if (decoded.kind !== 'changes') throw new ExchangeError('unknown-file', 'not a changes bundle');
  if (seen) throw new ExchangeError('bundle-id-reused', header.bundleId);
  phase('decode');
  const typeOf = await typesOf(deps, decoded.payload);
  const checkedBeforeSealing = checkSensitiveValues(decoded.payload, typeOf);
  const changes = await sealIncoming(deps.dataKey, decoded.payload, typeOf);
  phase('seal');
  work.onFraction?.(0.85);
  const outcome = await applyChangesBundle(db, {
    bundleId: header.bundleId,
    digest,
    selfDeviceId: self.identity.deviceId,
    selfIsOfficer: self.identity.role === 'officer',
    senderDeviceId: known.deviceId,
    sender,
    scope: known.scope,
    ranges: header.ranges,
    changes,
    checkedBeforeSealing,
    scopeOfDevice: (id) => knownDevice(self, id)?.scope,
    record: work.record,
    ...(faults.insideApply ? { fault: () => faults.insideApply?.(header.bundleId) } : {}),
    ...(faults.onPhase
      ? { onStep: (s: ApplyStep, ms: number) => faults.onPhase?.(`apply:${s}`, ms) }
      : {}),
  });
  phase('apply');
  work.onFraction?.(1);
  return outcome;
}
