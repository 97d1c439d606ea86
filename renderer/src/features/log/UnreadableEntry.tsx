// An entry the database cannot read (docs/database.md, "Damaged rows"): a list line in its
// place and a page saying so, with its id and why, so one damaged row never hides the rest.
import { useTranslation } from 'react-i18next';
import { type UnreadableActivity } from '../../db/index.ts';
import './unreadable.css';

function useReason(entry: UnreadableActivity): string {
  const { t } = useTranslation();
  return t(`unreadable.reason.${entry.problem.reason}`, { field: entry.problem.field });
}

export function UnreadableRow({
  entry,
  index,
  onOpen,
}: {
  entry: UnreadableActivity;
  index: number;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const reason = useReason(entry);
  return (
    <a
      className="row unreadable"
      href={`#/activity/${entry.id}`}
      data-index={index}
      data-testid="activity-row"
      data-unreadable="true"
      onClick={(e) => {
        e.preventDefault();
        onOpen();
      }}
    >
      <span>{t('unreadable.row')}</span>
      <span className="unreadable-id">{entry.id}</span>
      <span className="summary">{reason}</span>
    </a>
  );
}

export function UnreadablePage({
  entry,
  onBack,
  backLabel,
}: {
  entry: UnreadableActivity;
  onBack: () => void;
  /** The back button's words: where it goes (the log, or the review queue). */
  backLabel: string;
}) {
  const { t } = useTranslation();
  const reason = useReason(entry);
  return (
    <article aria-labelledby="unreadable-heading">
      <h1 id="unreadable-heading" tabIndex={-1}>
        {t('unreadable.heading')}
      </h1>
      <div className="notice error" role="alert">
        {t('unreadable.body', { reason })}
      </div>
      <p className="unreadable-id">{t('unreadable.id', { id: entry.id })}</p>
      <button onClick={onBack}>{backLabel}</button>
    </article>
  );
}
