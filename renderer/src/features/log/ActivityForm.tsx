// The activity form for any type, built from the catalogue. Validates with the domain's
// rules (the same ones import uses), autosaves a draft as you type so a crash or restart
// loses nothing, and saves on Ctrl+Enter.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ActivityTypeDef } from '../../../../shared/domain/catalogue-types.ts';
import { latestOccurredOn, validateActivityInput } from '../../../../shared/domain/schemas.ts';
import { type Json } from '../../../../shared/sync/change.ts';
import { DbError, deleteDraft, loadDraft, saveDraft } from '../../db/index.ts';
import { useSealer, useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { errorMessageKey } from '../../kernel/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { FieldInput, IssueText, useIssueText } from './FieldInput.tsx';
import { Field } from '../../ui/Field.tsx';
import { encodeIssue, fromFormValues, toFormValues, type FormValues } from './form-values.ts';
import './log.css';

export interface SavedValue {
  occurredOn: string;
  data: Record<string, Json>;
  /** The fields the person changed in this form: an edit writes only these. */
  changed: { occurredOn: boolean; data: string[] };
}

export interface ActivityFormProps {
  type: ActivityTypeDef;
  initial: { occurredOn: string; data: Record<string, Json> };
  /** Where the draft of this form is kept ('new:interdiction', 'edit:<id>'). */
  draftId: string;
  today: string;
  heading: string;
  /** Returns false when the save failed; the form and its draft are then kept. */
  onSave: (value: SavedValue) => Promise<boolean>;
  /** Called once the save has committed and the draft is gone. */
  onSaved: (andNew: boolean) => void;
  /** Cancel discards the draft: the person chose to drop what they typed. */
  onCancel: () => void;
  allowSaveAndNew?: boolean;
  readOnly?: boolean;
}

const DRAFT_DELAY_MS = 400;

interface Issue {
  path: readonly (string | number)[];
  key: string;
  params?: Readonly<Record<string, unknown>>;
}

function issuesToErrors(issues: readonly Issue[]): FieldErrors<FormValues> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const [head, name] = issue.path;
    const message = encodeIssue(issue.key, issue.params);
    if (head === 'data' && typeof name === 'string') {
      const data = (errors.data ??= {}) as Record<string, unknown>;
      data[name] ??= { type: 'validate', message };
    } else if (head === 'occurredOn') {
      errors.occurredOn ??= { type: 'validate', message };
    } else {
      // An issue about the entry as a whole is shown above the fields.
      errors.root ??= { type: 'validate', message };
    }
  }
  return errors;
}

