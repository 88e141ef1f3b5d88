// The Electron door's cancel, end to end in Node: the renderer's IpcDoor → the preload's bridge → the one
// IPC channel → main.ts's handler → a real Backend on a temporary database, with a stand-in electron
// joining preload and main (invoke reaches main's handler; progress comes back on a later turn). A large
// import cancelled while it is being saved stores nothing, as the browser door's cancel does.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcDoor } from '../../renderer/api/client.ts';
import type { DesktopBridge } from '../../electron/bridge.ts';
import { generateRoster } from '../bench/roster.ts';
import { fake, useTempHome } from './fake-electron.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).fake.module);

const ROOT = path.resolve(import.meta.dirname, '../..');
let home: string;
let restoreHome: () => void;
let bridge: DesktopBridge;
let door: IpcDoor;

beforeAll(async () => {
  ({ home, restore: restoreHome } = useTempHome('qw-ipc-cancel-'));
  await import('../../electron/main.ts');
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 10_000 });
  await import('../../electron/preload.ts');
  fake.state.routeInvokes = { senderFrame: { url: pathToFileURL(path.join(ROOT, 'renderer/index.html')).href, parent: null }, sender: fake.state.windows[0].webContents };
  bridge = fake.state.exposed[0][1] as DesktopBridge;
  door = new IpcDoor(bridge);
}, 30_000);

afterAll(async () => {
  fake.state.routeInvokes = null;
  const event = { preventDefault: vi.fn() };
  fake.state.appHandlers.get('will-quit')?.(event);
  await vi.waitFor(() => expect(fake.state.quitCalls).toBeGreaterThan(0), { timeout: 30_000 });
  restoreHome();
});

async function counts() {
  const imports = await door.call('imports', {});
  const status = await door.call('status', {});
  if (!imports.ok || !status.ok) throw new Error('backend');
  return { imports: imports.value.length, villages: status.value.villages.length };
}

describe('cancel through the Electron door', () => {
  it('a large import cancelled while it is saved stores nothing, and the same preview can be confirmed after', async () => {
    const big = path.join(home, '大镇换届名单.xlsx');
    generateRoster(60_000, big);
    const preview = await door.call('previewImport', { paths: [big] });
    if (!preview.ok) throw new Error(preview.error.message);
    const previewId = preview.value.previewId!;
    const before = await counts();

    const ac = new AbortController();
    const phases: string[] = [];
    const r = await door.call('commitImport', { previewId }, {
      signal: ac.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'storing' && p.rows > 0) ac.abort();
      },
    });
    expect(phases).toContain('storing');
    expect(phases).not.toContain('done');
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled', message: expect.stringContaining('未作任何改动') } });
    expect(await counts()).toEqual(before);

    // The cancelled commit is over: nothing is left running, and a late cancel finds nothing to stop.
    expect(await bridge.cancel('no-such-call')).toBe(false);
    const again = await door.call('commitImport', { previewId });
    expect(again.ok).toBe(true);
    expect((await counts()).imports).toBe(before.imports + 1);
  }, 300_000);

  it('a signal aborted before the call sends nothing; a cancel of another call or with bad arguments is refused', async () => {
    const sent = fake.state.invoked.length;
    const ac = new AbortController();
    ac.abort();
    expect(await door.call('status', {}, { signal: ac.signal })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(fake.state.invoked.length).toBe(sent);

    const handler = fake.state.ipcHandlers.get('qw:api')!;
    const event = fake.state.routeInvokes!;
    expect(await handler(event, 'x1', 'qw:cancel', { callId: '' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('callId') } });
    expect(await handler(event, 'x2', 'qw:cancel', { callId: 'a', more: 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    // Another window (another sender) cannot cancel this window's calls.
    const other = { ...event, sender: { isDestroyed: () => false, send: () => {} } };
    const pending = handler(event, 'mine-1', 'status', {});
    expect(await handler(other, 'x3', 'qw:cancel', { callId: 'mine-1' })).toEqual({ ok: true, value: false });
    expect(await pending).toMatchObject({ ok: true });
  });
});
