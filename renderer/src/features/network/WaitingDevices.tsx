// HQ's Network screen: the devices HQ has not approved whose bundles wait here (most often an
// officer a team lead approved locally). A laptop reported stolen can be revoked from its
// card, by the keys of those bundles, after a confirmation that says what it means; the
// devices revoked that way stay listed as revoked, from the profile.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { type NetworkProfile } from '../../../../shared/identity/index.ts';
import { type PendingDevice } from '../../db/exchange/api.ts';
import { listPendingDevices } from '../../db/exchange/queries.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ModalQuestion } from '../../kernel/ModalQuestion.tsx';
import { useServices } from '../../kernel/services.tsx';
import { useFingerprintCodes } from '../../ui/useFingerprintCodes.ts';
import { formatIssued } from '../../ui/HqCode.tsx';
import { DeviceCard, Holder } from '../../ui/DeviceCard.tsx';
import { officerName, postName } from '../sync/index.ts';
import './waiting-devices.css';

interface Props {
  profile: NetworkProfile;
  busy: boolean;
  onRevoke: (deviceId: string) => Promise<unknown>;
}

export function WaitingDevices({ profile, busy, onRevoke }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const waiting = useLiveQuery(() => listPendingDevices(db), [db]) ?? [];
  const revoked = profile.revokedKeys ?? [];
  const keys = useMemo(
    () => (profile.revokedKeys ?? []).map((r) => r.signingKey),
    [profile.revokedKeys],
  );
  const revokedCodes = useFingerprintCodes(keys);
  const [asking, setAsking] = useState<PendingDevice | null>(null);
  const nameOf = (d: PendingDevice) => officerName(d.sender.officerId, profile);
  const officer = asking ? nameOf(asking) : '';
  return (
    <section aria-labelledby="waiting-heading" data-testid="network-waiting">
      <h2 id="waiting-heading">{t('network.waiting.heading')}</h2>
      <p className="hint">{t('network.waiting.intro')}</p>
      {waiting.length === 0 && revoked.length === 0 ? (
        <p className="hint">{t('network.waiting.none')}</p>
      ) : null}
      <ul className="waiting-list">
        {waiting.map((d) => (
          <li key={d.sender.deviceId} data-testid="network-waiting-device">
            <DeviceCard
              facts={[
                [
                  t('network.waiting.officer'),
                  <Holder name={nameOf(d)} officerId={d.sender.officerId} />,
                ],
                [t('network.waiting.post'), postName(d.sender.postCode, profile, lang)],
                [t('network.device.code'), <code>{d.sender.fingerprint}</code>],
                [t('network.waiting.bundles'), d.bundles],
              ]}
            />
            <div className="actions">
              <button
                type="button"
                disabled={busy}
                aria-label={t('network.device.revokeLabel', { name: nameOf(d) })}
                onClick={() => setAsking(d)}
              >
                {t('network.device.revoke')}
              </button>
            </div>
          </li>
        ))}
        {revoked.map((r, i) => (
          <li key={r.deviceId} data-testid="network-revoked-device">
            <DeviceCard
              facts={[
                [t('network.waiting.deviceId'), <code>{r.deviceId}</code>],
                [t('network.device.code'), <code>{revokedCodes[i]}</code>],
              ]}
            />
            <p>
              <strong>
                {t('network.device.revokedOn', { date: formatIssued(r.revokedAt, lang) })}
              </strong>
            </p>
          </li>
        ))}
      </ul>
      <ModalQuestion
        open={asking !== null}
        title={t('network.waiting.confirmTitle', { officer })}
        confirmLabel={t('network.device.confirmRevokeButton', { version: profile.version + 1 })}
        cancelLabel={t('network.device.cancel')}
        tone="danger"
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const target = asking;
          setAsking(null);
          if (target) void onRevoke(target.sender.deviceId);
        }}
      >
        <p>{t('network.waiting.confirmBody')}</p>
        <p className="sync-code-large">
          <code>{asking?.sender.fingerprint}</code>
        </p>
      </ModalQuestion>
    </section>
  );
}
