// The e2e harness: the renderer built once by Vite, the real Backend on a temporary SQLite file served
// over the loopback HTTP transport, and Debian's Chromium driven by playwright-core at 1366×768.
// Screenshots go to test-results/ (not committed).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { rendererConfig } from '../../electron.vite.config.ts';
import { Backend } from '../../electron/backend/service.ts';
import { startHttpServer, type HttpServerHandle } from '../../electron/backend/http.ts';
import type { UploadLimits } from '../../electron/backend/http-upload.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Builds the renderer into a temporary folder (each test file its own: files run in parallel). */
export async function buildRenderer(outDir: string): Promise<void> {
  // The production build, as users get it, even though vitest runs with NODE_ENV=test (React's JSX
  // runtime and Ant Design choose their production forms by it).
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...rendererConfig, configFile: false, logLevel: 'error', mode: 'production', build: { ...rendererConfig.build, outDir } });
  } finally {
    process.env.NODE_ENV = env;
  }
}

export interface App {
  dir: string;
  backend: Backend;
  server: HttpServerHandle;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function startApp(options: { db?: string; uploads?: Partial<UploadLimits> } = {}): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-e2e-'));
  const www = path.join(dir, 'www');
  await buildRenderer(www);
  const backend = Backend.open(options.db ?? path.join(dir, 'county.sqlite'));
  const server = await startHttpServer(backend, { staticDir: www, uploads: options.uploads });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.pageUrl);
  return {
    dir,
    backend,
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
      await backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`页面脚本出错：${errors.join('；')}`);
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The sample township workbooks of seeds/. */
export function seedFiles(): string[] {
  const dir = path.join(ROOT, 'seeds');
  return fs
    .readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => path.join(dir, n));
}
