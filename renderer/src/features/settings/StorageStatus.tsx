// Settings: whether the browser may clear the app's data on its own (persistent storage), in
// words a person can act on. Start-up asks for it (main.tsx); this only reads the answer.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../kernel/services.tsx';
import { persistentStorageState, type StorageState } from '../../platform/persistent-storage.ts';

export function StorageStatus() {
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
          </>
        )}
      </dd>
    </>
  );
}
