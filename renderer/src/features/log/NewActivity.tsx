// A new entry: pick a type, fill the form, save. Saving writes the record and its changes
// in one transaction; the draft is dropped only once the save has committed.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getActivityType } from '../../../../shared/domain/catalogue.ts';
import { type ActivityTypeId } from '../../../../shared/domain/catalogue-types.ts';
import { defaultActivityData } from '../../../../shared/domain/schemas.ts';
import { createActivity } from '../../db/index.ts';
import { useSealer, useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { errorMessageKey } from '../../kernel/errors.ts';
import { postToday, type Session } from '../../kernel/session.ts';
import { useLang } from '../../i18n/useLang.ts';
import { TypePicker } from './TypePicker.tsx';
import { ActivityForm } from './ActivityForm.tsx';

export function NewActivity(props: { session: Session; initialType: ActivityTypeId | undefined }) {
  const { session, initialType } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const sealer = useSealer();
  const navigate = useUi((s) => s.navigate);
  const showToast = useUi((s) => s.showToast);
  const [round, setRound] = useState(0);
  const typeDef = initialType ? getActivityType(initialType) : undefined;
  const today = postToday(session.postOf(session.profile.postCode));
  // A stable baseline: the form re-reads its draft whenever this object changes.
  const initial = useMemo(
    () => ({ occurredOn: today, data: typeDef ? defaultActivityData(typeDef) : {} }),
    [today, typeDef],
  );

  if (!typeDef) return <TypePicker onPick={(type) => navigate({ name: 'new', type })} />;

  return (
    <ActivityForm
      key={`${typeDef.id}-${round}`}
      type={typeDef}
      initial={initial}
      draftId={`new:${typeDef.id}`}
      today={today}
      heading={t('form.newHeading', { type: typeDef.label[lang] })}
      allowSaveAndNew
      onCancel={() => navigate({ name: 'list' })}
      onSave={async (value) => {
        try {
          await createActivity(
            db,
            session.author,
            {
              type: typeDef.id,
              schemaVersion: typeDef.version,
              occurredOn: value.occurredOn,
              data: value.data,
            },
            { sealer },
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
