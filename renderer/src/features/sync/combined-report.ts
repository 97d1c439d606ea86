// One import run of many files as one report: totals, then per officer (by the verified
// sender of each file) how many files were new, duplicates, waiting for approval or refused,
// the entries they added and the changes refused, with every reason. Pure: lines are i18n
// keys plus values, so the screen follows a language switch.
import { type FileReport, type ImportRunReport, type SenderInfo } from '../../db/exchange/api.ts';
import { errorLine, refusalLine, senderOf, type Line } from './report-lines.ts';

/** What one file counts as in the combined report. */
export type FileTally = 'new' | 'duplicate' | 'waiting' | 'refused' | 'other';

export const TALLY_KINDS = ['new', 'duplicate', 'waiting', 'refused'] as const;
export type TallyKind = (typeof TALLY_KINDS)[number];

export interface Reason {
  line: Line;
  /** Changes (or files) refused for this reason. */
  count: number;
}

export interface SenderTally {
  /** Null: files whose sender could not be verified (a refused file says nothing sure). */
  sender: SenderInfo | null;
  files: Record<TallyKind, number>;
  entriesAdded: number;
  /** Of entriesAdded, nil reports (the log does not list them). */
  nilReportsAdded: number;
  entriesUpdated: number;
  changesRefused: number;
  /** Why changes of this sender's bundles were refused, most frequent first. */
  reasons: Reason[];
  /** Its refused files, each with why (for the unknown sender: the file names). */
  refusedFiles: { fileName: string; line: Line }[];
}

export interface CombinedReport {
  files: number;
  totals: Record<TallyKind, number> & {
    entriesAdded: number;
    nilReportsAdded: number;
    entriesUpdated: number;
    changesRefused: number;
    /** Officers (and other senders) heard from in this run. */
    senders: number;
    /** Receipts, profiles and enrollment cards: in each file's report only. */
    other: number;
  };
  /** Per sender, in the order of their first file in the run; the unknown sender last. */
  senders: SenderTally[];
}

export function fileTally(file: FileReport): FileTally {
  switch (file.outcome.kind) {
    case 'applied':
      return 'new';
    case 'already-imported':
      return 'duplicate';
    case 'pending-device':
      return 'waiting';
    case 'rejected':
    case 'set-aside':
      return 'refused';
    default:
      return 'other';
  }
}

function emptyTally(sender: SenderInfo | null): SenderTally {
  return {
    sender,
    files: { new: 0, duplicate: 0, waiting: 0, refused: 0 },
    entriesAdded: 0,
    nilReportsAdded: 0,
    entriesUpdated: 0,
    changesRefused: 0,
    reasons: [],
    refusedFiles: [],
  };
}

/** Why a refused or set-aside file changed nothing. */
function refusedFileLine(file: FileReport, exists: (key: string) => boolean): Line {
  const { outcome } = file;
  if (outcome.kind === 'set-aside') {
    return {
      key: 'sync.report.outcome.setAside',
      values: {
        count: outcome.attempts,
        reason: errorLine(outcome.errorKey, exists, outcome.errorValues),
      },
    };
  }
  return outcome.kind === 'rejected'
    ? errorLine(outcome.errorKey, exists, outcome.errorValues)
    : { key: 'sync.error.unexpected' };
}

/**
 * The run's combined report. A sender is keyed by officer id (an officer's replacement
 * laptop counts with them); refused files have no verified sender and go to one "unknown"
 * entry. Refusal reasons of applied bundles are counted from the listed refused changes
 * (at most 200 per file); the rest of a file's refusals count under the generic reason.
 */
export function combineRun(run: ImportRunReport, exists: (key: string) => boolean): CombinedReport {
  const bySender = new Map<string, SenderTally>();
  let unknown: SenderTally | null = null;
  const reasonCounts = new Map<SenderTally, Map<string, Reason>>();
  const addReason = (tally: SenderTally, line: Line, count: number) => {
    const map = reasonCounts.get(tally) ?? new Map<string, Reason>();
    reasonCounts.set(tally, map);
    const id = JSON.stringify(line);
    const held = map.get(id);
    if (held) held.count += count;
    else map.set(id, { line, count });
  };
  let other = 0;
  for (const file of run.files) {
    const kind = fileTally(file);
    if (kind === 'other') {
      other += 1;
      continue;
    }
    const sender = senderOf(file.outcome) ?? null;
    let tally: SenderTally;
    if (sender) {
      tally = bySender.get(sender.officerId) ?? emptyTally(sender);
      bySender.set(sender.officerId, tally);
    } else {
      unknown ??= emptyTally(null);
      tally = unknown;
    }
    tally.files[kind] += 1;
    const { outcome } = file;
    if (kind === 'refused')
      tally.refusedFiles.push({ fileName: file.fileName, line: refusedFileLine(file, exists) });
    if (outcome.kind !== 'applied') continue;
    tally.entriesAdded += outcome.entries?.added ?? 0;
    tally.nilReportsAdded += outcome.entries?.nilReports ?? 0;
    tally.entriesUpdated += outcome.entries?.updated ?? 0;
    tally.changesRefused += outcome.counts.refused;
    for (const r of outcome.refused)
      addReason(tally, refusalLine(r.reasonKey, exists, r.reasonValues), 1);
    const unlisted = outcome.counts.refused - outcome.refused.length;
    if (unlisted > 0) addReason(tally, { key: 'sync.combined.reasonUnlisted' }, unlisted);
  }
  const senders = [...bySender.values(), ...(unknown ? [unknown] : [])];
  for (const tally of senders) {
    tally.reasons = [...(reasonCounts.get(tally)?.values() ?? [])].sort(
      (a, b) => b.count - a.count,
    );
  }
  const totals = {
    new: 0,
    duplicate: 0,
    waiting: 0,
    refused: 0,
    entriesAdded: 0,
    nilReportsAdded: 0,
    entriesUpdated: 0,
    changesRefused: 0,
    senders: bySender.size,
    other,
  };
  for (const tally of senders) {
    for (const kind of TALLY_KINDS) totals[kind] += tally.files[kind];
    totals.entriesAdded += tally.entriesAdded;
    totals.nilReportsAdded += tally.nilReportsAdded;
    totals.entriesUpdated += tally.entriesUpdated;
    totals.changesRefused += tally.changesRefused;
  }
  return { files: run.files.length, totals, senders };
}
