// A receipt for more than 64 devices is several files (db/exchange/receipts.ts): saving them
// one after another, and what the person reads afterwards (how many files, which posts each
// is for, or how far it got before a cancel). One file keeps the ordinary path and wording.
import { MAX_RECIPIENTS } from '../../../../shared/bundle/limits.ts';
import { type ReceiptFile } from '../../db/exchange/receipts.ts';
import { type Platform } from '../../platform/types.ts';
import { type ExportOptions, type ExportResult, type WrittenPart } from '../../db/exchange/api.ts';
import { type ExportMessage } from './export-result.ts';
import { type Line } from './report-lines.ts';

/**
 * Where the parts go: the folder asked for; else, when the platform keeps an export folder,
 * that folder, so a receipt in three parts is not three save dialogs in a row (the message
 * says where they went); else the save dialog, once per part.
 */
export async function partsTarget(
  platform: Pick<Platform, 'supportsFolders' | 'getFolder'>,
  options: ExportOptions,
): Promise<ExportOptions> {
  if (options.folderId !== undefined) return options;
  if (!platform.supportsFolders || typeof platform.getFolder !== 'function') return options;
  const folder = await platform.getFolder('export');
  return folder ? { ...options, folderId: folder.id } : options;
}

/** Saves one file: its name and place once saved, null when the person cancelled. */
export type SaveOne = (file: ReceiptFile) => Promise<{ name: string; location?: string } | null>;

/**
 * Saves every part in order. A cancel stops there: the parts saved before stay where they
 * are (each is a complete receipt for its devices) and the result lists them. Issuing a
 * receipt records nothing on this device, so there is nothing to undo or to record.
 */
export async function saveReceiptParts(
  files: readonly ReceiptFile[],
  save: SaveOne,
): Promise<ExportResult> {
  const first = files[0];
  if (!first) return { status: 'nothing-to-send' };
  const parts: WrittenPart[] = [];
  for (const file of files) {
    const saved = await save(file);
    if (!saved)
      return parts.length === 0
        ? { status: 'cancelled' }
        : { status: 'cancelled', parts, partCount: files.length };
    parts.push({
      fileName: saved.name,
      ...(saved.location !== undefined ? { location: saved.location } : {}),
      part: file.part,
      partCount: file.partCount,
      posts: file.posts,
      otherDevices: file.otherDevices,
    });
  }
  return {
    status: 'written',
    fileName: parts[0]?.fileName ?? first.fileName,
    ...(parts[0]?.location !== undefined ? { location: parts[0].location } : {}),
    changes: 0,
    records: 0,
    ranges: [],
    parts,
  };
}

function partLine(part: WrittenPart, nameOf: (postCode: string) => string): Line {
  const values = {
    index: part.part,
    count: part.partCount,
    fileName: part.fileName,
    posts: part.posts.map(nameOf).join(', '),
  };
  if (part.posts.length === 0) return { key: 'sync.export.receiptPartNoPost', values };
  if (part.otherDevices > 0) return { key: 'sync.export.receiptPartAndNoPost', values };
  return { key: 'sync.export.receiptPart', values };
}

/**
 * The message of a receipt written as several files, or cancelled after some were saved;
 * null for every other result (export-result.ts words those).
 */
export function receiptPartsMessage(
  result: ExportResult,
  /** A post's name for people (a city); its code when none is known. */
  nameOf: (postCode: string) => string = (code) => code,
): ExportMessage | null {
  if (result.status === 'written' && result.parts && result.parts.length > 1) {
    const { parts } = result;
    const lines: Line[] = [
      { key: 'sync.export.receiptParts', values: { count: parts.length, max: MAX_RECIPIENTS } },
      ...parts.map((part) => partLine(part, nameOf)),
    ];
    // One folder for all (the export folder): said once. The browser's "location" is only
    // the file's name again, so it says nothing.
    const places = new Set(parts.map((p) => p.location));
    const [place] = places;
    if (places.size === 1 && place !== undefined && !parts.some((p) => p.fileName === place))
      lines.push({ key: 'sync.export.location', values: { location: place } });
    return { tone: 'ok', lines };
  }
  if (result.status === 'cancelled' && result.parts && result.parts.length > 0) {
    const count = result.partCount ?? result.parts.length;
    return {
      tone: 'info',
      lines: [
        {
          key: 'sync.export.receiptPartsCancelled',
          values: { saved: result.parts.length, count },
        },
        ...result.parts.map((part) => partLine(part, nameOf)),
      ],
    };
  }
  return null;
}
