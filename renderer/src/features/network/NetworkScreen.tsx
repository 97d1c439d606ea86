// HQ's network screen: the profile in force, the next version's posts, team leads and rules,
// "Issue updated profile" (signed with this device's HQ key, stored, saved as a file), and
// the devices approved so far, and those waiting for approval (approved in Sync, revocable here).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { type NetworkProfile, type SignedProfile } from '../../../../shared/identity/index.ts';
import { getSignedProfile } from '../../db/identity.ts';
import { type Session } from '../../kernel/session.ts';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { problemOf, type Problem } from '../../ui/problem.ts';
import { profileFileName, saveProfileFile } from '../../kernel/profile-files.ts';
import { useFingerprintCodes } from '../../ui/useFingerprintCodes.ts';
import { formatIssued, HqCode } from '../../ui/HqCode.tsx';
import './network.css';
import { DevicesTable } from './DevicesTable.tsx';
import { keptEdits, useNetworkDraft } from './draft-store.ts';
import { issueProfile, nextProfile, officerDatesOf, type ProfileEdits } from './issue-profile.ts';
import { OfficerDatesEditor } from './OfficerDatesEditor.tsx';
import { revokeDeviceAtHq, rotateKeysAtHq } from './key-actions.ts';
import { LeadsEditor } from './LeadsEditor.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import { PostsEditor } from './PostsEditor.tsx';
import { WaitingDevices } from './WaitingDevices.tsx';
import { HqRelayForm } from '../online/index.ts';

function editsOf(profile: NetworkProfile): ProfileEdits {
  return {
    posts: profile.posts,
    leads: profile.leads,
    policy: profile.policy,
    relay: profile.relay ?? null,
    officerDates: officerDatesOf(profile),
  };
}

/** Saves a profile file, telling the person where it went (or why it did not). */
function useSaveProfile(): (signed: SignedProfile, doneKey: string) => Promise<boolean> {
  const { t } = useTranslation();
  const { platform } = useServices();
  const showToast = useUi((s) => s.showToast);
  return async (signed, doneKey) => {
    try {
      const result = await saveProfileFile(platform, signed, t('network.fileFilter'));
      if (!result.saved) return false;
      const name = result.location ?? profileFileName(signed.profile);
      showToast({
        kind: 'ok',
        key: doneKey,
        params: { version: signed.profile.version, name },
      });
      return true;
    } catch (error) {
      showToast({ kind: 'error', key: problemOf(error).key });
      return false;
    }
  };
}

export function NetworkScreen(_props: { session: Session }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const signed = useLiveQuery(() => getSignedProfile(db), [db]);
  if (!signed) return <p className="hint">{t('app.loading')}</p>;
  return (
    <section className="network-screen" aria-labelledby="network-heading">
      <h1 id="network-heading" tabIndex={-1}>
        {t('network.heading')}
      </h1>
      <CurrentProfile signed={signed} />
      {/* Keyed by version: a newly issued profile starts a fresh draft. */}
      <NextVersion key={signed.profile.version} profile={signed.profile} />
      <KeyLife profile={signed.profile} />
    </section>
  );
}

