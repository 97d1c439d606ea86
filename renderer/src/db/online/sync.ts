// One online sync: send this device's waiting changes to its outbox on the relay, apply what
// its inbox holds, and (HQ, leads, and officers for their HQ and leads) import what other
// devices' outboxes hold, then drop receipts back. The exchange engine does every import and
// export, exactly as with files; this module only moves bundles and remembers what moved.
import {
  OUTBOX,
  inboxDir,
  isDeviceSegment,
  outboxDir,
  planInbox,
  planOutboxPrune,
  planPull,
  planUploads,
  pullKey,
  remoteBundleName,
  remoteProfileName,
  setAsideDir,
} from '../../../../shared/remote/index.ts';
import { RemoteError } from '../../../../shared/remote/store.ts';
import { type RemoteStore } from '../../platform/remote.ts';
import {
  type ImportFileInput,
  type ImportProgress,
  type ImportRunReport,
} from '../exchange/api.ts';
import { type LiaisonDb } from '../db.ts';
import { type ExchangePort } from './port.ts';
import { readOnline, writeOnline, type QueuedUpload } from './state.ts';

export interface SyncDeps {
  db: LiaisonDb;
  store: RemoteStore;
  port: ExchangePort;
  /** Told as bundles go up, come down and are imported, for the person to see. */
  onProgress?: (progress: SyncProgress) => void;
}

/** Where one sync is: `done` of `total` bundles sent, downloaded or imported so far. */
export interface SyncProgress {
  step: 'upload' | 'download' | 'import';
  done: number;
  total: number;
  /** While importing: the engine's own report (which file, how far), for the Sync screen's bar. */
  file?: ImportProgress;
}

export interface SyncReport {
  /** Own bundles written to the outbox this time. */
  uploaded: number;
  /** Own bundles found there already (an earlier try got that far): not sent again. */
  alreadyThere: number;
  /** Bundles imported from the inbox and from other outboxes. */
  imported: number;
  receiptsSent: number;
  /** HQ: copies of a new profile version put into devices' inboxes. */
  profilesSent: number;
  /** Files set aside this time (never retried), to report once. */
  setAside: string[];
  /** HQ: devices whose inbox refused the profile copy this time (tried again next sync). */
  profileNotSent: string[];
  /** The profile version those devices lack (a later sync may be about a later one). */
  profileNotSentVersion?: number;
}

/** A sync that did nothing (yet): each step adds what it did. */
export function emptySyncReport(): SyncReport {
  return {
    uploaded: 0,
    alreadyThere: 0,
    imported: 0,
    receiptsSent: 0,
    profilesSent: 0,
    setAside: [],
    profileNotSent: [],
  };
}

export async function syncOnce(deps: SyncDeps): Promise<SyncReport> {
  const { store, port } = deps;
  // A real round trip first: the OS saying "online" proves nothing about the relay.
  await store.check();
  const me = await port.self();
  await store.ensureDir(outboxDir(me.deviceId));
  await store.ensureDir(inboxDir(me.deviceId));
  const report = emptySyncReport();
  await sendOwn(deps, me.deviceId, report);
  await receiveInbox(deps, me.deviceId, report);
  await pullOutboxes(deps, me, report);
  // After the pull: one device's inbox refusing its copy must not hold up HQ's own work.
  if (me.role === 'hq') await sendProfile(deps, report);
  // Last: the receipts just applied may have acknowledged what the outbox still holds.
  await pruneOwn(deps, me.deviceId);
  return report;
}

async function sendOwn(deps: SyncDeps, deviceId: string, report: SyncReport): Promise<void> {
  const { db, store, port } = deps;
  let queue = (await readOnline(db, 'online.queue')) ?? [];
  const uploadedSeq = (await readOnline(db, 'online.uploadedSeq')) ?? 0;
  const seqs = await port.ownSeqs();
  const covered = Math.max(uploadedSeq, ...queue.map((q) => q.toSeq));
  if (seqs.waiting > 0 && seqs.last > covered) {
    const built = await port.buildChanges();
    if (built) {
      const entry: QueuedUpload = {
        remoteName: remoteBundleName(built.fileName, built.bundleId),
        built,
        toSeq: Math.max(0, ...built.ranges.map((r) => r.to)),
      };
      // Queued before any byte leaves: a restart uploads this same bundle, not a new one.
      queue = [...queue, entry];
      await writeOnline(db, 'online.queue', queue);
    }
  }
  const dir = outboxDir(deviceId);
  const listed = await store.listFiles(dir);
  const plan = planUploads(queue, listed);
  for (const temp of plan.staleTemps) await store.remove(`${dir}/${temp}`);
  let sent = 0;
  for (const item of queue) {
    deps.onProgress?.({ step: 'upload', done: sent, total: queue.length });
    sent += 1;
    const there = plan.alreadyThere.includes(item);
    const result = there ? 'exists' : await store.putNew(dir, item.remoteName, item.built.data);
    if (result === 'written') report.uploaded += 1;
    else report.alreadyThere += 1;
    await port.recordExport(item.built, item.remoteName);
    await db.transaction('rw', db.exchangeState, async () => {
      const now = (await readOnline(db, 'online.queue')) ?? [];
      await writeOnline(
        db,
        'online.queue',
        now.filter((q) => q.remoteName !== item.remoteName),
      );
      const before = (await readOnline(db, 'online.uploadedSeq')) ?? 0;
      await writeOnline(db, 'online.uploadedSeq', Math.max(before, item.toSeq));
    });
  }
}

