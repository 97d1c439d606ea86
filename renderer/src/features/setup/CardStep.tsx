// Officer or lead, last step: the device card HQ compares by phone before approving this
// computer, an optional enrollment file, and "Start logging", which stores the setup.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/index.ts';
import { useServices } from '../../app/services.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { ProblemNotice } from './ProblemNotice.tsx';
import { problemOf, type Problem } from './problem.ts';
import { saveEnrollmentFile } from './setup-files.ts';
import { finishSetup, type PreparedMember } from './setup-service.ts';
import { BackButton, Step, Working, type StepPosition } from './Step.tsx';
import { useFingerprintCodes } from './useFingerprintCodes.ts';

export function CardStep({
  profile,
  prepared,
  position,
  onBack,
}: {
  profile: NetworkProfile;
  prepared: PreparedMember;
  position: StepPosition;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db, vault, platform } = useServices();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const { identity, keys } = prepared.records;
  const publicKeys = useMemo(() => [keys.signing.publicKey, keys.encryption.publicKey], [keys]);
  const [signingCode, encryptionCode] = useFingerprintCodes(publicKeys);
  const postName = (code: string) => profile.posts.find((p) => p.code === code)?.name[lang] ?? code;

  const save = async () => {
    setProblem(null);
    try {
      const result = await saveEnrollmentFile(
        platform,
        prepared.enrollment,
        t('wizard.card.fileFilter'),
      );
      if (result.saved) setSaved(result.location ?? '');
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await finishSetup({ db, vault }, prepared);
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };

  return (
    <Step heading={t('wizard.card.heading')} position={position}>
      <p>{t('wizard.card.intro')}</p>
      <dl className="details device-card" data-testid="device-card">
        <dt>{t('wizard.card.name')}</dt>
        <dd>{identity.name}</dd>
        <dt>{t('wizard.card.officerId')}</dt>
        <dd>{identity.officerId}</dd>
        <dt>{t('wizard.card.role')}</dt>
        <dd>{t(`wizard.card.role_${identity.role}`)}</dd>
        {identity.postCode ? (
          <>
            <dt>{t('wizard.card.post')}</dt>
            <dd>{postName(identity.postCode)}</dd>
          </>
        ) : null}
        {identity.posts ? (
          <>
            <dt>{t('wizard.card.posts')}</dt>
            <dd>{identity.posts.map(postName).join('; ')}</dd>
          </>
        ) : null}
        <dt>{t('wizard.card.device')}</dt>
        <dd>
          <code>{identity.deviceId}</code>
        </dd>
        <dt>{t('wizard.card.signingCode')}</dt>
        <dd>
          <code className="fingerprint" data-testid="signing-code">
            {signingCode}
          </code>
        </dd>
        <dt>{t('wizard.card.encryptionCode')}</dt>
        <dd>
          <code className="fingerprint">{encryptionCode}</code>
        </dd>
      </dl>
      <ProblemNotice problem={problem} />
      {saved !== null ? (
        <p className="notice ok" role="status">
          {t('wizard.card.saved', { name: saved })}
        </p>
      ) : null}
      <Working busy={busy} />
      <div className="actions">
        {/* Once a file naming these keys is saved, going back (new keys) would orphan it. */}
        <BackButton onBack={onBack} disabled={busy || saved !== null} />
        <button type="button" disabled={busy} onClick={() => void save()}>
          {t('wizard.card.save')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
          {t('wizard.card.start')}
        </button>
      </div>
    </Step>
  );
}
