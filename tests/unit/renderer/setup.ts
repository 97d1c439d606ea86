// Every renderer test gets a fresh in-memory IndexedDB, and every feature's messages, as the
// shell loads them before its first render (each feature's index.ts registers its table).
import 'fake-indexeddb/auto';

import.meta.glob('../../../renderer/src/features/*/index.ts', { eager: true });
