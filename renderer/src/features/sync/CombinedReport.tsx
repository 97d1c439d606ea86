// A run of several files read as one report: the totals first, then one row per officer
// (name, post, id as secondary text) with how many of their files were new, duplicates,
// waiting for approval or refused, the entries added and the changes refused, then every
// reason for a refusal. Each file's own report stays one click away (RunReport).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { type ImportRunReport } from '../../db/exchange/api.ts';
import { useLang } from '../../i18n/useLang.ts';
import { combineRun, TALLY_KINDS, type SenderTally } from './combined-report.ts';
import { officerName, postName, translateLine } from './report-lines.ts';
import { RunReport, type WaitingApproval } from './RunReport.tsx';
import './combined-report.css';

/** Runs of at most this many files list each file's report open; longer ones behind a click. */
const FILES_OPEN_UP_TO = 10;

interface Props {
  run: ImportRunReport;
  profile: NetworkProfile | undefined;
  formatWhen: (iso: string) => string;
  approval?: WaitingApproval | undefined;
}

function SenderCell({ tally, profile }: { tally: SenderTally; profile?: NetworkProfile }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { sender } = tally;
  if (!sender) return <th scope="row">{t('sync.combined.unknownSender')}</th>;
  const name = officerName(sender.officerId, profile);
  return (
    <th scope="row">
      <span className="combined-name">{name}</span>
      {name !== sender.officerId ? <span className="combined-id">{sender.officerId}</span> : null}
      {/* The post again, shown here only when the Post column is folded away (too narrow). */}
      {sender.role === 'officer' ? (
        <span className="combined-id combined-post-inline">
          {postName(sender.postCode, profile, lang)}
        </span>
      ) : null}
      {sender.role === 'officer' ? null : (
        <span className="combined-id">{t(`sync.report.role.${sender.role}`)}</span>
      )}
    </th>
  );
}

function Reasons({ tally, profile }: { tally: SenderTally; profile?: NetworkProfile }) {
  const { t } = useTranslation();
  const who = tally.sender
    ? officerName(tally.sender.officerId, profile)
    : t('sync.combined.unknownSender');
  return (
    <li data-testid="combined-reason">
      <span className="combined-reason-who">{who}</span>
      <ul>
        {tally.refusedFiles.map((f, i) => (
          <li key={`f${i}`}>
            {t('sync.combined.refusedFile', { name: f.fileName, reason: translateLine(t, f.line) })}
          </li>
        ))}
        {tally.reasons.map((r, i) => (
          <li key={`r${i}`}>
            {t('sync.combined.refusedChanges', {
              count: r.count,
              reason: translateLine(t, r.line),
            })}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function CombinedReport({ run, profile, formatWhen, approval }: Props) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const report = useMemo(() => combineRun(run, (k) => i18n.exists(k)), [run, i18n]);
  // A run still growing keeps the person's choice, or else follows its size.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const filesOpen = toggled ?? run.files.length <= FILES_OPEN_UP_TO;
  const nf = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
  const { totals } = report;
  const showWaiting = totals.waiting > 0;
  const kinds = TALLY_KINDS.filter((k) => k !== 'waiting' || showWaiting);
  const withReasons = report.senders.filter(
    (s) => s.refusedFiles.length > 0 || s.reasons.length > 0,
  );
  const captionId = `combined-caption-${run.id}`;
  return (
    <div className="combined" data-testid="combined-report">
      {run.cancelled ? <p className="notice warn">{t('sync.report.cancelled')}</p> : null}
      <dl className="combined-totals" data-testid="combined-totals">
        <div>
          <dt>{t('sync.combined.files')}</dt>
          <dd>{nf.format(report.files)}</dd>
        </div>
        <div>
          <dt>{t('sync.combined.officers')}</dt>
          <dd>{nf.format(totals.senders)}</dd>
        </div>
        {kinds.map((kind) => (
          <div
            key={kind}
            className={
              kind === 'refused' && totals.refused > 0 ? 'combined-total-refused' : undefined
            }
          >
            <dt>{t(`sync.combined.kind.${kind}`)}</dt>
            <dd data-testid={`combined-total-${kind}`}>{nf.format(totals[kind])}</dd>
          </div>
        ))}
        <div>
          <dt>{t('sync.combined.entriesAdded')}</dt>
          <dd data-testid="combined-total-entries">{nf.format(totals.entriesAdded)}</dd>
        </div>
        {totals.nilReportsAdded > 0 ? (
          <div>
            <dt>{t('sync.combined.nilReportsAdded')}</dt>
            <dd data-testid="combined-total-nil">{nf.format(totals.nilReportsAdded)}</dd>
          </div>
        ) : null}
        {totals.entriesUpdated > 0 ? (
          <div>
            <dt>{t('sync.combined.entriesUpdated')}</dt>
            <dd>{nf.format(totals.entriesUpdated)}</dd>
          </div>
        ) : null}
        {totals.changesRefused > 0 ? (
          <div className="combined-total-refused">
            <dt>{t('sync.combined.changesRefused')}</dt>
            <dd>{nf.format(totals.changesRefused)}</dd>
          </div>
        ) : null}
      </dl>
      {totals.other > 0 ? (
        <p className="hint">{t('sync.combined.otherFiles', { count: totals.other })}</p>
      ) : null}
      {report.senders.length > 0 ? (
        <div className="combined-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="combined-table" data-testid="combined-table">
            <caption id={captionId}>{t('sync.combined.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sync.combined.officer')}</th>
                <th scope="col" className="combined-post">
                  {t('sync.combined.post')}
                </th>
                {kinds.map((kind) => (
                  <th key={kind} scope="col" className="num">
                    {t(`sync.combined.kind.${kind}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('sync.combined.entriesAdded')}
                </th>
                <th scope="col" className="num">
                  {t('sync.combined.changesRefused')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.senders.map((tally) => (
                <tr
                  key={tally.sender?.officerId ?? '?'}
                  data-testid="combined-row"
                  className={
                    tally.files.refused + tally.changesRefused > 0 ? 'combined-problem' : undefined
                  }
                >
                  <SenderCell tally={tally} profile={profile} />
                  <td className="combined-post">
                    {tally.sender?.role === 'officer'
                      ? postName(tally.sender.postCode, profile, lang)
                      : ''}
                  </td>
                  {kinds.map((kind) => (
                    <td key={kind} className="num" data-kind={kind}>
                      {nf.format(tally.files[kind])}
                    </td>
                  ))}
                  <td className="num" data-kind="entries">
                    {nf.format(tally.entriesAdded)}
                  </td>
                  <td className="num" data-kind="changes-refused">
                    {nf.format(tally.changesRefused)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {withReasons.length > 0 ? (
        <>
          <h3 className="combined-reasons-heading">{t('sync.combined.reasonsHeading')}</h3>
          <ul className="combined-reasons">
            {withReasons.map((tally) => (
              <Reasons key={tally.sender?.officerId ?? '?'} tally={tally} profile={profile} />
            ))}
          </ul>
        </>
      ) : null}
      <details
        className="combined-files"
        open={filesOpen}
        onToggle={(e) => {
          const open = e.currentTarget.open;
          if (open !== filesOpen) setToggled(open);
        }}
      >
        <summary>{t('sync.combined.eachFile', { count: report.files })}</summary>
        {filesOpen ? (
          <RunReport
            run={run}
            profile={profile}
            formatWhen={formatWhen}
            approval={approval}
            sayCancelled={false}
          />
        ) : null}
      </details>
    </div>
  );
}
