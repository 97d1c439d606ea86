// One exchange engine per Services (database + platform + vault), shared by the sync screen
// and the status strip. A test can hand in its own client through ExchangeClientContext.
import { useContext, useEffect } from 'react';
import { useServices, type Services } from '../../kernel/services.tsx';
import {
  createExchangeCall,
  createExchangeClient,
  relayEnginePort,
  type ExchangeCall,
} from './exchange-client.ts';
import { type ExchangeClient } from '../../db/exchange/api.ts';
import { type ExchangePort } from '../../db/online/port.ts';
import { resumeImport } from './import-store.ts';
import { ExchangeClientContext } from './exchange-context.ts';

const clients = new WeakMap<Services, ExchangeClient>();
const calls = new WeakMap<Services, ExchangeCall>();

/** One exchange worker per Services, shared by the sync screens and online sync. */
function exchangeCallFor(services: Services): ExchangeCall {
  let call = calls.get(services);
  if (!call) {
    call = createExchangeCall(services);
    calls.set(services, call);
  }
  return call;
}

/** Online sync's engine: the window's exchange worker (never this thread). */
export function relayEngine(services: Services): ExchangePort {
  return relayEnginePort(exchangeCallFor(services), services.db);
}

export function useExchangeClient(): ExchangeClient {
  const injected = useContext(ExchangeClientContext);
  const services = useServices();
  if (injected) return injected;
  let client = clients.get(services);
  if (!client) {
    client = createExchangeClient(services, { call: exchangeCallFor(services) });
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
