// One team lead and the posts they review. Open posts are offered, grouped by region; a
// retired post the lead already had stays ticked until HQ unticks it.
import { useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { REGIONS } from '../../../../shared/domain/posts.ts';
import {
  OFFICER_ID_PATTERN,
  type Lead,
  type ProfilePost,
} from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { Field } from '../../ui/Field.tsx';

interface LeadFormValues {
  name: string;
  officerId: string;
  posts: string[];
}

// Messages are i18n keys, translated where they are shown.
function leadSchema(takenIds: ReadonlySet<string>) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, 'network.leads.nameRequired')
      .max(100, 'network.leads.nameRequired'),
    officerId: z
      .string()
      .trim()
      .regex(OFFICER_ID_PATTERN, 'network.leads.officerIdInvalid')
      .refine((id) => !takenIds.has(id), 'network.leads.officerIdTaken'),
    posts: z.array(z.string()).min(1, 'network.leads.postsRequired'),
  });
}

export function LeadForm({
  lead,
  posts,
  takenIds,
  onSave,
  onCancel,
}: {
  lead?: Lead | undefined;
  posts: readonly ProfilePost[];
  /** Officer ids of the other leads. */
  takenIds: ReadonlySet<string>;
  onSave: (lead: Lead) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const schema = useMemo(() => leadSchema(takenIds), [takenIds]);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LeadFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: lead?.name ?? '',
      officerId: lead?.officerId ?? '',
      posts: lead ? [...lead.posts] : [],
    },
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const offered = posts.filter((p) => p.retired !== true || lead?.posts.includes(p.code));
  // Keep the profile's order of posts, whatever order the boxes were ticked in.
  const order = (codes: readonly string[]) =>
    posts.map((p) => p.code).filter((code) => codes.includes(code));
  const submit = handleSubmit((v) =>
    onSave({ name: v.name.trim(), officerId: v.officerId.trim(), posts: order(v.posts) }),
  );
  const message = (name: keyof LeadFormValues) => {
    const key = errors[name]?.message;
    return key ? t(key) : undefined;
  };

  return (
    <form className="editor-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3 tabIndex={-1} ref={heading}>
        {lead ? t('network.leads.editHeading', { name: lead.name }) : t('network.leads.addHeading')}
      </h3>
      <div className="form-grid">
        <Field id="lead-name" label={t('network.leads.name')} error={message('name')}>
          {(aria) => <input {...aria} {...register('name')} />}
        </Field>
        <Field
          id="lead-officerId"
          label={t('network.leads.officerId')}
          error={message('officerId')}
        >
          {(aria) => <input {...aria} {...register('officerId')} />}
        </Field>
      </div>
      <fieldset aria-describedby={errors.posts ? 'lead-posts-error' : undefined}>
        <legend>{t('network.leads.choosePosts')}</legend>
        {REGIONS.map((region) => {
          const inRegion = offered.filter((p) => p.region === region.id);
          if (inRegion.length === 0) return null;
          return (
            <fieldset key={region.id} className="region-posts">
              <legend>{region.name[lang]}</legend>
              <div className="checks">
                {inRegion.map((post) => (
                  <label key={post.code}>
                    <input type="checkbox" value={post.code} {...register('posts')} />
                    {post.city[lang]} <span className="hint">({post.code})</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        {message('posts') ? (
          <p className="error" id="lead-posts-error">
            {message('posts')}
          </p>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('network.leads.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('network.leads.save')}
        </button>
      </div>
    </form>
  );
}
