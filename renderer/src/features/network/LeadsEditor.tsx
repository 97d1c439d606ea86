// HQ's list of team leads and their posts. A lead's posts decide what that lead may review
// on every one of their devices (scopeOf reads them here, not from a device entry).
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postCity, type Lead, type ProfilePost } from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { LeadForm } from './LeadForm.tsx';
import './network.css';

type Editing = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; officerId: string };

export function LeadsEditor({
  leads,
  posts,
  onChange,
}: {
  leads: readonly Lead[];
  posts: readonly ProfilePost[];
  onChange: (leads: Lead[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const addButton = useRef<HTMLButtonElement>(null);
  const editingId = editing.kind === 'edit' ? editing.officerId : undefined;
  const takenIds = useMemo(
    () => new Set(leads.map((l) => l.officerId).filter((id) => id !== editingId)),
    [leads, editingId],
  );
  const cityOf = (code: string) => postCity(posts, code, lang);

  const close = () => {
    setEditing({ kind: 'none' });
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const save = (lead: Lead) => {
    onChange(
      editingId === undefined
        ? [...leads, lead]
        : leads.map((l) => (l.officerId === editingId ? lead : l)),
    );
    close();
  };

  return (
    <div className="editor">
      {editing.kind === 'none' ? (
        <button type="button" ref={addButton} onClick={() => setEditing({ kind: 'add' })}>
          {t('network.leads.add')}
        </button>
      ) : (
        <LeadForm
          key={editingId ?? 'new'}
          lead={leads.find((l) => l.officerId === editingId)}
          posts={posts}
          takenIds={takenIds}
          onSave={save}
          onCancel={close}
        />
      )}
      {leads.length === 0 ? (
        <p className="hint">{t('network.leads.none')}</p>
      ) : (
        <table className="editor-table">
          <caption className="visually-hidden">{t('network.leads.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.leads.name')}</th>
              <th scope="col">{t('network.leads.officerId')}</th>
              <th scope="col">{t('network.leads.posts')}</th>
              <th scope="col">{t('network.leads.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {leads.map((lead) => (
              <tr key={lead.officerId}>
                <td>{lead.name}</td>
                <td>
                  <code>{lead.officerId}</code>
                </td>
                <td>{lead.posts.map(cityOf).join(', ')}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    aria-label={t('network.leads.editLabel', { name: lead.name })}
                    onClick={() => setEditing({ kind: 'edit', officerId: lead.officerId })}
                  >
                    {t('network.leads.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('network.leads.removeLabel', { name: lead.name })}
                    onClick={() => onChange(leads.filter((l) => l.officerId !== lead.officerId))}
                  >
                    {t('network.leads.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
