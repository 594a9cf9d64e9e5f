import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import type { ApiEventName, ApiResult } from '../../../shared/api/index';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../../shared/api/bridge';

vi.mock('electron', () => import('../mocks/electron'));

import { FakeWebContents, FakeWebFrameMain, ipcMain, resetElectronMock } from '../mocks/electron';
import { createKioskIpc, type CoreApi } from '../../../electron/main/ipc';
import { createWindowRegistry, type WindowCaller } from '../../../electron/main/registry';
import { gateOver } from '../../helpers/gate';

type Push = (event: ApiEventName, payload: unknown) => void;

/**
 * The real identity gate (staff-accounts/gate.ts, on an in-memory database) in front of a recording
 * handle/subscribe: the shell is tested with the same identity decisions the core makes.
 */
function fakeCore() {
  const pushes: { caller: WindowCaller; push: Push; unsubscribe: ReturnType<typeof vi.fn> }[] = [];
  const core = {
    handle: vi.fn(async (caller: WindowCaller, name: unknown, input: unknown): Promise<ApiResult<unknown>> => ({
      ok: true,
      value: { caller, name, input },
    })),
    subscribe: vi.fn((caller: WindowCaller, push: Push) => {
      const unsubscribe = vi.fn();
      pushes.push({ caller, push, unsubscribe });
      return unsubscribe;
    }),
  };
  const { connect, accounts } = gateOver(core, { setupCode: 'ABCD-EFGH-JKMN' });
  const api: CoreApi = { connect };
  return { core, api, pushes, accounts };
}

function setup() {
  const { core, api, pushes, accounts } = fakeCore();
  const registry = createWindowRegistry();
  const log = vi.fn();
  const ipc = createKioskIpc({ ipcMain, core: api, registry, log });
  const window = (role: WindowCaller['role'], kioskId = 'kiosk-1', url = 'app://kiosk/') => {
    const contents = new FakeWebContents();
    contents.mainFrame.url = url;
    registry.register(contents.id, { role, kioskId });
    return contents;
  };
  const invoke = (contents: FakeWebContents | { id: number }, message: unknown, frame?: FakeWebFrameMain | null) =>
    ipcMain.invokeHandler(IPC_REQUEST_CHANNEL, contents, [message], frame) as Promise<ApiResult<unknown>>;
  return { core, pushes, registry, ipc, log, window, invoke, accounts };
}

beforeEach(() => resetElectronMock());

