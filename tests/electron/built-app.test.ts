// The app as electron-vite builds it (out/main/main.js with the read worker beside it, out/preload,
// out/renderer), run against the stand-in electron: the paths the bundle computes for itself hold, the
// page carries the CSP, and an import goes through the worker bundled at build time, not one built at
// run time. The build goes to .tmp/ inside the project, so that main.js finds its node_modules.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP_META_TAG } from '../../electron/csp.ts';
import { fake } from './fake-electron.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).fake.module);

const ROOT = path.resolve(import.meta.dirname, '../..');
const work = path.join(ROOT, '.tmp', `built-app-${process.pid}`);
const out = path.join(work, 'out');
const FIXTURE = path.join(ROOT, 'tests/fixtures/青山镇-换届名单.xlsx');
const OTHER = path.join(ROOT, 'tests/fixtures/云溪乡.xlsx');
const env = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
let home: string;

beforeAll(async () => {
  const cli = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build', '--outDir', out, '-l', 'error'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-built-'));
  process.env.HOME = home;
  process.env.XDG_CONFIG_HOME = path.join(home, '.config');
  delete process.env.ELECTRON_RENDERER_URL;
  await import(pathToFileURL(path.join(out, 'main', 'main.js')).href);
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 20_000 });
}, 240_000);

afterAll(async () => {
  const event = { preventDefault: vi.fn() };
  fake.state.appHandlers.get('will-quit')?.(event);
  await vi.waitFor(() => expect(fake.state.quitCalls).toBeGreaterThan(0));
  process.env.HOME = env.HOME;
  if (env.XDG_CONFIG_HOME === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = env.XDG_CONFIG_HOME;
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the built app', () => {
  it('loads its own built page with the CSP meta tag, and a preload that exists', () => {
    const [w] = fake.state.windows;
    expect(w.loaded).toBe(path.join(out, 'renderer', 'index.html'));
    expect(fs.readFileSync(w.loaded!, 'utf8')).toContain(CSP_META_TAG);
    expect(w.options.webPreferences.preload).toBe(path.join(out, 'preload', 'preload.cjs'));
    expect(fs.existsSync(w.options.webPreferences.preload)).toBe(true);
    expect(fs.readdirSync(path.join(out, 'main')).sort()).toEqual(['main.js', 'read-worker.mjs']);
  });

  it('imports a workbook through the worker bundled at build time', async () => {
    const handler = fake.state.ipcHandlers.get('qw:api')!;
    const page = pathToFileURL(path.join(out, 'renderer', 'index.html')).href;
    const event = { senderFrame: { url: page, parent: null }, sender: { isDestroyed: () => false, send: () => {} } };
    const r = await handler(event, 'b1', 'importFiles', { paths: [FIXTURE] });
    expect(r.ok && r.value.villages).toHaveLength(8);

    // Without out/main/read-worker.mjs the built app cannot read: it uses that file and no other.
    const worker = path.join(out, 'main', 'read-worker.mjs');
    fs.renameSync(worker, `${worker}.away`);
    try {
      const failed = await handler(event, 'b2', 'importFiles', { paths: [OTHER] });
      expect(failed.ok && failed.value.files[0].outcome).toBe('unreadable');
    } finally {
      fs.renameSync(`${worker}.away`, worker);
    }
    const again = await handler(event, 'b3', 'importFiles', { paths: [OTHER] });
    expect(again.ok && again.value.files[0].outcome).toBe('imported');
  });
});
