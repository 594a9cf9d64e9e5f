import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../../electron/core/clock';
import { createDevices } from '../../../../electron/core/staff-accounts/devices';
import { bindIdentity, createGate } from '../../../../electron/core/staff-accounts/gate';
import { STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS } from '../../../../electron/core/staff-accounts/migrations';
import { createStaffAccounts } from '../../../../electron/core/staff-accounts/service';
import { migrateFeature } from '../../../../electron/core/store/index';

function setup() {
  let t = Date.parse('2026-11-25T09:00:00+09:00');
  const clock: Clock = {
    timeZone: 'Asia/Tokyo',
    now: () => new Date(t),
    nowIso: () => new Date(t).toISOString(),
    today: () => '2026-11-25',
  };
  const db = new Database(':memory:');
  migrateFeature(db, STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS);
  const accounts = createStaffAccounts({ db, clock, cost: { log2N: 10, r: 8, p: 1 }, idleMs: 60_000 });
  const devices = createDevices({ db, clock });
  const unsubscribe = vi.fn();
  const core = {
    handle: vi.fn(async (caller: unknown) => ({ ok: true as const, value: caller })),
    subscribe: vi.fn(() => unsubscribe),
  };
  const gate = createGate({ core, accounts, devices });
  return { gate, accounts, core, unsubscribe, advance: (ms: number) => (t += ms) };
}

describe('identity gate', () => {
  it('an idle sign-out reaches the open screen at the next re-check, and staff events stop', async () => {
    const { gate, accounts, core, unsubscribe, advance } = setup();
    await accounts.create({ name: 'Tanaka', role: 'staff', secret: '739154' }, 'cli');
    const pushed: { event: string; payload: unknown }[] = [];
    const c = gate.open({
      base: { kind: 'anonymous' },
      client: 'lan:10.0.0.5',
      push: (event, payload) => pushed.push({ event, payload }),
    });
    expect(core.subscribe).not.toHaveBeenCalled(); // nobody: no events
    expect(await c.handle('auth.signIn', { name: 'Tanaka', secret: '739154' })).toMatchObject({ ok: true });
    expect(core.subscribe).toHaveBeenCalledWith(
      expect.objectContaining({ role: 'staff', actor: expect.objectContaining({ name: 'Tanaka' }) }),
      expect.any(Function),
    );
    advance(61_000);
    gate.recheckAll();
    expect(c.identity()).toEqual({ kind: 'anonymous' });
    expect(unsubscribe).toHaveBeenCalled();
    expect(pushed.at(-1)).toMatchObject({ event: 'auth.changed', payload: { identity: { kind: 'anonymous' } } });
    expect(await c.handle('staff.list', {})).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
  });

  it('an account change ends its open sessions at once; admin requests need an admin', async () => {
    const { gate, accounts } = setup();
    const admin = await accounts.create({ name: 'Sato', role: 'admin', secret: 'admin-pass-1' }, 'cli');
    await accounts.create({ name: 'Tanaka', role: 'staff', secret: '739154' }, 'cli');
    const staff = gate.open({ base: { kind: 'local-kiosk', kioskId: 'kiosk-1' }, client: 'loopback', push: () => {} });
    await staff.handle('auth.signIn', { name: 'Tanaka', secret: '739154' });
    expect(await staff.handle('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const boss = gate.open({ base: { kind: 'anonymous' }, client: 'lan:10.0.0.6', push: () => {} });
    await boss.handle('auth.signIn', { name: 'Sato', secret: 'admin-pass-1' });
    const list = await boss.handle('accounts.list', {});
    const tanaka =
      list.ok && Array.isArray(list.value) ? list.value.find((a: { name: string }) => a.name === 'Tanaka') : undefined;
    expect(await boss.handle('accounts.setDisabled', { id: tanaka.id, disabled: true })).toMatchObject({ ok: true });
    expect(await staff.handle('staff.list', {})).toMatchObject({
      ok: true,
      value: { role: 'kiosk', kioskId: 'kiosk-1' },
    }); // back to the local kiosk
    expect(staff.identity()).toEqual({ kind: 'local-kiosk', kioskId: 'kiosk-1' });
    expect(admin.ok).toBe(true);
  });

  it('binds identity fields: the core’s kiosk id and the signed-in name replace what the client sent', () => {
    expect(bindIdentity('session.start', { kioskId: 'kiosk-9' }, { kioskId: 'dev-x' })).toEqual({ kioskId: 'dev-x' });
    expect(
      bindIdentity(
        'staff.act',
        { sessionId: 's', event: { type: 'staff-approve', staff: 'Mallory', reason: 'r' } },
        { staffName: 'Tanaka' },
      ),
    ).toEqual({
      sessionId: 's',
      event: { type: 'staff-approve', staff: 'Tanaka', reason: 'r' },
    });
    expect(
      bindIdentity('admin.setOnlineMode', { mode: 'auto', staff: 'x', reason: 'r' }, { staffName: 'Sato' }),
    ).toMatchObject({ staff: 'Sato' });
    expect(bindIdentity('status.get', 'not an object', {})).toBe('not an object');
  });
});
