// Settings: language, the device card, the passphrase, what build is running, whether the
// browser may clear the app's data, and reset.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Session } from '../../kernel/session.ts';
import { useSwitchLanguage } from '../../kernel/language.ts';
import { useServices } from '../../kernel/services.tsx';
import { type AppInfo } from '../../platform/types.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ChangePassphrase } from './ChangePassphrase.tsx';
import { DeviceCard } from './DeviceCard.tsx';
import { ResetDevice } from './ResetDevice.tsx';
import { RecoverDevice } from './RecoverDevice.tsx';
import { StorageStatus } from './StorageStatus.tsx';
import { runtimeName } from './runtime.ts';
import { OnlineSettings } from '../online/index.ts';

export function SettingsScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { platform } = useServices();
  const switchLanguage = useSwitchLanguage();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void platform.appInfo().then(setInfo);
  }, [platform]);

  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading" tabIndex={-1}>
        {t('settings.heading')}
      </h1>
      <div className="field">
        <label htmlFor="settings-language">{t('language.label')}</label>
        <select
          id="settings-language"
          value={lang}
          onChange={(e) => switchLanguage(e.target.value === 'fr' ? 'fr' : 'en')}
        >
          <option value="en">{t('language.en')}</option>
          <option value="fr">{t('language.fr')}</option>
        </select>
      </div>
      <h2>{t('settings.device')}</h2>
      <DeviceCard session={session} />
      <h2>{t('online.heading')}</h2>
      <OnlineSettings />
      <h2>{t('settings.passphraseHeading')}</h2>
      <ChangePassphrase />
      <h2>{t('settings.app')}</h2>
      <dl className="details">
        <dt>{t('settings.appVersion')}</dt>
        <dd>{info?.version ?? ''}</dd>
        <dt>{t('settings.runtime')}</dt>
        <dd>{info ? runtimeName(info.runtime, t) : ''}</dd>
        <StorageStatus advise={session.identity.role !== 'hq'} />
      </dl>
      {session.identity.role === 'hq' ? <RecoverDevice /> : null}
      <ResetDevice session={session} />
    </section>
  );
}
