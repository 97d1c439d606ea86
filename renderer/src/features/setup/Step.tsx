// The frame of one wizard step: its heading (focused when the step opens, by SetupWizard),
// where the person is in the path, and a Back button.
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface StepPosition {
  readonly step: number;
  readonly count: number;
}

export function Step({
  heading,
  position,
  children,
}: {
  heading: string;
  position?: StepPosition | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="centered wizard" aria-labelledby="wizard-heading">
      {position ? <p className="wizard-progress">{t('wizard.stepOf', { ...position })}</p> : null}
      <h1 id="wizard-heading" tabIndex={-1}>
        {heading}
      </h1>
      {children}
    </section>
  );
}

export function BackButton({ onBack, disabled }: { onBack: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={onBack} disabled={disabled}>
      {t('wizard.back')}
    </button>
  );
}

/**
 * Back, then Next: Next submits the step's form, or with `onNext` (a step without a form)
 * calls it.
 */
export function StepActions({ onBack, onNext }: { onBack: () => void; onNext?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <BackButton onBack={onBack} />
      {onNext ? (
        <button type="button" className="primary" onClick={onNext}>
          {t('wizard.next')}
        </button>
      ) : (
        <button type="submit" className="primary">
          {t('wizard.next')}
        </button>
      )}
    </div>
  );
}

/** Shown while keys and the vault are made (PBKDF2 takes a moment on purpose). */
export function Working({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="hint">
      {busy ? t('wizard.working') : ''}
    </p>
  );
}
