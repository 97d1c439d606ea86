// A receipt written as several files: how devices are grouped into parts, how the parts are
// saved (every one, or up to a cancel), where they go, and what the person reads, in both
// languages and on the export panel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { ServicesProvider, type Services } from '../../../renderer/src/kernel/services.tsx';
import { makeSession } from '../../../renderer/src/kernel/session.ts';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { openDatabase } from '../../../renderer/src/db/index.ts';
import { receiptParts, type ReceiptFile } from '../../../renderer/src/db/exchange/receipts.ts';
import { type ExchangeClient, type ExportResult } from '../../../renderer/src/db/exchange/api.ts';
import { ExportPanel } from '../../../renderer/src/features/sync/ExportPanel.tsx';
import {
  partsTarget,
  receiptPartsMessage,
  saveReceiptParts,
} from '../../../renderer/src/features/sync/receipt-parts.ts';
import { translateLine } from '../../../renderer/src/features/sync/report-lines.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { type Platform } from '../../../renderer/src/platform/types.ts';

afterEach(cleanup);

type Device = { deviceId: string; role: 'officer' | 'lead' | 'hq'; postCode: string | null };

function officers(postCode: string, count: number): Device[] {
  return Array.from({ length: count }, (_, i) => ({
    deviceId: `${postCode.toLowerCase()}-${String(i + 1).padStart(3, '0')}`,
    role: 'officer' as const,
    postCode,
  }));
}

const ids = (parts: Device[][]) => parts.map((p) => p.map((d) => d.deviceId));

describe('receiptParts', () => {
  it('leaves 64 devices or fewer as one part, in the order given', () => {
    const devices = [...officers('MEX', 30), ...officers('BOG', 34)];
    expect(ids(receiptParts(devices))).toEqual([devices.map((d) => d.deviceId)]);
    expect(receiptParts([])).toEqual([]);
  });

  it('keeps each post whole, posts in code order and devices of no post last', () => {
    const lead: Device = { deviceId: 'lead-a', role: 'lead', postCode: 'BOG' };
    // Given out of order: 40 at MEX, 30 at BOG, 20 at ABJ, and a lead.
    const parts = receiptParts([
      ...officers('MEX', 40),
      lead,
      ...officers('BOG', 30),
      ...officers('ABJ', 20),
    ]);
    expect(parts.map((p) => p.length)).toEqual([50, 41]);
    expect(parts[0]?.[0]?.deviceId).toBe('abj-001');
    expect(new Set(parts[0]?.map((d) => d.postCode))).toEqual(new Set(['ABJ', 'BOG']));
    expect(parts[1]?.at(-1)).toBe(lead);
    expect(parts.every((p) => p.length <= 64)).toBe(true);
  });

  it('splits a post only when it alone holds more than a part', () => {
    const parts = receiptParts([...officers('ABJ', 10), ...officers('BOG', 70)], 64);
    expect(parts.map((p) => p.length)).toEqual([64, 16]);
    // ABJ whole in the first part, BOG filling it and going on in the second.
    expect(parts[0]?.filter((d) => d.postCode === 'ABJ')).toHaveLength(10);
    expect(
      parts
        .flat()
        .map((d) => d.deviceId)
        .sort(),
    ).toEqual([...officers('ABJ', 10), ...officers('BOG', 70)].map((d) => d.deviceId).sort());
  });
});

function file(part: number, partCount: number, posts: string[], otherDevices = 0): ReceiptFile {
  return {
    kind: 'receipt',
    fileName: `receipt_hq-ottawa_all-posts_2025-04-11_part-${part}-of-${partCount}.llb`,
    data: Uint8Array.of(part),
    bundleId: `r-${part}`,
    createdAt: '2025-04-11T09:30:00.000Z',
    changes: 0,
    records: 0,
    ranges: [],
    part,
    partCount,
    posts,
    otherDevices,
    recipients: [],
  };
}

const threeParts = [file(1, 3, ['ABJ', 'BOG']), file(2, 3, ['LON']), file(3, 3, ['MEX'], 2)];

describe('saveReceiptParts', () => {
  it('saves every part in order and reports them all', async () => {
    const save = vi.fn((f: ReceiptFile) =>
      Promise.resolve({ name: f.fileName, location: '/media/usb' }),
    );
    const result = await saveReceiptParts(threeParts, save);
    expect(save.mock.calls.map(([f]) => f.part)).toEqual([1, 2, 3]);
    expect(result).toMatchObject({
      status: 'written',
      fileName: threeParts[0]?.fileName,
      location: '/media/usb',
    });
    expect(result.status === 'written' ? result.parts?.map((p) => p.part) : null).toEqual([
      1, 2, 3,
    ]);
  });

  it('stops at a cancel and says which parts were saved before it', async () => {
    const save = vi.fn((f: ReceiptFile) =>
      Promise.resolve(f.part === 2 ? null : { name: f.fileName }),
    );
    const result = await saveReceiptParts(threeParts, save);
    expect(save).toHaveBeenCalledTimes(2);
    expect(result).toEqual({
      status: 'cancelled',
      partCount: 3,
      parts: [
        {
          fileName: threeParts[0]?.fileName,
          part: 1,
          partCount: 3,
          posts: ['ABJ', 'BOG'],
          otherDevices: 0,
        },
      ],
    });
  });

  it('is a plain cancel when the first dialog is cancelled', async () => {
    expect(await saveReceiptParts(threeParts, () => Promise.resolve(null))).toEqual({
      status: 'cancelled',
    });
    expect(await saveReceiptParts([], () => Promise.resolve(null))).toEqual({
      status: 'nothing-to-send',
    });
  });
});

