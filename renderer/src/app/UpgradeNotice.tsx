// Shown while the database upgrades to this version's schema at start-up (openDatabase's
// onUpgrade). The language is stored in the database, which is not open yet, so the notice
// says it in both, the browser's language first.
import { useTranslation } from 'react-i18next';
import { type Language } from '../../../shared/domain/catalogue-types.ts';

/**
 * `blocked`: another window keeps the old version open, so the update waits for it (and
 * start-up gives up after a while, errors.blocked): the notice says what to do.
 */
export function UpgradeNotice({ first, blocked }: { first: Language; blocked: boolean }) {
  const { i18n } = useTranslation();
  const order: Language[] = first === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const t = i18n.getFixedT(first);
  return (
    <main className="centered upgrade-notice">
      {order.map((lang, i) => {
        const say = i18n.getFixedT(lang);
        const Heading = i === 0 ? 'h1' : 'h2';
        return (
          <section key={lang} lang={lang}>
            <Heading>{say('upgrade.title')}</Heading>
            <p>{say('upgrade.body')}</p>
            <p>{say('upgrade.keepOpen')}</p>
            {blocked ? (
              <p className="upgrade-blocked" role={i === 0 ? 'alert' : undefined}>
                {say('upgrade.blocked')}
              </p>
            ) : null}
          </section>
        );
      })}
      <progress aria-label={t('upgrade.progress')} />
    </main>
  );
}
