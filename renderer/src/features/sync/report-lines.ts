// Turns the engine's import reports into the lines a person reads: who sent a file, what
// became of it, why a change was refused. Pure: every line is an i18n key plus values, so
// it follows a language switch; `translateLine` resolves nested keys (a reason inside a line).
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { DEMO_OFFICERS } from '../../../../shared/identity/demo.ts';
import { getPost } from '../../../../shared/domain/posts.ts';
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import { type SeqRange } from '../../../../shared/sync/receipts.ts';
import {
  type DeviceGapView,
  type FileOutcome,
  type ImportRunReport,
  type OutcomeCounts,
  type SenderInfo,
} from '../../db/exchange/api.ts';

/** A message to translate; a value may itself be a line (a reason inside a sentence). */
export interface Line {
  key: string;
  values?: Record<string, string | number | Line>;
}

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export function translateLine(t: Translate, line: Line): string {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(line.values ?? {})) {
    values[name] = typeof value === 'object' ? translateLine(t, value) : value;
  }
  return t(line.key, values);
}

/**
 * The reason of a refused change: the engine's i18n key (`exchange.refusal.<code>`); a bare
 * refusal code maps to that table, and a key nobody translates still shows its code rather
 * than a raw key.
 */
export function refusalLine(
  reasonKey: string,
  exists: (key: string) => boolean,
  reasonValues?: Record<string, string | number>,
): Line {
  if (exists(reasonKey)) return { key: reasonKey, values: reasonValues };
  const code = reasonKey.slice(reasonKey.lastIndexOf('.') + 1);
  const byCode = `exchange.refusal.${code}`;
  if (exists(byCode)) return { key: byCode, values: reasonValues };
  return { key: 'sync.refusal.unknown', values: { code } };
}

/** An error key from the engine, or the generic message when no table has it. */
export function errorLine(
  errorKey: string,
  exists: (key: string) => boolean,
  errorValues?: Record<string, string | number>,
): Line {
  return exists(errorKey)
    ? { key: errorKey, values: errorValues }
    : { key: 'sync.error.unexpected' };
}

/** "12–14, 20": the sequence ranges a bundle declares, numbers in the person's format. */
export function rangesText(ranges: readonly SeqRange[], lang: Language): string {
  const nf = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
  return ranges
    .map((r) => (r.from === r.to ? nf.format(r.from) : `${nf.format(r.from)}–${nf.format(r.to)}`))
    .join(', ');
}

/** A person's name from the profile (devices, leads), the demo's officers, else the id. */
export function officerName(officerId: string, profile: NetworkProfile | undefined): string {
  // A device approved from its bundle alone may carry the id as its name: look further.
  const device = profile?.devices.find((d) => d.officerId === officerId && d.name !== officerId);
  if (device) return device.name;
  const lead = profile?.leads.find((l) => l.officerId === officerId);
  if (lead) return lead.name;
  if (!profile || profile.demo) {
    const demo = DEMO_OFFICERS.find((o) => o.officerId === officerId);
    if (demo) return demo.name;
  }
  return officerId;
}

/** A post's city in the person's language, or its code when the catalogue does not know it. */
export function postName(
  postCode: string | null,
  profile: NetworkProfile | undefined,
  lang: Language,
): string {
  if (!postCode) return '';
  const post = profile?.posts.find((p) => p.code === postCode) ?? getPost(postCode);
  return post ? post.city[lang] : postCode;
}

/** "Sofía Herrera (lo-bogota-1) at Bogotá", or "…, HQ" for HQ. */
export function senderLine(
  sender: SenderInfo,
  profile: NetworkProfile | undefined,
  lang: Language,
): Line {
  const officer = officerName(sender.officerId, profile);
  // HQ has no post, and a lead's header names only the first of its posts: say neither.
  if (sender.role === 'hq' || sender.role === 'lead' || sender.postCode === null) {
    return { key: 'sync.report.senderNoPost', values: { officer, officerId: sender.officerId } };
  }
  const post = postName(sender.postCode, profile, lang);
  return officer === sender.officerId
    ? { key: 'sync.report.senderIdOnly', values: { officerId: sender.officerId, post } }
    : { key: 'sync.report.sender', values: { officer, officerId: sender.officerId, post } };
}

export interface OutcomeContext {
  profile: NetworkProfile | undefined;
  lang: Language;
  exists: (key: string) => boolean;
  formatWhen: (iso: string) => string;
}

export type OutcomeTone = 'ok' | 'info' | 'warn' | 'error';

