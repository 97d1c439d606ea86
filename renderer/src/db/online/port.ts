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
import { isGeneratedDemoDevice } from '../../../../shared/identity/demo-roster.ts';
import { profileCopies, type ProfileCopy } from '../exchange/profile-copies.ts';
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
  /**
   * HQ: the version in force and, when it is newer than `sent`, one sealed copy of it for
   * every device it names still trusted; null on any other device.
   */
  profileToSend(sent?: number): Promise<ProfileToSend | null>;
}

export interface ProfileToSend {
  version: number;
  /** Empty when the version is not newer than the one sent (nothing is sealed then). */
  copies: ProfileCopy[];
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
    async profileToSend(sent) {
      const self = await loadSelfInfo(db);
      const signed = await getSignedProfile(db);
      if (self.identity.role !== 'hq' || !signed) return null;
      const { profile } = signed;
      if (sent === undefined || profile.version <= sent)
        return { version: profile.version, copies: [] };
      // The demo's generated-data devices run on no computer: nobody to send to.
      const devices = profile.devices.filter(
        (d) =>
          d.revokedAt === undefined &&
          d.deviceId !== self.identity.deviceId &&
          !isGeneratedDemoDevice(profile, d.deviceId),
      );
      return { version: profile.version, copies: await profileCopies(deps, signed, devices) };
    },
  };
}
