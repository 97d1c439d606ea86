// The relay sync on the Sync screen: the import bar told by the sync's progress (the same bar
// and words as a file import's, en and fr), and HQ's notice naming the devices whose inbox
// refused the new profile's copy at the last sync, cleared by the next sync that lands them.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider } from '../../../renderer/src/kernel/services.tsx';
import { RelayImportView } from '../../../renderer/src/features/sync/RelayImportView.tsx';
import { ProfileNotSent } from '../../../renderer/src/features/sync/ProfileNotSent.tsx';
import {
  setRelayProgress,
  setRelaySyncing,
} from '../../../renderer/src/features/sync/relay-activity.ts';
import { getNetworkProfile } from '../../../renderer/src/db/identity.ts';
import { getOnlineStatus, writeOnline } from '../../../renderer/src/db/online/state.ts';
import { createScheduler } from '../../../renderer/src/db/online/scheduler.ts';
import { emptySyncReport, type SyncReport } from '../../../renderer/src/db/online/sync.ts';
import { DEFAULT_BACKOFF } from '../../../shared/remote/backoff.ts';
import { DEMO_OFFICERS } from '../../../shared/identity/demo.ts';
import { fingerprintCode } from '../../../shared/identity/fingerprint-code.ts';
import {
  OFFICER_A,
  OFFICER_B,
  hqDevice,
  makeNetwork,
  type TestDevice,
} from './exchange-fixtures.ts';
import { unlockedServices } from './in-thread-worker.ts';

afterEach(() => {
  cleanup();
  setRelaySyncing(false);
});

const importing = (index: number, fraction: number) => ({
  step: 'import' as const,
  done: index,
  total: 63,
  file: {
    fileIndex: index,
    fileCount: 63,
    fileName: `BOG_lo-bogota-1_seq-${index + 1}__b${index}.llb`,
    fileFraction: fraction,
    overallFraction: (index + fraction) / 63,
  },
});

describe('the relay sync’s import on the Sync screen', () => {
  it('shows the file being read and the files done while the sync imports, in en and fr; nothing before or after', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <RelayImportView />
      </I18nextProvider>,
    );
    act(() => {
      setRelaySyncing(true);
      setRelayProgress({ step: 'download', done: 5, total: 63 });
    });
    // Downloading: the strip says so; the Sync screen has no import to show yet.
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => setRelayProgress(importing(11, 0.5)));
    const bar = screen.getByRole('progressbar', {
      name: 'File 12 of 63: BOG_lo-bogota-1_seq-12__b11.llb',
    });
    expect(bar.getAttribute('aria-valuenow')).toBe('18');
    expect(bar.getAttribute('aria-valuetext')).toBe('Files done: 11 of 63, 18%');
    expect(screen.getByRole('heading', { name: 'Importing what arrived through the relay' }));
    // A late report from an earlier file never moves the bar back.
    act(() => setRelayProgress(importing(10, 1)));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('18');
    // The run ended (the sync goes on with receipts): the bar goes.
    act(() => setRelayProgress({ step: 'import', done: 63, total: 63 }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => setRelayProgress(importing(11, 0.5)));
    act(() => setRelaySyncing(false));
    expect(screen.queryByRole('progressbar')).toBeNull();
    // A report after the end (the worker's last message) brings nothing back.
    act(() => setRelayProgress(importing(62, 1)));
    expect(screen.queryByRole('progressbar')).toBeNull();
    cleanup();

    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <RelayImportView />
      </I18nextProvider>,
    );
    act(() => {
      setRelaySyncing(true);
      setRelayProgress(importing(11, 0.5));
    });
    expect(
      screen.getByRole('progressbar', {
        name: 'Fichier 12 sur 63\u00a0: BOG_lo-bogota-1_seq-12__b11.llb',
      }),
    );
    expect(screen.getByRole('heading', { name: 'Importation de ce qui est arrivé par le relais' }));
  });
});

