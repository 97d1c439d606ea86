// The relay's part of the status strip: not set up, syncing (and how far: bundles sent,
// received, imported), synced when, or the last failure in plain words; files set aside are
// named. Runs the window's online sync.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getOnlineStatus, readOnline } from '../../db/online/state.ts';
import { useServices } from '../../kernel/services.tsx';
import { useFormatWhen, useRelayActivity } from '../sync/index.ts';
import { useOnlineSync } from './online-sync.ts';

export function OnlineStatus({ post }: { post: string | undefined }) {
  const { t } = useTranslation();
  const { db } = useServices();
  useOnlineSync();
  const activity = useRelayActivity();
  const syncing = activity !== null;
  const progress = activity?.progress ?? null;
  const formatWhen = useFormatWhen(post);
  const config = useLiveQuery(() => readOnline(db, 'online.config'), [db]);
  const status = useLiveQuery(() => getOnlineStatus(db), [db]);
  if (config === undefined || !status) {
    return (
      <span data-testid="relay-status" data-state="off">
        {t('online.state.off')}
      </span>
    );
  }
  const state = syncing
    ? 'syncing'
    : (status.lastFailure ?? (status.lastSuccessAt ? 'synced' : 'never'));
  const text = syncing
    ? progress && progress.total > 0
      ? t(`online.progress.${progress.step}`, {
          done: Math.min(progress.done + 1, progress.total),
          total: progress.total,
        })
      : t('online.state.syncing')
    : status.lastFailure
      ? t(`online.failure.${status.lastFailure}`)
      : status.lastSuccessAt
        ? t('online.state.synced', { when: formatWhen(status.lastSuccessAt) })
        : t('online.state.never');
  return (
    <span
      data-testid="relay-status"
      data-state={state}
      title={
        status.setAside.length > 0
          ? t('online.setAside', { names: status.setAside.join(', ') })
          : undefined
      }
    >
      {text}
    </span>
  );
}
