// The shell: top bar with navigation and language, the current screen, the status strip.
import { useCallback, useEffect, useRef, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { readVaultFlags } from '../db/identity.ts';
import { ChangePassphrase } from '../features/settings/index.ts';
import { useServices, useUnlocked } from '../kernel/services.tsx';
import { useUi } from '../kernel/store.ts';
import { viewToHash, type View } from '../kernel/router.ts';
import { type Session } from '../kernel/session.ts';
import { useSession } from './useSession.ts';
import { useSwitchLanguage } from '../kernel/language.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { StatusStrip } from './StatusStrip.tsx';
import { ToastView } from './ToastView.tsx';
import { SetupWizard } from '../features/setup/index.ts';
import { LockScreen, useIdleLock } from '../features/lock/index.ts';
import { NotForRoleScreen } from './NotForRoleScreen.tsx';
import { ROUTES, canOpen, menuFor, sectionOf, titleKey, type ScreenProps } from './routes.tsx';
import { ScreenTitle } from '../kernel/screen-title.ts';
import { useRetention } from './useRetention.ts';
import { useOpenedFiles } from './useOpenedFiles.ts';
import { startImportWhenIdle, useExchangeClient } from '../features/sync/index.ts';
import { type FileReadResult } from '../platform/types.ts';
import { useLang } from '../i18n/useLang.ts';

function Screen({ view, session }: { view: View; session: Session }) {
  if (!canOpen(session.identity.role, view.name)) return <NotForRoleScreen />;
  // Each entry's Screen takes the view of its own name, which is the one looked up here.
  const Current = ROUTES[view.name].Screen as ComponentType<ScreenProps>;
  return <Current view={view} session={session} />;
}

function NavLink({ to, label, current }: { to: View; label: string; current: boolean }) {
  const navigate = useUi((s) => s.navigate);
  return (
    <a
      href={viewToHash(to)}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
}

function LockButton() {
  const { t } = useTranslation();
  const { vault } = useServices();
  return (
    <button className="lock-now" onClick={() => vault.lock()}>
      {t('app.lockNow')}
    </button>
  );
}

export function App() {
  // An entry opened from the review queue belongs to Review in the menu, as its "Back" does.
  const entryFrom = useUi((s) => s.entryFrom);
  const { t } = useTranslation();
  const lang = useLang();
  const { db, platform } = useServices();
  const view = useUi((s) => s.view);
  const syncFromLocation = useUi((s) => s.syncFromLocation);
  const loaded = useSession(db);
  const session = loaded ?? null;
  const unlocked = useUnlocked();
  // After HQ's recovery the temporary passphrase must be replaced before anything else.
  const mustChange = useLiveQuery(
    async () => (await readVaultFlags(db)).mustChangePassphrase,
    [db],
  );
  useIdleLock(session !== null && unlocked);
  useRetention(session !== null && session.identity.role !== 'hq');
  // Files opened from the OS wait in the main process until the shell is unlocked.
  const exchange = useExchangeClient();
  const importOpened = useCallback(
    (files: FileReadResult[]) => startImportWhenIdle(exchange, files),
    [exchange],
  );
  useOpenedFiles(
    session !== null && unlocked && mustChange === false && canOpen(session.identity.role, 'sync'),
    platform,
    importOpened,
  );
  const switchLanguage = useSwitchLanguage();
  const main = useRef<HTMLElement>(null);
  const firstView = useRef(true);

  useEffect(() => {
    window.addEventListener('hashchange', syncFromLocation);
    return () => window.removeEventListener('hashchange', syncFromLocation);
  }, [syncFromLocation]);

  const role = session?.identity.role;
  const screenTitle = role && unlocked ? t(titleKey(role, view.name)) : null;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = screenTitle ? `${screenTitle} · ${t('app.title')}` : t('app.title');
  }, [lang, t, screenTitle]);

  // On each change of screen, move focus to the new screen's heading, so keyboard and
  // screen-reader users start at the top of what they asked for (forms focus a field).
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      if (
        main.current?.contains(document.activeElement) &&
        document.activeElement !== document.body
      )
        return;
      main.current?.querySelector<HTMLElement>('h1')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [view]);

  const langButton = (
    <button
      className="lang"
      lang={lang === 'en' ? 'fr' : 'en'}
      aria-label={t('language.switchToLabel')}
      onClick={() => switchLanguage(lang === 'en' ? 'fr' : 'en')}
    >
      {t('language.switchTo')}
    </button>
  );

  if (loaded === undefined) return <p className="hint">{t('app.loading')}</p>;
  if (!session || !unlocked) {
    return (
      <div className="shell">
        <header className="topbar">
          <span className="brand">{t('app.title')}</span>
          {session?.identity.demo ? <span className="demo-badge">{t('app.demo')}</span> : null}
          <span className="spacer" />
          {langButton}
        </header>
        <main id="main">{session ? <LockScreen session={session} /> : <SetupWizard />}</main>
      </div>
    );
  }

  const post = session.postOf(session.profile.postCode);
  const section = entryFrom?.name === 'review' ? 'review' : sectionOf(view.name);
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Not through the hash router: skipping must not leave the current screen.
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('app.mainNav')}>
          <ul>
            {menuFor(session.identity.role).map(({ name, labelKey }) => (
              <li key={name}>
                <NavLink to={{ name }} label={t(labelKey)} current={section === name} />
              </li>
            ))}
          </ul>
        </nav>
        <span className="spacer" />
        {session.identity.demo ? <span className="demo-badge">{t('app.demo')}</span> : null}
        <span className="who">
          {t(`status.signedInAs_${session.identity.role}`, {
            name: session.profile.name,
            post: post ? post.city[lang] : session.profile.postCode,
          })}
        </span>
        <LockButton />
        {langButton}
      </header>
      <main
        id="main"
        ref={main}
        tabIndex={-1}
        className={view.name === 'list' ? 'list-main' : undefined}
      >
        {mustChange ? (
          <section className="centered" aria-labelledby="must-change-heading">
            <h1 id="must-change-heading" tabIndex={-1}>
              {t('settings.passphraseHeading')}
            </h1>
            <ChangePassphrase forced />
          </section>
        ) : (
          // Keyed by screen: after a failure, going elsewhere gives a fresh start.
          <ErrorBoundary key={viewToHash(view)}>
            <ScreenTitle.Provider value={screenTitle}>
              <Screen view={view} session={session} />
            </ScreenTitle.Provider>
          </ErrorBoundary>
        )}
      </main>
      <StatusStrip />
      <ToastView />
    </div>
  );
}
