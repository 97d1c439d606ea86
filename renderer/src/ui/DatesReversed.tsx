// Said under a pair of date filters whose start is after their end: the list would be empty
// with no reason given. Polite, not an alert: while a year is typed the date passes through
// values before the start (0002, 0020, 0202…), and nothing should interrupt the typing. The
// inputs do not bound each other: moving both dates later must stay one step each.
import { useTranslation } from 'react-i18next';

/** Whether a from/to pair (YYYY-MM-DD, '' when unset) can match nothing. */
export function datesReversed(from: string, to: string): boolean {
  return from !== '' && to !== '' && from > to;
}

/**
 * Always rendered (a live region present before its text, so screen readers announce the
 * text when it appears); empty while the dates are in order.
 */
export function DatesReversed({ id, reversed }: { id: string; reversed: boolean }) {
  const { t } = useTranslation();
  return (
    <p
      className={reversed ? 'field-error dates-reversed' : 'dates-reversed-empty'}
      id={id}
      role="status"
    >
      {reversed ? t('dates.reversed') : ''}
    </p>
  );
}
