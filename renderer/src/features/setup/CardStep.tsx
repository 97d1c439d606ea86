// Officer or lead, last step: the device card HQ compares by phone before approving this
// computer, and "Start logging", which stores the setup and only then saves the optional
// enrollment file (a card saved first would name keys a closed window never stored).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { FinishActions } from './FinishActions.tsx';
import { enrollmentFileName, saveEnrollmentFile } from '../../kernel/profile-files.ts';
import { type PreparedMember } from './setup-service.ts';
import { Step, type StepPosition } from './Step.tsx';
import { useFingerprintCodes } from '../../ui/useFingerprintCodes.ts';
import { DeviceCard } from '../../ui/DeviceCard.tsx';
import '../../ui/fingerprint.css';

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
  const { platform } = useServices();
  const { identity, keys } = prepared.records;
  const publicKeys = useMemo(() => [keys.signing.publicKey, keys.encryption.publicKey], [keys]);
  const [signingCode, encryptionCode] = useFingerprintCodes(publicKeys);
  const postName = (code: string) => profile.posts.find((p) => p.code === code)?.name[lang] ?? code;

  return (
    <Step heading={t('wizard.card.heading')} position={position}>
      <p>{t('wizard.card.intro')}</p>
      <DeviceCard
        className="device-card"
        testId="device-card"
        facts={[
          [t('wizard.card.name'), identity.name],
          [t('wizard.card.officerId'), identity.officerId],
          [t('wizard.card.role'), t(`wizard.card.role_${identity.role}`)],
          identity.postCode ? [t('wizard.card.post'), postName(identity.postCode)] : null,
          identity.posts ? [t('wizard.card.posts'), identity.posts.map(postName).join('; ')] : null,
          [t('wizard.card.device'), <code>{identity.deviceId}</code>],
          [
            t('wizard.card.signingCode'),
            <code className="fingerprint" data-testid="signing-code">
              {signingCode}
            </code>,
          ],
          [t('wizard.card.encryptionCode'), <code className="fingerprint">{encryptionCode}</code>],
        ]}
      />
      <FinishActions
        prepared={prepared}
        saveFile={() =>
          saveEnrollmentFile(platform, prepared.enrollment, t('wizard.card.fileFilter'))
        }
        fileName={enrollmentFileName(prepared.enrollment)}
        saveByDefault={false}
        keys={{
          save: 'wizard.card.save',
          saveHelp: 'wizard.card.saveHelp',
          saved: 'wizard.card.saved',
          notSaved: 'wizard.card.notSaved',
          start: 'wizard.card.start',
        }}
        onBack={onBack}
      />
    </Step>
  );
}
