// Unfinished entries, one link each: after a crash or a restart the officer sees at once
// that a draft is waiting, and reopens it where they left it.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { listDrafts } from '../../db/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { type View } from '../../kernel/router.ts';
import { useLang } from '../../i18n/useLang.ts';

/** Draft ids are 'new:<type>' or 'edit:<record id>' (see ActivityForm's draftId). */
function draftView(id: string): View | null {
  const [kind, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  const type = findActivityType(rest);
  if (kind === 'new' && type) return { name: 'new', type: type.id };
  if (kind === 'edit' && rest) return { name: 'edit', id: rest };
  return null;
}

export function DraftsNotice() {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const navigate = useUi((s) => s.navigate);
  const drafts = useLiveQuery(() => listDrafts(db), [db]);
  const open = (drafts ?? []).flatMap((d) => {
    const view = draftView(d.id);
    const type = findActivityType(d.type);
    return view && type ? [{ id: d.id, view, label: type.label[lang] }] : [];
  });
  if (open.length === 0) return null;
  return (
    <div className="notice info drafts">
      {t('list.drafts', { count: open.length })}{' '}
      {open.map((d) => (
        <button key={d.id} onClick={() => navigate(d.view)}>
          {t(d.view.name === 'edit' ? 'list.resumeEdit' : 'list.resumeNew', { type: d.label })}
        </button>
      ))}
    </div>
  );
}
