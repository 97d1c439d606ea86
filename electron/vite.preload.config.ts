// Builds the preload to dist/electron/preload.cjs. Sandboxed preloads cannot load ES
// modules or anything from node_modules, so this is one CommonJS file with only
// `require('electron')` left outside.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromRoot = (relative: string): string =>
  fileURLToPath(new URL(`../${relative}`, import.meta.url));

export default defineConfig({
  root: fromRoot(''),
  publicDir: false,
  envDir: false,
  build: {
    outDir: fromRoot('dist/electron'),
    emptyOutDir: false,
    ssr: fromRoot('electron/preload.ts'),
    target: 'chrome130',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs' },
    },
  },
  ssr: { noExternal: true },
});
