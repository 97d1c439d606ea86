// HQ's list of team leads and their posts. A lead's posts decide what that lead may review
// on every one of their devices (scopeOf reads them here, not from a device entry).
import { useTranslation } from 'react-i18next';
import { postCity, type Lead, type ProfilePost } from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useListEditor } from '../../ui/useListEditor.ts';
import { FormOrAdd } from '../../ui/FormOrAdd.tsx';
import { LeadForm } from './LeadForm.tsx';
import './network.css';

const idOf = (lead: Lead) => lead.officerId;

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
  const editor = useListEditor(leads, idOf, onChange);
  const cityOf = (code: string) => postCity(posts, code, lang);

  return (
    <div className="editor">
      <FormOrAdd
        editor={editor}
        addLabel={t('network.leads.add')}
        form={(lead, takenIds) => (
          <LeadForm
            lead={lead}
            posts={posts}
            takenIds={takenIds}
            onSave={editor.save}
            onCancel={editor.close}
          />
        )}
      />
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
                    onClick={() => editor.edit(lead.officerId)}
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
