// One line of the log: date, type, headline count, a short non-sensitive summary, review.
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { type Activity, type ReviewStatus } from '../../../../shared/domain/activity.ts';
import { formatDay, formatNumber } from '../../ui/format.ts';
import { summaryOf } from '../../ui/activity-summary.ts';
import { useLang } from '../../i18n/useLang.ts';

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

interface Props {
  activity: Activity & { pending?: number | boolean; reviewState?: { state: ReviewStatus } };
  index: number;
  onOpen: () => void;
}

export function ActivityRow({ activity, index, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const type = findActivityType(activity.type);
  const yesNo = { yes: t('form.yes'), no: t('form.no') };
  const count = type ? activity.data[type.countField] : undefined;
  // What people see: a corrected entry waits again, whatever review it had.
  const state = activity.reviewState?.state ?? activity.review.status;

  let cells: ReactNode;
  if (!type) {
    // A type this version does not know (written by a newer app): listed, not interpreted.
    cells = (
      <>
        <span>{activity.type}</span>
        <span className="summary">{t('detail.newerRecord')}</span>
      </>
    );
  } else {
    cells = (
      <>
        <span>{type.label[lang]}</span>
        <span className="summary">{summaryOf(type, activity, lang, yesNo)}</span>
        <span className="count">
          {typeof count === 'number'
            ? t('list.countWithUnit', {
                unit: capitalize(type.unit[lang]),
                count: formatNumber(count, lang),
              })
            : ''}
        </span>
        <span>
          <span className={`badge ${state}`}>{t(`review.${state}`)}</span>
          {activity.pending ? (
            <span className="badge waiting" title={t('list.waiting')}>
              <span aria-hidden="true">⇡</span>
              <span className="visually-hidden">{t('list.waiting')}</span>
            </span>
          ) : null}
        </span>
      </>
    );
  }

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
      {cells}
    </a>
  );
}
