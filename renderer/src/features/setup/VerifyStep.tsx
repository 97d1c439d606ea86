// Officer or lead, step 2: HQ reads its code by phone and the person types it. The code is
// the start of the fingerprint of HQ's signing key, so a forged file has another code. The
// code is not shown here: a checkbox next to it ("HQ read me the same code") was ticked
// without any call, so the step now asks for what only the call can give.
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { sameFingerprintCode } from '../../../../shared/identity/fingerprint-code.ts';
import { useLang } from '../../i18n/useLang.ts';
import { type ImportedProfile } from '../../kernel/profile-files.ts';
import { CodeInput } from '../../ui/CodeInput.tsx';
import { Step, StepActions, type StepPosition } from './Step.tsx';
import { formatIssued } from '../../ui/HqCode.tsx';

/** The typed code must be the code of HQ's key in the file (spaces, dashes and case aside). */
export function verifySchema(hqCode: string) {
  return z.object({
    typed: z
      .string()
      .trim()
      .min(1, 'wizard.verify.codeRequired')
      .refine((typed) => sameFingerprintCode(typed, hqCode), 'wizard.verify.codeMismatch'),
  });
}
type VerifyForm = z.infer<ReturnType<typeof verifySchema>>;

export function VerifyStep({
  imported,
  position,
  onBack,
  onConfirmed,
}: {
  imported: ImportedProfile;
  position: StepPosition;
  onBack: () => void;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { profile } = imported.signed;
  const schema = useMemo(() => verifySchema(imported.hqCode), [imported.hqCode]);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<VerifyForm>({
    resolver: zodResolver(schema),
    defaultValues: { typed: '' },
  });
  const error = errors.typed?.message;

  return (
    <Step heading={t('wizard.verify.heading')} position={position}>
      <p>{t('wizard.verify.intro')}</p>
      {profile.demo ? <p className="notice warn">{t('wizard.verify.demoProfile')}</p> : null}
      <dl className="details">
        <dt>{t('wizard.verify.network')}</dt>
        <dd>{profile.networkName[lang]}</dd>
        <dt>{t('wizard.verify.version')}</dt>
        <dd>{profile.version}</dd>
        <dt>{t('wizard.verify.issued')}</dt>
        <dd>{formatIssued(profile.issuedAt, lang)}</dd>
      </dl>
      <form onSubmit={(e) => void handleSubmit(() => onConfirmed())(e)} noValidate>
        <CodeInput
          id="verify-code"
          label={t('wizard.verify.typeCode')}
          hint={t('wizard.verify.typeCodeHint')}
          error={error ? t(error) : undefined}
          field={register('typed')}
        />
        <StepActions onBack={onBack} />
      </form>
    </Step>
  );
}
