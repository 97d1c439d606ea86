// Devices HQ or a lead has not approved yet, whose bundles wait: the device code to compare
// by phone, who it claims to be, how many bundles wait, and Approve / Reject behind a
// confirmation that asks for that phone call.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { useLang } from '../../i18n/useLang.ts';
import { type PendingDevice } from '../../db/exchange/api.ts';
import { officerName, postName } from './report-lines.ts';
import { ModalQuestion } from '../../kernel/ModalQuestion.tsx';
import { DeviceCard, Holder } from '../../ui/DeviceCard.tsx';

interface Props {
  devices: readonly PendingDevice[];
  profile: NetworkProfile | undefined;
  formatWhen: (iso: string) => string;
  onApprove: (deviceId: string) => void;
  onReject: (deviceId: string) => void;
  busy: boolean;
  /** A device whose approval the person asked for elsewhere (an import report): ask now. */
  requested?: string | null;
  onRequestSeen?: () => void;
}

type Asking = { action: 'approve' | 'reject'; device: PendingDevice } | null;

export function PendingDevices({
  devices,
  profile,
  formatWhen,
  onApprove,
  onReject,
  busy,
  requested,
  onRequestSeen,
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [asking, setAsking] = useState<Asking>(null);
  useEffect(() => {
    if (!requested) return;
    const device = devices.find((d) => d.sender.deviceId === requested);
    if (device) setAsking({ action: 'approve', device });
    onRequestSeen?.();
  }, [requested, devices, onRequestSeen]);
  const nameOf = (d: PendingDevice) => officerName(d.sender.officerId, profile);
  const officer = asking ? nameOf(asking.device) : '';
  return (
    <section
      className="sync-card"
      aria-labelledby="sync-pending-heading"
      data-testid="sync-pending"
    >
      <h2 id="sync-pending-heading">{t('sync.pending.heading')}</h2>
      {devices.length === 0 ? (
        <p className="hint">{t('sync.pending.none')}</p>
      ) : (
        <>
          <p className="hint">{t('sync.pending.hint')}</p>
          <ul className="sync-pending-list">
            {devices.map((d) => (
              <li key={d.sender.deviceId} data-testid="sync-pending-device">
                <DeviceCard
                  className="sync-sender"
                  facts={[
                    [
                      t('sync.pending.code'),
                      <code className="sync-code">{d.sender.fingerprint}</code>,
                    ],
                    [
                      t('sync.pending.officer'),
                      <Holder name={nameOf(d)} officerId={d.sender.officerId} />,
                    ],
                    [t('sync.pending.post'), postName(d.sender.postCode, profile, lang)],
                    [t('sync.pending.bundles'), d.bundles],
                    [t('sync.pending.firstSeen'), formatWhen(d.firstSeenAt)],
                  ]}
                />
                <div
                  className="actions sync-row-actions"
                  role="group"
                  aria-label={t('sync.pending.actionsFor', { officer: nameOf(d) })}
                >
                  <button
                    className="primary"
                    disabled={busy}
                    onClick={() => setAsking({ action: 'approve', device: d })}
                  >
                    {t('sync.pending.approve')}
                  </button>
                  <button
                    disabled={busy}
                    onClick={() => setAsking({ action: 'reject', device: d })}
                  >
                    {t('sync.pending.reject')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <ModalQuestion
        open={asking?.action === 'approve'}
        title={t('sync.pending.confirmTitle', { officer })}
        confirmLabel={t('sync.pending.confirmApprove')}
        cancelLabel={t('sync.pending.cancel')}
        tone="primary"
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking) onApprove(asking.device.sender.deviceId);
          setAsking(null);
        }}
      >
        <p>{t('sync.pending.confirmBody', { officer })}</p>
        <p className="sync-code-large">
          <code>{asking?.device.sender.fingerprint}</code>
        </p>
      </ModalQuestion>
      <ModalQuestion
        open={asking?.action === 'reject'}
        title={t('sync.pending.rejectTitle', { officer })}
        confirmLabel={t('sync.pending.confirmReject')}
        cancelLabel={t('sync.pending.cancel')}
        tone="danger"
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking) onReject(asking.device.sender.deviceId);
          setAsking(null);
        }}
      >
        <p>{t('sync.pending.rejectBody')}</p>
      </ModalQuestion>
    </section>
  );
}
