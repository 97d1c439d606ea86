// One input for one catalogue field, chosen by the field's kind: the catalogue drives the
// form, so a new field in shared/domain appears here with no new screen code.
import { type UseFormRegister, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type FieldDef, type Language } from '../../../../shared/domain/catalogue-types.ts';
import { decodeIssue, type FormValues } from './form-values.ts';
import { formatDay } from '../../ui/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { Field, type ControlProps } from '../../ui/Field.tsx';
import './log.css';

interface Props {
  field: FieldDef;
  lang: Language;
  register: UseFormRegister<FormValues>;
  error: FieldError | undefined;
  disabled?: boolean;
}

/** Turns a form issue (encoded in react-hook-form's message) into words, or none. */
export function useIssueText(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation();
  const lang = useLang();
  return (message) => {
    const issue = decodeIssue(message);
    if (!issue) return undefined;
    // Dates inside a message read like every other date on screen ("23 nov. 2026").
    const params = Object.fromEntries(
      Object.entries(issue.params).map(([k, v]) => [
        k,
        typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v, lang) : v,
      ]),
    );
    return t(issue.key, params);
  };
}

export function IssueText({ id, message }: { id: string; message: string | undefined }) {
  const text = useIssueText()(message);
  if (text === undefined) return null;
  return (
    <p className="error" id={id}>
      {text}
    </p>
  );
}

export function FieldInput({ field, lang, register, error, disabled }: Props) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const id = `field-${field.name}`;
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const name = `data.${field.name}` as const;
  const extra = {
    'aria-required': field.required,
    // Some systems send what is typed to a dictionary service: never personal information.
    spellCheck: field.sensitive ? false : undefined,
    disabled,
  };
  const common = { id, 'aria-invalid': !!error, 'aria-describedby': describedBy, ...extra };
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

  const control = (aria: ControlProps) => {
    const props = { ...aria, ...extra };
    switch (field.kind) {
      case 'longtext':
        return <textarea {...props} maxLength={field.maxLength} {...register(name)} />;
      case 'integer':
        return (
          <input
            type="number"
            inputMode="numeric"
            step={1}
            min={field.min}
            max={field.max}
            {...props}
            {...register(name)}
          />
        );
      case 'date':
        return <input type="date" {...props} {...register(name)} />;
      case 'select':
        return (
          <select {...props} {...register(name)}>
            <option value="">{t('form.choose')}</option>
            {(field.options ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label[lang]}
              </option>
            ))}
          </select>
        );
      default:
        return (
          <input
            type="text"
            maxLength={field.maxLength}
            autoComplete="off"
            {...props}
            {...register(name)}
          />
        );
    }
  };
  return (
    <Field
      id={id}
      className={wide ? 'field wide' : 'field'}
      label={labelText}
      help={field.help ? field.help[lang] : undefined}
      error={issueText(error?.message)}
      invalid={!!error}
    >
      {control}
    </Field>
  );
}
