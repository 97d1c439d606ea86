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
import { DeviceCard as Card } from '../../ui/DeviceCard.tsx';

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
    <Card
      testId="device-card"
      facts={[
        [t('settings.role'), t(`settings.role_${identity.role}`)],
        [t('settings.name'), identity.name],
        // HQ's people are not officers: the same id, named for what it is.
        [t(identity.role === 'hq' ? 'settings.userId' : 'settings.officerId'), identity.officerId],
        posts.length > 0 && [
          t('settings.posts', { count: posts.length }),
          posts.map(postLabel).join(', '),
        ],
        [
          t('settings.network'),
          <>
            {card
              ? t('settings.networkValue', { name: card.network[lang], version: card.version })
              : ''}
            {identity.demo ? ` · ${t('app.demo')}` : ''}
          </>,
        ],
        // The one code read over the phone: "device code" here, in Sync and on the set-up card.
        [
          t('deviceCard.deviceCode'),
          <>
            <code data-testid="own-signing-code">{card?.signing ?? ''}</code>
            <span className="hint device-code-hint">
              {t(`deviceCard.deviceCodeHint_${identity.role}`)}
            </span>
          </>,
        ],
        identity.role !== 'hq' && [t('deviceCard.hqCode'), <code>{card?.hq ?? ''}</code>],
        [
          t('deviceCard.technical'),
          <Card
            className="device-technical"
            facts={[
              [t('deviceCard.deviceId'), <code>{identity.deviceId}</code>],
              [t('deviceCard.encryptionCode'), <code>{card?.encryption ?? ''}</code>],
            ]}
          />,
        ],
      ]}
    />
  );
}
