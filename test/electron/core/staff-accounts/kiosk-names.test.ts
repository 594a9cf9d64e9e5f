import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index';
import { KIOSK, STAFF, makeCore } from '../../../helpers/core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('staff.kioskNames', () => {
  it('names every enrolled kiosk as the admin named it (revoked ones too, for earlier check-ins); not displays', async () => {
    core = (await makeCore()).core;
    const { devices } = core.internals.identity;
    const admin = { accountId: 'a1', name: '院長', role: 'admin' as const };
    const enrol = (kind: 'kiosk' | 'display', label: string) => {
      const code = devices.createPairingCode({ kind, label }, admin);
      if (!code.ok) throw new Error(code.error.message);
      const cred = devices.redeem({ code: code.value.code, client: 'test' });
      if (!cred.ok) throw new Error(cred.error.message);
      return cred.value.deviceId;
    };
    const a = enrol('kiosk', '受付タブレットA');
    const b = enrol('kiosk', '2階タブレット');
    enrol('display', '待合室の画面');
    devices.revoke(b, admin);
    const r = await core.handle(STAFF, 'staff.kioskNames', {});
    expect(r).toEqual({
      ok: true,
      value: expect.arrayContaining([
        { kioskId: a, label: '受付タブレットA' },
        { kioskId: b, label: '2階タブレット' },
      ]),
    });
    expect(r.ok && (r.value as unknown[]).length).toBe(2);
    // A kiosk does not learn the other kiosks' names.
    expect(await core.handle(KIOSK, 'staff.kioskNames', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
