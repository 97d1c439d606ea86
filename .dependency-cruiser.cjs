// Import rules checked by `npm run lint` (dependency-cruiser): no import loops, and the
// pure core in shared/ imports nothing of the app, and renderer/ imports point down its
// layers: app (shell) > features > ui > kernel > db > platform (docs/decisions.md, "Map").
// A feature reaches another only through its index.ts. File names that say where code runs
// (*.main.ts, *.preload.ts, *.worker.ts) are checked by tools/where-it-runs.ts.
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
    {
      name: 'features-stay-below-the-shell',
      comment: 'app/ (the shell) shows the features; a feature never imports the shell.',
      severity: 'error',
      from: { path: '^renderer/src/features/' },
      to: { path: '^renderer/src/app/' },
    },
    {
      name: 'features-meet-at-their-entries',
      comment:
        'A feature uses another only through its public index.ts, never its internals: what two features share moves to ui/ or kernel/.',
      severity: 'error',
      from: { path: '^renderer/src/features/([^/]+)/' },
      to: {
        path: '^renderer/src/features/[^/]+/',
        pathNot: ['^renderer/src/features/$1/', '^renderer/src/features/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'ui-stays-below-the-features',
      comment: 'ui/ holds screen parts features share: it imports no feature and not the shell.',
      severity: 'error',
      from: { path: '^renderer/src/ui/' },
      to: { path: '^renderer/src/(app|features)/' },
    },
    {
      name: 'kernel-stays-below-the-features',
      comment: 'kernel/ is what every feature leans on: it imports no feature and not the shell.',
      severity: 'error',
      from: { path: '^renderer/src/kernel/' },
      to: { path: '^renderer/src/(app|features|ui)/' },
    },
    {
      name: 'db-stays-below-the-screens',
      comment: 'db/ (with the exchange engine) imports no screen code: screens import it.',
      severity: 'error',
      from: { path: '^renderer/src/db/' },
      to: { path: '^renderer/src/(app|features|ui|kernel)/' },
    },
    {
      name: 'i18n-imports-no-feature',
      comment: 'Each feature registers its own message table from its index.ts (i18n/registry.ts).',
      severity: 'error',
      from: { path: '^renderer/src/i18n/' },
      to: { path: '^renderer/src/(app|features)/' },
    },
    {
      name: 'platform-stays-at-the-bottom',
      comment: 'platform/ is the door to the outside; it knows nothing of the app above it.',
      severity: 'error',
      from: { path: '^renderer/src/platform/' },
      to: { path: '^renderer/src/(app|features|ui|kernel|db)/' },
    },
    {
      name: 'a-worker-is-started-not-imported',
      comment:
        'A *.worker.ts runs in its own thread: it is started with new Worker, never imported.',
      severity: 'error',
      from: {},
      to: { path: '[.]worker[.]ts$' },
    },
    {
      name: 'preload-and-main-stay-apart',
      comment:
        'The preload and the main process run in different processes: neither imports the other.',
      severity: 'error',
      from: { path: '^electron/(preload|[^/]+[.]preload)[.]ts$' },
      to: { path: '^electron/(main|[^/]+[.]main)[.]ts$' },
    },
    {
      name: 'main-does-not-import-the-preload',
      severity: 'error',
      from: { path: '^electron/(main|[^/]+[.]main)[.]ts$' },
      to: { path: '^electron/(preload|[^/]+[.]preload)[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
