// One input for one catalogue field, chosen by the field's kind: the catalogue drives the
// form, so a new field in shared/domain appears here with no new screen code.
import { type UseFormRegister, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type FieldDef, type Language } from '../../../../shared/domain/catalogue-types.ts';
import { decodeIssue, type FormValues } from './form-values.ts';
import { formatDay } from '../../ui/format.ts';
import { useLang } from '../../i18n/useLang.ts';

interface Props {
  field: FieldDef;
  lang: Language;
  register: UseFormRegister<FormValues>;
  error: FieldError | undefined;
  disabled?: boolean;
}

export function IssueText({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const issue = decodeIssue(message);
  if (!issue) return null;
  // Dates inside a message read like every other date on screen ("23 nov. 2026").
  const params = Object.fromEntries(
    Object.entries(issue.params).map(([k, v]) => [
      k,
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v, lang) : v,
    ]),
  );
  return (
    <p className="error" id={id}>
      {t(issue.key, params)}
    </p>
  );
}

export function FieldInput({ field, lang, register, error, disabled }: Props) {
  const { t } = useTranslation();
  const id = `field-${field.name}`;
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const name = `data.${field.name}` as const;
  const common = {
    id,
    'aria-invalid': !!error,
    'aria-describedby': describedBy,
    'aria-required': field.required,
    // Some systems send what is typed to a dictionary service: never personal information.
    spellCheck: field.sensitive ? false : undefined,
    disabled,
  };
  const labelText = (
    <>
      {field.label[lang]}
      {field.required ? <span aria-hidden="true"> *</span> : null}
      {field.sensitive ? <span className="badge-sensitive">{t('form.sensitive')}</span> : null}
    </>
  );
  const help = field.help ? (
    <p className="help" id={helpId}>
      {field.help[lang]}
    </p>
  ) : null;
  const wide = field.kind === 'longtext' || field.kind === 'multiselect';

  if (field.kind === 'multiselect') {
    return (
      <fieldset className="field wide" aria-describedby={describedBy} aria-invalid={!!error}>
        <legend>{labelText}</legend>
        <div className="checks">
          {(field.options ?? []).map((o) => (
            <label key={o.value} className="inline-label">
              <input type="checkbox" value={o.value} disabled={disabled} {...register(name)} />
              {o.label[lang]}
            </label>
          ))}
        </div>
        {help}
        <IssueText id={`${id}-error`} message={error?.message} />
      </fieldset>
    );
  }

  if (field.kind === 'boolean') {
    return (
      <div className="field">
        <label className="inline-label" htmlFor={id}>
          <input type="checkbox" {...common} {...register(name)} />
          {labelText}
        </label>
        {help}
        <IssueText id={`${id}-error`} message={error?.message} />
      </div>
    );
  }

  let control;
  switch (field.kind) {
    case 'longtext':
      control = <textarea {...common} maxLength={field.maxLength} {...register(name)} />;
      break;
    case 'integer':
      control = (
        <input
          type="number"
          inputMode="numeric"
          step={1}
          min={field.min}
          max={field.max}
          {...common}
          {...register(name)}
        />
      );
      break;
    case 'date':
      control = <input type="date" {...common} {...register(name)} />;
      break;
    case 'select':
      control = (
        <select {...common} {...register(name)}>
          <option value="">{t('form.choose')}</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang]}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = (
        <input
          type="text"
          maxLength={field.maxLength}
          autoComplete="off"
          {...common}
          {...register(name)}
        />
      );
  }
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{labelText}</label>
      {control}
      {help}
      <IssueText id={`${id}-error`} message={error?.message} />
    </div>
  );
}
