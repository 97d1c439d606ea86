// Officer or lead, step 2: compare HQ's code by phone before trusting the profile. The code
// is the start of the fingerprint of HQ's signing key, so a forged file shows another code.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { type ImportedProfile } from './setup-files.ts';
import { Step, StepActions, type StepPosition } from './Step.tsx';

const confirmSchema = z.object({
  confirmed: z.boolean().refine((checked) => checked, 'wizard.verify.confirmRequired'),
});
type ConfirmForm = z.infer<typeof confirmSchema>;

export function formatIssued(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' }).format(
    new Date(iso),
  );
}

export function HqCode({ code, id }: { code: string; id?: string }) {
  return (
    <code className="fingerprint" id={id} data-testid="hq-code">
      {code}
    </code>
  );
}

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
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ConfirmForm>({
    resolver: zodResolver(confirmSchema),
    defaultValues: { confirmed: false },
  });
  const error = errors.confirmed?.message;

  return (
    <Step heading={t('wizard.verify.heading')} position={position}>
      <p>{t('wizard.verify.intro')}</p>
      {profile.demo ? <p className="notice warn">{t('wizard.verify.demoProfile')}</p> : null}
      <dl className="details">
        <dt>{t('wizard.verify.code')}</dt>
        <dd>
          <HqCode code={imported.hqCode} />
        </dd>
        <dt>{t('wizard.verify.network')}</dt>
        <dd>{profile.networkName[lang]}</dd>
        <dt>{t('wizard.verify.version')}</dt>
        <dd>{profile.version}</dd>
        <dt>{t('wizard.verify.issued')}</dt>
        <dd>{formatIssued(profile.issuedAt, lang)}</dd>
      </dl>
      <form onSubmit={(e) => void handleSubmit(() => onConfirmed())(e)} noValidate>
        <div className="field">
          <label className="inline-label">
            <input
              type="checkbox"
              aria-invalid={!!error}
              aria-describedby={error ? 'confirmed-error' : undefined}
              {...register('confirmed')}
            />
            {t('wizard.verify.confirm')}
          </label>
          {error ? (
            <p className="error" id="confirmed-error">
              {t(error)}
            </p>
          ) : null}
        </div>
        <StepActions onBack={onBack} />
      </form>
    </Step>
  );
}
