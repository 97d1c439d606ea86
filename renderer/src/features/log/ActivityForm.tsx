// The activity form for any type, built from the catalogue. Validates with the domain's
// rules (the same ones import uses), autosaves a draft as you type so a crash or restart
// loses nothing, and saves on Ctrl+Enter.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ActivityTypeDef } from '../../../../shared/domain/catalogue-types.ts';
import { validateActivityInput } from '../../../../shared/domain/schemas.ts';
import { type Json } from '../../../../shared/sync/change.ts';
import { deleteDraft, loadDraft, saveDraft } from '../../db/index.ts';
import { useServices } from '../../app/services.tsx';
import { FieldInput, IssueText } from './FieldInput.tsx';
import { encodeIssue, fromFormValues, toFormValues, type FormValues } from './form-values.ts';

export interface ActivityFormProps {
  type: ActivityTypeDef;
  initial: { occurredOn: string; data: Record<string, Json> };
  /** Where the draft of this form is kept ('new:interdiction', 'edit:<id>'). */
  draftId: string;
  today: string;
  heading: string;
  /** Returns false when the save failed; the form and its draft are then kept. */
  onSave: (value: { occurredOn: string; data: Record<string, Json> }) => Promise<boolean>;
  /** Called once the save has committed and the draft is gone. */
  onSaved: (andNew: boolean) => void;
  onCancel: () => void;
  allowSaveAndNew?: boolean;
  readOnly?: boolean;
}

const DRAFT_DELAY_MS = 400;

function issuesToErrors(
  issues: readonly {
    path: readonly (string | number)[];
    key: string;
    params?: Record<string, unknown>;
  }[],
): FieldErrors<FormValues> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const [head, name] = issue.path;
    const message = encodeIssue(issue.key, issue.params);
    if (head === 'data' && typeof name === 'string') {
      const data = (errors.data ??= {}) as Record<string, unknown>;
      data[name] ??= { type: 'validate', message };
    } else if (head === 'occurredOn') {
      errors.occurredOn ??= { type: 'validate', message };
    }
  }
  return errors;
}

export function ActivityForm(props: ActivityFormProps) {
  const {
    type,
    initial,
    draftId,
    today,
    heading,
    onSave,
    onSaved,
    onCancel,
    allowSaveAndNew,
    readOnly,
  } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const { db } = useServices();
  const [draftRestored, setDraftRestored] = useState(false);
  const andNewRef = useRef(false);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const resolver = useMemo<Resolver<FormValues>>(
    () => (values) => {
      const input = { type: type.id, ...fromFormValues(type, values) };
      const result = validateActivityInput(input, { today });
      if (result.ok) return { values, errors: {} };
      return { values: {}, errors: issuesToErrors(result.issues) };
    },
    [type, today],
  );

  const defaults = useMemo(
    () => toFormValues(type, initial.occurredOn, initial.data),
    [type, initial],
  );
  const { register, handleSubmit, reset, watch, setFocus, formState } = useForm<FormValues>({
    resolver,
    defaultValues: defaults,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting, submitCount } = formState;

  // Restore a draft left by a crash, a reload or a closed window.
  useEffect(() => {
    let live = true;
    void loadDraft(db, draftId).then((draft) => {
      if (live && draft && draft.type === type.id) {
        reset(draft.values as unknown as FormValues);
        setDraftRestored(true);
      }
    });
    return () => {
      live = false;
    };
  }, [db, draftId, type.id, reset]);

  // Autosave: every change is written to the drafts table shortly after typing stops.
  useEffect(() => {
    if (readOnly) return;
    const subscription = watch((values, { type: eventType }) => {
      if (eventType !== 'change') return;
      clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(() => {
        void saveDraft(db, {
          id: draftId,
          type: type.id,
          values: values as unknown as Record<string, Json>,
        });
      }, DRAFT_DELAY_MS);
    });
    return () => {
      clearTimeout(draftTimer.current);
      subscription.unsubscribe();
    };
  }, [db, draftId, type.id, watch, readOnly]);

  const errorCount = (errors.occurredOn ? 1 : 0) + Object.keys(errors.data ?? {}).length;

  // After a failed submit, move focus to the first field in error (keyboard users land there).
  useEffect(() => {
    if (submitCount === 0) return;
    if (errors.occurredOn) setFocus('occurredOn');
    else {
      const first = type.fields.find((f) => errors.data?.[f.name]);
      if (first) setFocus(`data.${first.name}`);
    }
  }, [submitCount, errors, setFocus, type.fields]);

  const submit = handleSubmit(async (values) => {
    // A pending autosave must not recreate the draft after the save removes it.
    clearTimeout(draftTimer.current);
    // Save what validation normalised (trimmed, codes upper-cased), not the raw inputs.
    const result = validateActivityInput(
      { type: type.id, ...fromFormValues(type, values) },
      { today },
    );
    if (!result.ok) return;
    const ok = await onSave({ occurredOn: result.value.occurredOn, data: result.value.data });
    if (!ok) return;
    // Drop the draft before leaving, so the next form does not find and restore it.
    await deleteDraft(db, draftId);
    onSaved(andNewRef.current);
  });

  return (
    <form
      noValidate
      aria-labelledby="form-heading"
      onSubmit={(e) => {
        andNewRef.current = false;
        void submit(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          andNewRef.current = false;
          void submit();
        }
      }}
    >
      <h1 id="form-heading">{heading}</h1>
      {draftRestored ? (
        <div className="notice info" role="status">
          {t('form.draftRestored')}{' '}
          <button
            type="button"
            onClick={() => {
              reset(defaults);
              setDraftRestored(false);
              void deleteDraft(db, draftId);
            }}
          >
            {t('form.discardDraft')}
          </button>
        </div>
      ) : null}
      {errorCount > 0 ? (
        <div className="notice error" role="alert">
          {t('form.fixErrors', { count: errorCount })}
        </div>
      ) : null}
      <fieldset disabled={readOnly || isSubmitting} className="plain">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="occurredOn">
              {t('form.date')}
              <span aria-hidden="true"> *</span>
            </label>
            <input
              id="occurredOn"
              type="date"
              max={today}
              aria-invalid={!!errors.occurredOn}
              aria-describedby={
                errors.occurredOn ? 'occurredOn-help occurredOn-error' : 'occurredOn-help'
              }
              {...register('occurredOn')}
            />
            <p className="help" id="occurredOn-help">
              {t('form.dateHelp')}
            </p>
            <IssueText id="occurredOn-error" message={errors.occurredOn?.message} />
          </div>
          {type.fields.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              lang={lang}
              register={register}
              error={errors.data?.[field.name]}
            />
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={readOnly || isSubmitting}>
          {t('form.save')}
        </button>
        {allowSaveAndNew ? (
          <button
            type="button"
            disabled={readOnly || isSubmitting}
            onClick={() => {
              andNewRef.current = true;
              void submit();
            }}
          >
            {t('form.saveAndNew')}
          </button>
        ) : null}
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <span className="hint">{t('form.saveHint')}</span>
      </div>
    </form>
  );
}
