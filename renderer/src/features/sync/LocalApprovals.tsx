// At a team lead: the officer devices it approved itself (HQ does not list them), each with
// "Withdraw approval…" behind a confirmation, for a laptop reported lost before HQ hears of it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { ModalQuestion } from '../../kernel/ModalQuestion.tsx';
import { DeviceCard, Holder } from '../../ui/DeviceCard.tsx';
import { type LocalApprovalRow } from '../../db/exchange/schema.ts';
import { useLang } from '../../i18n/useLang.ts';
import { officerName, postName } from './report-lines.ts';

interface Props {
  approvals: readonly LocalApprovalRow[];
  profile: NetworkProfile | undefined;
  formatWhen: (iso: string) => string;
  onWithdraw: (deviceId: string) => void;
  busy: boolean;
}

export function LocalApprovals({ approvals, profile, formatWhen, onWithdraw, busy }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [asking, setAsking] = useState<LocalApprovalRow | null>(null);
  // The name stored at approval (from the profile), else whatever the profile says now.
  const nameOf = (a: LocalApprovalRow) =>
    a.name && a.name !== a.officerId ? a.name : officerName(a.officerId, profile);
  const officer = asking ? nameOf(asking) : '';
  return (
    <section
      className="sync-card"
      aria-labelledby="sync-approvals-heading"
      data-testid="sync-approvals"
    >
      <h2 id="sync-approvals-heading">{t('sync.approvals.heading')}</h2>
      {approvals.length === 0 ? (
        <p className="hint">{t('sync.approvals.none')}</p>
      ) : (
        <>
          <p className="hint">{t('sync.approvals.hint')}</p>
          <ul className="sync-pending-list">
            {approvals.map((a) => (
              <li key={a.deviceId} data-testid="sync-approved-device">
                <DeviceCard
                  className="sync-sender"
                  facts={[
                    [
                      t('sync.pending.officer'),
                      <Holder name={nameOf(a)} officerId={a.officerId} />,
                    ],
                    [t('sync.pending.post'), postName(a.postCode, profile, lang)],
                    [t('sync.approvals.approvedAt'), formatWhen(a.approvedAt)],
                  ]}
                />
                <div className="actions sync-row-actions">
                  <button
                    disabled={busy}
                    aria-label={t('sync.approvals.withdrawLabel', { officer: nameOf(a) })}
                    onClick={() => setAsking(a)}
                  >
                    {t('sync.approvals.withdraw')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <ModalQuestion
        open={asking !== null}
        title={t('sync.approvals.confirmTitle', { officer })}
        confirmLabel={t('sync.approvals.confirmWithdraw')}
        cancelLabel={t('sync.pending.cancel')}
        tone="danger"
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking) onWithdraw(asking.deviceId);
          setAsking(null);
        }}
      >
        <p>{t('sync.approvals.confirmBody')}</p>
      </ModalQuestion>
    </section>
  );
}
