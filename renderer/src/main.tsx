// Start-up: choose the platform, open the database, restore the language, then render.
// If the database cannot open, say why in the person's language and touch nothing.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './styles.css';
import { createI18n } from './i18n/index.ts';
import { createBrowserPlatform } from './platform/browser.ts';
import { createElectronPlatform } from './platform/electron.ts';
import { requestPersistentStorage } from './platform/persistent-storage.ts';
import { type Platform } from './platform/types.ts';
import { getLanguage, getOrCreateDevice, openDatabase } from './db/index.ts';
import { App } from './app/App.tsx';
import { FatalError } from './app/FatalError.tsx';
import { UpgradeNotice } from './app/UpgradeNotice.tsx';
import { ServicesProvider } from './kernel/services.tsx';
import { VaultSession } from './kernel/vault-session.ts';
import { errorMessageKey } from './kernel/errors.ts';
import { useUi } from './kernel/store.ts';

function choosePlatform(): Platform {
  return window.liaisonLog ? createElectronPlatform(window.liaisonLog) : createBrowserPlatform();
}

async function start() {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const guess = navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  // Everything start-up reads or writes is inside this try: a failure (disk full on the
  // first run, another window upgrading) shows a message, never a blank window.
  try {
    const showToast = (key: string) => useUi.getState().showToast({ kind: 'error', key });
    let upgrading = false;
    const showUpgrade = (blocked: boolean) => {
      document.documentElement.lang = guess;
      root.render(
        <I18nextProvider i18n={createI18n(guess)}>
          <UpgradeNotice first={guess} blocked={blocked} />
        </I18nextProvider>,
      );
    };
    const db = await openDatabase('liaison-log', {
      // Another (newer) window upgraded the database: this one has let go and must reload.
      onVersionChange: () => showToast('errors.blocked'),
      // Our upgrade waits for an older window that still holds the database open: the
      // upgrade notice says so (a toast would only show once the app is open, too late).
      onBlocked: () => (upgrading ? showUpgrade(true) : showToast('errors.otherWindowOpen')),
      // An older database upgrades as it opens: say so rather than show a blank window.
      onUpgrade: () => {
        upgrading = true;
        showUpgrade(false);
      },
    });
    const language = (await getLanguage(db)) ?? guess;
    const i18n = createI18n(language);
    const device = await getOrCreateDevice(db);
    const platform = choosePlatform();
    // Asked at every start, the first run included (it never prompts in Chromium, and a
    // refusal is only shown in Settings): the database must not be cleared under disk
    // pressure with work not yet sent.
    void requestPersistentStorage(platform.storage);
    // The desktop's date fields follow the language from the next start (a language chosen
    // before this build kept it is handed over here).
    platform
      .keepLanguage?.(language)
      .catch((error: unknown) =>
        console.warn('The language was not kept for the next start', error),
      );
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <ServicesProvider
            value={{
              db,
              platform,
              deviceId: device.deviceId,
              vault: new VaultSession(db),
            }}
          >
            <App />
          </ServicesProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  } catch (error) {
    console.error('Start-up failed', error);
    const i18n = createI18n(guess);
    document.documentElement.lang = guess;
    root.render(
      <I18nextProvider i18n={i18n}>
        <FatalError messageKey={errorMessageKey(error, 'start')} />
      </I18nextProvider>,
    );
  }
}

void start();
