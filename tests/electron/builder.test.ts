// The installers' configuration, loaded the way electron-builder loads it (and checked against its own
// schema), and the read worker it ships: bundled at build time by the plugin electron.vite.config.ts
// uses, included in the app, unpacked from app.asar, and able to read a workbook with no node_modules.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtWorkerPath, readWorkerPlugin, WORKER_FILE } from '../../electron/backend/worker-bundle.ts';
import { unpackRead } from '../../shared/reading/pack.ts';
import type { Configuration } from 'electron-builder';
import ourConfig, { UNPACKED } from '../../electron-builder.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/青山镇-换届名单.xlsx');

let config: Configuration;
let out: string;
let worker: string;

beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
  // The main build's output folder, as electron-vite gives it to the plugin, outside the project so that
  // nothing can be resolved from its node_modules.
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-out-main-'));
  await readWorkerPlugin().writeBundle({ dir: out });
  worker = path.join(out, WORKER_FILE);
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** Whether electron-builder's file patterns (globs, "!" excludes in order) take `file`. */
function taken(patterns: readonly string[], file: string): boolean {
  let inside = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (minimatch(file, p.slice(1), { dot: true })) inside = false;
    } else if (minimatch(file, p, { dot: true })) inside = true;
  }
  return inside;
}

describe('the electron-builder configuration', () => {
  it('is found in the project and passes electron-builder’s own schema', async () => {
    expect(config.appId).toBe('org.quotawatch.desktop');
    expect(config.asarUnpack).toEqual(UNPACKED);
    expect(config.electronFuses).toEqual(ourConfig.electronFuses);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS, no --inspect; asar integrity checked and the only app loaded', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('Windows NSIS x64 first, a macOS dmg and a Linux AppImage, each with the icon', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, deleteAppDataOnUninstall: false, installerLanguages: ['zh_CN'] });
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.linux?.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
    for (const icon of [config.win?.icon, config.mac?.icon]) expect(fs.existsSync(path.join(ROOT, icon as string)), String(icon)).toBe(true);
    expect(fs.readdirSync(path.join(ROOT, config.linux!.icon as string)).sort()).toEqual(['256x256.png', '512x512.png']);
  });

  it('the icons are PNGs of 512×512 and 256×256', () => {
    const size = (file: string) => {
      const b = fs.readFileSync(path.join(ROOT, file));
      expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    expect(size('build/icon.png')).toEqual([512, 512]);
    expect(size('build/icons/512x512.png')).toEqual([512, 512]);
    expect(size('build/icons/256x256.png')).toEqual([256, 256]);
  });

  it('ships the built app with the bundled worker and better-sqlite3 unpacked from asar, and the sample workbooks', () => {
    const files = (config.files as Array<string | { filter?: string[] }>).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    const unpack = config.asarUnpack as string[];
    for (const f of ['out/main/main.js', `out/main/${WORKER_FILE}`, 'out/preload/preload.cjs', 'out/renderer/index.html', 'package.json']) expect(taken(files, f), f).toBe(true);
    for (const f of ['out/main/main.js.map', 'node_modules/esbuild/lib/main.js', 'node_modules/tsx/dist/cli.mjs', 'tests/fixtures/云溪乡.xlsx', 'shared/model.ts', 'electron/main.ts']) {
      expect(taken(files, f), f).toBe(false);
    }
    for (const f of [`out/main/${WORKER_FILE}`, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/better-sqlite3/lib/database.js']) {
      expect(unpack.some((p) => minimatch(f, p, { dot: true })), f).toBe(true);
    }
    expect(unpack.some((p) => minimatch('out/main/main.js', p))).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'seeds', to: 'seeds' }]);
    expect(fs.readdirSync(path.join(ROOT, 'seeds')).length).toBeGreaterThan(0);
  });

  it('package.json runs the built main, and dist is electron-vite, install-app-deps and electron-builder', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/main.js');
    expect(pkg.scripts.dist).toMatch(/^electron-vite build && electron-builder install-app-deps && electron-builder /);
    expect(pkg.scripts.start).toBeDefined();
    // Never in CI or on install: both need the network.
    expect(JSON.stringify(pkg.scripts)).not.toMatch(/"(postinstall|prepare|test)":"[^"]*(dist|electron-builder)/);
  });
});

describe('the read worker bundled at build time', () => {
  it('resolves beside main.js, and in app.asar.unpacked inside a packaged app', () => {
    expect(builtWorkerPath('/opt/Quota Watch/resources/app.asar/out/main')).toBe(`/opt/Quota Watch/resources/app.asar.unpacked/out/main/${WORKER_FILE}`);
    expect(builtWorkerPath('C:\\Program Files\\Quota Watch\\resources\\app.asar\\out\\main')).toMatch(/resources\\app\.asar\.unpacked\\out\\main[\\/]read-worker\.mjs$/);
    expect(builtWorkerPath(path.join(ROOT, 'out', 'main'))).toBe(path.join(ROOT, 'out', 'main', WORKER_FILE));
  });

  it('is one file that imports nothing but Node built-ins', () => {
    const code = fs.readFileSync(worker, 'utf8');
    const specifiers = [...code.matchAll(/(?:^|[;\s])(?:import\s*(?:[\w*{}\s,]+from\s*)?|import\()\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const s of specifiers) expect(s, s).toMatch(/^(node:)?(fs|stream|crypto|v8|vm|worker_threads|path|os|zlib|util|buffer|events|module|url)$/);
    expect(fs.readdirSync(out)).toEqual([WORKER_FILE]);
  });

  it('reads a township workbook in a worker thread, from a folder with no node_modules', async () => {
    const w = new Worker(worker, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    try {
      const reply = await new Promise<any>((resolve, reject) => {
        w.on('error', reject);
        w.on('message', (m) => {
          if (m?.ready) w.postMessage({ id: 1, path: FIXTURE, name: path.basename(FIXTURE), options: {}, maxFileBytes: 50 * 1024 * 1024 });
          else resolve(m);
        });
      });
      expect(reply.id).toBe(1);
      const read = unpackRead(reply.packed);
      expect(read.report.ok).toBe(true);
      expect(new Set(read.inputs.map((i) => i.village)).size).toBe(8);
    } finally {
      await w.terminate();
    }
  });
});
