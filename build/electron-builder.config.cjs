// Packaging for Windows (NSIS), macOS (dmg) and Linux (AppImage, deb). The app ships only
// the built dist/ and package.json, inside an asar archive, with Electron's fuses set so the
// packaged binary cannot be turned into a plain Node runtime or load code from elsewhere.
// See docs/electron-security.md. Run: npm run package

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'ca.gc.cbsa.liaisonlog',
  productName: 'Liaison Log',
  copyright: 'Canada Border Services Agency',
  directories: { output: 'release', buildResources: 'build' },

  // dist/electron (main + preload, every dependency bundled in) and dist/renderer; no
  // node_modules: everything in package.json is a devDependency. Source maps stay home.
  files: ['dist/**/*', '!**/*.map', 'package.json'],
  asar: true,
  // No native modules to rebuild.
  npmRebuild: false,

  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed binary into a Node shell.
    runAsNode: false,
    enableCookieEncryption: true,
    // NODE_OPTIONS and --inspect could inject code or attach a debugger.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // The asar is hashed at package time and checked at load (macOS, Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // Load the app only from app.asar, never from a loose app/ folder planted beside it.
    onlyLoadAppFromAsar: true,
    // One V8 snapshot for every process, as Electron ships it; set explicitly so every
    // fuse is a decision (tests/unit/electron/packaging.test.ts checks all of them).
    loadBrowserProcessSpecificV8Snapshot: false,
    // We use app://, never file://; it needs no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },

  // Bundles and receipts (.llb, docs/bundle-format.md), the network profile HQ hands out
  // (.llprofile) and a device's enrollment card (.llenroll), all written by the app.
  fileAssociations: [
    {
      ext: 'llb',
      name: 'Liaison Log bundle',
      description: 'Liaison Log bundle',
      mimeType: 'application/x-liaison-log-bundle',
      role: 'Editor',
    },
    {
      ext: 'llprofile',
      name: 'Liaison Log network profile',
      description: 'Liaison Log network profile',
      mimeType: 'application/x-liaison-log-profile',
      role: 'Viewer',
    },
    {
      ext: 'llenroll',
      name: 'Liaison Log device enrollment',
      description: 'Liaison Log device enrollment',
      mimeType: 'application/x-liaison-log-enrollment',
      role: 'Viewer',
    },
  ],

  icon: 'build/icon.png',

  win: {
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },

  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Liaison Log maintainers <liaison-log@example.invalid>',
    synopsis: 'Offline-first field reporting for liaison officers',
  },
};
