// "Try the demo": one click starts as the demo officer at Bogotá; or pick another demo
// officer, a demo team lead or the demo HQ. The passphrase is shown plainly: it is public.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPost, getRegion } from '../../../../shared/domain/posts.ts';
import { DEMO_LEADS, DEMO_OFFICERS } from '../../../../shared/identity/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { DEMO_PASSPHRASE } from '../lock/index.ts';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { problemOf, type Problem } from '../../ui/problem.ts';
import { finishSetup, prepareDemoSetup, setUpDemo, type DemoChoice } from './setup-service.ts';
import { seedDemoInWorker } from './demo-seed-client.ts';
import { BackButton, Step, Working } from './Step.tsx';

const [FIRST_OFFICER] = DEMO_OFFICERS;

export function DemoStep({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db, vault } = useServices();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [officerId, setOfficerId] = useState(FIRST_OFFICER?.officerId ?? '');
  const [leadId, setLeadId] = useState(DEMO_LEADS[0]?.officerId ?? '');
  const [withData, setWithData] = useState(false);
  const [seeded, setSeeded] = useState<{ done: number; total: number } | null>(null);
  const city = (code: string) => getPost(code)?.city[lang] ?? code;
  const regionOf = (codes: readonly string[]) => {
    const post = getPost(codes[0] ?? '');
    return post ? getRegion(post.region).name[lang] : '';
  };

  const start = async (choice: DemoChoice) => {
    setBusy(true);
    setProblem(null);
    try {
      // On success the shell replaces the wizard with the log: nothing more to do here.
      if (choice.role === 'officer' || !withData) {
        await setUpDemo({ db, vault }, choice);
        return;
      }
      // The entries are stored before the identity: the shell opens on a filled network.
      const prepared = await prepareDemoSetup({ db, vault }, choice);
      const posts = choice.role === 'lead' ? [...choice.lead.posts] : undefined;
      await seedDemoInWorker(
        { dbName: db.name, dataKey: prepared.dataKey, ...(posts ? { posts } : {}) },
        (done, total) => setSeeded({ done, total }),
      );
      await finishSetup({ db, vault }, prepared);
    } catch (error) {
      setProblem(problemOf(error));
      // A retry starts with "Working…" again, not the failed run's progress bar.
      setSeeded(null);
      setBusy(false);
    }
  };
  const officer = DEMO_OFFICERS.find((o) => o.officerId === officerId);
  const lead = DEMO_LEADS.find((l) => l.officerId === leadId);

  return (
    <Step heading={t('wizard.demo.heading')}>
      <p className="notice warn">{t('wizard.demo.warning')}</p>
      <div className="notice info">
        <p className="demo-passphrase">
          <strong>{t('wizard.demo.passphrase', { passphrase: DEMO_PASSPHRASE })}</strong>
        </p>
        <p>{t('wizard.demo.passphraseHelp')}</p>
      </div>
      <ProblemNotice problem={problem} />
      {FIRST_OFFICER ? (
        <>
          <h2>{t('wizard.demo.quick')}</h2>
          <button
            type="button"
            className="primary big"
            disabled={busy}
            aria-describedby="demo-quick-who"
            onClick={() => void start({ role: 'officer', officer: FIRST_OFFICER })}
          >
            {t('wizard.demo.asOfficerAt', { city: city(FIRST_OFFICER.postCode) })}
          </button>
          <p className="hint" id="demo-quick-who">
            {t('wizard.demo.officerOption', {
              name: FIRST_OFFICER.name,
              city: city(FIRST_OFFICER.postCode),
            })}
          </p>
        </>
      ) : null}
      <h2>{t('wizard.demo.who')}</h2>
      <p className="demo-with-data">
        <input
          type="checkbox"
          id="demo-with-data"
          checked={withData}
          disabled={busy}
          onChange={(e) => setWithData(e.target.checked)}
        />
        <label htmlFor="demo-with-data">{t('wizard.demo.withData')}</label>
      </p>
      {/* Above the choices, and not beside the seeding's own progress ("a few seconds" under
          the officer's button, while HQ's minute of seeding ran further down). */}
      <Working busy={busy && !seeded} />
      {seeded ? (
        <p className="demo-seeding">
          <label htmlFor="demo-seed-progress">
            {t('wizard.demo.seeding', {
              done: seeded.done.toLocaleString(lang),
              total: seeded.total.toLocaleString(lang),
            })}
          </label>
          <progress id="demo-seed-progress" max={seeded.total || 1} value={seeded.done} />
        </p>
      ) : null}
      <div className="demo-pick">
        <div className="field">
          <label htmlFor="demo-officer">{t('wizard.demo.officer')}</label>
          <select
            id="demo-officer"
            value={officerId}
            onChange={(e) => setOfficerId(e.target.value)}
          >
            {DEMO_OFFICERS.map((o) => (
              <option key={o.officerId} value={o.officerId}>
                {t('wizard.demo.officerOption', { name: o.name, city: city(o.postCode) })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          disabled={busy || !officer}
          onClick={() => officer && void start({ role: 'officer', officer })}
        >
          {t('wizard.demo.startOfficer')}
        </button>
      </div>
      <div className="demo-pick">
        <div className="field">
          <label htmlFor="demo-lead">{t('wizard.demo.lead')}</label>
          <select id="demo-lead" value={leadId} onChange={(e) => setLeadId(e.target.value)}>
            {DEMO_LEADS.map((l) => (
              <option key={l.officerId} value={l.officerId}>
                {t('wizard.demo.leadOption', {
                  name: l.name,
                  region: regionOf(l.posts),
                  count: l.posts.length,
                })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          disabled={busy || !lead}
          onClick={() => lead && void start({ role: 'lead', lead })}
        >
          {t('wizard.demo.startLead')}
        </button>
      </div>
      <div className="demo-pick">
        <p className="field">
          <span className="group-label">{t('wizard.demo.hq')}</span>
          <span className="hint" id="demo-hq-help">
            {t('wizard.demo.hqHelp')}
          </span>
        </p>
        <button
          type="button"
          disabled={busy}
          aria-describedby="demo-hq-help"
          onClick={() => void start({ role: 'hq' })}
        >
          {t('wizard.demo.startHq')}
        </button>
      </div>
      <div className="actions">
        <BackButton onBack={onBack} disabled={busy} />
      </div>
    </Step>
  );
}
