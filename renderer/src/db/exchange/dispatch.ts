// Runs one exchange request against the engine: the worker's whole job, kept apart from the
// worker's message plumbing so it reads (and could be tested) without a Worker.
import { buildChangesExport, repairDamagedChanges, type ExchangeDeps } from './export.ts';
import { buildReceiptFiles } from './receipts.ts';
import {
  approveDevice,
  importFiles,
  rejectDevice,
  resumeInterrupted,
  type RunOptions,
} from './engine.ts';
import { type ExchangeRequest, type ExchangeResults } from './protocol.ts';
import { directPort } from '../online/port.ts';
import { ExchangeError } from './errors.ts';

export async function dispatch(
  deps: ExchangeDeps,
  request: ExchangeRequest,
  options: RunOptions,
): Promise<ExchangeResults[keyof ExchangeResults]> {
  switch (request.op) {
    case 'exportBundle':
      await repairDamagedChanges(deps);
      return buildChangesExport(deps);
    case 'exportReceipt':
      return buildReceiptFiles(deps, request.postCode);
    case 'importFiles':
      // The relay's files with no key (the vault locked mid-sync): every file would be
      // rejected 'locked' and set aside for good. Fail the whole call instead; the sync
      // retries once the vault is open again.
      if (request.relay && !deps.dataKey)
        throw new ExchangeError('locked', 'relay files to import while locked');
      return importFiles(deps, request.files, {
        ...options,
        ...(request.relay ? { origin: { relay: true } } : {}),
      });
    case 'relaySelf':
      return directPort(deps).self();
    case 'relayOwnSeqs':
      return directPort(deps).ownSeqs();
    case 'relaySources':
      return directPort(deps).sources();
    case 'relayProfile':
      return directPort(deps).profileToSend(request.sent);
    case 'resume':
      return resumeInterrupted(deps, options);
    case 'approve':
      return approveDevice(deps, request.deviceId, options);
    case 'reject':
      await rejectDevice(deps, request.deviceId);
      return null;
  }
}