/**
 * HQ: a new profile version goes into the inbox of every device it names (revoked ones
 * excepted), once per version, so approvals, revocations, new posts and a moved relay reach
 * devices with no file to carry. Each device's copy is remembered as it lands; a device whose
 * inbox refuses it (a 403 on one folder, say) is reported and tried again next sync, never
 * failing HQ's whole sync. The version counts as sent once every copy is there.
 */
async function sendProfile(deps: SyncDeps, report: SyncReport): Promise<void> {
  const { db, store, port } = deps;
  const sent = await readOnline(db, 'online.profileSent');
  const profile = await port.profileToSend(sent);
  if (!profile) return;
  // HQ's first sync: devices hold this version already (it reached them by file, as every
  // version did before the relay); the relay carries the versions HQ issues from now on.
  if (sent === undefined) return writeOnline(db, 'online.profileSent', profile.version);
  if (profile.version <= sent) return;
  const name = remoteProfileName(profile.version);
  const sentTo = { ...((await readOnline(db, 'online.profileSentTo')) ?? {}) };
  for (const { deviceId, data } of profile.copies) {
    if (!isDeviceSegment(deviceId) || (sentTo[deviceId] ?? 0) >= profile.version) continue;
    try {
      await store.ensureDir(inboxDir(deviceId));
      if ((await store.putNew(inboxDir(deviceId), name, data)) === 'written')
        report.profilesSent += 1;
      sentTo[deviceId] = profile.version;
    } catch (error) {
      // The relay gone altogether is the whole sync's failure, as anywhere else.
      if (error instanceof RemoteError && error.failure === 'offline') throw error;
      console.warn(`Online sync: the profile copy for ${deviceId} failed`, error);
      report.profileNotSent.push(deviceId);
      report.profileNotSentVersion = profile.version;
    }
  }
  if (report.profileNotSent.length > 0) return writeOnline(db, 'online.profileSentTo', sentTo);
  await writeOnline(db, 'online.profileSent', profile.version);
  await writeOnline(db, 'online.profileSentTo', {});
}

/** Own bundles every recipient acknowledged are no longer needed on the relay. */
async function pruneOwn(deps: SyncDeps, deviceId: string): Promise<void> {
  const { store, port } = deps;
  const dir = outboxDir(deviceId);
  const seqs = await port.ownSeqs();
  const acked = seqs.last - seqs.waiting;
  for (const name of planOutboxPrune(await store.listFiles(dir), acked))
    await store.remove(`${dir}/${name}`);
}

/** Moves a file out of the way for good (a 412 means it was set aside before: drop it). */
async function setAside(deps: SyncDeps, deviceId: string, name: string, report: SyncReport) {
  const { store } = deps;
  await store.ensureDir(setAsideDir(deviceId));
  try {
    await store.move(`${inboxDir(deviceId)}/${name}`, `${setAsideDir(deviceId)}/${name}`);
  } catch {
    await store.remove(`${inboxDir(deviceId)}/${name}`);
  }
  report.setAside.push(name);
}

/**
 * The engine's import, its file-by-file progress told as this sync's; once the run ended, a
 * last word without the engine's report, so the Sync screen's bar goes while the sync still
 * sends receipts.
 */
async function importWithProgress(
  deps: SyncDeps,
  files: ImportFileInput[],
): Promise<ImportRunReport> {
  const tell = deps.onProgress;
  const total = files.length;
  const run = await deps.port.importFiles(
    files,
    tell && ((p) => tell({ step: 'import', done: p.fileIndex, total: p.fileCount, file: p })),
  );
  tell?.({ step: 'import', done: total, total });
  return run;
}

/**
 * Rejections that say something about this device at this moment (locked, disk full, the
 * database closed), not about the file: it stays where it is and is tried again next sync.
 */
