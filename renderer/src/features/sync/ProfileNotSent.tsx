// HQ's notice when the last sync could not put the new profile's copy into some devices'
// relay inboxes: who (officer and post; the device code beside, to tell two laptops of one
// person apart), what it means for them, and that the next sync tries again by itself.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { getOnlineStatus, readOnline } from '../../db/online/state.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useServices } from '../../kernel/services.tsx';
import { useFingerprintCodes } from '../../ui/useFingerprintCodes.ts';
import { officerName, postName } from './report-lines.ts';
import './relay-sync.css';

/** One empty list for every render: a new [] each time would re-run the codes' effect forever. */
const NONE: readonly string[] = [];

const NOTHING = { ids: NONE, version: undefined };

/**
 * The devices the last completed sync could not copy the profile to, and the version they
 * lack; none without a relay.
 */
function useProfileNotSent(): { ids: readonly string[]; version: number | undefined } {
  const { db } = useServices();
  return (
    useLiveQuery(async () => {
      // Online sync stopped in Settings: an old sync's answer says nothing any more.
      if ((await readOnline(db, 'online.config')) === undefined) return NOTHING;
      const status = await getOnlineStatus(db);
      const ids = status.profileNotSent ?? NONE;
      return ids.length === 0 ? NOTHING : { ids, version: status.profileNotSentVersion };
    }, [db]) ?? NOTHING
  );
}

export function ProfileNotSent({ profile }: { profile: NetworkProfile | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { ids, version } = useProfileNotSent();
  const devices = useMemo(
    () => ids.map((id) => ({ id, device: profile?.devices.find((d) => d.deviceId === id) })),
    [ids, profile],
  );
  // Only keys the profile holds: one that cannot be read would leave every code blank.
  const known = useMemo(() => devices.flatMap((d) => (d.device ? [d.device] : [])), [devices]);
  const keys = useMemo(() => known.map((d) => d.signingKey), [known]);
  const codes = useFingerprintCodes(keys);
  const codeOf = (id: string) => codes[known.findIndex((d) => d.deviceId === id)] || id;
  if (devices.length === 0 || !profile) return null;
  return (
    <section
      className="notice warn sync-profile-not-sent"
      aria-labelledby="sync-profile-not-sent-heading"
      data-testid="sync-profile-not-sent"
    >
      <h2 id="sync-profile-not-sent-heading">
        {t('relaySync.profileNotSent.heading', {
          count: devices.length,
          version: version ?? profile.version,
        })}
      </h2>
      <ul>
        {devices.map(({ id, device }) => {
          const post = device?.postCode
            ? postName(device.postCode, profile, lang)
            : (device?.posts ?? []).map((p) => postName(p, profile, lang)).join(', ');
          return (
            <li key={id} data-testid="sync-profile-not-sent-device">
              <strong>{device ? officerName(device.officerId, profile) : id}</strong>
              {post ? `, ${post}` : null}{' '}
              <span className="sync-profile-not-sent-code">
                ({t('relaySync.profileNotSent.deviceCode', { code: codeOf(id) })})
              </span>
            </li>
          );
        })}
      </ul>
      <p>{t('relaySync.profileNotSent.meaning')}</p>
    </section>
  );
}
