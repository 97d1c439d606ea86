// The entry under review: what it says (non-sensitive summary), its thread, and the review
// form. A review carries the version read here; if the entry changed meanwhile the app says
// so and this pane shows the new version before anything is stored.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { MAX_COMMENT_LENGTH, type ReviewerState } from '../../../../shared/review/index.ts';
import { type ActivityView, type ReviewOutcome } from '../../db/index.ts';
import { type Session } from '../../kernel/session.ts';
import { useUi } from '../../kernel/store.ts';
import { useLang } from '../../i18n/useLang.ts';
import { formatDay } from '../../ui/format.ts';
import { summaryOf } from '../../ui/activity-summary.ts';
import { type People } from './people.ts';
import { Thread } from './Thread.tsx';

export interface PaneApi {
  /** Focus the comment box (the r key). */
  focusComment: () => void;
  give: (state: ReviewerState) => void;
}

interface Props {
  entry: ActivityView;
  session: Session;
  people: People;
  notice: string | null;
  /** The outcome, or null when nothing could be tried (a storage error was shown). */
  onReview: (
    entry: ActivityView,
    state: ReviewerState,
    comment: string,
    readVersion: string,
  ) => Promise<ReviewOutcome | null>;
  apiRef: { current: PaneApi | null };
}

export function ReviewPane({ entry, session, people, notice, onReview, apiRef }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const openEntryFrom = useUi((s) => s.openEntryFrom);
  const [comment, setComment] = useState('');
  // The version the reviewer has read: a newer one arriving meanwhile refuses the review.
  const [readVersion, setReadVersion] = useState(entry.version);
  const box = useRef<HTMLTextAreaElement>(null);
  const type = findActivityType(entry.type);
  const post = session.postOf(entry.postCode);
  const yesNo = { yes: t('form.yes'), no: t('form.no') };
  // One decision at a time: a second key press while the first is saved would be refused as
  // "changed since you read it" (the first changed it), an alarm about nothing.
  const deciding = useRef(false);
  const give = (state: ReviewerState) => {
    if (deciding.current) return;
    deciding.current = true;
    void onReview(entry, state, comment, readVersion)
      .then((outcome) => {
        if (outcome?.ok) setComment('');
        const seen = outcome?.entry?.version;
        if (seen && (outcome.ok || outcome.reason === 'changed-since-read')) setReadVersion(seen);
      })
      .finally(() => {
        deciding.current = false;
      });
  };
  apiRef.current = { focusComment: () => box.current?.focus(), give };
  const officer = people.get(entry.officerId);
  return (
    <section
      className="review-pane"
      aria-labelledby="review-pane-heading"
      data-testid="review-pane"
    >
      <h2 id="review-pane-heading">
        {type?.label[lang] ?? entry.type} · {formatDay(entry.occurredOn, lang)}
      </h2>
      <p>
        {t('queue.labelled', { label: t('queue.officer') })}{' '}
        <strong>{officer?.name ?? entry.officerId}</strong>{' '}
        <span className="secondary">{entry.officerId}</span> ·{' '}
        {t('queue.labelled', { label: t('queue.post') })} {post ? post.city[lang] : entry.postCode}
      </p>
      <p>
        <span className={`badge ${entry.reviewState.state}`}>
          {t(`review.${entry.reviewState.state}`)}
        </span>{' '}
        {entry.reviewState.reason && entry.reviewState.reason !== 'new'
          ? t(`returned.reason.${entry.reviewState.reason}`)
          : null}
      </p>
      {type ? <p data-testid="review-summary">{summaryOf(type, entry, lang, yesNo)}</p> : null}
      <button
        className="link"
        onClick={() => openEntryFrom(entry.id, { name: 'review', resume: true })}
      >
        {t('queue.openFull')}
      </button>
      {notice ? (
        <div className="notice warn" role="alert">
          {notice}
        </div>
      ) : null}
      <Thread entry={entry} timeZone={post?.timeZone ?? 'UTC'} />
      <label htmlFor="review-comment">{t('thread.comment')}</label>
      <textarea
        id="review-comment"
        ref={box}
        value={comment}
        maxLength={MAX_COMMENT_LENGTH}
        aria-describedby="review-comment-limit"
        onChange={(e) => setComment(e.target.value)}
      />
      <span id="review-comment-limit" className="hint">
        {t('thread.limit', { max: MAX_COMMENT_LENGTH, used: comment.length })}
      </span>
      <div className="actions">
        <button className="primary" onClick={() => give('approved')}>
          {t('queue.approve')}
        </button>
        <button onClick={() => give('issues')}>{t('queue.issues')}</button>
        <button onClick={() => give('returned')}>{t('queue.returnWith')}</button>
      </div>
    </section>
  );
}
