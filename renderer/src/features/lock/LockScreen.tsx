// The lock screen: shown at start and after the idle time. Only the passphrase opens the
// data key; wrong tries are counted and, after a few, each next try waits longer. Nothing
// is ever erased for wrong tries. Unlocking returns to the screen the person was on.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { checkKeyStore } from '../../db/identity.ts';
import {
  isVaultError,
  vaultErrorMessageKey,
  vaultErrorMessageValues,
} from '../../../../shared/vault/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { type Session } from '../../kernel/session.ts';
import { UnlockWaitError } from '../../kernel/vault-session.ts';
import { DEMO_PASSPHRASE } from './demo.ts';
import { ForgotPassphrase } from './ForgotPassphrase.tsx';
import { refreshRecoveryCopy } from './recovery.ts';

type Problem = { key: string; values?: Record<string, string | number> } | null;

export function LockScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { db, vault } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const input = useRef<HTMLInputElement>(null);
  const keyStore = useLiveQuery(() => checkKeyStore(db), [db]);

  // A reload does not skip the wait: it is stored, so ask how long is left on arrival.
  useEffect(() => {
    void vault.waitBeforeNextTry().then((ms) => {
      if (ms > 0) setWaitUntil(Date.now() + ms);
    });
  }, [vault]);

  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [waitUntil, now]);

  const secondsLeft = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const submit = async () => {
    if (busy || secondsLeft > 0) return;
    if (passphrase === '') {
      setProblem({ key: 'lock.empty' });
      input.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await vault.unlock(passphrase, (key) => refreshRecoveryCopy(db, passphrase, key));
      // The App now shows the shell; this component is gone.
    } catch (e) {
      setBusy(false);
      setPassphrase('');
      if (e instanceof UnlockWaitError) {
        setWaitUntil(Date.now() + e.waitMs);
        setNow(Date.now());
        setProblem({ key: 'lock.wait' });
      } else if (isVaultError(e)) {
        setProblem({ key: vaultErrorMessageKey(e.code), values: vaultErrorMessageValues(e) });
        const wait = await vault.waitBeforeNextTry();
        if (wait > 0) {
          setWaitUntil(Date.now() + wait);
          setNow(Date.now());
        }
      } else {
        setProblem({ key: 'lock.failed' });
      }
      input.current?.focus();
    }
  };

  return (
    <section className="centered lock" aria-labelledby="lock-heading">
      <h1 id="lock-heading" tabIndex={-1}>
        {t('lock.title')}
      </h1>
      <p>{t(`lock.who_${session.identity.role}`, { name: session.identity.name })}</p>
      {keyStore && keyStore !== 'ok' ? (
        <p className="notice error" role="alert">
          {t('lock.keyStoreDamaged')}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor="unlock-passphrase">{t('lock.passphrase')}</label>
          <input
            id="unlock-passphrase"
            ref={input}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'unlock-problem' : undefined}
          />
          {problem ? (
            <p className="error" id="unlock-problem" role="alert">
              {t(problem.key, problem.values)}
            </p>
          ) : null}
          {secondsLeft > 0 ? (
            <p className="help" role="status">
              {t('lock.waitSeconds', { count: secondsLeft })}
            </p>
          ) : null}
        </div>
        {session.identity.demo ? (
          <p className="hint">{t('lock.demoHint', { passphrase: DEMO_PASSPHRASE })}</p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || secondsLeft > 0}>
            {busy ? t('lock.unlocking') : t('lock.unlock')}
          </button>
        </div>
      </form>
      <ForgotPassphrase />
    </section>
  );
}
