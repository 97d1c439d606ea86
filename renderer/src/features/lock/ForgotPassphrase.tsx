// "Forgot your passphrase?" on the lock screen: write a recovery request for HQ, then take
// HQ's answer in, after which the temporary passphrase HQ read out by phone unlocks.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVaultError, vaultErrorMessageKey } from '../../../../shared/vault/index.ts';
import { useServices } from '../../app/services.tsx';
import { errorMessageKey } from '../../app/errors.ts';
import { applyRecoveryAnswer, makeRecoveryRequest, RECOVERY_EXTENSION } from './recovery.ts';

export function ForgotPassphrase({ onAnswerApplied }: { onAnswerApplied: () => void }) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const [message, setMessage] = useState<{ key: string; error: boolean } | null>(null);
  const filters = [{ name: t('lock.recoveryFiles'), extensions: [RECOVERY_EXTENSION] }];
  const fail = (e: unknown) =>
    setMessage({
      key: isVaultError(e) ? vaultErrorMessageKey(e.code) : errorMessageKey(e),
      error: true,
    });

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
      const [file] = await platform.openFiles({ multiple: false, filters });
      if (!file) return;
      await applyRecoveryAnswer(db, file.data);
      setMessage({ key: 'lock.answerApplied', error: false });
      onAnswerApplied();
    } catch (e) {
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
      {message ? (
        <p
          className={message.error ? 'error' : 'notice ok'}
          role={message.error ? 'alert' : 'status'}
        >
          {t(message.key)}
        </p>
      ) : null}
    </details>
  );
}
