// One exchange engine per Services (database + platform + vault), shared by the sync screen
// and the status strip. A test can hand in its own client through ExchangeClientContext.
import { useContext, useEffect } from 'react';
import { useServices, type Services } from '../../kernel/services.tsx';
import { createExchangeClient } from './exchange-client.ts';
import { type ExchangeClient } from '../../db/exchange/api.ts';
import { resumeImport } from './import-store.ts';
import { ExchangeClientContext } from './exchange-context.ts';

const clients = new WeakMap<Services, ExchangeClient>();

export function useExchangeClient(): ExchangeClient {
  const injected = useContext(ExchangeClientContext);
  const services = useServices();
  if (injected) return injected;
  let client = clients.get(services);
  if (!client) {
    client = createExchangeClient(services);
    clients.set(services, client);
  }
  return client;
}

const resumed = new WeakSet<ExchangeClient>();

/**
 * Once per client (so once per app start, StrictMode's double effects included): complete
 * the files an interrupted import left queued, with the usual progress.
 */
export function useResumeInterruptedImport(client: ExchangeClient): void {
  useEffect(() => {
    if (resumed.has(client)) return;
    resumed.add(client);
    void resumeImport(client);
  }, [client]);
}
