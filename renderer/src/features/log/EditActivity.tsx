// Editing an entry: the same form, prefilled. Only the fields the person changed are
// written, so an edit never undoes a change that reached this record meanwhile (another
// window, a sync). An entry from a newer app version is shown read-only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActivityTypeDef } from '../../../../shared/domain/catalogue-types.ts';
import { schemaVersionStatus } from '../../../../shared/domain/schemas.ts';
import { type Json } from '../../../../shared/sync/change.ts';
import { updateActivity, type ActivityView } from '../../db/index.ts';
import { useSealer, useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { errorMessageKey } from '../../kernel/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { type Session, postToday } from '../../kernel/session.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { isOwnRecord } from './ownership.ts';
import { UnreadablePage } from './UnreadableEntry.tsx';
import { useOpenActivity } from './useOpenActivity.ts';

/** The form's baseline is the record as it was when the form opened, not a live copy. */
function EditForm({
  activity,
  typeDef,
  session,
}: {
  activity: ActivityView;
  typeDef: ActivityTypeDef;
  session: Session;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const sealer = useSealer();
  const navigate = useUi((s) => s.navigate);
  const showToast = useUi((s) => s.showToast);
  const [initial] = useState(() => ({ occurredOn: activity.occurredOn, data: activity.data }));
  const readOnly = schemaVersionStatus(activity.type, activity.schemaVersion) === 'newer';
  const id = activity.id;

  return (
    <>
      {readOnly ? (
        <div className="notice warn" role="status">
          {t('detail.newerRecord')}
        </div>
      ) : null}
      <ActivityForm
        type={typeDef}
        initial={initial}
        draftId={`edit:${id}`}
        today={postToday(session.postOf(activity.postCode))}
        heading={t('form.editHeading', { type: typeDef.label[lang] })}
        readOnly={readOnly}
        onCancel={() => navigate({ name: 'detail', id })}
        onSave={async ({ occurredOn, data, changed }) => {
          if (!changed.occurredOn && changed.data.length === 0) {
            showToast({ kind: 'info', key: 'form.nothingChanged' });
            return true;
          }
          // A field emptied in the form is cleared (null), so the clearing syncs like any write.
          const patchData: Record<string, Json> = {};
          for (const name of changed.data) patchData[name] = data[name] ?? null;
          try {
            await updateActivity(
              db,
              session.author,
              id,
              { ...(changed.occurredOn ? { occurredOn } : {}), data: patchData },
              { sealer },
            );
          } catch (error) {
            showToast({ kind: 'error', key: errorMessageKey(error) });
            return false;
          }
          showToast({ kind: 'ok', key: 'form.updated' });
          return true;
        }}
        onSaved={() => navigate({ name: 'detail', id })}
      />
    </>
  );
}

export function EditActivity({ id, session }: { id: string; session: Session }) {
  const { t } = useTranslation();
  const navigate = useUi((s) => s.navigate);
  const opening = useOpenActivity(id);
  if (opening.kind === 'loading') return null;
  if (opening.kind === 'unreadable') {
    // Nothing to edit: the form would write over what cannot be read.
    return (
      <UnreadablePage
        entry={opening.entry}
        onBack={() => navigate({ name: 'list' })}
        backLabel={t('detail.back')}
      />
    );
  }
  if (opening.kind !== 'open') {
    return (
      <div className="notice error" role="alert">
        {t('detail.notFound')}
      </div>
    );
  }
  const { activity, typeDef } = opening;
  if (!isOwnRecord(session, activity.officerId)) {
    // Reached by address: the database would refuse the save, so no form is offered.
    return (
      <>
        <div className="notice error" role="alert">
          {t('errors.notYours')}
        </div>
        <button onClick={() => navigate({ name: 'list' })}>{t('detail.back')}</button>
      </>
    );
  }
  return <EditForm key={activity.id} activity={activity} typeDef={typeDef} session={session} />;
}
