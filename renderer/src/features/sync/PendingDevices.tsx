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
                <dl className="details sync-sender">
                  <dt>{t('sync.pending.code')}</dt>
                  <dd>
                    <code className="sync-code">{d.sender.fingerprint}</code>
                  </dd>
                  <dt>{t('sync.pending.officer')}</dt>
                  <dd>
                    {nameOf(d)} <span className="hint">({d.sender.officerId})</span>
                  </dd>
                  <dt>{t('sync.pending.post')}</dt>
                  <dd>{postName(d.sender.postCode, profile, lang)}</dd>
                  <dt>{t('sync.pending.bundles')}</dt>
                  <dd>{d.bundles}</dd>
                  <dt>{t('sync.pending.firstSeen')}</dt>
                  <dd>{formatWhen(d.firstSeenAt)}</dd>
                </dl>
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
