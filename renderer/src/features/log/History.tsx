// The history of one entry, oldest first: who set which field when, on this computer and in
// the bundles it imported (the officer's saves, a lead's or HQ's reviews and comments).
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { type ActivityTypeDef } from '../../../../shared/domain/catalogue-types.ts';
import { DATA_PREFIX } from '../../../../shared/domain/activity.ts';
import { toFieldValues } from '../../../../shared/domain/activity-paths.ts';
import { COMMENT_PREFIX, commentSchema } from '../../../../shared/review/index.ts';
import { DELETED_FIELD, type Change, type Json } from '../../../../shared/sync/change.ts';
import { decodeHlc } from '../../../../shared/sync/hlc.ts';
import { getEntryHistory, type EntryHistory } from '../../db/index.ts';
import { useSealer, useServices } from '../../kernel/services.tsx';
import { openChanges, type OpenedActivity } from '../../db/opened.ts';
import { formatDay, formatFieldValue } from '../../ui/format.ts';
import { nameOf, usePeople, When } from '../review/index.ts';
import { groupBySave, type HistoryItem } from './history-groups.ts';
import { useLang } from '../../i18n/useLang.ts';
import './log.css';
import './history.css';

const CORE_LABEL_KEYS: Record<string, string> = {
  occurredOn: 'form.date',
  postCode: 'detail.post',
  officerId: 'detail.officer',
  'review.status': 'detail.reviewStatus',
  type: 'list.type',
};

/** Bookkeeping a person does not read as news: the row already says who and when. */
const HIDDEN = new Set(['schemaVersion', 'review.by', 'review.at']);

/**
 * Own changes and imported saves as one list of field writes, in stamp order. An imported
 * save keeps no values: a write the entry still holds shows the entry's value, a review
 * shows the state it gave, a comment its text (written once), anything else that it changed.
 */
function historyItems(
  history: Omit<EntryHistory, 'local'> & { local: (Change & { unreadable?: true })[] },
  values: Readonly<Record<string, Json | undefined>>,
): HistoryItem[] {
  const items: HistoryItem[] = history.local.map((change) => ({
    key: `${change.deviceId}:${change.seq}`,
    deviceId: change.deviceId,
    author: change.author,
    hlc: change.hlc,
    field: change.field,
    value: change.value,
    known: true,
    imported: false,
    ...(change.unreadable ? { unreadable: true } : {}),
  }));
  for (const save of history.imported) {
    for (const [field, hlc] of Object.entries(save.fields)) {
      const base = {
        key: `${save.deviceId}:${hlc}:${field}`,
        deviceId: save.deviceId,
        author: save.author,
        hlc,
        field,
        imported: true,
      };
      const comment = field.startsWith(COMMENT_PREFIX);
      if (field === 'review.status' && save.reviewStatus) {
        items.push({ ...base, value: save.reviewStatus, known: true });
      } else if (comment || history.clocks[field] === hlc) {
        items.push({ ...base, value: values[field] ?? null, known: values[field] !== undefined });
      } else {
        items.push({ ...base, value: null, known: false });
      }
    }
  }
  return items
    .filter((item) => !HIDDEN.has(item.field))
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

export function History({
  entry,
  typeDef,
  timeZone,
  postLabel,
}: {
  /** The entry as shown (sensitive values opened). */
  entry: OpenedActivity;
  typeDef: ActivityTypeDef;
  timeZone: string;
  /** A post's city, with its code beside it, as the profile names it. */
  postLabel: (code: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const sealer = useSealer();
  const people = usePeople();
  const recordId = entry.id;
  const history = useLiveQuery(async () => {
    const found = await getEntryHistory(db, recordId);
    return { ...found, local: await openChanges(sealer, found.local) };
  }, [db, recordId, sealer]);
  const yesNo = { yes: t('form.yes'), no: t('form.no') };

  const fieldLabel = (path: string) =>
    typeDef.fields.find((f) => `${DATA_PREFIX}${f.name}` === path)?.label[lang] ?? path;

  const describe = (item: HistoryItem): [string, string] => {
    if (item.field === DELETED_FIELD) return [t('detail.deletedMarker'), ''];
    if (item.field.startsWith(COMMENT_PREFIX)) {
      const comment = commentSchema.safeParse(item.value);
      return [t('trail.comment'), comment.success ? comment.data.text : ''];
    }
    const name = item.field.startsWith(DATA_PREFIX) ? item.field.slice(DATA_PREFIX.length) : null;
    const field = name ? typeDef.fields.find((f) => f.name === name) : undefined;
    const label = field
      ? field.label[lang]
      : item.field === 'review.status'
        ? t('detail.reviewStatus')
        : CORE_LABEL_KEYS[item.field]
          ? t(CORE_LABEL_KEYS[item.field] as string)
          : fieldLabel(item.field);
    if (item.unreadable || (name && entry.unreadable.includes(name) && item.imported))
      return [label, t('detail.unreadable')];
    if (!item.known) return [label, t('trail.replaced')];
    const { value } = item;
    if (field) return [label, formatFieldValue(field, value ?? undefined, lang, yesNo)];
    if (item.field === 'occurredOn' && typeof value === 'string')
      return [label, formatDay(value, lang)];
    if (item.field === 'review.status' && typeof value === 'string')
      return [label, t(`review.${value}`)];
    if (item.field === 'type' && typeof value === 'string') return [label, typeDef.label[lang]];
    if (item.field === 'postCode' && typeof value === 'string') return [label, postLabel(value)];
    if (item.field === 'officerId' && typeof value === 'string')
      return [label, `${nameOf(people, value)} (${value})`];
    if (value === null || value === undefined) return [label, ''];
    return [label, typeof value === 'string' ? value : JSON.stringify(value)];
  };

  const items = history ? historyItems(history, toFieldValues(entry)) : [];
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('detail.history')}</h2>
      {items.length === 0 ? (
        <p className="hint">{t('detail.historyEmpty')}</p>
      ) : (
        <>
          {history && history.rebuilt > 0 ? (
            <p className="hint" data-testid="history-rebuilt">
              {t('detail.historyRebuilt')}
            </p>
          ) : null}
          <table className="history" data-testid="history">
            <thead>
              <tr>
                <th scope="col">{t('detail.historyWhen')}</th>
                <th scope="col">{t('detail.historyWho')}</th>
                <th scope="col">{t('detail.historyField')}</th>
                <th scope="col">{t('detail.historyValue')}</th>
              </tr>
            </thead>
            {groupBySave(items).map((group) => {
              const first = group[0] as HistoryItem;
              const wall = decodeHlc(first.hlc)?.wall ?? 0;
              // One <tbody> per save: when and who once, then each field it set.
              return (
                <tbody key={first.key} className="save" data-testid="history-save">
                  {group.map((item, i) => {
                    const [label, value] = describe(item);
                    return (
                      <tr key={item.key}>
                        {i === 0 ? (
                          <>
                            <td rowSpan={group.length}>
                              <When ms={wall} timeZone={timeZone} />
                            </td>
                            <td rowSpan={group.length}>
                              {nameOf(people, item.author)}{' '}
                              <span className="secondary">{item.author}</span>
                              {item.imported ? (
                                <span className="secondary history-bundle">
                                  {t('trail.fromBundle')}
                                </span>
                              ) : null}
                            </td>
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
        </>
      )}
    </section>
  );
}
