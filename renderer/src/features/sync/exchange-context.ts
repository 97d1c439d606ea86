// Where a test (or a story) hands the sync screens its own ExchangeClient instead of the
// real engine; null means "use the engine".
import { createContext } from 'react';
import { type ExchangeClient } from '../../db/exchange/api.ts';

export const ExchangeClientContext = createContext<ExchangeClient | null>(null);
