import { describe, expect, it } from 'vitest';
import { kioskIdFromSearch, roleFromPath, webSocketUrl } from '../../../renderer/src/api';

describe('transport choice from the URL', () => {
  it('takes the role from the path and the kiosk id from ?kiosk=', () => {
    expect(roleFromPath('/')).toBe('kiosk');
    expect(roleFromPath('/staff')).toBe('staff');
    expect(roleFromPath('/admin/')).toBe('admin');
    expect(roleFromPath('/anything')).toBe('kiosk');
    expect(kioskIdFromSearch('?kiosk=front-2')).toBe('front-2');
    expect(kioskIdFromSearch('?kiosk=../../x')).toBe('kiosk-1');
    expect(kioskIdFromSearch('')).toBe('kiosk-1');
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:8787' }, 'staff', 'kiosk-1')).toBe(
      'ws://127.0.0.1:8787/api?role=staff&kiosk=kiosk-1',
    );
    expect(webSocketUrl({ protocol: 'https:', host: 'k.local' }, 'kiosk', 'a')).toBe(
      'wss://k.local/api?role=kiosk&kiosk=a',
    );
  });
});

describe('transport choice at start-up', () => {
  it('uses the preload bridge when Electron provides one, with its role and kiosk id', async () => {
    const { createApi } = await import('../../../renderer/src/api');
    const calls: unknown[] = [];
    const bridge = {
      role: 'staff' as const,
      kioskId: 'front-1',
      request: async (name: string, input: unknown) => {
        calls.push([name, input]);
        return { ok: true as const, value: 'x' };
      },
      on: () => () => {},
    };
    const api = createApi({ kioskBridge: bridge, location: window.location } as unknown as Window & {
      kioskBridge: typeof bridge;
    });
    expect(api.transport).toBe('electron');
    expect(api.role).toBe('staff');
    expect(api.kioskId).toBe('front-1');
    expect(api.connection()).toBe('open');
    await expect(api.request('status.get', {})).resolves.toEqual({ ok: true, value: 'x' });
    expect(calls).toEqual([
      ['auth.whoami', {}], // who the core says this window is
      ['status.get', {}],
    ]);
  });

  it('turns a throwing bridge into an unavailable result instead of an exception', async () => {
    const { fromBridge } = await import('../../../renderer/src/api/bridge');
    const api = fromBridge({
      role: 'kiosk',
      kioskId: 'k',
      request: () => Promise.reject(new Error('gone')),
      on: () => () => {},
    });
    await expect(api.request('status.get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'gone' },
    });
  });
});
