// The long-lived things every screen needs (database, platform door, this device), handed
// down by context instead of module globals so tests can give each render its own.
import { createContext, useContext, type ReactNode } from 'react';
import { type LiaisonDb } from '../db/index.ts';
import { type Platform } from '../platform/types.ts';

export interface Services {
  db: LiaisonDb;
  platform: Platform;
  deviceId: string;
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
