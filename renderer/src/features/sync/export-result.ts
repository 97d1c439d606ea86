// What an export says when it ends: the file written and what it carries, "nothing to
// send", cancelled, or why it failed. Pure, so the wording is tested without a screen.
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import { errorMessageKey } from '../../kernel/errors.ts';
import {
  PlatformError,
  platformErrorMessageKey,
  platformErrorMessageValues,
} from '../../platform/errors.ts';
import { type ExportResult } from '../../db/exchange/api.ts';
import { rangesText, type Line } from './report-lines.ts';

export type ExportKind = 'bundle' | 'receipt' | 'profile';

export interface ExportMessage {
  tone: 'ok' | 'info' | 'error';
  lines: Line[];
  /** The field changes and their numbers, one click away (a person counts entries). */
  detail?: Line[];
}

export function exportMessage(
  kind: ExportKind,
  result: ExportResult,
  lang: Language,
  /** Who exports: a lead sends reviews to officers and HQ, not changes to "your team lead". */
  role: 'officer' | 'lead' | 'hq' = 'officer',
): ExportMessage {
  if (result.status === 'nothing-to-send') {
    const key = role === 'lead' ? 'sync.export.nothingLead' : 'sync.export.nothing';
    return { tone: 'info', lines: [{ key }] };
  }
  if (result.status === 'cancelled') {
    return { tone: 'info', lines: [{ key: 'sync.export.cancelled' }] };
  }
  const { fileName } = result;
  const entries: Line = { key: 'sync.export.entries', values: { count: result.records } };
  const first: Line =
    kind === 'receipt'
      ? { key: 'sync.export.receiptWritten', values: { fileName } }
      : kind === 'profile'
        ? { key: 'sync.export.profileWritten', values: { fileName } }
        : result.ranges.length > 0
          ? { key: 'sync.export.written', values: { fileName, entries } }
          : { key: 'sync.export.writtenFile', values: { fileName } };
  const detail: Line[] =
    kind === 'bundle' && result.ranges.length > 0
      ? [
          {
            key: 'sync.export.detail',
            values: {
              changes: { key: 'sync.export.changes', values: { count: result.changes } },
              entries,
              ranges: rangesText(result.ranges, lang),
            },
          },
        ]
      : [];
  const lines = [first];
  if (result.unreadable) {
    lines.push({ key: 'sync.export.unreadable', values: { count: result.unreadable } });
  }
  // The browser's "location" is only the downloaded file's name again: not worth a line.
  if (result.location && result.location !== fileName) {
    lines.push({ key: 'sync.export.location', values: { location: result.location } });
  }
  return detail.length > 0 ? { tone: 'ok', lines, detail } : { tone: 'ok', lines };
}

/** The interpolation values an error carries (`{{count}}`...), keeping only text and numbers. */
function plainValues(values: unknown): Record<string, string | number> {
  if (!values || typeof values !== 'object') return {};
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

/** The message of a failure the platform, the database or the engine explains, else a generic one. */
export function failureLine(
  error: unknown,
  exists: (key: string) => boolean,
): { key: string; values?: Record<string, string | number> } {
  const platformKey = platformErrorMessageKey(error);
  if (platformKey) {
    return {
      key: platformKey,
      values: error instanceof PlatformError ? platformErrorMessageValues(error) : {},
    };
  }
  if (error && typeof error === 'object' && 'messageKey' in error) {
    const key = error.messageKey;
    if (typeof key === 'string' && exists(key)) {
      const values = 'messageValues' in error ? plainValues(error.messageValues) : {};
      return { key, values };
    }
  }
  // Database failures (disk full, locked database) have their own messages.
  const dbKey = errorMessageKey(error);
  return dbKey === 'errors.unexpected' ? { key: 'sync.error.unexpected' } : { key: dbKey };
}