const TRANSIENT_REJECTIONS = new Set([
  'exchange.error.locked',
  'exchange.error.disk-full',
  'exchange.error.write-failed',
  'exchange.error.connection-closed',
]);

/** An older profile version than this device's: nothing wrong, it already has a newer one. */
const SUPERSEDED = 'identity.error.older-version';

/**
 * What becomes of a downloaded file after the import: done (counted), superseded (removed,
 * not counted, not a failure), tried again next sync, or set aside.
 */
function fateOf(run: ImportRunReport, name: string): 'done' | 'superseded' | 'retry' | 'set-aside' {
  const outcome = run.files.find((f) => f.fileName === name)?.outcome;
  // Not in the report (the run stopped before it): next sync.
  if (outcome === undefined) return 'retry';
  if (outcome.kind === 'rejected' && TRANSIENT_REJECTIONS.has(outcome.errorKey)) return 'retry';
  if (outcome.kind === 'rejected' && outcome.errorKey === SUPERSEDED) return 'superseded';
  return outcome.kind === 'rejected' || outcome.kind === 'set-aside' ? 'set-aside' : 'done';
}

async function receiveInbox(deps: SyncDeps, deviceId: string, report: SyncReport): Promise<void> {
  const { store } = deps;
  const dir = inboxDir(deviceId);
  const plan = planInbox(await store.listFiles(dir));
  for (const name of plan.foreign) await setAside(deps, deviceId, name, report);
  if (plan.apply.length === 0) return;
  const files: ImportFileInput[] = [];
  for (const name of plan.apply) {
    deps.onProgress?.({ step: 'download', done: files.length, total: plan.apply.length });
    files.push({ name, data: await store.read(`${dir}/${name}`) });
  }
  const run = await importWithProgress(deps, files);
  // Removed only now: the import committed. A crash before this re-imports them next time,
  // which the engine answers with "already imported".
  for (const name of plan.apply) {
    const fate = fateOf(run, name);
    if (fate === 'retry') continue;
    if (fate === 'set-aside') await setAside(deps, deviceId, name, report);
    else {
      if (fate === 'done') report.imported += 1;
      await store.remove(`${dir}/${name}`);
    }
  }
}

async function pullOutboxes(
  deps: SyncDeps,
  me: { deviceId: string; role: 'officer' | 'lead' | 'hq' },
  report: SyncReport,
): Promise<void> {
  const { db, store, port } = deps;
  const sources = await port.sources();
  const dirs = (await store.listDirs(OUTBOX)).filter(
    (d) => d !== me.deviceId && isDeviceSegment(d) && (sources === 'all' || sources.includes(d)),
  );
  const outboxes = new Map<string, string[]>();
  for (const d of dirs) outboxes.set(d, await store.listFiles(outboxDir(d)));
  const pulled = new Set((await readOnline(db, 'online.pulled')) ?? []);
  const todo = planPull(outboxes, pulled);
  let applied = false;
  if (todo.length > 0) {
    const files: ImportFileInput[] = [];
    for (const f of todo) {
      deps.onProgress?.({ step: 'download', done: files.length, total: todo.length });
      files.push({ name: f.name, data: await store.read(`${outboxDir(f.deviceId)}/${f.name}`) });
    }
    const run = await importWithProgress(deps, files);
    for (const f of todo) {
      const fate = fateOf(run, f.name);
      if (fate === 'retry') continue;
      pulled.add(pullKey(f.deviceId, f.name));
      if (fate === 'set-aside') report.setAside.push(pullKey(f.deviceId, f.name));
      else if (fate === 'done') report.imported += 1;
    }
    applied = run.files.some((f) => f.outcome.kind === 'applied');
  }
  // Remember only what is still listed, so the list does not grow without end.
  const listed = new Set([...outboxes].flatMap(([d, names]) => names.map((n) => pullKey(d, n))));
  await writeOnline(
    db,
    'online.pulled',
    [...pulled].filter((k) => listed.has(k)),
  );
  if (applied && me.role !== 'officer') await sendReceipts(deps, report);
}

/** HQ and leads: a receipt into the inbox of every device it answers. */
async function sendReceipts(deps: SyncDeps, report: SyncReport): Promise<void> {
  const { store, port } = deps;
  for (const receipt of await port.buildReceipts()) {
    const name = remoteBundleName(receipt.fileName, receipt.bundleId);
    for (const recipient of receipt.recipients) {
      if (!isDeviceSegment(recipient)) continue;
      await store.ensureDir(inboxDir(recipient));
      await store.putNew(inboxDir(recipient), name, receipt.data);
      report.receiptsSent += 1;
    }
  }
}