describe('partsTarget', () => {
  const folder = { id: 'usb', label: '/media/usb' };
  it('writes the parts into the export folder when one is chosen', async () => {
    const getFolder = vi.fn(() => Promise.resolve(folder));
    expect(await partsTarget({ supportsFolders: true, getFolder }, {})).toEqual({
      folderId: 'usb',
    });
    expect(getFolder).toHaveBeenCalledWith('export');
  });

  it('keeps the folder asked for, and the dialog where there is no folder', async () => {
    const getFolder = vi.fn(() => Promise.resolve(folder));
    expect(await partsTarget({ supportsFolders: true, getFolder }, { folderId: 'x' })).toEqual({
      folderId: 'x',
    });
    expect(await partsTarget({ supportsFolders: false, getFolder }, {})).toEqual({});
    expect(
      await partsTarget({ supportsFolders: true, getFolder: () => Promise.resolve(null) }, {}),
    ).toEqual({});
    expect(getFolder).not.toHaveBeenCalled();
  });
});

async function written(): Promise<ExportResult> {
  const twoParts = [file(1, 2, ['ABJ', 'BOG']), file(2, 2, ['LON'])];
  return saveReceiptParts(twoParts, (f) =>
    Promise.resolve({ name: f.fileName, location: '/media/usb' }),
  );
}

describe('receiptPartsMessage', () => {
  it('says how many files, which posts each is for, and where, in English and French', async () => {
    const message = receiptPartsMessage(await written());
    if (!message) throw new Error('no message');
    expect(message.tone).toBe('ok');
    const en = createI18n('en');
    const fr = createI18n('fr');
    const inEn = message.lines.map((l) => translateLine(en.t.bind(en), l));
    expect(inEn).toEqual([
      'Receipt saved as 2 files (one file is for 64 devices at most). Give each device the file for its post:',
      'Part 1 of 2: “receipt_hq-ottawa_all-posts_2025-04-11_part-1-of-2.llb”, for ABJ, BOG.',
      'Part 2 of 2: “receipt_hq-ottawa_all-posts_2025-04-11_part-2-of-2.llb”, for LON.',
      'Location: /media/usb',
    ]);
    const inFr = message.lines.map((l) => translateLine(fr.t.bind(fr), l));
    expect(inFr[0]).toMatch(/^Accusé de réception enregistré en 2 fichiers/);
    expect(inFr[1]).toMatch(/^Partie 1 sur 2/);
    expect(inFr.every((line) => !line.includes('sync.export'))).toBe(true);
  });

  it('names devices of no post, and a cancel part way', async () => {
    const cancelled = await saveReceiptParts(threeParts, (f) =>
      Promise.resolve(f.part === 3 ? null : { name: f.fileName }),
    );
    const message = receiptPartsMessage(cancelled);
    if (!message) throw new Error('no message');
    const en = createI18n('en');
    expect(message.tone).toBe('info');
    expect(translateLine(en.t.bind(en), message.lines[0] ?? { key: '' })).toBe(
      'Export cancelled after 2 of 3 receipt files. The files saved are complete receipts for their devices and can be handed out; export the receipt again to write every part.',
    );
    const last = receiptPartsMessage({
      status: 'written',
      fileName: 'a',
      changes: 0,
      records: 0,
      ranges: [],
      parts: [
        { fileName: 'a', part: 1, partCount: 2, posts: ['ZZZ'], otherDevices: 1 },
        { fileName: 'b', part: 2, partCount: 2, posts: [], otherDevices: 3 },
      ],
    });
    expect(last?.lines.map((l) => l.key)).toEqual([
      'sync.export.receiptParts',
      'sync.export.receiptPartAndNoPost',
      'sync.export.receiptPartNoPost',
    ]);
  });

  it('leaves every other result to the ordinary wording', () => {
    expect(receiptPartsMessage({ status: 'cancelled' })).toBeNull();
    expect(receiptPartsMessage({ status: 'nothing-to-send' })).toBeNull();
    expect(
      receiptPartsMessage({
        status: 'written',
        fileName: 'receipt.llb',
        changes: 0,
        records: 0,
        ranges: [],
      }),
    ).toBeNull();
  });
});

describe('the export panel', () => {
  it('tells HQ how many receipt files it saved', async () => {
    const user = userEvent.setup();
    const exportReceipt = vi.fn(written);
    const client = { exportReceipt } as unknown as ExchangeClient;
    const platform = { kind: 'browser', supportsFolders: false } as Platform;
    const db = await openDatabase('receipt-parts-panel');
    const services: Services = { db, platform, deviceId: 'hq', vault: new VaultSession(db) };
    const session = makeSession({
      deviceId: 'hq',
      networkId: 'net',
      role: 'hq',
      officerId: 'hq-ottawa',
      name: 'HQ',
      demo: true,
      createdAt: '2026-01-01T00:00:00Z',
    });
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ServicesProvider value={services}>
          <ExportPanel client={client} session={session} profile={undefined} />
        </ServicesProvider>
      </I18nextProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Export receipt' }));
    await waitFor(() => expect(exportReceipt).toHaveBeenCalledWith({}));
    expect(await screen.findByText(/^Receipt saved as 2 files/)).toBeTruthy();
    expect(screen.getByText(/^Part 2 of 2: /)).toBeTruthy();
  });
});
