// Builds the main process to dist/electron/main.js: one ES module for Node inside Electron,
// with electron and Node's built-ins left as imports and everything else (zod) bundled.
import { builtinModules } from 'node:module';
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
    // The preload build writes into the same folder afterwards.
    emptyOutDir: true,
    ssr: fromRoot('electron/main.ts'),
    target: 'node22',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: ['electron', /^node:/, ...builtinModules],
      output: { format: 'es', entryFileNames: 'main.js' },
    },
  },
  // Bundle every dependency: the packaged app ships dist/** without node_modules.
  ssr: { noExternal: true, target: 'node' },
});
