// What online sync needs of the exchange engine: the same export, import and receipts as
// files, no second engine. directPort runs the engine on this thread (the exchange worker,
// and Node tests); the app's windows drive it through the worker (features/sync's
// relayEnginePort), so a 63-bundle pull never runs on the window's thread.
import {
  type ImportFileInput,
  type ImportProgress,
  type ImportRunReport,
} from '../exchange/api.ts';
import { importFiles } from '../exchange/engine.ts';
import {
  buildChangesExport,
  recordExport,
  repairDamagedChanges,
  type BuiltFile,
  type ExchangeDeps,
} from '../exchange/export.ts';
import { buildReceiptFiles, type ReceiptFile } from '../exchange/receipts.ts';
import { changeRecipients, loadSelfInfo } from '../exchange/self.ts';
import { getMeta, seqKey } from '../meta.ts';
import { getSignedProfile } from '../identity.ts';
import { encodeProfileFile } from '../../../../shared/identity/profile-file.ts';
import { waitingOwnChanges } from '../exchange/export.ts';

export interface ExchangePort {
  self(): Promise<{ deviceId: string; role: 'officer' | 'lead' | 'hq' }>;
  /** The highest own seq written here, and how many of them no recipient acknowledged yet. */
  ownSeqs(): Promise<{ last: number; waiting: number }>;
  /** Whose outboxes this device reads: an officer its HQ and leads; HQ and leads every one. */
  sources(): Promise<string[] | 'all'>;
  buildChanges(): Promise<BuiltFile | null>;
  recordExport(built: BuiltFile, name: string): Promise<void>;
  importFiles(
    files: ImportFileInput[],
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportRunReport>;
  buildReceipts(): Promise<ReceiptFile[]>;
  /** HQ: the profile in force as a file, and every device it names still trusted; else null. */
  profileToSend(): Promise<ProfileToSend | null>;
}

export interface ProfileToSend {
  version: number;
  data: Uint8Array;
  devices: string[];
}

/** What the three questions answer, as they cross the worker's messages. */
export interface RelayEngineAnswers {
  self: Awaited<ReturnType<ExchangePort['self']>>;
  ownSeqs: Awaited<ReturnType<ExchangePort['ownSeqs']>>;
  sources: Awaited<ReturnType<ExchangePort['sources']>>;
  profileToSend: Awaited<ReturnType<ExchangePort['profileToSend']>>;
}

export function directPort(deps: ExchangeDeps): ExchangePort {
  const { db } = deps;
  return {
    async self() {
      const { identity } = await loadSelfInfo(db);
      return { deviceId: identity.deviceId, role: identity.role };
    },
    async ownSeqs() {
      const self = await loadSelfInfo(db);
      const last = (await getMeta(db, seqKey(self.identity.deviceId))) ?? 0;
      return { last, waiting: await waitingOwnChanges(db, self) };
    },
    async sources() {
      const self = await loadSelfInfo(db);
      if (self.identity.role !== 'officer') return 'all';
      return changeRecipients(self).map((d) => d.deviceId);
    },
    buildChanges: async () => {
      await repairDamagedChanges(deps);
      return buildChangesExport(deps);
    },
    recordExport: (built, name) => recordExport(db, built, name),
    importFiles: (files, onProgress) =>
      importFiles(deps, files, { ...(onProgress ? { onProgress } : {}), origin: { relay: true } }),
    buildReceipts: () => buildReceiptFiles(deps),
    async profileToSend() {
      const self = await loadSelfInfo(db);
      const signed = await getSignedProfile(db);
      if (self.identity.role !== 'hq' || !signed) return null;
      const { profile } = signed;
      return {
        version: profile.version,
        data: encodeProfileFile(signed),
        devices: profile.devices
          .filter((d) => d.revokedAt === undefined && d.deviceId !== self.identity.deviceId)
          .map((d) => d.deviceId),
      };
    },
  };
}
