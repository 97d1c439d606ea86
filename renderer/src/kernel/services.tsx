// The long-lived things every screen needs (database, platform door, this device), handed
// down by context instead of module globals so tests can give each render its own.
import { type Sealer } from '../db/sealing.ts';
import { type VaultSession } from './vault-session.ts';
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { type LiaisonDb } from '../db/index.ts';
import { type Platform } from '../platform/types.ts';

export interface Services {
  db: LiaisonDb;
  platform: Platform;
  deviceId: string;
  /** The data key while unlocked; the lock screen and every sealed read or write use it. */
  vault: VaultSession;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

/** Whether this window is unlocked, re-rendering on lock and unlock. */
export function useUnlocked(): boolean {
  const { vault } = useServices();
  return useSyncExternalStore(vault.subscribe, vault.getSnapshot);
}

/** The sealer while unlocked (re-read on each lock change), else undefined. */
export function useSealer(): Sealer | undefined {
  const { vault } = useServices();
  const unlocked = useUnlocked();
  return unlocked ? vault.sealer : undefined;
}
