import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requests, API_EVENT_NAMES, type ApiEventName } from '../../../shared/api/index';
import {
  EVENT_NAMES,
  IPC_EVENT_CHANNEL,
  IPC_REQUEST_CHANNEL,
  REQUEST_NAMES,
  type KioskBridge,
} from '../../../shared/api/bridge';

vi.mock('electron', () => import('../mocks/electron'));

import { contextBridge, ipcRenderer, resetElectronMock } from '../mocks/electron';

// Importing the preload runs it with vitest's own argv (no --kiosk-role): it must expose nothing.
const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
const preload = await import('../../../electron/preload/index');
const exposedAtImport = { ...contextBridge.exposed };
const errorAtImport = consoleError.mock.calls.length;
consoleError.mockRestore();

const argv = (role = 'kiosk', id = 'kiosk-1') => [
  '/opt/kiosk/kiosk',
  '--type=renderer',
  `--kiosk-role=${role}`,
  `--kiosk-id=${id}`,
];

function expose(role = 'kiosk', id = 'kiosk-1'): KioskBridge {
  const bridge = preload.exposeBridge(argv(role, id));
  if (!bridge) throw new Error('bridge not exposed');
  return bridge;
}

beforeEach(() => resetElectronMock());

describe('the API name lists the preload uses', () => {
  it('REQUEST_NAMES is exactly the API requests, EVENT_NAMES exactly its events', () => {
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(requests).sort());
    expect([...EVENT_NAMES].sort()).toEqual([...API_EVENT_NAMES].sort());
  });
});

describe('preload', () => {
  it('exposes nothing when main did not pass a role and kiosk id', () => {
    expect(exposedAtImport).toEqual({});
    expect(errorAtImport).toBe(1);
    const silence = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const args of [
      [],
      ['--kiosk-role=kiosk'],
      ['--kiosk-role=root', '--kiosk-id=k'],
      ['--kiosk-role=kiosk', '--kiosk-id=../x'],
      ['--kiosk-role=kiosk', '--kiosk-id='],
    ]) {
      expect(preload.exposeBridge(args)).toBeUndefined();
    }
    silence.mockRestore();
    expect(contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
  });

  it('exposes window.kioskBridge with only role, kioskId, request and on', () => {
    const bridge = expose('staff', 'front-2');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('kioskBridge', bridge);
    expect(Object.keys(bridge).sort()).toEqual(['kioskId', 'on', 'request', 'role']);
    expect(bridge.role).toBe('staff');
    expect(bridge.kioskId).toBe('front-2');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('reads its identity from the arguments main passed', () => {
    expect(preload.readIdentity(argv('admin', 'k-9'))).toEqual({ role: 'admin', kioskId: 'k-9' });
    expect(preload.readArg(['--a=1', '--kiosk-id=x'], '--kiosk-id=')).toBe('x');
  });
});

describe('request', () => {
  it('sends a known request on the request channel and returns the answer', async () => {
    const bridge = expose();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { today: '2026-11-23' } });
    await expect(bridge.request('status.get', {})).resolves.toEqual({ ok: true, value: { today: '2026-11-23' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_REQUEST_CHANNEL, { name: 'status.get', input: {} });
  });

  it.each([
    'no.such',
    '__proto__',
    'constructor',
    'toString',
    '',
    'STATUS.GET',
    'status.get ',
    42,
    null,
    undefined,
    {},
  ])('refuses %j without touching IPC', async (name) => {
    const bridge = expose();
    const result = await bridge.request(name as never, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends every API request name', async () => {
    const bridge = expose();
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null });
    for (const name of REQUEST_NAMES) await bridge.request(name, {});
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(REQUEST_NAMES.length);
  });

  it('answers with an error value when the main process does not', async () => {
    const bridge = expose();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'kiosk:request'"));
    await expect(bridge.request('status.get', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('on', () => {
  it('delivers only the named event, with the payload alone', () => {
    const bridge = expose();
    const sessions = vi.fn();
    const status = vi.fn();
    bridge.on('session.updated', sessions);
    bridge.on('status.changed', status);
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, { event: 'session.updated', payload: { id: 's1', version: 2 } });
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, { event: 'status.changed', payload: { state: 'down' } });
    expect(sessions).toHaveBeenCalledTimes(1);
    expect(sessions).toHaveBeenCalledWith({ id: 's1', version: 2 });
    expect(sessions.mock.calls[0]).toHaveLength(1); // never the IpcRendererEvent
    expect(status).toHaveBeenCalledWith({ state: 'down' });
  });

  it('ignores malformed messages and other channels', () => {
    const bridge = expose();
    const handler = vi.fn();
    bridge.on('session.updated', handler);
    for (const message of [undefined, null, 'session.updated', 42, { payload: 1 }, { event: 'other', payload: 1 }]) {
      ipcRenderer.deliver(IPC_EVENT_CHANNEL, message);
    }
    ipcRenderer.deliver('some-other-channel', { event: 'session.updated', payload: 1 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('returns an unsubscribe that removes exactly its own listener', () => {
    const bridge = expose();
    const a = vi.fn();
    const b = vi.fn();
    const offA = bridge.on('session.updated', a);
    bridge.on('session.updated', b);
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(2);
    offA();
    offA();
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, { event: 'session.updated', payload: 1 });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith(1);
  });

  it('refuses unknown events and non-function handlers', () => {
    const bridge = expose();
    expect(() => bridge.on('no.such' as ApiEventName, () => {})).toThrow(TypeError);
    expect(() => bridge.on('session.updated', 'alert(1)' as never)).toThrow(TypeError);
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
