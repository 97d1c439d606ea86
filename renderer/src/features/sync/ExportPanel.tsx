// Export: officers and leads send their changes as one bundle (save dialog, or the folder
// chosen once); HQ and leads send receipts for one post or all (several files past 64
// devices, receipt-parts.ts); HQ sends the profile.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { type Session } from '../../kernel/session.ts';
import { useLang } from '../../i18n/useLang.ts';
import {
  type ExchangeClient,
  type ExportOptions,
  type ExportResult,
} from '../../db/exchange/api.ts';
import {
  exportMessage,
  failureLine,
  type ExportKind,
  type ExportMessage,
} from './export-result.ts';
import { receiptPartsMessage } from './receipt-parts.ts';
import { postName, translateLine } from './report-lines.ts';
import { ExportFolder } from './ExportFolder.tsx';

interface Props {
  client: ExchangeClient;
  session: Session;
  profile: NetworkProfile | undefined;
}

/** The posts a receipt can be for: a lead's own posts, every active post at HQ. */
function receiptPosts(session: Session, profile: NetworkProfile | undefined): string[] {
  const { identity } = session;
  if (identity.role === 'lead') {
    const lead = profile?.leads.find((l) => l.officerId === identity.officerId);
    return lead?.posts ?? identity.posts ?? [];
  }
  return (profile?.posts ?? []).filter((p) => !p.retired).map((p) => p.code);
}

type Done = { kind: ExportKind; result: ExportResult } | { error: unknown };

export function ExportPanel({ client, session, profile }: Props) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const role = session.identity.role;
  const [busy, setBusy] = useState(false);
  // The result, not its wording: the message is worded at render, in the current language.
  const [done, setDone] = useState<Done | null>(null);
  const [receiptPost, setReceiptPost] = useState('');

  const run = async (kind: ExportKind, work: () => Promise<ExportResult>) => {
    setBusy(true);
    setDone(null);
    try {
      setDone({ kind, result: await work() });
    } catch (error) {
      console.error('Export failed', error);
      setDone({ error });
    } finally {
      setBusy(false);
    }
  };
  const exportBundle = (options?: ExportOptions) =>
    void run('bundle', () => client.exportBundle(options));
  const exportReceipt = (options: ExportOptions = {}) =>
    void run('receipt', () =>
      client.exportReceipt(receiptPost ? { ...options, postCode: receiptPost } : options),
    );

  const message: ExportMessage | null = !done
    ? null
    : 'error' in done
      ? {
          tone: 'error',
          lines: [failureLine(done.error, (k) => i18n.exists(k))],
        }
      : (receiptPartsMessage(done.result, (code) => postName(code, profile, lang)) ??
        exportMessage(done.kind, done.result, lang, role));
  const posts = role === 'officer' ? [] : receiptPosts(session, profile);
  return (
    <section className="sync-card" aria-labelledby="sync-export-heading">
      <h2 id="sync-export-heading">
        {role === 'hq' ? t('sync.export.headingHq') : t('sync.export.heading')}
      </h2>
      {role !== 'hq' ? (
        <>
          <p className="hint">{t(role === 'lead' ? 'sync.export.hintLead' : 'sync.export.hint')}</p>
          <div className="actions">
            <button className="primary" disabled={busy} onClick={() => exportBundle()}>
              {t('sync.export.bundle')}
            </button>
            <ExportFolder disabled={busy} onExport={(folderId) => exportBundle({ folderId })} />
          </div>
        </>
      ) : null}
      {role !== 'officer' ? (
        <>
          <h3>{t('sync.export.receiptsHeading')}</h3>
          <p className="hint">{t('sync.export.receiptsHint')}</p>
          <div className="actions sync-receipt-row">
            <div className="field sync-inline-field">
              <label htmlFor="sync-receipt-post">{t('sync.export.receiptPost')}</label>
              <select
                id="sync-receipt-post"
                value={receiptPost}
                onChange={(e) => setReceiptPost(e.target.value)}
              >
                <option value="">{t('sync.export.allPosts')}</option>
                {posts.map((code) => (
                  <option key={code} value={code}>
                    {postName(code, profile, lang)} ({code})
                  </option>
                ))}
              </select>
            </div>
            <button disabled={busy} onClick={() => exportReceipt()}>
              {t('sync.export.exportReceipt')}
            </button>
            {/* HQ has no bundle row, so its folder buttons sit here. A lead picks its export
                folder above; a receipt in several files goes there (receipt-parts.ts). */}
            {role === 'hq' ? (
              <ExportFolder disabled={busy} onExport={(folderId) => exportReceipt({ folderId })} />
            ) : null}
          </div>
        </>
      ) : null}
      {role === 'hq' ? (
        <>
          <h3>{t('sync.export.profileHeading')}</h3>
          <p className="hint">{t('sync.export.profileHint')}</p>
          <div className="actions">
            <button
              disabled={busy}
              onClick={() => void run('profile', () => client.exportProfile())}
            >
              {t('sync.export.exportProfile')}
            </button>
          </div>
        </>
      ) : null}
      <div role="status" aria-live="polite" data-testid="sync-export-status">
        {busy ? <p className="hint">{t('sync.busy')}</p> : null}
        {message ? (
          <div className={`notice ${message.tone}`}>
            {/* Lines of one kind repeat (one per receipt part): the position is their key. */}
            {message.lines.map((line, index) => (
              <p key={`${index}-${line.key}`} className="sync-line">
                {translateLine(t, line)}
              </p>
            ))}
            {message.detail ? (
              <details className="sync-detail">
                <summary>{t('sync.export.detailToggle')}</summary>
                {message.detail.map((line) => (
                  <p key={line.key} className="sync-line">
                    {translateLine(t, line)}
                  </p>
                ))}
              </details>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
