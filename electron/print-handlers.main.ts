// The job behind 'print:pdf': the app window printed to PDF (Chromium's print of the page,
// with its print stylesheet) and saved where the person picks, written next to the target
// and renamed into place like 'file:save' (writeAtomically). Electron's dialog, the window's printToPDF and
// the file system are passed in, so tests need none of them.
import nodePath from 'node:path';
import * as nodeFs from 'node:fs/promises';
import type { SaveDialogOptions } from 'electron';
import { MAX_FILE_BYTES, type IpcArgs, type IpcResult } from '../shared/ipc/contract';
import { writeAtomically } from './file-handlers.main';
import { IpcFailure } from './ipc.main';

/** The printToPDF options this app uses (a subset of Electron's PrintToPDFOptions). */
export interface PdfOptions {
  landscape: boolean;
  printBackground: boolean;
  /** The page size the print stylesheet asks for, when it asks. */
  preferCSSPageSize: boolean;
  /** Headings and tables kept as structure, for screen readers reading the PDF. */
  generateTaggedPDF: boolean;
}

export interface PrintHandlerDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  /** The app window's webContents.printToPDF. */
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
  /** Where the save dialog starts (the person's documents folder). */
  defaultDirectory(): string;
  fs?: Pick<typeof nodeFs, 'writeFile' | 'rename' | 'unlink'>;
  /** Suffix for the temporary file; random in the app, fixed in tests. */
  tempSuffix?: () => string;
}

export async function printToPdf(
  args: IpcArgs<'print:pdf'>,
  deps: PrintHandlerDeps,
): Promise<IpcResult<'print:pdf'>> {
  const fs = deps.fs ?? nodeFs;
  // The place first: a cancelled dialog costs no printing, and the page does not change
  // while the modal dialog is open.
  const choice = await deps.showSaveDialog({
    defaultPath: nodePath.join(deps.defaultDirectory(), args.suggestedName),
    filters: [{ name: 'PDF (.pdf)', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  const pdf = await deps.printToPDF({
    landscape: args.landscape,
    printBackground: true,
    preferCSSPageSize: true,
    generateTaggedPDF: true,
  });
  if (pdf.byteLength > MAX_FILE_BYTES) {
    throw new IpcFailure('too-large', `${pdf.byteLength} bytes of PDF`);
  }
  await writeAtomically(fs, choice.filePath, pdf, deps.tempSuffix?.() ?? crypto.randomUUID());
  return { saved: true, location: choice.filePath };
}
