// "Export to folder": writes the bundle into the folder chosen once (a USB stick, a synced
// share). The first use asks for the folder; "Change folder…" picks another.
import { useTranslation } from 'react-i18next';
import { useUi } from '../../kernel/store.ts';
import { useFolder } from './useFolder.ts';
import { failureLine } from './export-result.ts';

interface Props {
  disabled: boolean;
  onExport: (folderId: string) => void;
}

export function ExportFolder({ disabled, onExport }: Props) {
  const { t, i18n } = useTranslation();
  const showToast = useUi((s) => s.showToast);
  const { supported, folder, choose } = useFolder('export');
  if (!supported) return null;

  const pick = async () => {
    try {
      return await choose();
    } catch (error) {
      const line = failureLine(error, (k) => i18n.exists(k));
      showToast({ kind: 'error', key: line.key, params: line.values });
      return null;
    }
  };
  const exportThere = async () => {
    const target = folder ?? (await pick());
    if (target) onExport(target.id);
  };
  return (
    <>
      <button disabled={disabled} onClick={() => void exportThere()}>
        {t('sync.export.toFolder')}
      </button>
      {folder ? (
        <button disabled={disabled} onClick={() => void pick()}>
          {t('sync.export.changeFolder')}
        </button>
      ) : null}
      <span className="hint sync-folder" data-testid="sync-export-folder">
        {folder ? t('sync.export.folder', { label: folder.label }) : t('sync.export.noFolder')}
      </span>
    </>
  );
}
