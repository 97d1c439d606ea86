// One import run as a person reads it: per file, who sent it (officer, post, device code),
// what became of it in one line, the entries it added and changed, every refused change
// with why, and one click away the per-change counts and numbers. A file waiting for its
// device's approval offers the approval right there.
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { useLang } from '../../i18n/useLang.ts';
import { type EntryCounts, type FileReport, type ImportRunReport } from '../../db/exchange/api.ts';
import {
  COUNT_KINDS,
  outcomeLine,
  rangesText,
  refusalLine,
  senderLine,
  senderOf,
  translateLine,
  type OutcomeContext,
} from './report-lines.ts';

/** The engine's further figures, each a sentence when not zero. */
const EXTRA_KINDS = ['deferred', 'clockAhead', 'retried'] as const;

/** Devices still waiting for approval, and how to ask for one's approval (Sync's dialog). */
export interface WaitingApproval {
  waiting: ReadonlySet<string>;
  onApprove: (deviceId: string) => void;
  busy: boolean;
}

interface Props {
  run: ImportRunReport;
  profile: NetworkProfile | undefined;
  formatWhen: (iso: string) => string;
  approval?: WaitingApproval | undefined;
  /** False where the run's own report (CombinedReport) already says it was cancelled. */
  sayCancelled?: boolean;
}

function WaitingDevice({ deviceId, approval }: { deviceId: string; approval?: WaitingApproval }) {
  const { t } = useTranslation();
  if (!approval) return null;
  if (!approval.waiting.has(deviceId))
    return <p className="hint">{t('sync.report.noLongerWaiting')}</p>;
  return (
    <div className="actions">
      <button
        className="primary"
        disabled={approval.busy}
        onClick={() => approval.onApprove(deviceId)}
      >
        {t('sync.report.approveDevice')}
      </button>
    </div>
  );
}

function EntriesLine({ entries }: { entries: EntryCounts | undefined }) {
  const { t } = useTranslation();
  if (!entries) return null;
  return (
    <p className="sync-entries" data-testid="sync-entries">
      {entries.added + entries.updated > 0
        ? t('sync.report.entries', { added: entries.added, updated: entries.updated })
        : t('sync.report.entriesNone')}
      {entries.nilReports ? ` ${t('sync.report.entriesNil', { count: entries.nilReports })}` : null}
    </p>
  );
}

function FileEntry({
  file,
  ctx,
  approval,
}: {
  file: FileReport;
  ctx: OutcomeContext;
  approval?: WaitingApproval | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { outcome } = file;
  const [line, tone] = outcomeLine(outcome, ctx);
  const sender = senderOf(outcome);
  return (
    <li className="sync-file" data-testid="sync-file-report" data-outcome={outcome.kind}>
      <h3 className="sync-file-name">{file.fileName}</h3>
      <p className={`sync-outcome ${tone}`} data-testid="sync-outcome">
        {translateLine(t, line)}
      </p>
      {sender ? (
        <dl className="details sync-sender">
          <dt>{t('sync.report.from')}</dt>
          <dd>
            {translateLine(t, senderLine(sender, ctx.profile, ctx.lang))} ·{' '}
            {t(`sync.report.role.${sender.role}`)}
          </dd>
          <dt>{t('sync.report.device')}</dt>
          <dd>
            <code className="sync-code">{sender.fingerprint}</code>
          </dd>
        </dl>
      ) : null}
      {outcome.kind === 'receipt' &&
      outcome.entriesNotHeld !== undefined &&
      outcome.acknowledgedUpTo > 0 ? (
        <details className="sync-detail">
          <summary>{t('sync.export.detailToggle')}</summary>
          <p data-testid="sync-receipt-detail">
            {t('sync.report.outcome.receiptDetail', { upTo: outcome.acknowledgedUpTo })}
          </p>
        </details>
      ) : null}
      {outcome.kind === 'pending-device' ? (
        <WaitingDevice deviceId={outcome.sender.deviceId} approval={approval} />
      ) : null}
      {outcome.kind === 'applied' ? (
        <>
          <EntriesLine entries={outcome.entries} />
          <details className="sync-detail">
            <summary>{t('sync.report.detail')}</summary>
            {outcome.ranges.length > 0 ? (
              <dl className="details sync-sender">
                <dt>{t('sync.report.rangesLabel')}</dt>
                <dd data-testid="sync-ranges">{rangesText(outcome.ranges, ctx.lang)}</dd>
              </dl>
            ) : null}
            <table className="sync-counts">
              <caption>
                {t('sync.report.countsCaption', {
                  count: COUNT_KINDS.reduce((sum, kind) => sum + outcome.counts[kind], 0),
                })}
              </caption>
              <thead>
                <tr>
                  {COUNT_KINDS.map((kind) => (
                    <th key={kind} scope="col">
                      {t(`sync.report.counts.${kind}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {COUNT_KINDS.map((kind) => (
                    <td key={kind} data-testid={`sync-count-${kind}`}>
                      {new Intl.NumberFormat(ctx.lang === 'fr' ? 'fr-CA' : 'en-CA').format(
                        outcome.counts[kind],
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </details>
          {EXTRA_KINDS.map((kind) =>
            outcome.extras && outcome.extras[kind] > 0 ? (
              <p key={kind} className="hint sync-extra" data-testid={`sync-extra-${kind}`}>
                {t(`sync.report.${kind}`, { count: outcome.extras[kind] })}
              </p>
            ) : null,
          )}
          {outcome.refused.length > 0 ? (
            <>
              <h4>{t('sync.report.refusedHeading')}</h4>
              <ul className="sync-refused">
                {outcome.refused.map((r, i) => (
                  <li key={`${r.recordId}/${r.field}/${i}`}>
                    {t('sync.report.refusedRow', {
                      record: r.recordId,
                      field: r.field,
                      reason: translateLine(
                        t,
                        refusalLine(r.reasonKey, (k) => i18n.exists(k), r.reasonValues),
                      ),
                    })}
                  </li>
                ))}
              </ul>
              {outcome.counts.refused > outcome.refused.length ? (
                <p className="hint">
                  {t('sync.report.refusedMore', {
                    count: outcome.counts.refused - outcome.refused.length,
                  })}
                </p>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

export function RunReport({ run, profile, formatWhen, approval, sayCancelled = true }: Props) {
  const { i18n, t } = useTranslation();
  const lang = useLang();
  const ctx: OutcomeContext = { profile, lang, exists: (k) => i18n.exists(k), formatWhen };
  return (
    <div className="sync-run" data-testid="sync-run-report">
      {run.cancelled && sayCancelled ? (
        <p className="notice warn">{t('sync.report.cancelled')}</p>
      ) : null}
      <ul className="sync-files">
        {run.files.map((file, i) => (
          <FileEntry key={`${file.fileName}/${i}`} file={file} ctx={ctx} approval={approval} />
        ))}
      </ul>
    </div>
  );
}
