// Every feature's messages, as the shell loads them before its first render (each feature's
// index.ts registers its table). A file of its own, after setup.ts: the eager glob is hoisted
// above other imports, and Dexie must load after fake-indexeddb is in place.
import.meta.glob('../../../renderer/src/features/*/index.ts', { eager: true });
