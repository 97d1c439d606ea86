// Persistent storage: asks the browser not to clear this origin's data (IndexedDB: every
// entry, the device keys) on its own when the disk runs low. Without it, Chromium may evict
// a "best-effort" origin under storage pressure, and an officer's unsent work goes with it.

/** What navigator.storage offers (the StorageManager), as much as this app uses. */
export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

/**
 * persistent: the browser keeps the data until the person removes it; best-effort: it may
 * clear it under storage pressure; unsupported: the browser does not say.
 */
export type StorageState = 'persistent' | 'best-effort' | 'unsupported';

/** The state now, without asking for anything. */
export async function persistentStorageState(
  storage: StorageManagerLike | undefined,
): Promise<StorageState> {
  if (typeof storage?.persisted !== 'function') return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

/**
 * Asks for persistent storage unless it is already granted, and answers the state after.
 * Chromium decides without a prompt (from how the site is used); a refusal is not an
 * error, only a state for Settings to show. Never rejects: start-up must not fail on it.
 */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined,
): Promise<StorageState> {
  const before = await persistentStorageState(storage);
  if (before !== 'best-effort' || typeof storage?.persist !== 'function') return before;
  try {
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}

/** navigator.storage where the runtime has it (browsers, Electron), else undefined. */
export function navigatorStorage(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage ?? undefined);
}
