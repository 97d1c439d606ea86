// The kept import reports: the newest run in full ("Last import"), then the earlier runs,
// newest first, each opened in place with a button. The run an approval started says so, so
// it never reads as a second copy of the run in which its files first arrived.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { type ImportRunReport } from '../../db/exchange/api.ts';
import { officerName, summarizeRun } from './report-lines.ts';
import { RunReport, type WaitingApproval } from './RunReport.tsx';
import { CombinedReport } from './CombinedReport.tsx';

/** One file: its report. Several: one combined report, each file's a click away. */
function RunBody(props: {
  run: ImportRunReport;
  profile: NetworkProfile | undefined;
  formatWhen: (iso: string) => string;
  approval?: WaitingApproval | undefined;
}) {
  return props.run.files.length > 1 ? <CombinedReport {...props} /> : <RunReport {...props} />;
}

interface Props {
  runs: readonly ImportRunReport[];
  profile: NetworkProfile | undefined;
  formatWhen: (iso: string) => string;
  /** An import is running: the newest stored run may be the one in progress. */
  running: boolean;
  approval?: WaitingApproval | undefined;
}

function RunHeading({
  run,
  profile,
  formatWhen,
}: {
  run: ImportRunReport;
  profile: NetworkProfile | undefined;
  formatWhen: Props['formatWhen'];
}) {
  const { t } = useTranslation();
  const summary = summarizeRun(run);
  const firstName = run.files[0]?.fileName;
  return (
    <>
      <span className="sync-run-when">{formatWhen(run.startedAt)}</span>
      {run.approval ? (
        <span className="sync-run-approval">
          {t('sync.report.runApproval', {
            officer: officerName(run.approval.officerId, profile),
          })}
        </span>
      ) : null}
      {run.relay ? (
        <span className="sync-run-relay" data-testid="sync-run-relay">
          {t('sync.report.runRelay')}
        </span>
      ) : null}
      {firstName !== undefined ? (
        <span className="sync-run-names">
          {summary.files > 1
            ? t('sync.report.runMoreFiles', { name: firstName, count: summary.files - 1 })
            : t('sync.report.runFirstFile', { name: firstName })}
        </span>
      ) : (
        <span>{t('sync.report.runFiles', { count: summary.files })}</span>
      )}
      {summary.problems > 0 ? (
        <span className="sync-run-problems">
          {t('sync.report.runProblems', { count: summary.problems })}
        </span>
      ) : null}
    </>
  );
}

function PastRun({
  run,
  profile,
  formatWhen,
  approval,
}: Omit<Props, 'runs' | 'running'> & { run: ImportRunReport }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = `sync-run-${run.id}`;
  return (
    <li className="sync-past-run">
      <button
        className="sync-run-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <RunHeading run={run} profile={profile} formatWhen={formatWhen} />
        <span className="sync-toggle-word">
          {open ? t('sync.report.close') : t('sync.report.open')}
        </span>
      </button>
      <div id={panelId} hidden={!open}>
        {open ? (
          <>
            {run.finishedAt === null && !run.cancelled ? (
              <p className="notice warn">{t('sync.report.unfinished')}</p>
            ) : null}
            <RunBody run={run} profile={profile} formatWhen={formatWhen} approval={approval} />
          </>
        ) : null}
      </div>
    </li>
  );
}

export function ImportHistory({ runs, profile, formatWhen, running, approval }: Props) {
  const { t } = useTranslation();
  const [latest, ...past] = runs;
  return (
    <>
      <section
        className="sync-card"
        aria-labelledby="sync-last-heading"
        data-testid="sync-last-run"
      >
        <h2 id="sync-last-heading" tabIndex={-1}>
          {t('sync.report.lastHeading')}
        </h2>
        {latest ? (
          <>
            <p className="sync-run-head">
              <RunHeading run={latest} profile={profile} formatWhen={formatWhen} />
            </p>
            {latest.finishedAt === null && !latest.cancelled && !running ? (
              <p className="notice warn">{t('sync.report.unfinished')}</p>
            ) : null}
            <RunBody run={latest} profile={profile} formatWhen={formatWhen} approval={approval} />
          </>
        ) : (
          <p className="hint">{t('sync.report.noRuns')}</p>
        )}
      </section>
      {past.length > 0 ? (
        <section className="sync-card" aria-labelledby="sync-history-heading">
          <h2 id="sync-history-heading">{t('sync.report.historyHeading')}</h2>
          <ul className="sync-past-runs" data-testid="sync-past-runs">
            {past.map((run) => (
              <PastRun
                key={run.id}
                run={run}
                profile={profile}
                formatWhen={formatWhen}
                approval={approval}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
