// Officer or lead, step 3: who the person is in this network. An officer types name and
// officer id and picks an open post; a lead picks their own entry in HQ's list of leads
// (their posts come from it), since HQ decides who leads what.
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import {
  OFFICER_ID_PATTERN,
  activePosts,
  postCity,
  type NetworkProfile,
} from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { Field } from '../../ui/Field.tsx';
import { officerIdTakenBy, type MemberChoice } from './setup-service.ts';
import { Step, StepActions, type StepPosition } from './Step.tsx';

interface WhoForm {
  role: 'officer' | 'lead';
  name: string;
  officerId: string;
  postCode: string;
  leadId: string;
}

// Messages are i18n keys, translated where they are shown.
function whoSchema(profile: NetworkProfile) {
  const open = new Set(activePosts(profile).map((post) => post.code));
  return z
    .object({
      role: z.enum(['officer', 'lead']),
      name: z.string(),
      officerId: z.string(),
      postCode: z.string(),
      leadId: z.string(),
    })
    .superRefine((v, ctx) => {
      const issue = (path: keyof WhoForm, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      if (v.role === 'lead') {
        if (!profile.leads.some((l) => l.officerId === v.leadId))
          issue('leadId', 'wizard.who.leadRequired');
        return;
      }
      const name = v.name.trim();
      if (name === '' || name.length > 100) issue('name', 'wizard.who.nameRequired');
      const id = v.officerId.trim();
      if (!OFFICER_ID_PATTERN.test(id)) issue('officerId', 'wizard.who.officerIdInvalid');
      else if (officerIdTakenBy(profile, id)) issue('officerId', 'wizard.who.officerIdTaken');
      if (!open.has(v.postCode)) issue('postCode', 'wizard.who.postRequired');
    });
}

function toChoice(v: WhoForm): MemberChoice {
  return v.role === 'lead'
    ? { role: 'lead', officerId: v.leadId }
    : { role: 'officer', name: v.name.trim(), officerId: v.officerId.trim(), postCode: v.postCode };
}

function fromChoice(who: MemberChoice | undefined): WhoForm {
  const empty: WhoForm = { role: 'officer', name: '', officerId: '', postCode: '', leadId: '' };
  if (!who) return empty;
  return who.role === 'lead'
    ? { ...empty, role: 'lead', leadId: who.officerId }
    : { ...empty, ...who };
}

export function WhoStep({
  profile,
  who,
  position,
  onBack,
  onChosen,
}: {
  profile: NetworkProfile;
  who: MemberChoice | undefined;
  position: StepPosition;
  onBack: () => void;
  onChosen: (who: MemberChoice) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const schema = useMemo(() => whoSchema(profile), [profile]);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<WhoForm>({ resolver: zodResolver(schema), defaultValues: fromChoice(who) });
  const role = watch('role');
  const leadId = watch('leadId');
  const posts = [...activePosts(profile)].sort((a, b) =>
    a.city[lang].localeCompare(b.city[lang], lang),
  );
  const cityOf = (code: string) => postCity(profile.posts, code, lang);
  const lead = profile.leads.find((l) => l.officerId === leadId);

  const message = (name: keyof WhoForm) => {
    const key = errors[name]?.message;
    return key ? t(key) : undefined;
  };

  return (
    <Step heading={t('wizard.who.heading')} position={position}>
      <form onSubmit={(e) => void handleSubmit((v) => onChosen(toChoice(v)))(e)} noValidate>
        {profile.leads.length > 0 ? (
          <fieldset>
            <legend>{t('wizard.who.role')}</legend>
            <div className="checks">
              <label>
                <input type="radio" value="officer" {...register('role')} />
                {t('wizard.who.officer')}
              </label>
              <label>
                <input type="radio" value="lead" {...register('role')} />
                {t('wizard.who.lead')}
              </label>
            </div>
          </fieldset>
        ) : null}
        {role === 'lead' ? (
          <Field
            id="who-leadId"
            label={t('wizard.who.whichLead')}
            help={
              lead
                ? t('wizard.who.leadPosts', { posts: lead.posts.map(cityOf).join(', ') })
                : undefined
            }
            error={message('leadId')}
          >
            {(aria) => (
              <select {...aria} {...register('leadId')}>
                <option value="">{t('wizard.who.chooseLead')}</option>
                {profile.leads.map((l) => (
                  <option key={l.officerId} value={l.officerId}>
                    {l.name} ({l.officerId})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <>
            <Field id="who-name" label={t('wizard.who.name')} error={message('name')}>
              {(aria) => <input {...aria} autoComplete="name" {...register('name')} />}
            </Field>
            <Field
              id="who-officerId"
              label={t('wizard.who.officerId')}
              help={t('wizard.who.officerIdHelp')}
              error={message('officerId')}
            >
              {(aria) => <input {...aria} autoComplete="off" {...register('officerId')} />}
            </Field>
            <Field id="who-postCode" label={t('wizard.who.post')} error={message('postCode')}>
              {(aria) => (
                <select {...aria} {...register('postCode')}>
                  <option value="">{t('wizard.who.choosePost')}</option>
                  {posts.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.city[lang]} ({p.name[lang]})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <StepActions onBack={onBack} />
      </form>
    </Step>
  );
}
