// An entry's comment thread, oldest first, each comment with its author by name, role,
// time in the post's zone (and the viewer's when it differs) and the state it gave.
import { useTranslation } from 'react-i18next';
import { toFieldValues } from '../../../../shared/domain/activity-paths.ts';
import { type Activity } from '../../../../shared/domain/activity.ts';
import { threadOf } from '../../../../shared/review/index.ts';
import { nameOf, usePeople } from './people.ts';
import { When } from './When.tsx';
import './review.css';

export function Thread({ entry, timeZone }: { entry: Activity; timeZone: string }) {
  const { t } = useTranslation();
  const people = usePeople();
  const items = threadOf(toFieldValues(entry));
  return (
    <section className="thread" aria-labelledby={`thread-${entry.id}`}>
      <h2 id={`thread-${entry.id}`}>{t('thread.heading')}</h2>
      {items.length === 0 ? (
        <p className="hint">{t('thread.empty')}</p>
      ) : (
        <ol className="thread-items">
          {items.map((item) => (
            <li key={item.id} className="thread-item" data-testid="thread-item">
              <div className="thread-meta">
                <strong>{t(`thread.by_${item.role}`, { name: nameOf(people, item.by) })}</strong>{' '}
                <span className="secondary">{item.by}</span> ·{' '}
                <When ms={Date.parse(item.at)} timeZone={timeZone} />
                {item.state ? (
                  <>
                    {' · '}
                    {t('thread.gave', { state: t(`review.${item.state}`) })}
                  </>
                ) : null}
              </div>
              <p className="thread-text">{item.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