/** Revoking devices and replacing HQ's keys: each issues, stores and saves the next profile. */
function KeyLife({ profile }: { profile: NetworkProfile }) {
  const { t } = useTranslation();
  const { db, vault } = useServices();
  const save = useSaveProfile();
  const showToast = useUi((s) => s.showToast);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const keys = useMemo(() => [profile.hq.recoveryKey ?? ''], [profile.hq.recoveryKey]);
  const [recoveryCode] = useFingerprintCodes(keys);

  /** Issues the next profile; false when it was refused (the problem is shown). */
  const run = async (action: () => Promise<SignedProfile>, doneKey: string) => {
    setBusy(true);
    setProblem(null);
    try {
      const issued = await action();
      if (!(await save(issued, doneKey)))
        showToast({
          kind: 'info',
          key: 'network.issuedNotSaved',
          params: { version: issued.profile.version },
        });
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const now = () => new Date(db.now());

  return (
    <>
      <section aria-labelledby="devices-heading">
        <h2 id="devices-heading">{t('network.devices')}</h2>
        <p className="hint">{t('network.devicesIntro')}</p>
        <DevicesTable
          profile={profile}
          busy={busy}
          onRevoke={(device) =>
            run(
              () => revokeDeviceAtHq(db, device.deviceId, vault.key, now()),
              'network.device.revoked',
            )
          }
        />
      </section>
      <WaitingDevices
        profile={profile}
        busy={busy}
        onRevoke={(deviceId) =>
          run(() => revokeDeviceAtHq(db, deviceId, vault.key, now()), 'network.device.revoked')
        }
      />
      <section aria-labelledby="hq-keys-heading">
        <h2 id="hq-keys-heading">{t('network.keys.heading')}</h2>
        <p className="hint">{t('network.keys.intro')}</p>
        {profile.hq.recoveryKey ? (
          <p>
            {t('network.keys.recoveryCode')} <code>{recoveryCode}</code>
          </p>
        ) : null}
        {profile.hq.rotations?.length ? (
          <p>{t('network.keys.rotations', { count: profile.hq.rotations.length })}</p>
        ) : null}
        <ProblemNotice problem={problem} />
        {profile.demo ? (
          <p className="hint">{t('network.keys.demoFixed')}</p>
        ) : confirmRotate ? (
          <div className="notice warn" role="alertdialog" aria-labelledby="rotate-question">
            <p id="rotate-question">{t('network.keys.confirm')}</p>
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() =>
                  void run(() => rotateKeysAtHq(db, vault.key, now()), 'network.keys.rotated').then(
                    () => setConfirmRotate(false),
                  )
                }
              >
                {t('network.keys.confirmButton', { version: profile.version + 1 })}
              </button>
              <button type="button" autoFocus onClick={() => setConfirmRotate(false)}>
                {t('network.device.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => setConfirmRotate(true)}>
              {t('network.keys.rotate')}
            </button>
          </div>
        )}
      </section>
    </>
  );
}

function CurrentProfile({ signed }: { signed: SignedProfile }) {
  const { t } = useTranslation();
  const lang = useLang();
  const save = useSaveProfile();
  const { profile } = signed;
  const keys = useMemo(() => [profile.hq.signingKey], [profile.hq.signingKey]);
  const [hqCode] = useFingerprintCodes(keys);
  return (
    <section aria-labelledby="current-heading">
      <h2 id="current-heading">{t('network.current')}</h2>
      {profile.demo ? <p className="notice warn">{t('network.demo')}</p> : null}
      <dl className="details">
        <dt>{t('network.name')}</dt>
        <dd>{profile.networkName[lang]}</dd>
        <dt>{t('network.version')}</dt>
        <dd data-testid="profile-version">{profile.version}</dd>
        <dt>{t('network.issued')}</dt>
        <dd>{formatIssued(profile.issuedAt, lang)}</dd>
        <dt>{t('network.networkId')}</dt>
        <dd>
          <code>{profile.networkId}</code>
        </dd>
        <dt>{t('network.hqCode')}</dt>
        <dd>
          <HqCode code={hqCode ?? ''} />
        </dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => void save(signed, 'network.saved')}>
          {t('network.saveAgain')}
        </button>
      </div>
    </section>
  );
}

function NextVersion({ profile }: { profile: NetworkProfile }) {
  const { t } = useTranslation();
  const { db, vault } = useServices();
  const showToast = useUi((s) => s.showToast);
  const save = useSaveProfile();
  // Edits survive the screen going away (an idle lock, a visit to another screen).
  const [draft, setDraft] = useState<ProfileEdits>(
    () => keptEdits(profile.version) ?? editsOf(profile),
  );
  const keep = useNetworkDraft((s) => s.keep);
  useEffect(() => keep(profile.version, draft), [keep, profile.version, draft]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify(draft) !== JSON.stringify(editsOf(profile));
  const edit = (patch: Partial<ProfileEdits>) => setDraft((d) => ({ ...d, ...patch }));

  const issue = async () => {
    setBusy(true);
    setProblem(null);
    let signed: SignedProfile;
    try {
      signed = await issueProfile(db, nextProfile(profile, draft, new Date(db.now())), vault.key);
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
      return;
    }
    // Stored: this draft is replaced by a fresh one for the next version (see the key above).
    if (!(await save(signed, 'network.issuedSaved'))) {
      showToast({
        kind: 'info',
        key: 'network.issuedNotSaved',
        params: { version: signed.profile.version },
      });
    }
  };

  return (
    <section aria-labelledby="next-heading">
      <h2 id="next-heading">{t('network.nextVersion')}</h2>
      <p className="hint">{t('network.nextIntro')}</p>
      <h3>{t('network.posts.heading')}</h3>
      <PostsEditor posts={draft.posts} onChange={(posts) => edit({ posts })} />
      <h3>{t('network.leads.heading')}</h3>
      <LeadsEditor leads={draft.leads} posts={draft.posts} onChange={(leads) => edit({ leads })} />
      <h3>{t('network.officers.heading')}</h3>
      <OfficerDatesEditor
        profile={profile}
        dates={draft.officerDates ?? officerDatesOf(profile)}
        onChange={(officerDates) => edit({ officerDates })}
      />
      <h3>{t('network.policy.heading')}</h3>
      <PolicyForm
        key={JSON.stringify(draft.policy)}
        policy={draft.policy}
        submitLabel={t('network.policy.apply')}
        onSubmit={(policy) => {
          edit({ policy });
          showToast({ kind: 'info', key: 'network.policy.applied' });
        }}
      />
      <h3 id="hq-relay-heading">{t('online.hq.heading')}</h3>
      <HqRelayForm
        key={JSON.stringify(draft.relay ?? null)}
        relay={draft.relay ?? null}
        demo={profile.demo}
        onSubmit={(relay) => {
          edit({ relay });
          showToast({ kind: 'info', key: 'online.hq.applied' });
        }}
      />
      <ProblemNotice problem={problem} />
      {changed ? (
        <p className="notice info" role="status">
          {t('network.unissued')}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !changed}
          onClick={() => void issue()}
        >
          {t('network.issue', { version: profile.version + 1 })}
        </button>
        <button
          type="button"
          disabled={busy || !changed}
          onClick={() => {
            setDraft(editsOf(profile));
            setProblem(null);
          }}
        >
          {t('network.discard')}
        </button>
      </div>
    </section>
  );
}
