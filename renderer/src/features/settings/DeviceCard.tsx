// The device card: who this device is in its network and its key fingerprints, read as short
// codes so HQ and the person holding the laptop can compare them by phone.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { fingerprintCode } from '../../../../shared/identity/fingerprint-code.ts';
import { getDevicePublicKeys, getNetworkProfile } from '../../db/identity.ts';
import { useServices } from '../../kernel/services.tsx';
import { type Session } from '../../kernel/session.ts';
import { useLang } from '../../i18n/useLang.ts';

export function DeviceCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const { identity } = session;
  // Not keyed on the language: switching it must not hash the keys again.
  const card = useLiveQuery(async () => {
    const keys = await getDevicePublicKeys(db);
    const profile = await getNetworkProfile(db);
    if (!keys || !profile) return null;
    return {
      network: profile.networkName,
      version: profile.version,
      signing: await fingerprintCode(keys.signing),
      encryption: await fingerprintCode(keys.encryption),
      hq: await fingerprintCode(profile.hq.signingKey),
    };
  }, [db]);
  const postLabel = (code: string) => {
    const post = session.postOf(code);
    return post ? `${post.city[lang]} (${code})` : code;
  };
  const posts = identity.posts ?? (identity.postCode ? [identity.postCode] : []);

  return (
    <dl className="details" data-testid="device-card">
      <dt>{t('settings.role')}</dt>
      <dd>{t(`settings.role_${identity.role}`)}</dd>
      <dt>{t('settings.name')}</dt>
      <dd>{identity.name}</dd>
      <dt>{t('settings.officerId')}</dt>
      <dd>{identity.officerId}</dd>
      {posts.length > 0 ? (
        <>
          <dt>{t('settings.posts', { count: posts.length })}</dt>
          <dd>{posts.map(postLabel).join(', ')}</dd>
        </>
      ) : null}
      <dt>{t('settings.network')}</dt>
      <dd>
        {card
          ? t('settings.networkValue', { name: card.network[lang], version: card.version })
          : ''}
        {identity.demo ? ` · ${t('app.demo')}` : ''}
      </dd>
      <dt>{t('settings.deviceId')}</dt>
      <dd>
        <code>{identity.deviceId}</code>
      </dd>
      <dt>{t('settings.signingKey')}</dt>
      <dd>
        <code data-testid="own-signing-code">{card?.signing ?? ''}</code>
      </dd>
      <dt>{t('settings.encryptionKey')}</dt>
      <dd>
        <code>{card?.encryption ?? ''}</code>
      </dd>
      <dt>{t('settings.hqKey')}</dt>
      <dd>
        <code>{card?.hq ?? ''}</code>
      </dd>
    </dl>
  );
}
