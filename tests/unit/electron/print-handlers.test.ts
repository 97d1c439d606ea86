// 'print:pdf' in the main process: the window's PDF saved where the person picks, nothing
// printed when the dialog is cancelled, no half file on a full disk, and only a bare PDF
// file name let through the gate.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcHandler } from '../../../electron/ipc.main';
import {
  printToPdf,
  type PdfOptions,
  type PrintHandlerDeps,
} from '../../../electron/print-handlers.main';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';
import { decodeIpcError } from '../../../shared/ipc/errors';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-print-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const PDF = new TextEncoder().encode('%PDF-1.7\n% a summary\n%%EOF\n');

function deps(overrides: Partial<PrintHandlerDeps> = {}) {
  const printed = vi.fn<(options: PdfOptions) => Promise<Uint8Array>>(() => Promise.resolve(PDF));
  const d: PrintHandlerDeps = {
    showSaveDialog: () => Promise.resolve({ canceled: true }),
    printToPDF: printed,
    defaultDirectory: () => dir,
    tempSuffix: () => 'test',
    ...overrides,
  };
  return { d, printed };
}

describe('printing to PDF', () => {
  it('saves the printed window where the person chose, offered under the suggested name', async () => {
    const target = path.join(dir, 'summary FY 2010.pdf');
    const offered: { defaultPath?: string; filters?: unknown }[] = [];
    const { d, printed } = deps({
      showSaveDialog: (options) => {
        offered.push(options);
        return Promise.resolve({ canceled: false, filePath: target });
      },
    });
    const result = await printToPdf({ suggestedName: 'summary_FY.pdf', landscape: true }, d);
    expect(result).toEqual({ saved: true, location: target });
    expect(offered[0]?.defaultPath).toBe(path.join(dir, 'summary_FY.pdf'));
    expect(offered[0]?.filters).toEqual([{ name: 'PDF (.pdf)', extensions: ['pdf'] }]);
    expect(printed).toHaveBeenCalledTimes(1);
    expect(printed.mock.calls[0]?.[0]).toMatchObject({ landscape: true, generateTaggedPDF: true });
    expect(new Uint8Array(await fs.readFile(target))).toEqual(PDF);
    expect(await fs.readdir(dir)).toEqual(['summary FY 2010.pdf']);
  });

  it('prints nothing and writes nothing when the person cancels', async () => {
    const { d, printed } = deps();
    expect(await printToPdf({ suggestedName: 'a.pdf', landscape: false }, d)).toEqual({
      saved: false,
    });
    expect(printed).not.toHaveBeenCalled();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('keeps the old file whole and leaves no temp file when the disk is full', async () => {
    const target = path.join(dir, 'summary.pdf');
    await fs.writeFile(target, 'last month');
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    const failingFs = {
      ...fs,
      writeFile: async (file: string, data: Uint8Array, options: { flag: string }) => {
        await fs.writeFile(file, data.subarray(0, 3), options);
        throw full;
      },
    } as unknown as PrintHandlerDeps['fs'];
    const { d } = deps({
      showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }),
      fs: failingFs,
    });
    await expect(printToPdf({ suggestedName: 'summary.pdf', landscape: false }, d)).rejects.toBe(
      full,
    );
    expect(await fs.readFile(target, 'utf8')).toBe('last month');
    expect(await fs.readdir(dir)).toEqual(['summary.pdf']);
  });

  it('refuses a PDF larger than any file the app writes', async () => {
    const target = path.join(dir, 'huge.pdf');
    const { d } = deps({
      showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }),
      printToPDF: () => Promise.resolve(new Uint8Array(MAX_FILE_BYTES + 1)),
    });
    await expect(printToPdf({ suggestedName: 'huge.pdf', landscape: false }, d)).rejects.toThrow(
      /bytes of PDF/,
    );
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('runs only for a bare .pdf name and a landscape flag, through the IPC gate', async () => {
    const appWindow = { id: 1 };
    const frame = { url: 'app://liaison-log/index.html', parent: null };
    const warn = vi.fn<(message: string) => void>();
    const job = vi.fn(() => Promise.resolve({ saved: false }));
    const handler = createIpcHandler('print:pdf', job, {
      isAppWebContents: (sender) => sender === appWindow,
      warn,
    });
    const call = (args: unknown) => handler({ sender: appWindow, senderFrame: frame }, args);
    await expect(call({ suggestedName: 'summary.pdf', landscape: false })).resolves.toEqual({
      saved: false,
    });
    for (const bad of [
      { suggestedName: '../summary.pdf', landscape: false },
      { suggestedName: 'summary.exe', landscape: false },
      { suggestedName: 'summary.pdf' },
      { suggestedName: 'summary.pdf', landscape: false, path: '/etc' },
    ]) {
      const refused = await call(bad).then(
        () => 'ran',
        (e: unknown) => decodeIpcError(e instanceof Error ? e.message : ''),
      );
      expect(refused).toBe('refused');
    }
    expect(job).toHaveBeenCalledTimes(1);
  });
});
