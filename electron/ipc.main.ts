// The gate in front of every IPC handler: check who is calling, validate what they sent
// against the contract, run the job, check what goes back. Pure over its dependencies, so
// the refusals are tested in plain Node.
import { ipcContract, type IpcArgs, type IpcChannel, type IpcResult } from '../shared/ipc/contract';
import {
  encodeIpcError,
  errnoOf,
  ipcErrorCodeForErrno,
  type IpcErrorCode,
} from '../shared/ipc/errors';
import { isTrustedSender, type FrameLike } from './security.main';

/** A handler's way to fail with a code the renderer can explain ("the file is too large"). */
export class IpcFailure extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, detail: string) {
    super(detail);
    this.name = 'IpcFailure';
    this.code = code;
  }
}

/** What the gate reads from Electron's IpcMainInvokeEvent. */
export interface IpcEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export interface IpcGuardDeps {
  /** True when the WebContents is our app window's; main.ts holds that reference. */
  isAppWebContents(sender: unknown): boolean;
  /** Where refusals and failures are logged (console.warn in the app). */
  warn(message: string): void;
}

export type IpcImpl<C extends IpcChannel> = (args: IpcArgs<C>) => Promise<IpcResult<C>>;
export type IpcHandler<C extends IpcChannel> = (
  event: IpcEventLike,
  args: unknown,
) => Promise<IpcResult<C>>;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Wraps a channel's job so that it runs only for our window's top frame on app://, only with
 * arguments the contract accepts, and only returns what the contract allows. Every refusal
 * is logged with the channel and the reason and rejects with a bare code: the renderer
 * learns nothing it could probe with.
 */
export function createIpcHandler<C extends IpcChannel>(
  channel: C,
  impl: IpcImpl<C>,
  deps: IpcGuardDeps,
): IpcHandler<C> {
  const { args: argsSchema, result: resultSchema } = ipcContract[channel];

  const refuse = (reason: string): Error => {
    deps.warn(`[ipc] refused ${channel}: ${reason}`);
    return new Error(encodeIpcError('refused'));
  };

  return async (event, rawArgs) => {
    // Read the frame now: Electron nulls senderFrame once the frame navigates away.
    const frame = event.senderFrame;
    if (!deps.isAppWebContents(event.sender)) {
      throw refuse('sender is not the app window');
    }
    if (!isTrustedSender(frame)) {
      const where = frame === null ? 'no frame' : `${frame.parent === null ? 'top' : 'sub'} frame`;
      throw refuse(`untrusted sender (${where})`);
    }

    const parsed = argsSchema.safeParse(rawArgs);
    if (!parsed.success) {
      // Paths and messages only: the values may be a person's data.
      const issues = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(args)'}: ${issue.message}`)
        .join('; ');
      throw refuse(`invalid arguments (${issues})`);
    }

    let result: IpcResult<C>;
    try {
      result = await impl(parsed.data as IpcArgs<C>);
    } catch (error) {
      const code = error instanceof IpcFailure ? error.code : ipcErrorCodeForErrno(errnoOf(error));
      deps.warn(`[ipc] ${channel} failed (${code}): ${describe(error)}`);
      throw new Error(encodeIpcError(code));
    }

    const checked = resultSchema.safeParse(result);
    if (!checked.success) {
      deps.warn(`[ipc] ${channel} produced a result outside the contract`);
      throw new Error(encodeIpcError('failed'));
    }
    return checked.data as IpcResult<C>;
  };
}
