// electron-builder: the installers. Windows NSIS x64 first (county offices run Windows), then a macOS dmg
// and a Linux AppImage. `npm run dist` builds with electron-vite, rebuilds better-sqlite3 for Electron
// (install-app-deps) and packs; it downloads Electron and the tools, so it is never run in CI.
// tests/electron/builder.test.ts loads this file the way electron-builder does and checks it.

import type { Configuration } from 'electron-builder';

/** Run from outside app.asar: worker threads cannot load a script from the archive, nor a native module. */
export const UNPACKED = ['out/main/read-worker.mjs', 'node_modules/better-sqlite3/**'];

const config: Configuration = {
  appId: 'org.quotawatch.desktop',
  productName: 'Quota Watch',
  executableName: 'quota-watch',
  copyright: 'Quota Watch',
  directories: { buildResources: 'build', output: 'dist' },
  // The built app only: out/ (main with the read worker beside it, preload, renderer) and the production
  // dependencies main.js loads at run time. The bundlers and tsx serve development only.
  files: [
    'out/**/*',
    'package.json',
    '!**/*.map',
    '!node_modules/{esbuild,@esbuild,tsx,get-tsconfig,resolve-pkg-maps}/**',
    '!node_modules/better-sqlite3/{deps,src,docs}/**',
  ],
  // The sample township workbooks "用示例数据试一试" offers: <resources>/seeds.
  extraResources: [{ from: 'seeds', to: 'seeds' }],
  asar: true,
  asarUnpack: UNPACKED,
  npmRebuild: true,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    loadBrowserProcessSpecificV8Snapshot: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Quota Watch 换届监测',
    language: '2052',
    installerLanguages: ['zh_CN'],
    // The county's data stays when the program is removed (it is in %APPDATA%\quota-watch).
    deleteAppDataOnUninstall: false,
    artifactName: 'QuotaWatch-Setup-${version}-x64.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.productivity',
    icon: 'build/icon.png',
  },
  dmg: { artifactName: 'QuotaWatch-${version}-${arch}.${ext}' },
  linux: {
    target: [{ target: 'AppImage', arch: ['x64'] }],
    icon: 'build/icons',
    category: 'Office',
    synopsis: '村级组织换届“两进一有”监测',
    artifactName: 'QuotaWatch-${version}-${arch}.${ext}',
  },
};

export default config;
