// One line of the log: date, type, headline count, a short non-sensitive summary, review.
import { useTranslation } from 'react-i18next';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { type Activity } from '../../../../shared/domain/activity.ts';
import { formatDay, formatFieldValue, formatNumber } from './format.ts';
import { useLang } from '../../i18n/useLang.ts';

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export function ActivityRow({
  activity,
  index,
  onOpen,
}: {
  activity: Activity & { pending?: number | boolean };
  index: number;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const type = findActivityType(activity.type);
  if (!type) {
    return (
      <a
        className="row"
        href={`#/activity/${activity.id}`}
        data-index={index}
        data-testid="activity-row"
        onClick={(e) => {
          e.preventDefault();
          onOpen();
        }}
      >
        <span>{formatDay(activity.occurredOn, lang)}</span>
        <span>{activity.type}</span>
        <span className="summary">{t('detail.newerRecord')}</span>
      </a>
    );
  }
  const count = activity.data[type.countField];
  const yesNo = { yes: t('form.yes'), no: t('form.no') };
  // Never show a sensitive value in the list: it is the screen most often seen over a shoulder.
  const summary = type.fields
    .filter(
      (f) =>
        !f.sensitive && f.name !== type.countField && (f.kind === 'text' || f.kind === 'select'),
    )
    .map((f) => formatFieldValue(f, activity.data[f.name], lang, yesNo))
    .filter(Boolean)
    .slice(0, 4)
    .join(' · ');
  return (
    <a
      className="row"
      href={`#/activity/${activity.id}`}
      data-index={index}
      data-testid="activity-row"
      onClick={(e) => {
        e.preventDefault();
        onOpen();
      }}
    >
      <span>{formatDay(activity.occurredOn, lang)}</span>
      <span>{type.label[lang]}</span>
      <span className="summary">{summary}</span>
      <span className="count">
        {typeof count === 'number'
          ? t('list.countWithUnit', {
              unit: capitalize(type.unit[lang]),
              count: formatNumber(count, lang),
            })
          : ''}
      </span>
      <span>
        <span className={`badge ${activity.review.status}`}>
          {t(`review.${activity.review.status}`)}
        </span>
        {activity.pending ? (
          <span className="badge waiting" title={t('list.waiting')}>
            <span aria-hidden="true">⇡</span>
            <span className="visually-hidden">{t('list.waiting')}</span>
          </span>
        ) : null}
      </span>
    </a>
  );
}
