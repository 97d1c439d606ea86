// The sync screen: export (bundles, receipts, the profile), import (files, drops, a folder)
// with progress, the kept import reports, missing changes, and devices waiting for approval.
// Stored state comes from the database by useLiveQuery; the running import from its store.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
// The screen's own stylesheet before its parts' ones (new-hq-keys.css builds on it).
import './sync.css';
import { type Session } from '../../kernel/session.ts';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { getNetworkProfile } from '../../db/identity.ts';
import {
  listGaps,
  listImportRuns,
  listPendingDevices,
  revokeLocalApproval,
} from '../../db/exchange/queries.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { GapList } from './GapList.tsx';
import { type LocalApprovalRow } from '../../db/exchange/schema.ts';
import { LocalApprovals } from './LocalApprovals.tsx';
import { NewHqKeys } from './NewHqKeys.tsx';
import { PendingDevices } from './PendingDevices.tsx';
import { ProfileNotSent } from './ProfileNotSent.tsx';
import { RelayImportView } from './RelayImportView.tsx';
import { useRelayActivity } from './relay-activity.ts';
import { failureLine } from './export-result.ts';
import { useFormatWhen } from './format.ts';
import { useImportStore } from './import-store.ts';
import './sync-entries.css';
import { useExchangeClient } from './useExchangeClient.ts';

/** How many past runs the screen lists; older reports stay stored. */
const RUNS_SHOWN = 20;

export function SyncScreen({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const client = useExchangeClient();
  const showToast = useUi((s) => s.showToast);
  const formatWhen = useFormatWhen(session.profile.postCode || undefined);
  const role = session.identity.role;
  const receivesBundles = role !== 'officer';

  const profile = useLiveQuery(() => getNetworkProfile(db), [db]);
  const runs = useLiveQuery(() => listImportRuns(db, RUNS_SHOWN), [db]);
  const gaps = useLiveQuery(() => listGaps(db), [db]);
  const pending = useLiveQuery(
    () => (receivesBundles ? listPendingDevices(db) : Promise.resolve([])),
    [db, receivesBundles],
  );
  // A lead's own approvals of officer devices (HQ's are in the profile, on the Network screen).
  const approvals = useLiveQuery(
    (): Promise<LocalApprovalRow[]> =>
      role === 'lead' ? db.exchangeApprovals.toArray() : Promise.resolve([]),
    [db, role],
  );
  const { running, resuming, progress, lastWasResume, error, ended, endedFiles } = useImportStore();
  // A relay sync's import is a run like a file import's: the newest may be in progress.
  const relaySyncing = useRelayActivity() !== null;
  const [deciding, setDeciding] = useState(false);
  // A device whose approval was asked for from an import report: its dialog opens.
  const [approveAsked, setApproveAsked] = useState<string | null>(null);
  const clearApproveAsked = useCallback(() => setApproveAsked(null), []);
  const waiting = useMemo(() => new Set((pending ?? []).map((d) => d.sender.deviceId)), [pending]);

  const fail = (e: unknown) => {
    console.error('Sync action failed', e);
    const line = failureLine(e, (k) => i18n.exists(k));
    showToast({ kind: 'error', key: line.key, params: line.values });
  };
  const decide = async (work: () => Promise<unknown>, doneKey: string) => {
    setDeciding(true);
    try {
      await work();
      showToast({ kind: 'ok', key: doneKey });
    } catch (e) {
      fail(e);
    } finally {
      setDeciding(false);
    }
  };

  const pendingDevices = receivesBundles ? (
    <PendingDevices
      devices={pending ?? []}
      profile={profile}
      formatWhen={formatWhen}
      busy={deciding || running}
      onApprove={(id) => void decide(() => client.approveDevice(id), 'sync.pending.approved')}
      onReject={(id) => void decide(() => client.rejectDevice(id), 'sync.pending.rejected')}
      requested={approveAsked}
      onRequestSeen={clearApproveAsked}
    />
  ) : null;
  // Devices waiting come first, where a person sees them without scrolling; none waiting,
  // the card saying so sits with the other cards.
  const waitingFirst = (pending?.length ?? 0) > 0;
  const errorLine = error ? failureLine(error, (k) => i18n.exists(k)) : null;
  // Files of the newest run whose import kept stopping: said at the top, never retried.
  const setAside = (runs?.[0]?.files ?? []).filter((f) => f.outcome.kind === 'set-aside');
  return (
    <section
      aria-labelledby="sync-heading"
      className="sync-screen"
      data-import-ends={ended}
      data-import-ended-files={endedFiles.join('\n')}
    >
      <h1 id="sync-heading" tabIndex={-1}>
        {t('sync.heading')}
      </h1>
      <p className="hint">
        {t(role === 'lead' ? 'sync.introLead' : role === 'hq' ? 'sync.introHq' : 'sync.intro')}
      </p>
      {errorLine ? (
        <p className="notice error" role="alert">
          {t(errorLine.key, errorLine.values)}
        </p>
      ) : null}
      {/* A resume that finds nothing queued ends at once: said only once it reports progress. */}
      {running && resuming && progress ? (
        <p className="notice info" role="status">
          {t('sync.import.resuming')}
        </p>
      ) : null}
      {lastWasResume && !running && setAside.length === 0 ? (
        <p className="notice ok" role="status">
          {t('sync.import.resumed')}
        </p>
      ) : null}
      {setAside.length > 0 && !running ? (
        <p className="notice warn" role="status" data-testid="sync-set-aside">
          {t('sync.import.setAside', {
            count: setAside.length,
            name: setAside[0]?.fileName ?? '',
          })}
        </p>
      ) : null}
      {role === 'hq' ? <ProfileNotSent profile={profile} /> : null}
      <RelayImportView />
      <NewHqKeys
        busy={deciding || running}
        onDone={(key, params) => showToast({ kind: 'ok', key, params })}
        onFail={fail}
      />
      {waitingFirst ? <div className="sync-waiting-first">{pendingDevices}</div> : null}
      <div className="sync-columns">
        <div className="sync-column">
          <ExportPanel client={client} session={session} profile={profile} />
          <ImportPanel client={client} />
          {waitingFirst ? null : pendingDevices}
          {role === 'lead' ? (
            <LocalApprovals
              approvals={approvals ?? []}
              profile={profile}
              formatWhen={formatWhen}
              busy={deciding || running}
              onWithdraw={(id) =>
                void decide(() => revokeLocalApproval(db, id), 'sync.approvals.withdrawn')
              }
            />
          ) : null}
          {receivesBundles || (gaps?.length ?? 0) > 0 ? (
            <GapList gaps={gaps ?? []} profile={profile} />
          ) : null}
        </div>
        <div className="sync-column">
          {runs ? (
            <ImportHistory
              runs={runs}
              profile={profile}
              formatWhen={formatWhen}
              running={running || relaySyncing}
              approval={
                receivesBundles
                  ? { waiting, onApprove: setApproveAsked, busy: deciding || running }
                  : undefined
              }
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}
