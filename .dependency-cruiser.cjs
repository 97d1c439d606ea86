// Import rules checked by `npm run lint` (dependency-cruiser): no import loops, and the
// pure core in shared/ imports nothing of the app. The layer rules for renderer/ come
// with the restructuring (docs/decisions.md, "Map").
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loop',
      comment: 'A loop makes load order matter and hides which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      comment:
        'shared/ runs in the renderer, workers, main and plain Node: it imports none of them.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(renderer|electron|tests)/' },
    },
    {
      name: 'main-process-stays-out-of-the-renderer',
      severity: 'error',
      from: { path: '^(renderer|shared)/' },
      to: { path: '^electron/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
