// "Import all from folder": every bundle, profile and device card directly in the folder
// chosen once, imported as one run. The first use asks for the folder.
import { useTranslation } from 'react-i18next';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { type ExchangeClient } from '../../db/exchange/api.ts';
import { failureLine } from './export-result.ts';
import { IMPORT_EXTENSIONS } from './file-kinds.ts';
import { startImportWhenIdle } from './import-store.ts';
import { useFolder } from './useFolder.ts';

export function FolderImport({ client, disabled }: { client: ExchangeClient; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const showToast = useUi((s) => s.showToast);
  const { supported, folder, choose } = useFolder('import');
  if (!supported) return null;

  const fail = (error: unknown) => {
    const line = failureLine(error, (k) => i18n.exists(k));
    showToast({ kind: 'error', key: line.key, params: line.values });
  };
  const importAll = async () => {
    try {
      const target = folder ?? (await choose());
      if (!target) return;
      // A file that could not be read comes back as its own result; the report shows it.
      const files = await platform.readFolder(target.id, { extensions: [...IMPORT_EXTENSIONS] });
      if (files.length === 0) {
        showToast({ kind: 'info', key: 'sync.import.emptyFolder' });
        return;
      }
      await startImportWhenIdle(client, files);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <>
      <button disabled={disabled} onClick={() => void importAll()}>
        {t('sync.import.fromFolder')}
      </button>
      {folder ? (
        <button disabled={disabled} onClick={() => void choose().catch(fail)}>
          {t('sync.import.chooseFolder')}
        </button>
      ) : null}
      {folder ? (
        <span className="hint sync-folder">{t('sync.import.folder', { label: folder.label })}</span>
      ) : null}
    </>
  );
}
