// The officer's log opens with what came back: entries returned (or found with issues),
// each with the latest comment, before the rest of the list.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { toFieldValues } from '../../../../shared/domain/activity-paths.ts';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { threadOf } from '../../../../shared/review/index.ts';
import { listReturned } from '../../db/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { type Session } from '../../kernel/session.ts';
import { useLang } from '../../i18n/useLang.ts';
import { formatDay } from '../../ui/format.ts';
import './review.css';

export function ReturnedPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const navigate = useUi((s) => s.navigate);
  const officerId = session.identity.officerId;
  const entries = useLiveQuery(() => listReturned(db, officerId), [db, officerId]);
  if (!entries || entries.length === 0) return null;
  return (
    <section
      className="returned-panel"
      aria-labelledby="returned-heading"
      data-testid="returned-panel"
    >
      <h2 id="returned-heading">{t('returned.heading', { count: entries.length })}</h2>
      <p className="hint">{t('returned.intro')}</p>
      <ul>
        {entries.map((entry) => {
          const last = threadOf(toFieldValues(entry)).at(-1);
          const type = findActivityType(entry.type);
          return (
            <li key={entry.id} data-testid="returned-entry">
              <a
                href={`#/activity/${entry.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'detail', id: entry.id });
                }}
              >
                {type?.label[lang] ?? entry.type} · {formatDay(entry.occurredOn, lang)} ·{' '}
                {t(`review.${entry.reviewState.state}`)}
              </a>
              {last ? <span className="returned-comment"> — “{last.text}”</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