/** The one line saying what became of a file, and how it should look. */
export function outcomeLine(outcome: FileOutcome, ctx: OutcomeContext): [Line, OutcomeTone] {
  switch (outcome.kind) {
    case 'applied':
      return outcome.counts.refused > 0
        ? [
            {
              key: 'sync.report.outcome.appliedRefused',
              values: { count: outcome.counts.refused },
            },
            'warn',
          ]
        : [{ key: 'sync.report.outcome.applied' }, 'ok'];
    case 'already-imported':
      return [
        {
          key: 'sync.report.outcome.alreadyImported',
          values: { when: ctx.formatWhen(outcome.importedAt) },
        },
        'info',
      ];
    case 'pending-device':
      return [{ key: 'sync.report.outcome.pendingDevice' }, 'warn'];
    case 'receipt': {
      // In entries: "Receipt: Demo HQ (Ottawa) holds all your entries." The change number is
      // the report's detail (receiptDetail); a report stored before entries were counted
      // keeps the number in its line.
      const sender = officerName(outcome.from.officerId, ctx.profile);
      const notHeld = outcome.entriesNotHeld;
      if (outcome.acknowledgedUpTo === 0)
        return [{ key: 'sync.report.outcome.receiptNone', values: { sender } }, 'info'];
      if (notHeld === undefined)
        return [
          {
            key: 'sync.report.outcome.receipt',
            values: { sender, upTo: outcome.acknowledgedUpTo },
          },
          'ok',
        ];
      return notHeld === 0
        ? [{ key: 'sync.report.outcome.receiptAll', values: { sender } }, 'ok']
        : [{ key: 'sync.report.outcome.receiptExcept', values: { sender, count: notHeld } }, 'ok'];
    }
    case 'profile':
      if (outcome.pending)
        return [
          { key: 'sync.report.outcome.profilePending', values: { version: outcome.version } },
          'warn',
        ];
      return [
        {
          key: outcome.updated
            ? 'sync.report.outcome.profileUpdated'
            : 'sync.report.outcome.profileSame',
          values: { version: outcome.version },
        },
        outcome.updated ? 'ok' : 'info',
      ];
    case 'enrollment':
      return [
        {
          key: 'sync.report.outcome.enrollment',
          values: { sender: senderLine(outcome.sender, ctx.profile, ctx.lang) },
        },
        'info',
      ];
    case 'rejected':
      // Bundle and identity errors are whole sentences written for this place.
      return [errorLine(outcome.errorKey, ctx.exists, outcome.errorValues), 'error'];
    case 'set-aside':
      // "Set aside after 2 tries: <why>": the reason is a whole sentence of its own.
      return [
        {
          key: 'sync.report.outcome.setAside',
          values: {
            count: outcome.attempts,
            reason: errorLine(outcome.errorKey, ctx.exists, outcome.errorValues),
          },
        },
        'error',
      ];
  }
}

/** The sender of a file, when its outcome names one. */
export function senderOf(outcome: FileOutcome): SenderInfo | undefined {
  switch (outcome.kind) {
    case 'applied':
    case 'already-imported':
    case 'pending-device':
    case 'enrollment':
      return outcome.sender;
    case 'receipt':
      return outcome.from;
    default:
      return undefined;
  }
}

export const COUNT_KINDS: readonly (keyof OutcomeCounts)[] = [
  'inserted',
  'updated',
  'unchanged',
  'stale',
  'refused',
];

export interface RunSummary {
  files: number;
  /** Files that changed nothing because they were refused or set aside. */
  problems: number;
  /** Per-change outcomes over every applied bundle of the run. */
  totals: OutcomeCounts;
}

export function summarizeRun(run: ImportRunReport): RunSummary {
  const totals: OutcomeCounts = { inserted: 0, updated: 0, unchanged: 0, stale: 0, refused: 0 };
  let problems = 0;
  for (const file of run.files) {
    if (file.outcome.kind === 'rejected' || file.outcome.kind === 'set-aside') problems += 1;
    if (file.outcome.kind === 'applied') {
      for (const kind of COUNT_KINDS) totals[kind] += file.outcome.counts[kind];
    }
  }
  return { files: run.files.length, problems, totals };
}

/** The numbers behind a gap line, for its detail: "Changes 12–14" or "Change 12". */
export function gapDetail(gap: DeviceGapView): Line {
  return gap.from === gap.to
    ? { key: 'sync.gaps.detailOne', values: { from: gap.from } }
    : { key: 'sync.gaps.detail', values: { from: gap.from, to: gap.to } };
}

/** "Entries from Sofía Herrera at Bogotá have not arrived: a bundle is missing." */
export function gapLine(
  gap: DeviceGapView,
  profile: NetworkProfile | undefined,
  lang: Language,
): Line {
  const officer = officerName(gap.sender.officerId, profile);
  if (gap.sender.role === 'hq' || gap.sender.postCode === null) {
    return { key: 'sync.gaps.lineHq', values: { officer } };
  }
  const post = postName(gap.sender.postCode, profile, lang);
  return { key: 'sync.gaps.line', values: { officer, post } };
}
