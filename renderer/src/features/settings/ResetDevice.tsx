// Resetting the app (or leaving the network) erases this device's database. Refused while
// own changes have not reached HQ, unless an export has carried every one of them: the
// refusal says how many wait and offers the export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { acknowledgedByHq, countEntriesHqLacks, lastOwnSeq } from '../../db/sync-state.ts';
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
  // Said in entries, as the status bar says it ("512 activities waiting"); a count of field
  // changes (1,537 for the same 512 approvals) read as another amount of work. When the
  // entries cannot be counted (a lead acknowledged what HQ has not: countEntriesHqLacks),
  // it is told in changes, as before.
  const entries = useLiveQuery(() => countEntriesHqLacks(db), [db]);
  const say = (key: string) =>
    entries !== undefined && entries !== null && entries > 0
      ? t(`${key}Entries`, { what: t('settings.entriesWhat', { count: entries }) })
      : t(key, { count: pending ?? 0 });
  // HQ is where changes go: nobody acknowledges its own (a review it made), so none can be
  // "not at HQ yet". Its question says instead what erasing HQ loses.
  const safe = session.identity.role === 'hq' || pending === 0 || allExported;

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
          <p>{say('settings.resetRefused')}</p>
          <button className="primary" onClick={() => navigate({ name: 'sync' })}>
            {t('settings.exportFirst')}
          </button>
        </div>
      ) : null}
      {!safe && pending !== undefined && pending > 0 && allExported === false && !refused ? (
        <p className="hint">{say('settings.resetWaiting')}</p>
      ) : null}
      <div className="actions">
        <button
          className="danger"
          onClick={() => (safe ? setAsking(true) : setRefused(true))}
          // Until both counts are read, so what it says does not change under the reader.
          disabled={pending === undefined || entries === undefined}
        >
          {t('settings.reset')}
        </button>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('settings.resetConfirmTitle')}
        body={
          // HQ holds the network's entries and keys: nothing "already at HQ" reassures there.
          session.identity.role === 'hq'
            ? t('settings.resetConfirmBodyHq')
            : pending === 0
              ? t('settings.resetConfirmBody')
              : say('settings.resetConfirmBodyExported')
        }
        confirmLabel={t('settings.resetConfirm')}
        cancelLabel={t('settings.cancel')}
        onConfirm={() => void reset()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
