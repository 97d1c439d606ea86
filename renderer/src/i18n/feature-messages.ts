// Every feature's message table, merged into i18next beside en.ts/fr.ts. Each feature owns
// one top-level namespace (its messages.ts), so features never edit each other's strings.
import { lockMessages } from '../features/lock/messages.ts';
import { syncMessages } from '../features/sync/messages.ts';
import { exchangeMessages } from '../features/sync/exchange-messages.ts';
import { wizardMessages } from '../features/setup/messages.ts';
import { networkMessages } from '../features/network/messages.ts';
import { platformMessages } from '../platform/messages.ts';
import { summariesMessages } from '../features/summaries/messages.ts';
import { summaryMessages } from '../../../shared/summary/messages.ts';

/** Add a feature's table here; the i18n test checks that namespaces never collide. */
export const FEATURE_TABLES = [
  lockMessages,
  syncMessages,
  exchangeMessages,
  wizardMessages,
  networkMessages,
  platformMessages,
  summariesMessages,
  summaryMessages,
] as const;

export const featureMessages = {
  en: Object.assign({}, ...FEATURE_TABLES.map((t) => t.en)) as Record<string, unknown>,
  fr: Object.assign({}, ...FEATURE_TABLES.map((t) => t.fr)) as Record<string, unknown>,
};
