// HQ's relay for the whole network, edited with the other rules of the next profile version:
// the relay folder's address and how often devices sync. Applied to the draft only; devices
// follow it once HQ issues the version and they import it. Credentials are never asked here.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { RELAY_INTERVAL_MINUTES, type ProfileRelay } from '../../../../shared/identity/index.ts';
import { relayUrl } from '../../../../shared/remote/relay-path.ts';
import { DEVICE_INTERVAL_MINUTES } from '../../db/online/config.ts';
import { Field } from '../../ui/Field.tsx';
import './online.css';

interface RelayFormValues {
  enabled: boolean;
  url: string;
  intervalMinutes: number;
}

// Checked only when HQ sets a relay: leaving it to devices needs neither field. Plain http
// (to each device's own computer) only in the demo network, as the profile's schema says.
const relayFormSchema = (demo: boolean) =>
  z
    .object({ enabled: z.boolean(), url: z.string(), intervalMinutes: z.number() })
    .superRefine((v, ctx) => {
      if (!v.enabled) return;
      const url = relayUrl(v.url);
      if (url === null)
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'online.hq.badUrl' });
      else if (!demo && !url.startsWith('https:'))
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'online.hq.httpsOnly' });
      const { min, max } = RELAY_INTERVAL_MINUTES;
      const n = v.intervalMinutes;
      if (!Number.isInteger(n) || n < min || n > max)
        ctx.addIssue({ code: 'custom', path: ['intervalMinutes'], message: 'online.hq.range' });
    });

export function HqRelayForm({
  relay,
  demo,
  onSubmit,
}: {
  relay: ProfileRelay | null;
  /** The demo network: plain http to this computer is allowed (tests, a local relay). */
  demo: boolean;
  /** Null: every device keeps its own relay settings. */
  onSubmit: (relay: ProfileRelay | null) => void;
}) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<RelayFormValues>({
    resolver: zodResolver(relayFormSchema(demo)),
    defaultValues: {
      enabled: relay !== null,
      url: relay?.url ?? '',
      intervalMinutes: relay?.intervalMinutes ?? DEVICE_INTERVAL_MINUTES,
    },
  });
  const enabled = watch('enabled');
  const submit = (values: RelayFormValues) => {
    const url = relayUrl(values.url);
    onSubmit(values.enabled && url ? { url, intervalMinutes: values.intervalMinutes } : null);
  };
  const urlError = errors.url?.message;
  const intervalError = errors.intervalMinutes?.message;

  return (
    <form
      onSubmit={(e) => void handleSubmit(submit)(e)}
      noValidate
      aria-labelledby="hq-relay-heading"
      className="hq-relay-form"
    >
      <p className="hint">{t('online.hq.intro')}</p>
      <div className="field">
        <label className="inline-label" htmlFor="hq-relay-enabled">
          <input id="hq-relay-enabled" type="checkbox" {...register('enabled')} />
          {t('online.hq.enabled')}
        </label>
      </div>
      {enabled ? (
        <>
          <Field
            id="hq-relay-url"
            label={t('online.url')}
            help={t('online.hq.urlHelp')}
            error={urlError ? t(urlError) : undefined}
            required
          >
            {(aria) => <input {...aria} type="url" spellCheck={false} {...register('url')} />}
          </Field>
          <Field
            id="hq-relay-interval"
            label={t('online.hq.interval')}
            help={t('online.hq.intervalHelp', RELAY_INTERVAL_MINUTES)}
            error={intervalError ? t(intervalError, RELAY_INTERVAL_MINUTES) : undefined}
            required
          >
            {(aria) => (
              <input
                {...aria}
                type="number"
                inputMode="numeric"
                min={RELAY_INTERVAL_MINUTES.min}
                max={RELAY_INTERVAL_MINUTES.max}
                step={1}
                {...register('intervalMinutes', { valueAsNumber: true })}
              />
            )}
          </Field>
        </>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary">
          {t('online.hq.apply')}
        </button>
      </div>
    </form>
  );
}
