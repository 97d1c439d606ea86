// Resetting the app (or leaving the network) erases this device's database. Refused while
// own changes have not reached HQ, unless an export has carried every one of them: the
// refusal says how many wait and offers the export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { acknowledgedByHq, lastOwnSeq } from '../../db/sync-state.ts';
import { eraseDatabase } from '../../db/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { type Session } from '../../kernel/session.ts';
import { useUi } from '../../kernel/store.ts';
import { errorMessageKey } from '../../kernel/errors.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useLastExportedSeq } from './useLastExportedSeq.ts';

export function ResetDevice({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { db, vault } = useServices();
  const navigate = useUi((s) => s.navigate);
  const showToast = useUi((s) => s.showToast);
  const [asking, setAsking] = useState(false);
  const [refused, setRefused] = useState(false);
  const lastSeq = useLiveQuery(() => lastOwnSeq(db), [db]);
  const hqSeq = useLiveQuery(() => acknowledgedByHq(db), [db]);
  const exportedSeq = useLastExportedSeq();
  // What HQ itself has confirmed counts; a lead's receipt does not make a reset safe.
  const pending =
    lastSeq === undefined || hqSeq === undefined ? undefined : Math.max(0, lastSeq - hqSeq);
  const allExported = lastSeq !== undefined && exportedSeq >= lastSeq;
  const safe = pending === 0 || allExported;

  const reset = async () => {
    setAsking(false);
    try {
      vault.lock();
      await eraseDatabase(db);
      location.reload();
    } catch (error) {
      showToast({ kind: 'error', key: errorMessageKey(error) });
    }
  };

  return (
    <section aria-labelledby="reset-heading">
      <h2 id="reset-heading">{t('settings.resetHeading')}</h2>
      <p>{t(session.identity.role === 'hq' ? 'settings.resetIntroHq' : 'settings.resetIntro')}</p>
      {refused && !safe ? (
        <div className="notice error" role="alert">
          <p>{t('settings.resetRefused', { count: pending ?? 0 })}</p>
          <button className="primary" onClick={() => navigate({ name: 'sync' })}>
            {t('settings.exportFirst')}
          </button>
        </div>
      ) : null}
      {!safe && pending !== undefined && pending > 0 && allExported === false && !refused ? (
        <p className="hint">{t('settings.resetWaiting', { count: pending })}</p>
      ) : null}
      <div className="actions">
        <button
          className="danger"
          onClick={() => (safe ? setAsking(true) : setRefused(true))}
          disabled={pending === undefined}
        >
          {t('settings.reset')}
        </button>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('settings.resetConfirmTitle')}
        body={t(pending === 0 ? 'settings.resetConfirmBody' : 'settings.resetConfirmBodyExported', {
          count: pending ?? 0,
        })}
        confirmLabel={t('settings.resetConfirm')}
        cancelLabel={t('settings.cancel')}
        onConfirm={() => void reset()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
