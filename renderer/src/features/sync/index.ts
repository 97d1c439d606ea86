// The sync feature's public entry: the Sync screen, the exchange client the shell uses for
// files opened from the system and for the status strip, and the registration of its
// messages and the exchange engine's (loaded by the shell before the first render).
import { registerMessages } from '../../i18n/registry.ts';
import { syncMessages } from './messages.ts';
import { exchangeMessages } from './exchange-messages.ts';
import { relaySyncMessages } from './relay-messages.ts';

registerMessages(syncMessages);
registerMessages(exchangeMessages);
registerMessages(relaySyncMessages);

export { SyncScreen } from './SyncScreen.tsx';
export { relayEngine, useExchangeClient, useResumeInterruptedImport } from './useExchangeClient.ts';
export { startImportWhenIdle, useImportStore } from './import-store.ts';
export { formatWhen, useFormatWhen } from './format.ts';
export { setRelayProgress, setRelaySyncing, useRelayActivity } from './relay-activity.ts';
export { failureLine } from './export-result.ts';
export { officerName, postName } from './report-lines.ts';
