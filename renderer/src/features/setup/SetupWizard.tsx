// The first-run wizard: language and path, then the steps of that path. Answers live here
// (React state: UI state, and the prepared keys must never reach a store); the setup is
// stored only by the last step of a path, at once. See docs/decisions.md.
import { useEffect, useRef, useState } from 'react';
import { DEMO_POSTS } from '../../../../shared/domain/posts.ts';
import {
  DEFAULT_POLICY,
  fingerprintCode,
  type Lead,
  type ProfilePolicy,
  type ProfilePost,
} from '../../../../shared/identity/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { CardStep } from './CardStep.tsx';
import { DemoStep } from './DemoStep.tsx';
import {
  HqExportStep,
  HqLeadsStep,
  HqNetworkStep,
  HqPolicyStep,
  HqPostsStep,
  type HqNetworkValues,
} from './HqSteps.tsx';
import { ImportStep } from './ImportStep.tsx';
import { PassphraseStep } from './PassphraseStep.tsx';
import { type ImportedProfile } from '../../kernel/profile-files.ts';
import {
  prepareHqSetup,
  prepareMemberSetup,
  type MemberChoice,
  type PreparedHq,
  type PreparedMember,
} from './setup-service.ts';
import { VerifyStep } from './VerifyStep.tsx';
import { WelcomeStep, type SetupPath } from './WelcomeStep.tsx';
import { WhoStep } from './WhoStep.tsx';
import './setup.css';

const MEMBER_STEPS = ['import', 'verify', 'who', 'member-passphrase', 'card'] as const;
const HQ_STEPS = ['hq-network', 'posts', 'leads', 'policy', 'hq-passphrase', 'export'] as const;
type Step = 'welcome' | 'demo' | (typeof MEMBER_STEPS)[number] | (typeof HQ_STEPS)[number];

interface Answers {
  imported?: ImportedProfile;
  who?: MemberChoice;
  member?: PreparedMember;
  network?: HqNetworkValues;
  posts: ProfilePost[];
  leads: Lead[];
  policy: ProfilePolicy;
  hq?: { prepared: PreparedHq; code: string };
}

const START: Answers = {
  posts: DEMO_POSTS.map((post) => ({ ...post })),
  leads: [],
  policy: DEFAULT_POLICY,
};

function pathOf(step: Step): readonly Step[] {
  if ((MEMBER_STEPS as readonly Step[]).includes(step)) return MEMBER_STEPS;
  if ((HQ_STEPS as readonly Step[]).includes(step)) return HQ_STEPS;
  return [step];
}

export function SetupWizard() {
  const services = useServices();
  const [step, setStep] = useState<Step>('welcome');
  const [answers, setAnswers] = useState<Answers>(START);
  const frame = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);

  // Each new step starts at its heading, for keyboard and screen-reader users alike.
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    frame.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [step]);

  const update = (patch: Partial<Answers>) => setAnswers((a) => ({ ...a, ...patch }));
  const path = pathOf(step);
  const index = path.indexOf(step);
  const position = { step: index + 1, count: path.length };
  const back = () => {
    // Going back from a prepared step drops what it prepared: new keys are made next time.
    update({ member: undefined, hq: undefined });
    setStep(index > 0 ? (path[index - 1] ?? 'welcome') : 'welcome');
  };
  const next = () => setStep(path[index + 1] ?? 'welcome');
  const deps = { db: services.db, vault: services.vault };

  const choose = (chosen: SetupPath) =>
    setStep(chosen === 'demo' ? 'demo' : chosen === 'hq' ? 'hq-network' : 'import');

  const content = (() => {
    switch (step) {
      case 'welcome':
        return <WelcomeStep onChoose={choose} />;
      case 'demo':
        return <DemoStep onBack={back} />;
      case 'import':
        return (
          <ImportStep
            position={position}
            onBack={back}
            onImported={(imported) => {
              update({ imported, who: undefined });
              next();
            }}
          />
        );
      case 'verify':
        return answers.imported ? (
          <VerifyStep
            imported={answers.imported}
            position={position}
            onBack={back}
            onConfirmed={next}
          />
        ) : null;
      case 'who':
        return answers.imported ? (
          <WhoStep
            profile={answers.imported.signed.profile}
            who={answers.who}
            position={position}
            onBack={back}
            onChosen={(who) => {
              update({ who });
              next();
            }}
          />
        ) : null;
      case 'member-passphrase': {
        const { imported, who } = answers;
        return imported && who ? (
          <PassphraseStep
            forHq={false}
            idleMinutes={imported.signed.profile.policy.idleLockMinutes}
            position={position}
            onBack={back}
            onSubmit={async (passphrase) => {
              const member = await prepareMemberSetup(deps, {
                signed: imported.signed,
                who,
                passphrase,
              });
              update({ member });
              next();
            }}
          />
        ) : null;
      }
      case 'card':
        return answers.imported && answers.member ? (
          <CardStep
            profile={answers.imported.signed.profile}
            prepared={answers.member}
            position={position}
            onBack={back}
          />
        ) : null;
      case 'hq-network':
        return (
          <HqNetworkStep
            values={answers.network}
            position={position}
            onBack={back}
            onDone={(network) => {
              update({ network });
              next();
            }}
          />
        );
      case 'posts':
        return (
          <HqPostsStep
            posts={answers.posts}
            onChange={(posts) => update({ posts })}
            position={position}
            onBack={back}
            onNext={next}
          />
        );
      case 'leads':
        return (
          <HqLeadsStep
            leads={answers.leads}
            posts={answers.posts}
            onChange={(leads) => update({ leads })}
            position={position}
            onBack={back}
            onNext={next}
          />
        );
      case 'policy':
        return (
          <HqPolicyStep
            policy={answers.policy}
            position={position}
            onBack={back}
            onDone={(policy) => {
              update({ policy });
              next();
            }}
          />
        );
      case 'hq-passphrase': {
        const { network } = answers;
        return network ? (
          <PassphraseStep
            forHq
            idleMinutes={answers.policy.idleLockMinutes}
            position={position}
            onBack={back}
            onSubmit={async (passphrase) => {
              const prepared = await prepareHqSetup(deps, {
                networkName: { en: network.networkNameEn, fr: network.networkNameFr },
                name: network.name,
                officerId: network.officerId,
                posts: answers.posts,
                leads: answers.leads,
                policy: answers.policy,
                passphrase,
              });
              const code = await fingerprintCode(prepared.signed.profile.hq.signingKey);
              update({ hq: { prepared, code } });
              next();
            }}
          />
        ) : null;
      }
      case 'export':
        return answers.hq ? (
          <HqExportStep
            prepared={answers.hq.prepared}
            hqCode={answers.hq.code}
            position={position}
            onBack={back}
          />
        ) : null;
    }
  })();

  return (
    <div className="wizard-frame" ref={frame}>
      {content}
    </div>
  );
}
