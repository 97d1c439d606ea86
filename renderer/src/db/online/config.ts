// The relay's address and this device's credentials, kept with the password sealed under the
// vault's data key (never in plain text); read back only while the vault is unlocked. Where the
// platform keeps the credentials itself (Electron: the OS secret store in the main process),
// the password goes there and never into this database. The address and the timer come from
// HQ's signed profile when it sets a relay (relayPlan); the credentials are always this device's.
import { decryptField, encryptField } from '../../../../shared/vault/index.ts';
import { type RelayCredentialKeeper } from '../../platform/types.ts';
import { type LiaisonDb } from '../db.ts';
import { relayUrl } from '../../../../shared/remote/relay-path.ts';
import { type ProfileRelay } from '../../../../shared/identity/index.ts';
import { readOnline, writeOnline, type StoredRelayConfig } from './state.ts';

export interface RelaySettings {
  url: string;
  username: string;
  password: string;
}

const CONTEXT = { recordId: 'online-relay', field: 'password' };

/** A http(s) folder URL ending with '/', or null when it is not one (parsed, never matched). */
export { relayUrl };

/** Where the password went: sealed here under the vault key, or kept by the platform. */
export type PasswordKept = 'vault' | 'os' | 'session';

export async function saveRelaySettings(
  db: LiaisonDb,
  dataKey: CryptoKey,
  settings: RelaySettings,
  keeper?: RelayCredentialKeeper,
): Promise<PasswordKept> {
  const url = relayUrl(settings.url);
  if (url === null) throw new TypeError('not a relay URL');
  if (keeper) {
    // The platform first: the relay shows as set only once its credentials are kept.
    const kept = await keeper.save({ ...settings, url });
    await writeOnline(db, 'online.config', {
      url,
      username: settings.username,
      keptBy: kept,
      version: db.newId(),
    });
    return kept;
  }
  await writeOnline(db, 'online.config', {
    url,
    username: settings.username,
    sealedPassword: await encryptField(dataKey, settings.password, CONTEXT),
    version: db.newId(),
  });
  return 'vault';
}

export async function clearRelaySettings(
  db: LiaisonDb,
  keeper?: RelayCredentialKeeper,
): Promise<void> {
  await keeper?.forget();
  await db.exchangeState.delete('online.config');
}

/** Null when none is set; the version tells the scheduler the credentials changed. */
export async function loadRelaySettings(
  db: LiaisonDb,
  dataKey: CryptoKey,
): Promise<(RelaySettings & { version: string }) | null> {
  const stored = await readOnline(db, 'online.config');
  if (!stored) return null;
  // Kept by the platform: the transport uses its own copy, this one stays empty.
  if (stored.sealedPassword === undefined)
    return { url: stored.url, username: stored.username, password: '', version: stored.version };
  const password = await decryptField(dataKey, stored.sealedPassword, CONTEXT);
  if (typeof password !== 'string') return null;
  return { url: stored.url, username: stored.username, password, version: stored.version };
}

/** What Settings shows without unlocking anything: the address and the user, not the password. */
export async function relaySummary(
  db: LiaisonDb,
): Promise<{ url: string; username: string } | null> {
  const stored = await readOnline(db, 'online.config');
  return stored ? { url: stored.url, username: stored.username } : null;
}

/** How often a device syncs when HQ's profile does not say (Settings keeps no interval). */
export const DEVICE_INTERVAL_MINUTES = 5;

/** The relay this device syncs with, and who chose its address. */
export interface RelayPlan {
  url: string;
  intervalMinutes: number;
  /** 'hq': from the signed profile, read-only in Settings; 'device': typed in Settings. */
  setBy: 'hq' | 'device';
}

/**
 * Precedence: a relay in HQ's signed profile decides the address and the interval for every
 * device; without one, the address this device's Settings keep, on the default timer. Null
 * when neither names a relay. Credentials are never part of it: each device keeps its own.
 */
export function relayPlan(
  fromProfile: ProfileRelay | undefined,
  stored: Pick<StoredRelayConfig, 'url'> | undefined,
): RelayPlan | null {
  if (fromProfile)
    return { url: fromProfile.url, intervalMinutes: fromProfile.intervalMinutes, setBy: 'hq' };
  if (stored) return { url: stored.url, intervalMinutes: DEVICE_INTERVAL_MINUTES, setBy: 'device' };
  return null;
}

/**
 * Moves this device's kept credentials to the address HQ's profile names, when it names
 * another one (HQ moved the relay in a new version): the platform's copy first, then ours,
 * under a new version so a refusal seen at the old address is not held against the new one.
 * The new relay holds none of what the old one did: what was uploaded there (and maybe never
 * pulled) is sent again, its outboxes are read from the start, and HQ's per-device profile
 * copies start over (the bundles queued and not uploaded yet go to the new relay as they are).
 * True when something changed.
 */
export async function followProfileRelay(
  db: LiaisonDb,
  fromProfile: ProfileRelay | undefined,
  keeper?: RelayCredentialKeeper,
): Promise<boolean> {
  const stored = await readOnline(db, 'online.config');
  if (!fromProfile || !stored || stored.url === fromProfile.url) return false;
  if (stored.keptBy !== undefined) await keeper?.follow(fromProfile.url, stored.username);
  await db.transaction('rw', db.exchangeState, async () => {
    await writeOnline(db, 'online.config', {
      ...stored,
      url: fromProfile.url,
      version: db.newId(),
    });
    await writeOnline(db, 'online.uploadedSeq', 0);
    await writeOnline(db, 'online.pulled', []);
    await writeOnline(db, 'online.profileSentTo', {});
  });
  return true;
}
