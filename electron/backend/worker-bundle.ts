// The reader worker as one plain JavaScript file, made with esbuild in one of two ways:
// - at build time (electron.vite.config.ts, readWorkerPlugin): out/main/read-worker.mjs beside main.js,
//   which the packaged app loads from app.asar.unpacked (worker threads do not load from an asar archive,
//   and a packaged app has no writable node_modules to build into);
// - when running from the TypeScript sources (CLI, tests, serve): a worker would load tsx again (a loader
//   thread of its own: ~150 ms and ~40 MiB per worker), so the worker is bundled once and cached under a
//   hash of the sources: no build step for the user and never a stale bundle.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const entry = path.join(here, 'read-worker.ts');

/** The built worker's file name, beside the built main.js. */
export const WORKER_FILE = 'read-worker.mjs';

/** One self-contained ES module: shared/ and SheetJS inside, nothing from node_modules at run time. */
export function workerBuildOptions(outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    legalComments: 'none',
    // SheetJS's ESM build reaches for these optional modules; the worker never needs them.
    external: ['fs', 'stream', 'crypto'],
  };
}

/**
 * The worker built with the app, for code running from the build (out/main/main.js): beside it, and in a
 * packaged app in app.asar.unpacked (the builder config unpacks it) rather than inside app.asar.
 */
export function builtWorkerPath(mainDir: string): string {
  return path.join(mainDir, WORKER_FILE).replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** A Vite plugin for electron-vite's main build: writes the bundled worker beside main.js. */
export function readWorkerPlugin(): { name: string; apply: 'build'; writeBundle: (options: { dir?: string }) => Promise<void> } {
  return {
    name: 'quota-watch-read-worker',
    apply: 'build',
    async writeBundle(options) {
      if (!options.dir) throw new Error('readWorkerPlugin: the main build needs an output folder (build.outDir)');
      const esbuild = await import('esbuild');
      await esbuild.build({ ...workerBuildOptions(path.join(options.dir, WORKER_FILE)), logLevel: 'warning' });
    },
  };
}

function sourcesOf(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) sourcesOf(full, out);
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** A key that changes whenever a source the worker is built from changes: paths, sizes and times. */
function sourceKey(): string {
  const files = [entry, ...sourcesOf(path.join(root, 'shared'), [])].sort();
  const xlsx = path.join(root, 'node_modules', 'xlsx', 'package.json');
  if (fs.existsSync(xlsx)) files.push(xlsx);
  // FNV-1a over the stats: no file is read, and crypto need not load on this path.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const f of files) {
    const st = fs.statSync(f);
    const text = `${f}|${st.size}|${st.mtimeMs}\n`;
    for (let i = 0; i < text.length; i++) {
      h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x811c9dc5) >>> 0;
    }
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function cacheDirs(): string[] {
  return [path.join(root, 'node_modules', '.cache', 'quota-watch'), path.join(os.tmpdir(), 'quota-watch-cache')];
}

let memo: string | null | undefined;

/** Path of the bundled worker, built if needed; null when it cannot be built (the caller then uses tsx). */
export async function bundledWorker(): Promise<string | null> {
  if (memo !== undefined) return memo;
  memo = null;
  try {
    const name = `read-worker-${sourceKey()}.mjs`;
    for (const dir of cacheDirs()) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return (memo = file);
    }
    const esbuild = await import('esbuild');
    for (const dir of cacheDirs()) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, name);
        const tmp = `${file}.${process.pid}.tmp`;
        await esbuild.build(workerBuildOptions(tmp));
        fs.renameSync(tmp, file); // atomic: another process building the same bundle is harmless
        for (const old of fs.readdirSync(dir)) {
          // Bundles of earlier sources are of no more use (a few seconds old may still be loading elsewhere).
          const full = path.join(dir, old);
          if (/^read-worker-.*\.mjs$/.test(old) && old !== name && Date.now() - fs.statSync(full).mtimeMs > 60_000) fs.rmSync(full, { force: true });
        }
        return (memo = file);
      } catch {
        // Not writable here: try the next place.
      }
    }
  } catch {
    // esbuild missing or the sources unreadable: fall back to tsx.
  }
  return memo;
}
