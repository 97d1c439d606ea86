// HQ's keys changed: a profile naming a new HQ signing key waits, unapplied, until the person
// types the new code HQ reads by phone (a thief holding HQ's old key could sign such a chain
// too, but cannot make HQ read their code). Accept applies it; Refuse drops every waiting one.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../kernel/services.tsx';
import {
  acceptPendingProfile,
  listPendingProfiles,
  refusePendingProfiles,
} from '../../db/pending-profiles.ts';
import { CodeInput } from '../../ui/CodeInput.tsx';
import './new-hq-keys.css';

const schema = z.object({ typed: z.string().trim().min(1, 'wizard.verify.codeRequired') });
type CodeForm = z.infer<typeof schema>;

export function NewHqKeys({
  busy,
  onDone,
  onFail,
}: {
  busy: boolean;
  onDone: (key: string, values?: Record<string, string | number>) => void;
  onFail: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const pending = useLiveQuery(() => listPendingProfiles(db), [db]);
  const [working, setWorking] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<CodeForm>({ resolver: zodResolver(schema), defaultValues: { typed: '' } });
  if (!pending || pending.length === 0) return null;

  const act = async (work: () => Promise<void>) => {
    setWorking(true);
    try {
      await work();
    } catch (e) {
      onFail(e);
    } finally {
      setWorking(false);
    }
  };
  const accept = ({ typed }: CodeForm) =>
    act(async () => {
      const result = await acceptPendingProfile(db, typed);
      if (result.kind === 'wrong-code') {
        setError('typed', { message: 'sync.hqKeys.wrongCode' }, { shouldFocus: true });
        return;
      }
      reset();
      onDone('sync.hqKeys.accepted', { version: result.version });
    });
  const refuse = () =>
    act(async () => {
      await refusePendingProfiles(db);
      reset();
      onDone('sync.hqKeys.refused');
    });
  const error = errors.typed?.message;
  const disabled = busy || working;

  return (
    <section
      className="sync-card new-hq-keys"
      aria-labelledby="new-hq-keys-heading"
      data-testid="new-hq-keys"
    >
      <h2 id="new-hq-keys-heading">{t('sync.hqKeys.heading')}</h2>
      <p className="notice warn" role="status">
        {t('sync.hqKeys.notice')}
      </p>
      <form onSubmit={(e) => void handleSubmit(accept)(e)} noValidate>
        <CodeInput
          id="new-hq-code"
          label={t('sync.hqKeys.typeCode')}
          hint={t('wizard.verify.typeCodeHint')}
          error={error ? t(error) : undefined}
          field={register('typed')}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={disabled}>
            {t('sync.hqKeys.accept')}
          </button>
          <button type="button" disabled={disabled} onClick={() => void refuse()}>
            {t('sync.hqKeys.refuse')}
          </button>
        </div>
      </form>
    </section>
  );
}
