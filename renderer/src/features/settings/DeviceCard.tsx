// The device card: who this device is in its network and its device code, the short code
// HQ or a team lead compares by phone before approving it; the other fingerprints are
// technical details nobody reads aloud.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { fingerprintCode } from '../../../../shared/identity/fingerprint-code.ts';
import { getDevicePublicKeys, getNetworkProfile } from '../../db/identity.ts';
import { useServices } from '../../kernel/services.tsx';
import { type Session } from '../../kernel/session.ts';
import { useLang } from '../../i18n/useLang.ts';
import './settings.css';

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
      {/* The one code read over the phone: "device code" here, in Sync and on the set-up card. */}
      <dt>{t('deviceCard.deviceCode')}</dt>
      <dd>
        <code data-testid="own-signing-code">{card?.signing ?? ''}</code>
        <span className="hint device-code-hint">
          {t(`deviceCard.deviceCodeHint_${identity.role}`)}
        </span>
      </dd>
      {identity.role !== 'hq' ? (
        <>
          <dt>{t('deviceCard.hqCode')}</dt>
          <dd>
            <code>{card?.hq ?? ''}</code>
          </dd>
        </>
      ) : null}
      <dt>{t('deviceCard.technical')}</dt>
      <dd>
        <dl className="details device-technical">
          <dt>{t('deviceCard.deviceId')}</dt>
          <dd>
            <code>{identity.deviceId}</code>
          </dd>
          <dt>{t('deviceCard.encryptionCode')}</dt>
          <dd>
            <code>{card?.encryption ?? ''}</code>
          </dd>
        </dl>
      </dd>
    </dl>
  );
}
