// Settings: language, who this device logs for, and what build is running.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPost } from '../../../../shared/domain/posts.ts';
import { type Session } from '../../app/session.ts';
import { useSwitchLanguage } from '../../app/language.ts';
import { useServices } from '../../app/services.tsx';
import { type AppInfo } from '../../platform/types.ts';
import { useLang } from '../../i18n/useLang.ts';

export function SettingsScreen({ session }: { session: Session }) {
  const { profile } = session;
  const { t } = useTranslation();
  const lang = useLang();
  const { platform, deviceId } = useServices();
  const switchLanguage = useSwitchLanguage();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void platform.appInfo().then(setInfo);
  }, [platform]);
  const post = getPost(profile.postCode);

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
      <h2>{t('settings.profile')}</h2>
      <dl className="details">
        <dt>{t('setup.name')}</dt>
        <dd>{profile.name}</dd>
        <dt>{t('setup.officerId')}</dt>
        <dd>{profile.officerId}</dd>
        <dt>{t('setup.post')}</dt>
        <dd>{post ? `${post.city[lang]} (${post.name[lang]})` : profile.postCode}</dd>
      </dl>
      <h2>{t('settings.device')}</h2>
      <dl className="details">
        <dt>{t('settings.deviceId')}</dt>
        <dd>
          <code>{deviceId}</code>
        </dd>
        <dt>{t('settings.appVersion')}</dt>
        <dd>{info?.version ?? ''}</dd>
        <dt>{t('settings.runtime')}</dt>
        <dd>{info?.runtime ?? ''}</dd>
      </dl>
    </section>
  );
}
