// The settings feature's public entry: the screen, and the passphrase change the shell
// forces after HQ's recovery. Its strings live in i18n/en.ts and fr.ts (settings).
export { SettingsScreen } from './SettingsScreen.tsx';
export { ChangePassphrase } from './ChangePassphrase.tsx';
