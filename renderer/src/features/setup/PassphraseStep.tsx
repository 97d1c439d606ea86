// The passphrase, typed twice. It wraps the data key that protects sensitive fields (and,
// at HQ, guards the network's signing key). Submitting makes the keys and the vault, which
// takes a moment on purpose (PBKDF2); nothing is stored until the last step.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { problemOf, type Problem } from '../../ui/problem.ts';
import { BackButton, Step, Working, type StepPosition } from './Step.tsx';

/** Shortest passphrase the wizard accepts: long enough that guessing is slow even offline. */
export const MIN_PASSPHRASE_LENGTH = 8;

// Messages are i18n keys, translated where they are shown (with `min`).
const passphraseSchema = z
  .object({
    passphrase: z.string().min(MIN_PASSPHRASE_LENGTH, 'wizard.passphrase.tooShort'),
    confirm: z.string(),
  })
  .refine((v) => v.passphrase === v.confirm, {
    path: ['confirm'],
    message: 'wizard.passphrase.mismatch',
  });
type PassphraseForm = z.infer<typeof passphraseSchema>;

export function PassphraseStep({
  forHq,
  idleMinutes,
  position,
  onBack,
  onSubmit,
}: {
  forHq: boolean;
  idleMinutes: number;
  position: StepPosition;
  onBack: () => void;
  /** Makes keys and vault; throws to show a problem (the form stays as typed). */
  onSubmit: (passphrase: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<PassphraseForm>({
    resolver: zodResolver(passphraseSchema),
    defaultValues: { passphrase: '', confirm: '' },
  });

  const submit = handleSubmit(async ({ passphrase }) => {
    setProblem(null);
    try {
      await onSubmit(passphrase);
    } catch (error) {
      setProblem(problemOf(error));
    }
  });
  const message = (name: keyof PassphraseForm) => {
    const key = errors[name]?.message;
    return key ? t(key, { min: MIN_PASSPHRASE_LENGTH }) : undefined;
  };

  return (
    <Step heading={t('wizard.passphrase.heading')} position={position}>
      <p>
        {forHq
          ? t('wizard.passphrase.introHq')
          : t('wizard.passphrase.intro', { minutes: idleMinutes })}
      </p>
      <ProblemNotice problem={problem} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="passphrase"
          label={t('wizard.passphrase.passphrase')}
          help={t('wizard.passphrase.help', { min: MIN_PASSPHRASE_LENGTH })}
          error={message('passphrase')}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              {...register('passphrase')}
            />
          )}
        </Field>
        <Field id="confirm" label={t('wizard.passphrase.confirm')} error={message('confirm')}>
          {(aria) => (
            <input {...aria} type="password" autoComplete="new-password" {...register('confirm')} />
          )}
        </Field>
        {forHq ? null : <p className="hint">{t('wizard.passphrase.recovery')}</p>}
        <Working busy={isSubmitting} />
        <div className="actions">
          <BackButton onBack={onBack} disabled={isSubmitting} />
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('wizard.passphrase.submit')}
          </button>
        </div>
      </form>
    </Step>
  );
}
