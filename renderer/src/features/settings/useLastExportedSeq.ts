// The highest own change seq an export has carried, from the exchange state.
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services.tsx';
import { getExchangeStatus } from '../../db/exchange.ts';

export function useLastExportedSeq(): number {
  const { db } = useServices();
  return useLiveQuery(async () => (await getExchangeStatus(db)).lastExportedSeq, [db]) ?? 0;
}
