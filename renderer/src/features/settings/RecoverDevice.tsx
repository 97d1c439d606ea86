// HQ's side of a forgotten passphrase: open a device's recovery request, read the temporary
// passphrase to the person by phone, and send them the answer file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../kernel/services.tsx';
import { requireReadable } from '../../platform/errors.ts';
import { problemOf, type Message } from '../../ui/problem.ts';
import { answerRecoveryRequest, RECOVERY_EXTENSION, type RecoveryAnswer } from '../lock/index.ts';

export function RecoverDevice() {
  const { t } = useTranslation();
  const { db, platform, vault } = useServices();
  const [answer, setAnswer] = useState<RecoveryAnswer | null>(null);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<Message | null>(null);
  const filters = [{ name: t('lock.recoveryFiles'), extensions: [RECOVERY_EXTENSION] }];

  const open = async () => {
    setProblem(null);
    setSaved(false);
    try {
      const [file] = requireReadable(await platform.openFiles({ multiple: false, filters }));
      if (!file) return;
      setAnswer(await answerRecoveryRequest(db, vault.key, file.data));
    } catch (e) {
      setAnswer(null);
      setProblem(problemOf(e));
    }
  };

  const save = async () => {
    if (!answer) return;
    try {
      const result = await platform.saveFile({
        suggestedName: answer.name,
        data: answer.data,
        filters,
      });
      setSaved(result.saved);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  return (
    <section aria-labelledby="recover-heading">
      <h2 id="recover-heading">{t('settings.recoverHeading')}</h2>
      <p>{t('settings.recoverIntro')}</p>
      <div className="actions">
        <button type="button" onClick={() => void open()}>
          {t('settings.openRequest')}
        </button>
      </div>
      {problem ? (
        <p className="error" role="alert">
          {t(problem.key, problem.values)}
        </p>
      ) : null}
      {answer ? (
        <div className="notice" role="status">
          <p>
            {t('settings.requestFrom', {
              name: answer.deviceName,
              deviceId: answer.request.deviceId,
            })}
          </p>
          <p>{t('settings.readTemporary')}</p>
          <p className="temporary-passphrase">
            <code data-testid="temporary-passphrase">{answer.temporary}</code>
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void save()}>
              {t('settings.saveAnswer')}
            </button>
          </div>
          {saved ? <p>{t('settings.answerSaved')}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
