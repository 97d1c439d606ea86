// The wizard's first screen: the language (it changes nothing else), then the three ways to
// start. Each choice is one button, so the demo is one click from here.
import { useTranslation } from 'react-i18next';
import { useSwitchLanguage } from '../../kernel/language.ts';
import { useLang } from '../../i18n/useLang.ts';
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import { Step } from './Step.tsx';

export type SetupPath = 'member' | 'hq' | 'demo';

const LANGUAGES: readonly Language[] = ['en', 'fr'];
const PATHS: readonly SetupPath[] = ['member', 'hq', 'demo'];

export function WelcomeStep({ onChoose }: { onChoose: (path: SetupPath) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const switchLanguage = useSwitchLanguage();
  return (
    <Step heading={t('wizard.welcome.heading')}>
      <p>{t('wizard.welcome.intro')}</p>
      <div className="language-choice" role="group" aria-labelledby="wizard-language">
        <span id="wizard-language" className="group-label">
          {t('wizard.welcome.language')}
        </span>
        {LANGUAGES.map((code) => (
          <button
            key={code}
            type="button"
            lang={code}
            aria-pressed={lang === code}
            onClick={() => switchLanguage(code)}
          >
            {t(`language.${code}`)}
          </button>
        ))}
      </div>
      <h2 id="wizard-choose">{t('wizard.welcome.choose')}</h2>
      <ul className="choice-list" aria-labelledby="wizard-choose">
        {PATHS.map((path) => (
          <li key={path}>
            <button
              type="button"
              className={path === 'demo' ? 'choice demo-choice' : 'choice'}
              aria-labelledby={`choice-${path}`}
              aria-describedby={`choice-${path}-help`}
              onClick={() => onChoose(path)}
            >
              <span className="name" id={`choice-${path}`}>
                {t(`wizard.welcome.${path}`)}
              </span>
              <span className="desc" id={`choice-${path}-help`}>
                {t(`wizard.welcome.${path}Help`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Step>
  );
}
