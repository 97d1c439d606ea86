// The rules every device of the network follows: how soon it locks when idle, and how long
// field devices keep personal information after HQ confirms an entry.
import { type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { type ProfilePolicy } from '../../../../shared/identity/index.ts';
import { Field } from '../../ui/Field.tsx';
import './network.css';

const LIMITS = {
  idleLockMinutes: { min: 1, max: 240 },
  sensitiveRetentionDays: { min: 0, max: 3650 },
} as const;

function whole(limits: { min: number; max: number }) {
  return z
    .number({ error: 'network.policy.range' })
    .refine(
      (n) => Number.isInteger(n) && n >= limits.min && n <= limits.max,
      'network.policy.range',
    );
}

const policyFormSchema = z.object({
  idleLockMinutes: whole(LIMITS.idleLockMinutes),
  sensitiveRetentionDays: whole(LIMITS.sensitiveRetentionDays),
});

export function PolicyForm({
  policy,
  submitLabel,
  onSubmit,
  before,
}: {
  policy: ProfilePolicy;
  submitLabel: string;
  onSubmit: (policy: ProfilePolicy) => void;
  /** Buttons placed before the submit button (the wizard's Back). */
  before?: ReactNode;
}) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ProfilePolicy>({ resolver: zodResolver(policyFormSchema), defaultValues: policy });

  const field = (name: keyof ProfilePolicy, label: string, help: string) => {
    const error = errors[name]?.message;
    return (
      <Field
        id={`policy-${name}`}
        label={label}
        help={help}
        error={error ? t(error, LIMITS[name]) : undefined}
      >
        {(aria) => (
          <input
            {...aria}
            type="number"
            inputMode="numeric"
            min={LIMITS[name].min}
            max={LIMITS[name].max}
            step={1}
            {...register(name, { valueAsNumber: true })}
          />
        )}
      </Field>
    );
  };

  return (
    <form onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
      {field(
        'idleLockMinutes',
        t('network.policy.idleLockMinutes'),
        t('network.policy.idleLockHelp'),
      )}
      {field(
        'sensitiveRetentionDays',
        t('network.policy.retentionDays'),
        t('network.policy.retentionHelp'),
      )}
      <div className="actions">
        {before}
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
