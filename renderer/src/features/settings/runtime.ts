// Where the app runs, in words for Settings › About. The platform says 'browser', or
// 'electron VERSION (OS)' with Node's name of the OS (electron/file-handlers.main.ts).
import { type TFunction } from 'i18next';

const OS_NAMES: Readonly<Record<string, string>> = {
  win32: 'Windows',
  darwin: 'macOS',
  linux: 'Linux',
};

export function runtimeName(runtime: string, t: TFunction): string {
  if (runtime === 'browser') return t('settings.runtimeBrowser');
  const desktop = /^electron (\S+)(?: \((\w+)\))?$/.exec(runtime);
  if (!desktop) return runtime;
  const [, version, os] = desktop;
  const details = [`Electron ${version ?? ''}`, os ? (OS_NAMES[os] ?? os) : undefined]
    .filter(Boolean)
    .join(', ');
  return t('settings.runtimeDesktop', { details });
}
