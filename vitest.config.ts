// Unit tests: the pure core and main-process code in Node; renderer code in jsdom with
// fake-indexeddb standing in for IndexedDB.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
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
