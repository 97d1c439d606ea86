// The shell: top bar with navigation and language, the current screen, the status strip.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getIdentity, getNetworkProfile, readVaultFlags } from '../db/identity.ts';
import { ChangePassphrase } from '../features/settings/ChangePassphrase.tsx';
import { useServices, useUnlocked } from '../kernel/services.tsx';
import { useUi } from '../kernel/store.ts';
import { viewToHash, type View } from '../kernel/router.ts';
import { makeSession, type Session } from '../kernel/session.ts';
import { useSwitchLanguage } from '../kernel/language.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { StatusStrip } from './StatusStrip.tsx';
import { ToastView } from './ToastView.tsx';
import { SetupWizard } from '../features/setup/SetupWizard.tsx';
import { LockScreen } from '../features/lock/LockScreen.tsx';
import { useIdleLock } from '../features/lock/useIdleLock.ts';
import { SyncScreen } from '../features/sync/SyncScreen.tsx';
import { NetworkScreen } from '../features/network/NetworkScreen.tsx';
import { LaterScreen } from './LaterScreen.tsx';
import { canOpen, logsOwnEntries } from '../kernel/roles.ts';
import { useRetention } from './useRetention.ts';
import { useOpenedFiles } from './useOpenedFiles.ts';
import { useExchangeClient } from '../features/sync/useExchangeClient.ts';
import { startImportWhenIdle } from '../features/sync/import-store.ts';
import { type FileReadResult } from '../platform/types.ts';
import { ActivityList } from '../features/log/ActivityList.tsx';
import { NewActivity } from '../features/log/NewActivity.tsx';
import { EditActivity } from '../features/log/EditActivity.tsx';
import { ActivityDetail } from '../features/log/ActivityDetail.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { useLang } from '../i18n/useLang.ts';
import { SummariesScreen } from '../features/summaries/index.ts';

function Screen({ view, session }: { view: View; session: Session }) {
  if (!canOpen(session.identity.role, view.name)) return <LaterScreen kind="notForRole" />;
  switch (view.name) {
    case 'list':
      return <ActivityList session={session} />;
    case 'new':
      return <NewActivity session={session} initialType={view.type} />;
    case 'detail':
      return <ActivityDetail id={view.id} session={session} />;
    case 'edit':
      return <EditActivity id={view.id} session={session} />;
    case 'settings':
      return <SettingsScreen session={session} />;
    case 'sync':
      return <SyncScreen session={session} />;
    case 'network':
      return <NetworkScreen session={session} />;
    case 'review':
      return <LaterScreen kind="review" />;
    case 'summaries':
      return <SummariesScreen session={session} />;
  }
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
  const { t } = useTranslation();
  const lang = useLang();
  const { db, platform } = useServices();
  const view = useUi((s) => s.view);
  const syncFromLocation = useUi((s) => s.syncFromLocation);
  const identity = useLiveQuery(() => getIdentity(db).then((i) => i ?? null), [db]);
  const posts = useLiveQuery(async () => (await getNetworkProfile(db))?.posts ?? [], [db]);
  const session = useMemo(
    () => (identity ? makeSession(identity, posts) : null),
    [identity, posts],
  );
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

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

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

  if (identity === undefined) return <p className="hint">{t('app.loading')}</p>;
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

  const role = session.identity.role;
  const post = session.postOf(session.profile.postCode);
  const section = view.name === 'detail' || view.name === 'edit' ? 'list' : view.name;
  const link = (to: View, label: string) =>
    canOpen(role, to.name) ? (
      <li>
        <NavLink to={to} label={label} current={section === to.name} />
      </li>
    ) : null;
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
            {link({ name: 'list' }, role === 'hq' ? t('nav.networkLog') : t('nav.log'))}
            {logsOwnEntries(role) ? link({ name: 'new' }, t('nav.new')) : null}
            {link({ name: 'review' }, t('nav.review'))}
            {link({ name: 'summaries' }, t('nav.summaries'))}
            {link({ name: 'network' }, t('nav.network'))}
            {link({ name: 'sync' }, t('nav.sync'))}
            {link({ name: 'settings' }, t('nav.settings'))}
          </ul>
        </nav>
        <span className="spacer" />
        {session.identity.demo ? <span className="demo-badge">{t('app.demo')}</span> : null}
        <span className="who">
          {t(`status.signedInAs_${role}`, {
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
            <Screen view={view} session={session} />
          </ErrorBoundary>
        )}
      </main>
      <StatusStrip />
      <ToastView />
    </div>
  );
}
