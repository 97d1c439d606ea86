// An entry's page at a team lead: its history lists the saves that arrived in bundles, with
// the officer by name, the review state a save gave, and "not kept here" for a value the
// entry no longer holds; bookkeeping fields (who reviewed, when) are not listed again.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider } from '../../../renderer/src/kernel/services.tsx';
import { ActivityDetail } from '../../../renderer/src/features/log/ActivityDetail.tsx';
import { makeSession } from '../../../renderer/src/kernel/session.ts';
import { createActivity, openDatabase } from '../../../renderer/src/db/index.ts';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser.ts';
import { decodeHlc, encodeHlc } from '../../../shared/sync/hlc.ts';
import { unlockedSession } from './db-fixtures.ts';

afterEach(() => cleanup());

describe('the history of an entry at a team lead', () => {
  it('shows the saves that arrived in bundles, by name, with the review they gave', async () => {
    const db = await openDatabase('entry-history-test');
    const vault = await unlockedSession(db);
    const officer = { deviceId: 'officer-laptop', officerId: 'lo-bogota-1', postCode: 'BOG' };
    const record = await createActivity(
      db,
      officer,
      { type: 'liaison', schemaVersion: 1, occurredOn: '2026-05-01', data: { subject: 'Visit' } },
      { sealer: vault.sealer },
    );
    const row = await db.activities.get(record.id);
    if (!row) throw new Error('no row');
    // As a lead holds it: the officer's writes came in a bundle, none from this computer.
    await db.changes.clear();
    const stamps = Object.values(row.clocks).sort();
    const first = stamps[0] ?? '';
    const earlier = encodeHlc({
      wall: Date.UTC(2026, 4, 1, 8, 0),
      counter: 0,
      deviceId: officer.deviceId,
    });
    const review = encodeHlc({
      wall: (decodeHlc(stamps.at(-1) ?? '')?.wall ?? Date.now()) + 60_000,
      counter: 0,
      deviceId: 'lead-laptop',
    });
    await db.changeTrail.bulkPut([
      {
        recordId: record.id,
        hlc: earlier,
        deviceId: officer.deviceId,
        author: officer.officerId,
        fields: { 'data.subject': earlier },
      },
      {
        recordId: record.id,
        hlc: first,
        deviceId: officer.deviceId,
        author: officer.officerId,
        fields: row.clocks,
      },
      {
        recordId: record.id,
        hlc: review,
        deviceId: 'lead-laptop',
        author: 'lead-americas',
        fields: { 'review.status': review, 'review.by': review },
        reviewStatus: 'returned',
      },
    ]);
    const session = makeSession({
      deviceId: 'lead-laptop',
      networkId: 'net',
      role: 'lead',
      officerId: 'lead-americas',
      name: 'Camille Tremblay',
      posts: ['BOG'],
      demo: false,
      createdAt: '2026-05-01T00:00:00.000Z',
    });
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ServicesProvider
          value={{ db, platform: createBrowserPlatform(), deviceId: 'lead-laptop', vault }}
        >
          <ActivityDetail id={record.id} session={session} />
        </ServicesProvider>
      </I18nextProvider>,
    );

    await waitFor(() => expect(screen.getAllByTestId('history-save')).toHaveLength(3));
    const saves = () => screen.getAllByTestId('history-save').map((s) => s.textContent ?? '');
    expect(saves()[0]).toContain('not kept here (changed again since)');
    await waitFor(() => expect(saves()[1]).toContain('Sofía Herrera'));
    expect(saves()[1]).toContain('arrived in a bundle');
    expect(saves()[1]).toContain('Visit');
    expect(saves()[2]).toContain('Returned');
    expect(saves()[2]).not.toContain('review.by');
  });
});
