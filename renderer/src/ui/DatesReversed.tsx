// Said under a pair of date filters whose start is after their end: the list would be empty
// with no reason given. The date inputs also bound each other (min and max).
import { useTranslation } from 'react-i18next';

/** Whether a from/to pair (YYYY-MM-DD, '' when unset) can match nothing. */
export function datesReversed(from: string, to: string): boolean {
  return from !== '' && to !== '' && from > to;
}

export function DatesReversed({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <p className="field-error dates-reversed" id={id} role="alert">
      {t('dates.reversed')}
    </p>
  );
}
