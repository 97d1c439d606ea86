// Writes the CSV of the filtered log: every entry the log's filter selects, newest first, a
// slice at a time so 100,000 entries never hold the window (each slice is read, opened when
// sensitive fields are wanted, and turned into text, then the event loop runs: the progress
// bar moves and the Cancel button answers).
import { toCsv, CSV_BOM, type CsvDelimiter } from '../../../../shared/summary/csv.ts';
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import {
  DbError,
  getActivitiesByIds,
  isUnreadable,
  listActivityIds,
  type ActivityFilter,
  type LiaisonDb,
} from '../../db/index.ts';
import { openActivity } from '../../db/opened.ts';
import { type Sealer } from '../../db/sealing.ts';
import {
  logCsvColumns,
  logCsvRow,
  unreadableCsvRow,
  type LogCsvEntry,
  type LogCsvOptions,
} from './log-csv.ts';

/** Entries per slice: small enough that a slice's work is a few milliseconds. */
export const EXPORT_SLICE = 500;

export interface LogExportRequest {
  readonly filter: ActivityFilter;
  readonly csv: LogCsvOptions;
  /** What was selected, when and by whom (logCsvHeader). */
  readonly header: readonly (readonly string[])[];
  readonly delimiter?: CsvDelimiter;
  /** Needed only with includeSensitive: sensitive values are sealed at rest. */
  readonly sealer?: Sealer;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Entries per slice (EXPORT_SLICE unless a test asks for small slices). */
  readonly slice?: number;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function csvPart(rows: string[][], lang: Language, delimiter?: CsvDelimiter, sensitive = false) {
  const text = toCsv(rows, {
    lang,
    ...(delimiter ? { delimiter } : {}),
    includesSensitive: sensitive,
  });
  return text.slice(CSV_BOM.length);
}

/** The file's text (BOM first) and the number of entries in it. */
export async function buildLogCsv(
  db: LiaisonDb,
  request: LogExportRequest,
): Promise<{ text: string; entries: number }> {
  const { csv, delimiter, sealer, signal } = request;
  if (csv.includeSensitive && !sealer) throw new DbError('locked', 'locked: cannot open values');
  const columns = logCsvColumns(csv);
  const ids = await listActivityIds(db, request.filter);
  const parts = [
    CSV_BOM,
    csvPart(
      [...request.header.map((line) => [...line]), columns.map((c) => c.name)],
      csv.lang,
      delimiter,
      csv.includeSensitive,
    ),
  ];
  const slice = request.slice ?? EXPORT_SLICE;
  request.onProgress?.(0, ids.length);
  for (let start = 0; start < ids.length; start += slice) {
    signal?.throwIfAborted();
    const stored = await getActivitiesByIds(db, ids.slice(start, start + slice));
    const rows = await Promise.all(
      stored.map(async (entry) => {
        if (isUnreadable(entry)) return unreadableCsvRow(columns, entry.id, csv.words);
        // Without the tick nothing is opened: the sensitive columns do not exist.
        const opened = csv.includeSensitive ? await openActivity(sealer, entry) : null;
        const row: LogCsvEntry = {
          ...entry,
          data: opened?.data ?? entry.data,
          reviewState: entry.reviewState.state,
          unopened: opened?.unreadable ?? [],
        };
        return logCsvRow(columns, row);
      }),
    );
    parts.push(csvPart(rows, csv.lang, delimiter));
    request.onProgress?.(Math.min(ids.length, start + slice), ids.length);
    await nextTurn();
  }
  signal?.throwIfAborted();
  return { text: parts.join(''), entries: ids.length };
}