export function ActivityForm(props: ActivityFormProps) {
  const { type, initial, draftId, today, heading, onSave, onSaved, onCancel } = props;
  const { allowSaveAndNew, readOnly } = props;
  const { t } = useTranslation();
  const issueText = useIssueText();
  const lang = useLang();
  const { db } = useServices();
  const sealer = useSealer();
  const showToast = useUi((s) => s.showToast);
  const [draftRestored, setDraftRestored] = useState(false);
  // A stored draft that would not open (damaged, or sealed under another key): kept as it is
  // until the person types here or discards it, never replaced behind their back.
  const [draftUnreadable, setDraftUnreadable] = useState(false);
  const typed = useRef(false);
  const andNewRef = useRef(false);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftPending = useRef(false);
  // Draft writes run one after another, and a save or a discard waits for the last one: a
  // write still in flight (sealing, then its own transaction) must never land after the
  // draft was deleted and bring it back.
  const draftWrite = useRef<Promise<unknown>>(Promise.resolve());
  // Why the last autosave failed (a full disk...), shown until one succeeds: what is typed
  // is still in the form, but it would not survive a closed window.
  const [draftFailure, setDraftFailure] = useState<string | null>(null);

  const resolver = useMemo<Resolver<FormValues>>(
    () => (values) => {
      const result = validateActivityInput(
        { type: type.id, ...fromFormValues(type, values) },
        { today },
      );
      if (result.ok) return { values, errors: {} };
      return { values: {}, errors: issuesToErrors(result.issues) };
    },
    [type, today],
  );

  const defaults = useMemo(
    () => toFormValues(type, initial.occurredOn, initial.data),
    [type, initial],
  );
  const { register, handleSubmit, reset, watch, setFocus, setValue, getValues, formState } =
    useForm<FormValues>({
      resolver,
      defaultValues: defaults,
      mode: 'onSubmit',
      reValidateMode: 'onChange',
    });
  const { errors, isSubmitting, dirtyFields } = formState;

  // Put the cursor in the first field, so a routine entry is typing from the first key.
  useEffect(() => {
    const first = type.fields[0];
    if (first && !readOnly) setFocus(`data.${first.name}`);
  }, [type.fields, readOnly, setFocus]);

  // Restore a draft left by a crash, a reload or a closed window. Restored values are set
  // as changes over the record (not as its new baseline), so an edit still writes them.
  useEffect(() => {
    let live = true;
    loadDraft(db, draftId, sealer).then(
      (draft) => {
        if (live) setDraftUnreadable(false);
        if (!live || !draft || draft.type !== type.id) return;
        const stored = draft.values as { occurredOn?: unknown; data?: Record<string, unknown> };
        const restored = toFormValues(
          type,
          typeof stored.occurredOn === 'string' ? stored.occurredOn : defaults.occurredOn,
          (stored.data ?? {}) as Record<string, Json>,
        );
        if (restored.occurredOn !== defaults.occurredOn)
          setValue('occurredOn', restored.occurredOn, { shouldDirty: true });
        for (const [name, value] of Object.entries(restored.data)) {
          if (JSON.stringify(value) !== JSON.stringify(defaults.data[name]))
            setValue(`data.${name}`, value, { shouldDirty: true });
        }
        setDraftRestored(true);
      },
      () => {
        if (live) setDraftUnreadable(true);
      },
    );
    return () => {
      live = false;
    };
  }, [db, draftId, sealer, type, defaults, setValue]);

  const writeDraft = useCallback(() => {
    draftPending.current = false;
    clearTimeout(draftTimer.current);
    const values = getValues() as unknown as Record<string, Json>;
    const write = draftWrite.current.then(() =>
      saveDraft(db, { id: draftId, type: type.id, values }, sealer).then(
        () => setDraftFailure(null),
        (error: unknown) =>
          setDraftFailure(
            error instanceof DbError && error.code === 'quota-exceeded'
              ? 'form.draftDiskFull'
              : 'form.draftNotKept',
          ),
      ),
    );
    draftWrite.current = write;
    return write;
  }, [db, draftId, sealer, type.id, getValues]);

  /** Drops the draft once any autosave still in flight has landed. */
  const dropDraft = useCallback(
    () => draftWrite.current.then(() => deleteDraft(db, draftId)),
    [db, draftId],
  );

  // Autosave: each change is written to the drafts table shortly after typing stops, and
  // at once when the form goes away (navigation, window closed) with a save still pending.
  useEffect(() => {
    if (readOnly) return;
    const subscription = watch((_values, { type: eventType }) => {
      if (eventType !== 'change') return;
      typed.current = true;
      draftPending.current = true;
      clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(() => void writeDraft(), DRAFT_DELAY_MS);
    });
    const flush = () => {
      if (draftPending.current) void writeDraft();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [watch, writeDraft, readOnly]);

  const errorCount =
    (errors.occurredOn ? 1 : 0) + Object.keys(errors.data ?? {}).length + (errors.root ? 1 : 0);

  // After a refused save, move focus to the first field in error, once per attempt (not on
  // every re-check while the person types, which would send keystrokes elsewhere).
  const focusFirstError = (errs: FieldErrors<FormValues>) => {
    if (errs.occurredOn) return setFocus('occurredOn');
    const first = type.fields.find((f) => errs.data?.[f.name]);
    if (first) setFocus(`data.${first.name}`);
  };

  const submit = handleSubmit(async (values) => {
    // A pending autosave must not recreate the draft after the save removes it.
    clearTimeout(draftTimer.current);
    draftPending.current = false;
    // Save what validation normalised (trimmed, codes upper-cased), not the raw inputs.
    const result = validateActivityInput(
      { type: type.id, ...fromFormValues(type, values) },
      { today },
    );
    if (!result.ok) return;
    const changed = {
      occurredOn: dirtyFields.occurredOn === true,
      data: Object.keys(dirtyFields.data ?? {}),
    };
    const saved = await onSave({
      occurredOn: result.value.occurredOn,
      data: result.value.data,
      changed,
    });
    if (!saved) return;
    try {
      // Drop the draft before leaving, so the next form does not find and restore it.
      await dropDraft();
    } catch (error) {
      // The entry is saved; a stale draft is a nuisance, not a reason to stay on the form.
      showToast({ kind: 'error', key: errorMessageKey(error) });
    }
    onSaved(andNewRef.current);
  }, focusFirstError);

  const cancel = () => {
    clearTimeout(draftTimer.current);
    draftPending.current = false;
    // An unreadable draft the person never saw is not theirs to drop by cancelling.
    if (draftUnreadable && !typed.current) return onCancel();
    void dropDraft().finally(onCancel);
  };

  const discardDraft = () => {
    clearTimeout(draftTimer.current);
    draftPending.current = false;
    void dropDraft();
  };

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
      <h1 id="form-heading" tabIndex={-1}>
        {heading}
      </h1>
      {draftRestored ? (
        <div className="notice info" role="status">
          {t('form.draftRestored')}{' '}
          <button
            type="button"
            onClick={() => {
              reset(defaults);
              setDraftRestored(false);
              discardDraft();
            }}
          >
            {t('form.discardDraft')}
          </button>
        </div>
      ) : null}
      {draftUnreadable ? (
        <div className="notice warn" role="status">
          {t('form.draftUnreadable')}{' '}
          <button
            type="button"
            onClick={() => {
              setDraftUnreadable(false);
              discardDraft();
            }}
          >
            {t('form.discardDraft')}
          </button>
        </div>
      ) : null}
      {draftFailure ? (
        <div className="notice error" role="alert" data-testid="draft-failure">
          {t(draftFailure)}
        </div>
      ) : null}
      {errorCount > 0 ? (
        <div className="notice error" role="alert">
          {t('form.fixErrors', { count: errorCount })}
          <IssueText id="form-error" message={errors.root?.message} />
        </div>
      ) : null}
      <fieldset disabled={readOnly || isSubmitting} className="plain">
        <div className="form-grid">
          <Field
            id="occurredOn"
            label={t('form.date')}
            required
            help={t('form.dateHelp')}
            error={issueText(errors.occurredOn?.message)}
            invalid={!!errors.occurredOn}
          >
            {(aria) => (
              <input
                type="date"
                max={latestOccurredOn(today)}
                {...aria}
                {...register('occurredOn')}
              />
            )}
          </Field>
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
        <button type="button" onClick={cancel}>
          {t('form.cancel')}
        </button>
        <span className="hint">{t('form.saveHint')}</span>
      </div>
    </form>
  );
}
