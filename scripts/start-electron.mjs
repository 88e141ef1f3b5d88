// `npm start`: the Electron window, built from the sources. Three steps, each done once and then reused:
// 1. Electron's binary (Electron 45 downloads it on first start where the network allows);
// 2. better-sqlite3 built for Electron's ABI, downloaded as the package's own prebuilt binary into
//    node_modules/.cache/quota-watch/, apart from the Node build the CLI and the tests keep using;
// 3. electron-vite build (out/: main with the read worker beside it, preload, renderer), then Electron.
// Messages are Chinese: this is what a county's IT person runs.

import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  return r.status === 0;
}

// 1. Electron's binary.
const electronPkg = path.dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(fs.readFileSync(path.join(electronPkg, 'package.json'), 'utf8')).version;
if (!run(process.execPath, [path.join(electronPkg, 'install.js')])) {
  fail(`无法下载 Electron ${electronVersion}（需要联网）。可以先用浏览器版：npm run dev:web`);
}
const electronBinary = require('electron');

// 2. better-sqlite3 for Electron.
const sqlitePkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqlitePkg = JSON.parse(fs.readFileSync(path.join(sqlitePkgDir, 'package.json'), 'utf8'));
const cacheDir = path.join(root, 'node_modules', '.cache', 'quota-watch');
const addon = path.join(cacheDir, `better-sqlite3-${sqlitePkg.version}-electron-${electronVersion}-${process.platform}-${process.arch}.node`);
if (!fs.existsSync(addon)) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-sqlite-electron-'));
  try {
    fs.copyFileSync(path.join(sqlitePkgDir, 'package.json'), path.join(work, 'package.json'));
    const prebuild = path.join(path.dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
    const ok = run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform], { cwd: work });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!ok || !fs.existsSync(built)) fail(`无法取得适用于 Electron ${electronVersion} 的 better-sqlite3（需要联网）。可以先用浏览器版：npm run dev:web`);
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.copyFileSync(built, `${addon}.tmp`);
    fs.renameSync(`${addon}.tmp`, addon);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// 3. Build, then the window.
const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
if (!run(process.execPath, [electronVite, 'build'])) fail('构建失败，请查看上面的输出。');
const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env: { ...process.env, QW_SQLITE_ADDON: addon } });
child.on('exit', (code) => process.exit(code ?? 0));
