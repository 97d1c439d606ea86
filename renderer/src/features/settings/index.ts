// The settings feature's public entry: the screen, and the passphrase change the shell
// forces after HQ's recovery. Most of its strings live in i18n/en.ts and fr.ts (settings);
// the device card's table registers here.
import { registerMessages } from '../../i18n/registry.ts';
import { settingsMessages } from './messages.ts';

registerMessages(settingsMessages);

export { SettingsScreen } from './SettingsScreen.tsx';
export { ChangePassphrase } from './ChangePassphrase.tsx';
