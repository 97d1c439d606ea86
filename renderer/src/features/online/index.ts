// The online relay's public entry: its status in the strip, its settings panel, and the
// registration of its messages (loaded by the shell before the first render).
import { registerMessages } from '../../i18n/registry.ts';
import { onlineMessages } from './messages.ts';

registerMessages(onlineMessages);

export { OnlineStatus } from './OnlineStatus.tsx';
export { OnlineSettings } from './OnlineSettings.tsx';
export { HqRelayForm } from './HqRelayForm.tsx';
