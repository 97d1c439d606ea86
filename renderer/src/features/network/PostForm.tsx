// One post, added or edited by HQ. The code is fixed once chosen: records and bundles name
// their post by it, so an edit keeps it and only a new post may pick one.
import { useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { REGIONS, REGION_IDS, type RegionId } from '../../../../shared/domain/posts.ts';
import { isIsoDate } from '../../../../shared/domain/dates.ts';
import { type ProfilePost } from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { Field } from '../../ui/Field.tsx';

interface PostFormValues {
  code: string;
  cityEn: string;
  cityFr: string;
  nameEn: string;
  nameFr: string;
  country: string;
  timeZone: string;
  region: RegionId;
  openedOn: string;
  closedOn: string;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}

const text = z.string().trim().min(1, 'network.posts.required').max(200, 'network.posts.required');

/** An optional day: empty, or a real 'YYYY-MM-DD' (what a date input gives). */
export const optionalDay = (message: string) =>
  z.string().refine((v) => v === '' || isIsoDate(v), message);

// Messages are i18n keys, translated where they are shown.
function postSchema(takenCodes: ReadonlySet<string>) {
  return z
    .object({
      code: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, 'network.posts.codeInvalid')
        .refine((code) => !takenCodes.has(code), 'network.posts.codeTaken'),
      cityEn: text,
      cityFr: text,
      nameEn: text,
      nameFr: text,
      country: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, 'network.posts.countryInvalid'),
      timeZone: z.string().trim().refine(isTimeZone, 'network.posts.timeZoneInvalid'),
      region: z.enum(REGION_IDS),
      openedOn: optionalDay('network.posts.dateInvalid'),
      closedOn: optionalDay('network.posts.dateInvalid'),
    })
    .refine((v) => v.openedOn === '' || v.closedOn === '' || v.closedOn >= v.openedOn, {
      message: 'network.posts.datesOrder',
      path: ['closedOn'],
    });
}

function toValues(post: ProfilePost | undefined): PostFormValues {
  return {
    code: post?.code ?? '',
    cityEn: post?.city.en ?? '',
    cityFr: post?.city.fr ?? '',
    nameEn: post?.name.en ?? '',
    nameFr: post?.name.fr ?? '',
    country: post?.country ?? '',
    timeZone: post?.timeZone ?? '',
    region: post?.region ?? 'americas',
    openedOn: post?.openedOn ?? '',
    closedOn: post?.closedOn ?? '',
  };
}

const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function PostForm({
  post,
  takenCodes,
  onSave,
  onCancel,
}: {
  /** The post being edited; absent for a new one. */
  post?: ProfilePost | undefined;
  /** Codes of the other posts (a new code must not repeat one). */
  takenCodes: ReadonlySet<string>;
  onSave: (post: ProfilePost) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const schema = useMemo(() => postSchema(takenCodes), [takenCodes]);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<PostFormValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: toValues(post),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = handleSubmit((v) =>
    onSave({
      code: v.code,
      name: { en: v.nameEn, fr: v.nameFr },
      city: { en: v.cityEn, fr: v.cityFr },
      country: v.country,
      timeZone: v.timeZone,
      region: v.region,
      ...(post?.retired ? { retired: true } : {}),
      ...(v.openedOn === '' ? {} : { openedOn: v.openedOn }),
      ...(v.closedOn === '' ? {} : { closedOn: v.closedOn }),
    }),
  );

  const field = (
    name: keyof PostFormValues,
    label: string,
    help?: string,
    extra: Record<string, unknown> = {},
  ) => {
    const error = errors[name]?.message;
    return (
      <Field id={`post-${name}`} label={label} help={help} error={error ? t(error) : undefined}>
        {(aria) => <input {...aria} {...extra} {...register(name)} />}
      </Field>
    );
  };

  return (
    <form className="editor-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3 tabIndex={-1} ref={heading}>
        {post
          ? t('network.posts.editHeading', { post: post.name[lang] })
          : t('network.posts.addHeading')}
      </h3>
      <div className="form-grid">
        {post ? null : field('code', t('network.posts.code'), t('network.posts.codeHelp'))}
        {field('cityEn', t('network.posts.cityEn'))}
        {field('cityFr', t('network.posts.cityFr'))}
        {field('nameEn', t('network.posts.nameEn'), t('network.posts.nameEnHelp'))}
        {field('nameFr', t('network.posts.nameFr'), t('network.posts.nameFrHelp'))}
        {field('country', t('network.posts.country'), t('network.posts.countryHelp'))}
        {field('timeZone', t('network.posts.timeZone'), t('network.posts.timeZoneHelp'), {
          list: 'time-zones',
          autoComplete: 'off',
        })}
        {field('openedOn', t('network.posts.openedOn'), t('network.posts.openedOnHelp'), {
          type: 'date',
        })}
        {field('closedOn', t('network.posts.closedOn'), t('network.posts.closedOnHelp'), {
          type: 'date',
        })}
        <div className="field">
          <label htmlFor="post-region">{t('network.posts.region')}</label>
          <select id="post-region" {...register('region')}>
            {REGIONS.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name[lang]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <datalist id="time-zones">
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('network.posts.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('network.posts.save')}
        </button>
      </div>
    </form>
  );
}
