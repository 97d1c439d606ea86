// The highest own change seq an export has carried, from the exchange state (one key read,
// not the whole status the strip shows).
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../kernel/services.tsx';
import { getExchangeState } from '../../db/exchange/state.ts';

export function useLastExportedSeq(): number {
  const { db } = useServices();
  return useLiveQuery(() => getExchangeState(db, 'lastExportedSeq'), [db]) ?? 0;
}
