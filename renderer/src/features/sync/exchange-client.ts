// The sync screens' door to the exchange engine (ExchangeClient): heavy work goes to a Web
// Worker on the same database; saving the files it makes goes through the platform (the save
// dialog, or a folder chosen once). Errors reject with an Error carrying `messageKey`.
import { type Services } from '../../kernel/services.tsx';
import { BUNDLE_FILE_EXTENSION } from '../../../../shared/bundle/file-name.ts';
import { encodeProfileFile } from '../../../../shared/identity/profile-file.ts';
import { recordExport, type BuiltFile } from '../../db/exchange/export.ts';
import { ExchangeError } from '../../db/exchange/errors.ts';
import { getIdentity, getSignedProfile } from '../../db/identity.ts';
import { type FileFilter } from '../../platform/types.ts';
import { type ExchangePort } from '../../db/online/port.ts';
import {
  type ExchangeRequest,
  type ExchangeResults,
  type FromWorker,
  type ToWorker,
  type WorkerFailure,
} from '../../db/exchange/protocol.ts';
import { profileFileName, PROFILE_EXTENSION } from '../../kernel/profile-files.ts';
import {
  type ExchangeClient,
  type ExportOptions,
  type ExportResult,
  type ImportFileInput,
  type ImportProgress,
} from '../../db/exchange/api.ts';
import { partsTarget, saveReceiptParts } from './receipt-parts.ts';

/** What the client needs of a Worker; tests may hand in another implementation. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

export interface ExchangeClientOptions {
  /** Default: the bundled exchange worker. */
  createWorker?: () => WorkerLike;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('../../db/exchange/exchange.worker.ts', import.meta.url), {
    type: 'module',
  });
}

const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';

/** Shown in the save dialog: the product and the extension read the same in both languages. */
const BUNDLE_FILTERS: FileFilter[] = [
  { name: `Liaison Log (.${BUNDLE_FILE_EXTENSION})`, extensions: [BUNDLE_FILE_EXTENSION] },
];
const PROFILE_FILTERS: FileFilter[] = [
  { name: `Liaison Log (.${PROFILE_EXTENSION})`, extensions: [PROFILE_EXTENSION] },
];

/** A failure from the worker, as an Error the screens read `messageKey` from. */
class WorkerCallError extends Error {
  override readonly name = 'ExchangeError';
  readonly messageKey: string;
  readonly messageValues: Record<string, string | number>;
  constructor(failure: WorkerFailure) {
    super(failure.message);
    this.messageKey = failure.messageKey;
    this.messageValues = failure.messageValues;
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: ImportProgress) => void;
}

/** One request to the exchange worker; progress and cancel travel with it. */
export type ExchangeCall = <K extends ExchangeRequest['op']>(
  request: Extract<ExchangeRequest, { op: K }>,
  extra?: {
    onProgress?: (p: ImportProgress) => void;
    signal?: AbortSignal;
    /** Moved into the worker, not copied: the caller must not touch them afterwards. */
    transfer?: ArrayBuffer[];
  },
) => Promise<ExchangeResults[K]>;

/**
 * The worker plumbing: one Worker, started on the first call, on this window's database and
 * with the vault's key of the moment. The sync screens' client and online sync share one.
 */
export function createExchangeCall(
  services: Services,
  options: ExchangeClientOptions = {},
): ExchangeCall {
  const { db, vault } = services;
  const pending = new Map<number, Pending>();
  let worker: WorkerLike | null = null;
  let nextId = 1;

  const failAll = (error: Error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    worker = null;
  };

  const getWorker = (): WorkerLike => {
    if (worker) return worker;
    const created = (options.createWorker ?? defaultWorker)();
    created.addEventListener('message', (event) => {
      const message = event.data;
      const call = pending.get(message.id);
      if (!call) return;
      if (message.type === 'progress') call.onProgress?.(message.progress);
      else {
        pending.delete(message.id);
        if (message.type === 'result') call.resolve(message.value);
        else call.reject(new WorkerCallError(message.error));
      }
    });
    created.addEventListener('error', (event) => {
      console.error('The exchange worker failed', event.message);
      failAll(new ExchangeError('unexpected', `worker: ${event.message}`));
    });
    worker = created;
    return created;
  };

  return (request, extra = {}) => {
    const id = nextId++;
    const target = getWorker();
    return new Promise((resolve, reject) => {
      pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
      });
      extra.signal?.addEventListener('abort', () => target.postMessage({ type: 'cancel', id }), {
        once: true,
      });
      const key = vault.key;
      target.postMessage(
        {
          type: 'call',
          id,
          dbName: db.name,
          appVersion: APP_VERSION,
          request,
          ...(key ? { dataKey: key } : {}),
        },
        extra.transfer ?? [],
      );
      // Cancelled before it started: the worker stops before the first file.
      if (extra.signal?.aborted) target.postMessage({ type: 'cancel', id });
    });
  };
}

/** Only the fields the engine reads: a File or a wider object would not clone. */
function cloneable(files: readonly ImportFileInput[]): ImportFileInput[] {
  return files.map((f): ImportFileInput =>
    'data' in f ? { name: f.name, data: f.data } : { name: f.name, unreadable: f.unreadable },
  );
}

