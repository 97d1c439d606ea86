// The end of a path, shared by HQ's export step and the officer's device card: store the
// setup first (finishSetup), then save its file if the person asked. A file names keys that
// exist only once stored, so no file is ever saved for a setup a closed window lost.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { type SaveFileResult } from '../../platform/types.ts';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { problemOf, type Problem } from '../../ui/problem.ts';
import { finishSetup, type PreparedSetup } from './setup-service.ts';
import { BackButton, Working } from './Step.tsx';

export interface FinishActionsProps {
  prepared: PreparedSetup;
  /** Saves the path's file (profile or enrollment card) through the platform. */
  saveFile: () => Promise<SaveFileResult>;
  /** The file's name when the platform does not say where it went. */
  fileName: string;
  /** Whether the box is ticked at first: HQ needs its file, an officer's card is optional. */
  saveByDefault: boolean;
  /** i18n keys: the box, its help, "saved as {{name}}", "not saved", the start button. */
  keys: { save: string; saveHelp: string; saved: string; notSaved: string; start: string };
  onBack: () => void;
}

export function FinishActions(props: FinishActionsProps) {
  const { prepared, saveFile, fileName, saveByDefault, keys, onBack } = props;
  const { t } = useTranslation();
  const { db, vault } = useServices();
  const showToast = useUi((s) => s.showToast);
  const [withFile, setWithFile] = useState(saveByDefault);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await finishSetup({ db, vault }, prepared);
    } catch (error) {
      // Nothing stored: the same prepared keys are stored on retry.
      setProblem(problemOf(error));
      setBusy(false);
      return;
    }
    if (!withFile) return;
    // Stored and unlocked: the app now replaces the wizard, so the outcome is a toast.
    try {
      const result = await saveFile();
      if (result.saved) {
        showToast({ kind: 'ok', key: keys.saved, params: { name: result.location ?? fileName } });
      } else {
        showToast({ kind: 'info', key: keys.notSaved });
      }
    } catch {
      showToast({ kind: 'error', key: keys.notSaved });
    }
  };

  return (
    <>
      <div className="field">
        <label className="inline-label">
          <input
            type="checkbox"
            checked={withFile}
            disabled={busy}
            aria-describedby="finish-save-help"
            onChange={(e) => setWithFile(e.target.checked)}
          />
          {t(keys.save)}
        </label>
        <p className="help" id="finish-save-help">
          {t(keys.saveHelp)}
        </p>
      </div>
      <ProblemNotice problem={problem} />
      <Working busy={busy} />
      <div className="actions">
        <BackButton onBack={onBack} disabled={busy} />
        <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
          {t(keys.start)}
        </button>
      </div>
    </>
  );
}
