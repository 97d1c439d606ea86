// A new entry: pick a type, fill the form, save. Saving writes the record and its changes
// in one transaction; the draft is dropped only once the save has committed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getActivityType } from '../../../../shared/domain/catalogue.ts';
import { type ActivityTypeId } from '../../../../shared/domain/catalogue-types.ts';
import { localDateIn } from '../../../../shared/domain/fiscal.ts';
import { getPost } from '../../../../shared/domain/posts.ts';
import { createActivity, type OfficerProfile as Profile } from '../../db/index.ts';
import { useServices } from '../../app/services.tsx';
import { useUi } from '../../app/store.ts';
import { errorMessageKey } from '../../app/errors.ts';
import { TypePicker } from './TypePicker.tsx';
import { ActivityForm } from './ActivityForm.tsx';

export function NewActivity({
  profile,
  initialType,
}: {
  profile: Profile;
  initialType: ActivityTypeId | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const { db, deviceId } = useServices();
  const navigate = useUi((s) => s.navigate);
  const showToast = useUi((s) => s.showToast);
  const [round, setRound] = useState(0);
  const typeDef = initialType ? getActivityType(initialType) : undefined;
  const timeZone = getPost(profile.postCode)?.timeZone ?? 'UTC';
  const today = localDateIn(timeZone, new Date());

  if (!typeDef) return <TypePicker onPick={(type) => navigate({ name: 'new', type })} />;

  return (
    <ActivityForm
      key={`${typeDef.id}-${round}`}
      type={typeDef}
      initial={{ occurredOn: today, data: {} }}
      draftId={`new:${typeDef.id}`}
      today={today}
      heading={t('form.newHeading', { type: typeDef.label[lang] })}
      allowSaveAndNew
      onCancel={() => navigate({ name: 'list' })}
      onSave={async (value) => {
        try {
          await createActivity(
            db,
            { deviceId, officerId: profile.officerId, postCode: profile.postCode },
            {
              type: typeDef.id,
              schemaVersion: typeDef.version,
              occurredOn: value.occurredOn,
              data: value.data,
            },
          );
        } catch (error) {
          showToast({ kind: 'error', key: errorMessageKey(error) });
          return false;
        }
        return true;
      }}
      onSaved={(andNew) => {
        showToast({ kind: 'ok', key: 'form.saved' });
        if (andNew) setRound((r) => r + 1);
        else navigate({ name: 'list' });
      }}
    />
  );
}
