// Unit tests: the pure core and main-process code in Node; renderer code in jsdom with
// fake-indexeddb standing in for IndexedDB.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // Every core: this Vitest's default for a run is one fewer, a single worker on CI's two
    // cores (the unit tests took 364 s there; 252 s with two workers, all passing).
    maxWorkers: '100%',
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/{shared,electron}/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/renderer/setup.ts', 'tests/unit/renderer/setup-messages.ts'],
        },
      },
    ],
  },
});
