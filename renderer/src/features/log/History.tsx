// The change log of one entry, oldest first: each row is one field set by one person.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { type ActivityTypeDef } from '../../../../shared/domain/catalogue-types.ts';
import { DATA_PREFIX } from '../../../../shared/domain/activity.ts';
import { DELETED_FIELD, type Change } from '../../../../shared/sync/change.ts';
import { decodeHlc } from '../../../../shared/sync/hlc.ts';
import { getHistory } from '../../db/index.ts';
import { useSealer, useServices } from '../../kernel/services.tsx';
import { openChanges } from '../../db/opened.ts';
import { formatDay, formatFieldValue, formatInstant } from '../../ui/format.ts';
import { groupBySave } from './history-groups.ts';
import { useLang } from '../../i18n/useLang.ts';
import './log.css';

const CORE_LABEL_KEYS: Record<string, string> = {
  occurredOn: 'form.date',
  postCode: 'detail.post',
  officerId: 'detail.officer',
  'review.status': 'detail.reviewStatus',
  type: 'list.type',
};

export function History({
  recordId,
  typeDef,
  timeZone,
}: {
  recordId: string;
  typeDef: ActivityTypeDef;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const sealer = useSealer();
  const changes = useLiveQuery(
    async () => openChanges(sealer, await getHistory(db, recordId)),
    [db, recordId, sealer],
  );
  const yesNo = { yes: t('form.yes'), no: t('form.no') };

  const fieldLabel = (path: string) =>
    typeDef.fields.find((f) => `${DATA_PREFIX}${f.name}` === path)?.label[lang] ?? path;

  const describe = (change: Change & { unreadable?: true }): [string, string] => {
    if (change.field === DELETED_FIELD) return [t('detail.deletedMarker'), ''];
    if (change.unreadable) return [fieldLabel(change.field), t('detail.unreadable')];
    if (change.field.startsWith(DATA_PREFIX)) {
      const field = typeDef.fields.find((f) => f.name === change.field.slice(DATA_PREFIX.length));
      if (field) return [field.label[lang], formatFieldValue(field, change.value, lang, yesNo)];
    }
    if (change.field === 'occurredOn' && typeof change.value === 'string')
      return [t('form.date'), formatDay(change.value, lang)];
    if (change.field === 'review.status' && typeof change.value === 'string')
      return [t('detail.reviewStatus'), t(`review.${change.value}`)];
    if (change.field === 'type' && typeof change.value === 'string')
      return [t('list.type'), typeDef.label[lang]];
    const key = CORE_LABEL_KEYS[change.field];
    return [
      key ? t(key) : change.field,
      typeof change.value === 'string' ? change.value : JSON.stringify(change.value),
    ];
  };

  // Bookkeeping fields (schema version) are not news to a person.
  const shown = (changes ?? []).filter((c) => c.field !== 'schemaVersion');
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('detail.history')}</h2>
      {shown.length === 0 ? (
        <p className="hint">{t('detail.historyEmpty')}</p>
      ) : (
        <table className="history">
          <thead>
            <tr>
              <th scope="col">{t('detail.historyWhen')}</th>
              <th scope="col">{t('detail.historyWho')}</th>
              <th scope="col">{t('detail.historyField')}</th>
              <th scope="col">{t('detail.historyValue')}</th>
            </tr>
          </thead>
          {groupBySave(shown).map((group) => {
            const first = group[0] as Change;
            const wall = decodeHlc(first.hlc)?.wall ?? 0;
            // One <tbody> per save: when and who once, then each field it set.
            return (
              <tbody key={`${first.deviceId}:${first.seq}`} className="save">
                {group.map((change, i) => {
                  const [label, value] = describe(change);
                  return (
                    <tr key={`${change.deviceId}:${change.seq}`}>
                      {i === 0 ? (
                        <>
                          <td rowSpan={group.length}>{formatInstant(wall, lang, timeZone)}</td>
                          <td rowSpan={group.length}>{change.author}</td>
                        </>
                      ) : null}
                      <td>{label}</td>
                      <td>{value || t('detail.empty')}</td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      )}
    </section>
  );
}