describe('IPC requests', () => {
  it('registers exactly one handler, on the request channel', () => {
    setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle).toHaveBeenCalledWith(IPC_REQUEST_CHANNEL, expect.any(Function));
  });

  it('passes role and kiosk id from the registry, never from the message', async () => {
    const { core, window, invoke, accounts } = setup();
    const kiosk = window('kiosk', 'kiosk-7');
    const result = await invoke(kiosk, {
      name: 'session.start',
      input: { kioskId: 'kiosk-7' },
      role: 'admin',
      kioskId: 'evil',
    });
    expect(core.handle).toHaveBeenCalledWith({ role: 'kiosk', kioskId: 'kiosk-7' }, 'session.start', {
      kioskId: 'kiosk-7',
    });
    expect(result).toEqual({
      ok: true,
      value: { caller: { role: 'kiosk', kioskId: 'kiosk-7' }, name: 'session.start', input: { kioskId: 'kiosk-7' } },
    });

    // The staff window is nobody until someone signs in (contracts §4); then the core acts as that person.
    const staff = window('staff', 'kiosk-7', 'app://kiosk/staff');
    expect(await invoke(staff, { name: 'staff.list', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'sign-in-required' },
    });
    expect(core.handle).toHaveBeenCalledTimes(1);
    await accounts.create({ name: 'Tanaka', role: 'staff', secret: '739154' }, 'cli');
    expect(await invoke(staff, { name: 'auth.signIn', input: { name: 'Tanaka', secret: '000000' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-credentials' },
    });
    expect(await invoke(staff, { name: 'auth.signIn', input: { name: 'Tanaka', secret: '739154' } })).toMatchObject({
      ok: true,
    });
    await invoke(staff, { name: 'staff.list', input: {} });
    expect(core.handle).toHaveBeenLastCalledWith(
      { role: 'staff', kioskId: 'staff-desk', actor: { accountId: expect.any(String), name: 'Tanaka' } },
      'staff.list',
      {},
    );
  });

  it('shows the first-run setup code to the admin window only, never to the kiosk or staff windows', async () => {
    const { window, invoke } = setup();
    const admin = window('admin', 'kiosk-1', 'app://kiosk/admin');
    expect(await invoke(admin, { name: 'auth.whoami', input: {} })).toMatchObject({
      ok: true,
      value: { setupNeeded: true, setupCode: 'ABCD-EFGH-JKMN' },
    });
    for (const [role, url] of [
      ['kiosk', 'app://kiosk/'],
      ['staff', 'app://kiosk/staff'],
    ] as const) {
      const r = await invoke(window(role, 'kiosk-1', url), { name: 'auth.whoami', input: {} });
      expect(r).toMatchObject({ ok: true, value: { setupNeeded: true } });
      expect(JSON.stringify(r)).not.toContain('ABCD');
    }
  });

  it('forwards the core result unchanged, errors included', async () => {
    const { core, window, invoke } = setup();
    const kiosk = window('kiosk');
    const refusal: ApiResult<unknown> = {
      ok: false,
      error: { code: 'forbidden', message: "'staff.list' is not allowed for the kiosk role" },
    };
    core.handle.mockResolvedValueOnce(refusal);
    await expect(invoke(kiosk, { name: 'staff.list', input: {} })).resolves.toEqual(refusal);
  });

  it('drops calls from a webContents it did not create', async () => {
    const { core, invoke, log } = setup();
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://kiosk/';
    const result = await invoke(stranger, { name: 'status.get', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.handle).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('ipc refused', expect.objectContaining({ sender: stranger.id }));
  });

  it('drops calls from a sub-frame', async () => {
    const { core, window, invoke } = setup();
    const kiosk = window('kiosk');
    const child = new FakeWebFrameMain('app://kiosk/', kiosk.mainFrame);
    await expect(invoke(kiosk, { name: 'status.get', input: {} }, child)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('drops calls from a top frame that is not the main frame of that webContents', async () => {
    const { core, window, invoke } = setup();
    const kiosk = window('kiosk');
    const other = new FakeWebFrameMain('app://kiosk/');
    await expect(invoke(kiosk, { name: 'status.get', input: {} }, other)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('drops calls when the frame is gone (null senderFrame)', async () => {
    const { core, window, invoke } = setup();
    const kiosk = window('kiosk');
    await expect(invoke(kiosk, { name: 'status.get', input: {} }, null)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.handle).not.toHaveBeenCalled();
  });

  it.each([
    'https://example.com/',
    'file:///tmp/x.html',
    'data:text/html,x',
    'about:blank',
    'app://other/',
    'http://localhost:5173/',
  ])('drops calls from a main frame showing %s', async (url) => {
    const { core, window, invoke } = setup();
    const kiosk = window('kiosk', 'kiosk-1', url);
    await expect(invoke(kiosk, { name: 'status.get', input: {} })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('drops calls from a destroyed webContents', async () => {
    const { core, window, invoke } = setup();
    const kiosk = window('kiosk');
    kiosk.destroyed = true;
    await expect(invoke(kiosk, { name: 'status.get', input: {} })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.handle).not.toHaveBeenCalled();
  });

  it.each([undefined, null, 'status.get', 42, ['status.get', {}]])(
    'refuses a malformed message %j',
    async (message) => {
      const { core, window, invoke } = setup();
      await expect(invoke(window('kiosk'), message)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
      expect(core.handle).not.toHaveBeenCalled();
    },
  );

  it('leaves name and input validation to the core', async () => {
    const { core, window, invoke } = setup();
    await invoke(window('kiosk'), { name: 'no.such', input: { x: 1 } });
    expect(core.handle).toHaveBeenCalledWith({ role: 'kiosk', kioskId: 'kiosk-1' }, 'no.such', { x: 1 });
  });

  it('turns a throwing core into an internal error without details', async () => {
    const { core, window, invoke, log } = setup();
    core.handle.mockRejectedValueOnce(new Error('SQLITE_BUSY at /secret/path'));
    const result = await invoke(window('kiosk'), { name: 'status.get', input: {} });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'the kiosk could not complete this request' },
    });
    expect(log).toHaveBeenCalledWith('core.handle threw', expect.objectContaining({ name: 'status.get' }));
  });
});

describe('IPC events', () => {
  it('subscribes each attached window with its own caller and pushes on the event channel', () => {
    const { ipc, pushes, window } = setup();
    const kiosk = window('kiosk', 'kiosk-2');
    const staff = window('staff', 'kiosk-2', 'app://kiosk/staff');
    ipc.attach(kiosk as unknown as WebContents);
    ipc.attach(staff as unknown as WebContents);
    // the staff window is nobody until someone signs in: it gets no session events
    expect(pushes.map((p) => p.caller)).toEqual([{ role: 'kiosk', kioskId: 'kiosk-2' }]);
    pushes[0]!.push('session.updated', { id: 's1' });
    expect(kiosk.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, { event: 'session.updated', payload: { id: 's1' } });
    expect(staff.send).not.toHaveBeenCalled();
  });

  it('does not subscribe a webContents it did not create, nor one twice', () => {
    const { ipc, core, window } = setup();
    ipc.attach(new FakeWebContents() as unknown as WebContents);
    expect(core.subscribe).not.toHaveBeenCalled();
    const kiosk = window('kiosk');
    ipc.attach(kiosk as unknown as WebContents);
    ipc.attach(kiosk as unknown as WebContents);
    expect(core.subscribe).toHaveBeenCalledTimes(1);
  });

  it('unsubscribes and forgets the window when its webContents is destroyed', async () => {
    const { ipc, pushes, registry, window, invoke, core } = setup();
    const kiosk = window('kiosk');
    ipc.attach(kiosk as unknown as WebContents);
    kiosk.destroy();
    expect(pushes[0]!.unsubscribe).toHaveBeenCalledTimes(1);
    expect(registry.get(kiosk.id)).toBeUndefined();
    kiosk.destroyed = false; // a recycled id must not regain access
    await expect(invoke(kiosk, { name: 'status.get', input: {} })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('does not send to a destroyed webContents', () => {
    const { ipc, pushes, window } = setup();
    const kiosk = window('kiosk');
    ipc.attach(kiosk as unknown as WebContents);
    kiosk.destroyed = true;
    pushes[0]!.push('status.changed', { state: 'down' });
    expect(kiosk.send).not.toHaveBeenCalled();
  });

  it('dispose removes the handler and every subscription', () => {
    const { ipc, pushes, window } = setup();
    ipc.attach(window('kiosk') as unknown as WebContents);
    ipc.attach(window('staff', 'kiosk-1', 'app://kiosk/staff') as unknown as WebContents);
    ipc.dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_REQUEST_CHANNEL);
    expect(ipcMain.handlers.has(IPC_REQUEST_CHANNEL)).toBe(false);
    expect(pushes.every((p) => p.unsubscribe.mock.calls.length === 1)).toBe(true);
  });
});
