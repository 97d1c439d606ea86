// The relay's address and this device's credentials, kept with the password sealed under the
// vault's data key (never in plain text); read back only while the vault is unlocked.
import { decryptField, encryptField } from '../../../../shared/vault/index.ts';
import { type LiaisonDb } from '../db.ts';
import { readOnline, writeOnline } from './state.ts';

export interface RelaySettings {
  url: string;
  username: string;
  password: string;
}

const CONTEXT = { recordId: 'online-relay', field: 'password' };

/** A http(s) folder URL ending with '/', or null when it is not one (parsed, never matched). */
export function relayUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    return null;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export async function saveRelaySettings(
  db: LiaisonDb,
  dataKey: CryptoKey,
  settings: RelaySettings,
): Promise<void> {
  const url = relayUrl(settings.url);
  if (url === null) throw new TypeError('not a relay URL');
  await writeOnline(db, 'online.config', {
    url,
    username: settings.username,
    sealedPassword: await encryptField(dataKey, settings.password, CONTEXT),
    version: db.newId(),
  });
}

export async function clearRelaySettings(db: LiaisonDb): Promise<void> {
  await db.exchangeState.delete('online.config');
}

/** Null when none is set; the version tells the scheduler the credentials changed. */
export async function loadRelaySettings(
  db: LiaisonDb,
  dataKey: CryptoKey,
): Promise<(RelaySettings & { version: string }) | null> {
  const stored = await readOnline(db, 'online.config');
  if (!stored) return null;
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
