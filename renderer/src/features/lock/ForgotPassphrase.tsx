// "Forgot your passphrase?" on the lock screen: write a recovery request for HQ, then take
// HQ's answer in with the temporary passphrase HQ read out by phone. The answer is used only
// if that passphrase opens it to this device's own key; then a new passphrase is asked for.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RecoveryAnswerFile } from '../../../../shared/vault/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { requireReadable } from '../../platform/errors.ts';
import { problemOf, type Message } from '../../ui/problem.ts';
import {
  adoptAnswer,
  makeRecoveryRequest,
  readRecoveryAnswer,
  RECOVERY_EXTENSION,
} from './recovery.ts';

export function ForgotPassphrase() {
  const { t } = useTranslation();
  const { db, platform, vault } = useServices();
  const [message, setMessage] = useState<(Message & { error: boolean }) | null>(null);
  const [answer, setAnswer] = useState<RecoveryAnswerFile | null>(null);
  const [temporary, setTemporary] = useState('');
  const [busy, setBusy] = useState(false);
  const filters = [{ name: t('lock.recoveryFiles'), extensions: [RECOVERY_EXTENSION] }];
  const fail = (e: unknown) => {
    const { key, values } = problemOf(e);
    setMessage({ key, ...(values ? { values } : {}), error: true });
  };

  const saveRequest = async () => {
    try {
      const { data, name } = await makeRecoveryRequest(db);
      const result = await platform.saveFile({ suggestedName: name, data, filters });
      if (result.saved) setMessage({ key: 'lock.requestSaved', error: false });
    } catch (e) {
      fail(e);
    }
  };

  const openAnswer = async () => {
    try {
      const [file] = requireReadable(await platform.openFiles({ multiple: false, filters }));
      if (!file) return;
      setAnswer(await readRecoveryAnswer(db, file.data));
      setMessage({ key: 'lock.answerRead', error: false });
    } catch (e) {
      setAnswer(null);
      fail(e);
    }
  };

  const takeAnswer = async () => {
    if (!answer || busy) return;
    setBusy(true);
    try {
      const dataKey = await adoptAnswer(db, answer, temporary);
      vault.open(dataKey); // the shell now asks for a new passphrase before anything else
    } catch (e) {
      setBusy(false);
      fail(e);
    }
  };

  return (
    <details className="forgot">
      <summary>{t('lock.forgotTitle')}</summary>
      <p>{t('lock.forgotBody')}</p>
      <ol>
        <li>
          {t('lock.step1')}{' '}
          <button type="button" onClick={() => void saveRequest()}>
            {t('lock.saveRequest')}
          </button>
        </li>
        <li>{t('lock.step2')}</li>
        <li>
          {t('lock.step3')}{' '}
          <button type="button" onClick={() => void openAnswer()}>
            {t('lock.openAnswer')}
          </button>
        </li>
      </ol>
      {answer ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void takeAnswer();
          }}
        >
          <div className="field">
            <label htmlFor="temporary-passphrase">{t('lock.temporary')}</label>
            <input
              id="temporary-passphrase"
              autoComplete="off"
              spellCheck={false}
              value={temporary}
              onChange={(e) => setTemporary(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || temporary === ''}>
              {t('lock.useAnswer')}
            </button>
          </div>
        </form>
      ) : null}
      {message ? (
        <p
          className={message.error ? 'error' : 'notice ok'}
          role={message.error ? 'alert' : 'status'}
        >
          {t(message.key, message.values)}
        </p>
      ) : null}
    </details>
  );
}
