// Import rules checked by `npm run lint` (dependency-cruiser): no import loops, and the
// pure core in shared/ imports nothing of the app, and renderer/ imports point down its
// layers: app (shell) > features > kernel > db > platform (docs/decisions.md, "Map").
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
      name: 'kernel-stays-below-the-features',
      comment: 'kernel/ is what every feature leans on: it imports no feature and not the shell.',
      severity: 'error',
      from: { path: '^renderer/src/kernel/' },
      to: { path: '^renderer/src/(app|features)/' },
    },
    {
      name: 'db-stays-below-the-screens',
      comment: 'db/ (with the exchange engine) imports no screen code: screens import it.',
      severity: 'error',
      from: { path: '^renderer/src/db/' },
      to: { path: '^renderer/src/(app|features|kernel)/' },
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
      to: { path: '^renderer/src/(app|features|kernel|db)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
