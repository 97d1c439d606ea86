// Changing the passphrase re-wraps the data key under the new one: nothing else is
// re-encrypted, so it takes the same second whether the log holds ten entries or 100,000.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassphrase } from '../../../../shared/vault/index.ts';
import { getVaultRecord, setVaultRecord } from '../../db/identity.ts';
import { useServices } from '../../kernel/services.tsx';
import { refreshRecoveryCopy } from '../lock/index.ts';
import { useUi } from '../../kernel/store.ts';
import { problemOf, type Message } from '../../ui/problem.ts';

/** The shortest passphrase the app accepts (the wizard asks for the same). */
export const MIN_PASSPHRASE_LENGTH = 8;

export function ChangePassphrase({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { db, vault } = useServices();
  const showToast = useUi((s) => s.showToast);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (next.length < MIN_PASSPHRASE_LENGTH)
      return setProblem({ key: 'settings.passphraseTooShort' });
    if (next !== again) return setProblem({ key: 'settings.passphraseMismatch' });
    setBusy(true);
    setProblem(null);
    try {
      const record = await changePassphrase(await getVaultRecord(db), current, next);
      await setVaultRecord(db, record);
      // A version 1 record loses its old-style HQ copy in the change: make the new one now.
      if (vault.key) await refreshRecoveryCopy(db, next, vault.key);
      setCurrent('');
      setNext('');
      setAgain('');
      showToast({ kind: 'ok', key: 'settings.passphraseChanged' });
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    auto: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={auto}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-describedby={problem ? 'passphrase-problem' : undefined}
      />
    </div>
  );

  return (
    <form
      aria-label={t('settings.changePassphrase')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      {forced ? <p className="notice warn">{t('settings.mustChangePassphrase')}</p> : null}
      {field(
        'passphrase-current',
        t('settings.currentPassphrase'),
        current,
        setCurrent,
        'current-password',
      )}
      {field('passphrase-new', t('settings.newPassphrase'), next, setNext, 'new-password')}
      {field('passphrase-again', t('settings.repeatPassphrase'), again, setAgain, 'new-password')}
      {problem ? (
        <p className="error" id="passphrase-problem" role="alert">
          {t(problem.key, { min: MIN_PASSPHRASE_LENGTH, ...problem.values })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('settings.changingPassphrase') : t('settings.changePassphrase')}
        </button>
      </div>
    </form>
  );
}
