// First run: who is logging and at which post. (The identity issue replaces this with the
// full wizard: network profile, keys and passphrase.)
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { DEMO_POSTS } from '../../../../shared/domain/posts.ts';
import { OFFICER_ID_PATTERN } from '../../../../shared/identity/schemas.ts';
import { setOfficerProfile } from '../../db/index.ts';
import { useServices } from '../../app/services.tsx';
import { useUi } from '../../app/store.ts';
import { errorMessageKey } from '../../app/errors.ts';
import { useLang } from '../../i18n/useLang.ts';

// Messages are i18n keys, translated where they are shown.
const profileSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'profileValidation.nameRequired')
    .max(80, 'profileValidation.nameRequired'),
  officerId: z.string().trim().regex(OFFICER_ID_PATTERN, 'profileValidation.officerIdInvalid'),
  postCode: z
    .string()
    .refine((code) => DEMO_POSTS.some((p) => p.code === code), 'profileValidation.postRequired'),
});
type ProfileForm = z.infer<typeof profileSchema>;

export function SetupScreen() {
  const { t } = useTranslation();
  const { db } = useServices();
  const showToast = useUi((s) => s.showToast);
  const lang = useLang();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ProfileForm>({
    resolver: zodResolver(profileSchema),
    defaultValues: { name: '', officerId: '', postCode: '' },
  });
  const posts = [...DEMO_POSTS].sort((a, b) => a.city[lang].localeCompare(b.city[lang], lang));

  const onSubmit = handleSubmit(async (values) => {
    try {
      await setOfficerProfile(db, values);
    } catch (error) {
      showToast({ kind: 'error', key: errorMessageKey(error) });
    }
  });

  const fieldError = (name: keyof ProfileForm) =>
    errors[name]?.message ? (
      <p className="error" id={`${name}-error`}>
        {t(errors[name].message)}
      </p>
    ) : null;

  return (
    <section className="centered" aria-labelledby="setup-heading">
      <h1 id="setup-heading" tabIndex={-1}>
        {t('setup.heading')}
      </h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="name">{t('setup.name')}</label>
          <input
            id="name"
            autoComplete="name"
            autoFocus
            aria-invalid={!!errors.name}
            aria-describedby={errors.name ? 'name-error' : undefined}
            {...register('name')}
          />
          {fieldError('name')}
        </div>
        <div className="field">
          <label htmlFor="officerId">{t('setup.officerId')}</label>
          <input
            id="officerId"
            aria-invalid={!!errors.officerId}
            aria-describedby="officerId-help"
            {...register('officerId')}
          />
          <p className="help" id="officerId-help">
            {t('setup.officerIdHelp')}
          </p>
          {fieldError('officerId')}
        </div>
        <div className="field">
          <label htmlFor="postCode">{t('setup.post')}</label>
          <select id="postCode" aria-invalid={!!errors.postCode} {...register('postCode')}>
            <option value="">{t('setup.choosePost')}</option>
            {posts.map((p) => (
              <option key={p.code} value={p.code}>
                {p.city[lang]} ({p.name[lang]})
              </option>
            ))}
          </select>
          {fieldError('postCode')}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('setup.start')}
          </button>
        </div>
      </form>
    </section>
  );
}
