// The settings feature's public entry: the screen, the passphrase change the shell forces
// after HQ's recovery, and the registration of its messages (loaded by the shell before the
// first render).
import { registerMessages } from '../../i18n/registry.ts';
import { settingsMessages } from './messages.ts';

registerMessages(settingsMessages);

export { SettingsScreen } from './SettingsScreen.tsx';
export { ChangePassphrase } from './ChangePassphrase.tsx';
