// Officer or lead, step 1: open the network profile file HQ sent. It is checked at once
// (a profile at all, HQ's signature, consistency); a refused file stores nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../kernel/services.tsx';
import { requireReadable } from '../../platform/errors.ts';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { problemOf, type Problem } from '../../ui/problem.ts';
import {
  PROFILE_EXTENSION,
  readProfileFile,
  type ImportedProfile,
} from '../../kernel/profile-files.ts';
import { BackButton, Step, type StepPosition } from './Step.tsx';

export function ImportStep({
  position,
  onBack,
  onImported,
}: {
  position: StepPosition;
  onBack: () => void;
  onImported: (imported: ImportedProfile) => void;
}) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const choose = async () => {
    setProblem(null);
    try {
      const [file] = requireReadable(
        await platform.openFiles({
          multiple: false,
          filters: [{ name: t('wizard.import.fileFilter'), extensions: [PROFILE_EXTENSION] }],
        }),
      );
      if (!file) return; // cancelled
      setBusy(true);
      const imported = await readProfileFile(file.data);
      setBusy(false);
      onImported(imported);
    } catch (error) {
      setBusy(false);
      setProblem(problemOf(error));
    }
  };

  return (
    <Step heading={t('wizard.import.heading')} position={position}>
      <p>{t('wizard.import.intro')}</p>
      <ProblemNotice problem={problem} />
      <p role="status" className="hint">
        {busy ? t('wizard.import.reading') : ''}
      </p>
      <div className="actions">
        <BackButton onBack={onBack} />
        <button type="button" className="primary" disabled={busy} onClick={() => void choose()}>
          {t('wizard.import.choose')}
        </button>
      </div>
    </Step>
  );
}
