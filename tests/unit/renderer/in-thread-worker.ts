// A stand-in for the exchange worker: the same dispatch, run in this thread against the
// device's own database; the ops are recorded. With `clone`, every message goes through
// structuredClone both ways, as postMessage would (moving what the transfer list names), so
// what could not cross to a real Worker fails here (off by default: a clone's bytes are of another realm than jsdom's).
import { type TestDevice } from './exchange-fixtures.ts';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { type Services } from '../../../renderer/src/kernel/services.tsx';
import { type Platform } from '../../../renderer/src/platform/types.ts';
import { type WorkerLike } from '../../../renderer/src/features/sync/exchange-client.ts';
import { dispatch } from '../../../renderer/src/db/exchange/dispatch.ts';
import { asExchangeError } from '../../../renderer/src/db/exchange/errors.ts';
import { type FromWorker, type ToWorker } from '../../../renderer/src/db/exchange/protocol.ts';

export type InThreadWorker = WorkerLike & { readonly ops: string[] };

export function inThreadWorker(
  device: TestDevice,
  options: { clone?: boolean } = {},
): InThreadWorker {
  // With a transfer list the buffers move, as postMessage moves them: the sender's detach.
  const copy = <T>(value: T, transfer: Transferable[] = []): T =>
    options.clone ? structuredClone(value, { transfer }) : value;
  const listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  const cancelled = new Set<number>();
  const ops: string[] = [];
  const send = (data: FromWorker) =>
    listeners.forEach((l) => l({ data: copy(data) } as MessageEvent<FromWorker>));
  return {
    ops,
    postMessage(sent: ToWorker, transfer?: Transferable[]) {
      const message = copy(sent, transfer);
      if (message.type === 'cancel') {
        cancelled.add(message.id);
        return;
      }
      const { id } = message;
      ops.push(message.request.op);
      const deps = { db: device.db, dataKey: message.dataKey, appVersion: message.appVersion };
      dispatch(deps, message.request, {
        onProgress: (progress) => send({ type: 'progress', id, progress }),
        isCancelled: () => cancelled.has(id),
      }).then(
        (value) => send({ type: 'result', id, value }),
        (e: unknown) => {
          const failure = asExchangeError(e);
          send({
            type: 'error',
            id,
            error: { messageKey: failure.messageKey, messageValues: {}, message: failure.message },
          });
        },
      );
    },
    addEventListener(type: 'message' | 'error', listener: unknown) {
      if (type === 'message') listeners.push(listener as (event: MessageEvent<FromWorker>) => void);
    },
  };
}

/** What a window hands the exchange client: the device's database, its vault unlocked. */
export function unlockedServices(device: TestDevice): Services {
  const vault = new VaultSession(device.db);
  vault.open(device.dataKey);
  return { db: device.db, platform: {} as Platform, deviceId: device.identity.deviceId, vault };
}
