// The HQ path's steps: name the network and who is setting it up, its posts, its team
// leads, its rules; then (after the passphrase) store the setup and hand out the profile file.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import {
  OFFICER_ID_PATTERN,
  type Lead,
  type ProfilePolicy,
  type ProfilePost,
} from '../../../../shared/identity/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { LeadsEditor, PolicyForm, PostsEditor } from '../network/index.ts';
import { FinishActions } from './FinishActions.tsx';
import { profileFileName, saveProfileFile } from '../../kernel/profile-files.ts';
import { type PreparedHq } from './setup-service.ts';
import { BackButton, Step, StepActions, type StepPosition } from './Step.tsx';
import { HqCode } from '../../ui/HqCode.tsx';
import { Field } from '../../ui/Field.tsx';

const name = (key: string) => z.string().trim().min(1, key).max(100, key);

// Messages are i18n keys, translated where they are shown.
const hqNetworkSchema = z.object({
  networkNameEn: name('wizard.hq.networkNameRequired'),
  networkNameFr: name('wizard.hq.networkNameRequired'),
  name: name('wizard.who.nameRequired'),
  officerId: z.string().trim().regex(OFFICER_ID_PATTERN, 'wizard.who.officerIdInvalid'),
});
export type HqNetworkValues = z.infer<typeof hqNetworkSchema>;

interface StepProps {
  position: StepPosition;
  onBack: () => void;
}

export function HqNetworkStep({
  values,
  position,
  onBack,
  onDone,
}: StepProps & { values: HqNetworkValues | undefined; onDone: (v: HqNetworkValues) => void }) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<HqNetworkValues>({
    resolver: zodResolver(hqNetworkSchema),
    defaultValues: values ?? { networkNameEn: '', networkNameFr: '', name: '', officerId: '' },
  });
  const field = (key: keyof HqNetworkValues, label: string, help?: string) => {
    const error = errors[key]?.message;
    return (
      <Field id={`hq-${key}`} label={label} help={help} error={error ? t(error) : undefined}>
        {(aria) => <input {...aria} {...register(key)} />}
      </Field>
    );
  };
  return (
    <Step heading={t('wizard.hq.networkHeading')} position={position}>
      <p>{t('wizard.hq.networkIntro')}</p>
      <form onSubmit={(e) => void handleSubmit(onDone)(e)} noValidate>
        {field('networkNameEn', t('wizard.hq.networkNameEn'))}
        {field('networkNameFr', t('wizard.hq.networkNameFr'))}
        {field('name', t('wizard.hq.yourName'))}
        {field('officerId', t('wizard.hq.userId'), t('wizard.hq.userIdHelp'))}
        <StepActions onBack={onBack} />
      </form>
    </Step>
  );
}

export function HqPostsStep({
  posts,
  onChange,
  position,
  onBack,
  onNext,
}: StepProps & {
  posts: readonly ProfilePost[];
  onChange: (posts: ProfilePost[]) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Step heading={t('wizard.hq.postsHeading')} position={position}>
      <p>{t('wizard.hq.postsIntro')}</p>
      <StepActions onBack={onBack} onNext={onNext} />
      <PostsEditor posts={posts} onChange={onChange} />
      <StepActions onBack={onBack} onNext={onNext} />
    </Step>
  );
}

export function HqLeadsStep({
  leads,
  posts,
  onChange,
  position,
  onBack,
  onNext,
}: StepProps & {
  leads: readonly Lead[];
  posts: readonly ProfilePost[];
  onChange: (leads: Lead[]) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Step heading={t('wizard.hq.leadsHeading')} position={position}>
      <p>{t('wizard.hq.leadsIntro')}</p>
      <LeadsEditor leads={leads} posts={posts} onChange={onChange} />
      <StepActions onBack={onBack} onNext={onNext} />
    </Step>
  );
}

export function HqPolicyStep({
  policy,
  position,
  onBack,
  onDone,
}: StepProps & { policy: ProfilePolicy; onDone: (policy: ProfilePolicy) => void }) {
  const { t } = useTranslation();
  return (
    <Step heading={t('wizard.hq.policyHeading')} position={position}>
      <PolicyForm
        policy={policy}
        submitLabel={t('wizard.next')}
        onSubmit={onDone}
        before={<BackButton onBack={onBack} />}
      />
    </Step>
  );
}

/**
 * The last HQ step: HQ's code, then "Open Liaison Log", which stores the setup and only then
 * saves the signed profile file (ticked by default; the Network screen can save it again).
 * Saving first would leave a file naming an HQ key no device holds if the window closed.
 */
export function HqExportStep({
  prepared,
  hqCode,
  position,
  onBack,
}: StepProps & { prepared: PreparedHq; hqCode: string }) {
  const { t } = useTranslation();
  const { platform } = useServices();

  return (
    <Step heading={t('wizard.hq.exportHeading')} position={position}>
      <p>{t('wizard.hq.exportIntro')}</p>
      <dl className="details">
        <dt>{t('wizard.hq.code')}</dt>
        <dd>
          <HqCode code={hqCode} />
        </dd>
      </dl>
      <FinishActions
        prepared={prepared}
        saveFile={() => saveProfileFile(platform, prepared.signed, t('wizard.hq.fileFilter'))}
        fileName={profileFileName(prepared.signed.profile)}
        saveByDefault
        keys={{
          save: 'wizard.hq.save',
          saveHelp: 'wizard.hq.saveHelp',
          saved: 'wizard.hq.saved',
          notSaved: 'wizard.hq.notSaved',
          start: 'wizard.hq.start',
        }}
        onBack={onBack}
      />
    </Step>
  );
}
