// The lock feature's public entry: what the shell and other features may use, and the
// registration of its messages (loaded by the shell before the first render).
import { registerMessages } from '../../i18n/registry.ts';
import { lockMessages } from './messages.ts';

registerMessages(lockMessages);

export { LockScreen } from './LockScreen.tsx';
export { useIdleLock } from './useIdleLock.ts';
export { DEMO_PASSPHRASE } from './demo.ts';
export {
  answerRecoveryRequest,
  refreshRecoveryCopy,
  RECOVERY_EXTENSION,
  type RecoveryAnswer,
} from './recovery.ts';
