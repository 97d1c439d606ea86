// The shell: top bar with navigation and language, the current screen, the status strip.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getOfficerProfile, setLanguage } from '../db/index.ts';
import { getPost } from '../../../shared/domain/posts.ts';
import { useServices } from './services.tsx';
import { useUi } from './store.ts';
import { type View } from './router.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { StatusStrip } from './StatusStrip.tsx';
import { ToastView } from './ToastView.tsx';
import { SetupScreen } from '../features/setup/SetupScreen.tsx';
import { ActivityList } from '../features/log/ActivityList.tsx';
import { NewActivity } from '../features/log/NewActivity.tsx';
import { EditActivity } from '../features/log/EditActivity.tsx';
import { ActivityDetail } from '../features/log/ActivityDetail.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { type OfficerProfile as Profile } from '../db/index.ts';

function Screen({ view, profile }: { view: View; profile: Profile }) {
  switch (view.name) {
    case 'list':
      return <ActivityList profile={profile} />;
    case 'new':
      return <NewActivity profile={profile} initialType={view.type} />;
    case 'detail':
      return <ActivityDetail id={view.id} />;
    case 'edit':
      return <EditActivity id={view.id} profile={profile} />;
    case 'settings':
      return <SettingsScreen profile={profile} />;
  }
}

function NavLink({ to, label, current }: { to: View; label: string; current: boolean }) {
  const navigate = useUi((s) => s.navigate);
  return (
    <a
      href={to.name === 'list' ? '#/' : `#/${to.name}`}
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

export function App() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const view = useUi((s) => s.view);
  const syncFromLocation = useUi((s) => s.syncFromLocation);
  const profile = useLiveQuery(() => getOfficerProfile(db).then((p) => p ?? null), [db]);
  const lang = i18n.language === 'fr' ? 'fr' : 'en';

  useEffect(() => {
    window.addEventListener('hashchange', syncFromLocation);
    return () => window.removeEventListener('hashchange', syncFromLocation);
  }, [syncFromLocation]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  const switchLanguage = () => {
    const next = lang === 'en' ? 'fr' : 'en';
    void i18n.changeLanguage(next);
    void setLanguage(db, next);
  };

  const langButton = (
    <button
      className="lang"
      lang={lang === 'en' ? 'fr' : 'en'}
      aria-label={t('language.switchToLabel')}
      onClick={switchLanguage}
    >
      {t('language.switchTo')}
    </button>
  );

  if (profile === undefined) return <p className="hint">{t('app.loading')}</p>;
  if (profile === null) {
    return (
      <div className="shell">
        <header className="topbar">
          <span className="brand">{t('app.title')}</span>
          <span className="spacer" />
          {langButton}
        </header>
        <main id="main">
          <SetupScreen />
        </main>
      </div>
    );
  }

  const post = getPost(profile.postCode);
  const section = view.name === 'detail' || view.name === 'edit' ? 'list' : view.name;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('app.mainNav')}>
          <ul>
            <li>
              <NavLink to={{ name: 'list' }} label={t('nav.log')} current={section === 'list'} />
            </li>
            <li>
              <NavLink to={{ name: 'new' }} label={t('nav.new')} current={section === 'new'} />
            </li>
            <li>
              <NavLink
                to={{ name: 'settings' }}
                label={t('nav.settings')}
                current={section === 'settings'}
              />
            </li>
          </ul>
        </nav>
        <span className="spacer" />
        <span className="who">
          {t('status.signedInAs', {
            name: profile.name,
            post: post ? post.city[lang] : profile.postCode,
          })}
        </span>
        {langButton}
      </header>
      <main id="main" tabIndex={-1} className={view.name === 'list' ? 'list-main' : undefined}>
        <ErrorBoundary>
          <Screen view={view} profile={profile} />
        </ErrorBoundary>
      </main>
      <StatusStrip />
      <ToastView />
    </div>
  );
}
