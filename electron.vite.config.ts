// electron-vite: main, preload and renderer, laid out as electron-vite's templates do.
//   out/main/main.js, out/preload/preload.cjs (a sandboxed preload must be CommonJS), out/renderer/index.html
// The renderer alone is also built by `npm run dev:web` (scripts/dev-web.ts) with rendererConfig below.

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { UserConfig } from 'vite';
import { readWorkerPlugin } from './electron/backend/worker-bundle.ts';
import { cspMetaPlugin } from './electron/csp.ts';

const root = import.meta.dirname;

/** The renderer's Vite config, shared by electron-vite and the browser build of dev:web. */
export const rendererConfig: UserConfig = {
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react(), cspMetaPlugin()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: resolve(root, 'renderer/index.html') },
  },
};

export default defineConfig({
  main: {
    // The read worker, bundled whole beside main.js (out/main/read-worker.mjs): see worker-bundle.ts.
    plugins: [readWorkerPlugin()],
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: { input: { main: resolve(root, 'electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