async function renderNotice(hq: TestDevice, lang: 'en' | 'fr') {
  const profile = await getNetworkProfile(hq.db);
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <ServicesProvider value={unlockedServices(hq)}>
        <ProfileNotSent profile={profile} />
      </ServicesProvider>
    </I18nextProvider>,
  );
}

describe('HQ’s notice of a profile copy not sent', () => {
  it('names each device by officer and post, its code beside, says what it means and that the next sync retries, in en and fr', async () => {
    const net = await makeNetwork([OFFICER_A, OFFICER_B]);
    const hq = await hqDevice(net);
    const profile = await getNetworkProfile(hq.db);
    const device = profile?.devices.find((d) => d.deviceId === OFFICER_A.deviceId);
    if (!profile || !device) throw new Error('no profile');
    const code = await fingerprintCode(device.signingKey);
    const name = DEMO_OFFICERS.find((o) => o.officerId === OFFICER_A.officerId)?.name ?? '?';
    await writeOnline(hq.db, 'online.config', {
      url: 'https://r.example/',
      username: 'hq',
      version: '1',
    });
    await writeOnline(hq.db, 'online.status', {
      ...(await getOnlineStatus(hq.db)),
      profileNotSent: [OFFICER_A.deviceId],
    });

    await renderNotice(hq, 'en');
    const notice = await screen.findByRole('region', {
      name: `Network profile version ${profile.version} could not be put in one device’s relay inbox`,
    });
    const item = within(notice).getByRole('listitem');
    expect(await within(item).findByText(`(device code ${code})`)).toBeTruthy();
    expect(item.textContent).toBe(`${name}, Bogotá (device code ${code})`);
    expect(notice.textContent).toContain('It will be tried again at the next sync');
    cleanup();

    await renderNotice(hq, 'fr');
    const fr = await screen.findByRole('region', {
      name: `La version ${profile.version} du profil du réseau n’a pas pu être déposée dans la boîte de réception d’un appareil sur le relais`,
    });
    expect(await within(fr).findByText(`(code d’appareil ${code})`)).toBeTruthy();
    expect(fr.textContent).toContain(
      'Un nouvel essai aura lieu à la prochaine synchronisation\u00a0;',
    );
    cleanup();

    // HQ issued a newer version since that sync: the notice names the one the devices lack.
    await writeOnline(hq.db, 'online.status', {
      ...(await getOnlineStatus(hq.db)),
      profileNotSentVersion: profile.version + 6,
    });
    await renderNotice(hq, 'en');
    expect(
      await screen.findByRole('region', {
        name: `Network profile version ${profile.version + 6} could not be put in one device’s relay inbox`,
      }),
    ).toBeTruthy();
    cleanup();

    // Online sync stopped in Settings: the old answer is not shown.
    await hq.db.exchangeState.delete('online.config');
    await renderNotice(hq, 'en');
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('keeps what the last completed sync said: set by one that failed a copy, cleared by the next that landed it', async () => {
    const net = await makeNetwork([OFFICER_A]);
    const hq = await hqDevice(net);
    const base = emptySyncReport();
    const answers: SyncReport[] = [
      { ...base, profileNotSent: [OFFICER_A.deviceId], profileNotSentVersion: 4 },
      { ...base, profilesSent: 1 },
    ];
    const scheduler = createScheduler({
      db: hq.db,
      run: () => Promise.resolve(answers.shift() ?? base),
      credentialsKey: () => 'k',
      intervalMs: 60_000,
      debounceMs: 60_000,
      backoff: DEFAULT_BACKOFF,
      exclusive: async (work) => {
        await work();
        return true;
      },
    });
    try {
      await scheduler.syncNow();
      expect((await getOnlineStatus(hq.db)).profileNotSent).toEqual([OFFICER_A.deviceId]);
      expect((await getOnlineStatus(hq.db)).profileNotSentVersion).toBe(4);
      await scheduler.syncNow();
      expect((await getOnlineStatus(hq.db)).profileNotSent).toEqual([]);
    } finally {
      scheduler.stop();
    }
  });
});
