// One entry: its fields, its review, and its history (who changed which field when).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemaVersionStatus } from '../../../../shared/domain/schemas.ts';
import { deleteActivity } from '../../db/index.ts';
import { type Session } from '../../kernel/session.ts';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { errorMessageKey } from '../../kernel/errors.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { UnreadablePage } from './UnreadableEntry.tsx';
import { useOpenActivity } from './useOpenActivity.ts';
import { History } from './History.tsx';
import { Thread, usePeople } from '../review/index.ts';
import { isOwnRecord } from './ownership.ts';
import { formatDay, formatFieldValue } from '../../ui/format.ts';
import { useLang } from '../../i18n/useLang.ts';

export function ActivityDetail({ id, session }: { id: string; session: Session }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const navigate = useUi((s) => s.navigate);
  const entryFrom = useUi((s) => s.entryFrom);
  const showToast = useUi((s) => s.showToast);
  // Back to where the entry was opened: the review queue keeps its filters and place.
  const back = () => navigate(entryFrom ?? { name: 'list' });
  const backLabel = t(entryFrom?.name === 'review' ? 'detail.backToReview' : 'detail.back');
  const [confirming, setConfirming] = useState(false);
  const people = usePeople();
  const opening = useOpenActivity(id);

  if (opening.kind === 'loading') return null;
  if (opening.kind === 'unreadable') {
    return <UnreadablePage entry={opening.entry} onBack={back} backLabel={backLabel} />;
  }
  if (opening.kind === 'unknown-type') {
    return (
      <>
        <div className="notice warn" role="status">
          {t('detail.newerRecord')}
        </div>
        <button onClick={back}>{backLabel}</button>
      </>
    );
  }
  if (opening.kind === 'missing') {
    return (
      <>
        <div className="notice error" role="alert">
          {t('detail.notFound')}
        </div>
        <button onClick={back}>{backLabel}</button>
      </>
    );
  }
  const { activity, typeDef } = opening;
  const post = session.postOf(activity.postCode);
  const readOnly = schemaVersionStatus(activity.type, activity.schemaVersion) === 'newer';
  // Only the record's officer edits or deletes it; leads and HQ review it instead.
  const own = isOwnRecord(session, activity.officerId);
  const yesNo = { yes: t('form.yes'), no: t('form.no') };

  const remove = async () => {
    setConfirming(false);
    try {
      await deleteActivity(db, session.author, id);
      showToast({ kind: 'ok', key: 'detail.deleted' });
      navigate({ name: 'list' });
    } catch (error) {
      showToast({ kind: 'error', key: errorMessageKey(error) });
    }
  };

  return (
    <article aria-labelledby="detail-heading">
      <h1 id="detail-heading" tabIndex={-1}>
        {t('detail.heading', {
          type: typeDef.label[lang],
          date: formatDay(activity.occurredOn, lang),
        })}
      </h1>
      {readOnly ? (
        <div className="notice warn" role="status">
          {t('detail.newerRecord')}
        </div>
      ) : null}
      <div className="actions">
        <button onClick={back}>{backLabel}</button>
        {own ? (
          <>
            <button
              className="primary"
              disabled={readOnly}
              onClick={() => navigate({ name: 'edit', id })}
            >
              {t('detail.edit')}
            </button>
            <button className="danger" disabled={readOnly} onClick={() => setConfirming(true)}>
              {t('detail.delete')}
            </button>
          </>
        ) : null}
      </div>
      <dl className="details">
        <dt>{t('detail.post')}</dt>
        <dd>{post ? `${post.city[lang]} (${post.name[lang]})` : activity.postCode}</dd>
        <dt>{t('detail.officer')}</dt>
        <dd>
          {people.get(activity.officerId)?.name ?? activity.officerId}{' '}
          <span className="secondary">{activity.officerId}</span>
        </dd>
        <dt>{t('detail.reviewStatus')}</dt>
        <dd>
          <span className={`badge ${activity.reviewState.state}`}>
            {t(`review.${activity.reviewState.state}`)}
          </span>
          {activity.reviewState.reason && activity.reviewState.reason !== 'new'
            ? ` ${t(`returned.reason.${activity.reviewState.reason}`)}`
            : ''}
        </dd>
        {typeDef.fields.map((field) => (
          <div key={field.name} style={{ display: 'contents' }}>
            <dt>{field.label[lang]}</dt>
            <dd>
              {activity.unreadable.includes(field.name)
                ? t('detail.unreadable')
                : activity.purged?.includes(field.name)
                  ? t('detail.purged')
                  : formatFieldValue(field, activity.data[field.name], lang, yesNo) ||
                    t('detail.empty')}
            </dd>
          </div>
        ))}
      </dl>
      {own &&
      (activity.reviewState.state === 'returned' || activity.reviewState.state === 'issues') ? (
        <div className="notice warn" role="status" data-testid="correcting-notice">
          {t('returned.correcting')}
        </div>
      ) : null}
      <Thread entry={activity} timeZone={post?.timeZone ?? 'UTC'} />
      <History
        entry={activity}
        typeDef={typeDef}
        timeZone={post?.timeZone ?? 'UTC'}
        postLabel={(code) => {
          const named = session.postOf(code);
          return named ? `${named.city[lang]} (${code})` : code;
        }}
      />
      <ConfirmDialog
        open={confirming}
        title={t('detail.confirmDeleteTitle')}
        body={t('detail.confirmDeleteBody')}
        confirmLabel={t('detail.confirmDelete')}
        cancelLabel={t('form.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </article>
  );
}
