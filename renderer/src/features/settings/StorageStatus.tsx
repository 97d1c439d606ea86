// Settings: whether the browser may clear the app's data on its own (persistent storage), in
// words a person can act on. Start-up asks for it (main.tsx); this only reads the answer.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../kernel/services.tsx';
import { persistentStorageState, type StorageState } from '../../platform/persistent-storage.ts';

/** `advise`: whether to say "export often, so HQ holds a copy" (not to HQ itself). */
export function StorageStatus({ advise }: { advise: boolean }) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const [state, setState] = useState<StorageState | null>(null);
  useEffect(() => {
    let live = true;
    void persistentStorageState(platform.storage).then((s) => {
      if (live) setState(s);
    });
    return () => {
      live = false;
    };
  }, [platform]);

  return (
    <>
      <dt>{t('settings.storage')}</dt>
      <dd data-testid="storage-state" data-state={state ?? 'checking'}>
        {state === null ? (
          t('settings.storageChecking')
        ) : (
          <>
            <strong>{t(`settings.storageState_${state}`)}</strong>{' '}
            {t(`settings.storageMeaning_${state}`)}
            {advise && state !== 'persistent' ? ` ${t('settings.storageAdvice')}` : null}
          </>
        )}
      </dd>
    </>
  );
}
