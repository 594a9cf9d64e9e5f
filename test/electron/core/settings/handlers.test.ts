import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index';
import { ADMIN, KIOSK, STAFF, makeCore } from '../../../helpers/core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('admin settings', () => {
  it('an admin turns the demo panel off with a reason: audited, pushed to every window, and enforced', async () => {
    core = (await makeCore()).core;
    const pushed: { event: string; payload: unknown }[] = [];
    core.subscribe(KIOSK, (event, payload) => pushed.push({ event, payload }));
    expect(await core.handle(ADMIN, 'admin.getSettings', {})).toMatchObject({
      ok: true,
      value: { demoPanel: true, idleTimeoutSeconds: 90 },
    });
    const r = await core.handle(ADMIN, 'admin.updateSettings', {
      patch: { demoPanel: false, idleTimeoutSeconds: 120 },
      staff: '院長',
      reason: '本番運用開始',
    });
    expect(r).toMatchObject({ ok: true, value: { demoPanel: false, idleTimeoutSeconds: 120 } });
    expect(core.internals.audit.list()[0]).toMatchObject({
      actor: 'admin:院長',
      action: 'settings',
      detail: 'idleTimeoutSeconds, demoPanel: 本番運用開始',
    });
    expect(pushed).toContainEqual({
      event: 'settings.changed',
      payload: expect.objectContaining({ demoPanel: false, idleTimeoutSeconds: 120 }),
    });
    expect(await core.handle(KIOSK, 'demo.personas', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.handle(KIOSK, 'status.get', {})).toMatchObject({ ok: true, value: { demoPanel: false } });
  });

  it('refuses out-of-range values, unknown keys, a missing reason, and callers that are not admin', async () => {
    core = (await makeCore()).core;
    expect(
      await core.handle(ADMIN, 'admin.updateSettings', { patch: { idleTimeoutSeconds: 5 }, staff: 'a', reason: 'b' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(
      await core.handle(ADMIN, 'admin.updateSettings', {
        patch: { onlineMode: 'forced-online' },
        staff: 'a',
        reason: 'b',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(
      await core.handle(ADMIN, 'admin.updateSettings', {
        patch: { policy: { acceptEverything: true } },
        staff: 'a',
        reason: 'b',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(
      await core.handle(ADMIN, 'admin.updateSettings', { patch: { demoPanel: false }, staff: 'a', reason: '' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(
      await core.handle(STAFF, 'admin.updateSettings', { patch: { demoPanel: false }, staff: 'a', reason: 'b' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.handle(KIOSK, 'admin.getSettings', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
