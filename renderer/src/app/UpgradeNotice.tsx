// Shown while the database upgrades to this version's schema at start-up (openDatabase's
// onUpgrade). The language is stored in the database, which is not open yet, so the notice
// says it in both, the browser's language first.
import { useTranslation } from 'react-i18next';
import { type Language } from '../../../shared/domain/catalogue-types.ts';

export function UpgradeNotice({ first }: { first: Language }) {
  const { i18n } = useTranslation();
  const order: Language[] = first === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const t = i18n.getFixedT(first);
  return (
    <main className="centered upgrade-notice" aria-busy="true">
      {order.map((lang, i) => {
        const say = i18n.getFixedT(lang);
        const Heading = i === 0 ? 'h1' : 'h2';
        return (
          <section key={lang} lang={lang}>
            <Heading>{say('upgrade.title')}</Heading>
            <p>{say('upgrade.body')}</p>
            <p>{say('upgrade.keepOpen')}</p>
          </section>
        );
      })}
      <progress aria-label={t('upgrade.progress')} />
    </main>
  );
}
