// Editing an entry: the same form, prefilled. Only the fields that changed are written to
// the change log. An entry from a newer app version is shown read-only.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { schemaVersionStatus } from '../../../../shared/domain/schemas.ts';
import { localDateIn } from '../../../../shared/domain/fiscal.ts';
import { getPost } from '../../../../shared/domain/posts.ts';
import { getActivity, updateActivity, type OfficerProfile as Profile } from '../../db/index.ts';
import { useServices } from '../../app/services.tsx';
import { useUi } from '../../app/store.ts';
import { errorMessageKey } from '../../app/errors.ts';
import { ActivityForm } from './ActivityForm.tsx';

export function EditActivity({ id, profile }: { id: string; profile: Profile }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const { db, deviceId } = useServices();
  const navigate = useUi((s) => s.navigate);
  const showToast = useUi((s) => s.showToast);
  // Read once: a live query here would reset the form under the person's fingers.
  const activity = useLiveQuery(() => getActivity(db, id).then((a) => a ?? null), [db, id]);
  const initial = useMemo(
    () => (activity ? { occurredOn: activity.occurredOn, data: activity.data } : null),
    [activity?.id],
  ); // eslint-disable-line react-hooks/exhaustive-deps

  if (activity === undefined) return null;
  const typeDef = activity ? findActivityType(activity.type) : undefined;
  if (!activity || activity.deleted || !typeDef || !initial) {
    return (
      <div className="notice error" role="alert">
        {t('detail.notFound')}
      </div>
    );
  }
  const readOnly = schemaVersionStatus(activity.type, activity.schemaVersion) === 'newer';
  const timeZone = getPost(activity.postCode)?.timeZone ?? 'UTC';

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
        today={localDateIn(timeZone, new Date())}
        heading={t('form.editHeading', { type: typeDef.label[lang] })}
        readOnly={readOnly}
        onCancel={() => navigate({ name: 'detail', id })}
        onSave={async (value) => {
          try {
            // Fields emptied in the form are cleared (null), so the edit reaches other devices.
            const data = Object.fromEntries(
              typeDef.fields.map((f) => [f.name, value.data[f.name] ?? null]),
            );
            await updateActivity(
              db,
              { deviceId, officerId: profile.officerId, postCode: profile.postCode },
              id,
              {
                occurredOn: value.occurredOn,
                data,
              },
            );
          } catch (error) {
            showToast({ kind: 'error', key: errorMessageKey(error) });
            return false;
          }
          return true;
        }}
        onSaved={() => {
          showToast({ kind: 'ok', key: 'form.updated' });
          navigate({ name: 'detail', id });
        }}
      />
    </>
  );
}