/** The distinct buffers under the files' bytes, to move to the worker rather than copy. */
export function transferableBuffers(files: readonly ImportFileInput[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const f of files)
    if ('data' in f && f.data.buffer instanceof ArrayBuffer) buffers.add(f.data.buffer);
  return [...buffers];
}

/**
 * Online sync's engine in the exchange worker: the same export, import and receipts as the
 * sync screens', and its imports are runs in the same import report (marked as the relay's).
 * Recording an upload stays here: one small write, and the bundle's bytes need not go back.
 */
export function relayEnginePort(call: ExchangeCall, db: Services['db']): ExchangePort {
  return {
    self: () => call({ op: 'relaySelf' }),
    ownSeqs: () => call({ op: 'relayOwnSeqs' }),
    sources: () => call({ op: 'relaySources' }),
    buildChanges: () => call({ op: 'exportBundle' }),
    recordExport: (built, name) => recordExport(db, built, name),
    importFiles: (files, onProgress) => {
      // The relay's downloads are read once, for this import: moved into the worker (a
      // 63-bundle batch is not held twice), detached here afterwards. sync.ts never reads them
      // again.
      const sent = cloneable(files);
      return call(
        { op: 'importFiles', files: sent, relay: true },
        { ...(onProgress ? { onProgress } : {}), transfer: transferableBuffers(sent) },
      );
    },
    buildReceipts: () => call({ op: 'exportReceipt' }),
    profileToSend: (sent) => call({ op: 'relayProfile', ...(sent === undefined ? {} : { sent }) }),
  };
}

export function createExchangeClient(
  services: Services,
  options: ExchangeClientOptions & { call?: ExchangeCall } = {},
): ExchangeClient {
  const { db, platform } = services;
  const call = options.call ?? createExchangeCall(services, options);

  async function save(
    name: string,
    data: Uint8Array,
    filters: FileFilter[],
    options: ExportOptions,
  ): Promise<{ name: string; location?: string } | null> {
    if (options.folderId !== undefined) {
      // A platform without folders (an older implementation) says so instead of failing oddly.
      if (typeof platform.writeToFolder !== 'function')
        throw new ExchangeError('folder-unavailable');
      const written = await platform.writeToFolder(options.folderId, name, data);
      return { name: written.name, location: written.location };
    }
    const saved = await platform.saveFile({ suggestedName: name, data, filters });
    if (!saved.saved) return null;
    return saved.location === undefined ? { name } : { name, location: saved.location };
  }

  async function deliver(
    built: BuiltFile | null,
    options: ExportOptions,
    after?: (built: BuiltFile, name: string) => Promise<void>,
  ): Promise<ExportResult> {
    if (!built) return { status: 'nothing-to-send' };
    const saved = await save(built.fileName, built.data, BUNDLE_FILTERS, options);
    if (!saved) return { status: 'cancelled' };
    await after?.(built, saved.name);
    return {
      status: 'written',
      fileName: saved.name,
      ...(saved.location !== undefined ? { location: saved.location } : {}),
      changes: built.changes,
      records: built.records,
      ranges: built.ranges,
      ...(built.unreadable ? { unreadable: built.unreadable } : {}),
    };
  }

  return {
    async exportBundle(options = {}) {
      const built = await call({ op: 'exportBundle' });
      return deliver(built, options, (b, name) => recordExport(db, b, name));
    },
    async exportReceipt(options) {
      const files = await call({
        op: 'exportReceipt',
        ...(options.postCode !== undefined ? { postCode: options.postCode } : {}),
      });
      // Past 64 devices a receipt is several files, each saved in turn; one goes as ever.
      if (files.length > 1) {
        const target = await partsTarget(platform, options);
        return saveReceiptParts(files, (f) => save(f.fileName, f.data, BUNDLE_FILTERS, target));
      }
      return deliver(files[0] ?? null, options);
    },
    async exportProfile(options = {}) {
      const [identity, signed] = await Promise.all([getIdentity(db), getSignedProfile(db)]);
      if (!identity || !signed) throw new ExchangeError('no-identity');
      if (identity.role !== 'hq') throw new ExchangeError('not-allowed', 'only HQ issues profiles');
      const name = profileFileName(signed.profile);
      const saved = await save(name, encodeProfileFile(signed), PROFILE_FILTERS, options);
      if (!saved) return { status: 'cancelled' };
      return {
        status: 'written',
        fileName: saved.name,
        ...(saved.location !== undefined ? { location: saved.location } : {}),
        changes: 0,
        records: 0,
        ranges: [],
      };
    },
    importFiles(files, { onProgress, signal }) {
      // The files' bytes are read for this import only (import-store hands them over and keeps
      // nothing): moved into the worker like the relay's, so a big file is never held twice.
      const sent = cloneable(files);
      return call(
        { op: 'importFiles', files: sent },
        {
          ...(onProgress ? { onProgress } : {}),
          ...(signal ? { signal } : {}),
          transfer: transferableBuffers(sent),
        },
      );
    },
    resumeInterrupted({ onProgress }) {
      return call({ op: 'resume' }, onProgress ? { onProgress } : {});
    },
    approveDevice(deviceId) {
      return call({ op: 'approve', deviceId });
    },
    async rejectDevice(deviceId) {
      await call({ op: 'reject', deviceId });
    },
  };
}
