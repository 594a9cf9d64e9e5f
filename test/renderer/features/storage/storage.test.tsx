import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../../../shared/api/index';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const FAILING: StorageStatus = {
  state: 'failing',
  since: '2026-11-25T01:00:00.000Z',
  code: 'disk-full',
  advice: 'staff.storage.advice.disk-full',
  heldCalls: 0,
};
const OK: StorageStatus = { state: 'ok', since: '2026-11-25T01:05:00.000Z', heldCalls: 0 };

describe('storage faults in the windows', () => {
  it('patient: storage failing sends the patient to the desk, 受付の人を呼ぶ still reaches the core, and it clears by itself', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'choose-document' }) });
    await settle();
    expect(screen.queryByRole('heading', { name: /受付を記録できません/ })).toBeNull();
    act(() => api.emit('storage.changed', FAILING));
    await settle();
    expect(screen.getByRole('heading', { name: 'ただいま、この機械では受付を記録できません' })).toBeTruthy();
    expect(screen.getByText('お手数ですが、受付窓口へお越しください。窓口で受付いたします。')).toBeTruthy();
    // As the core answers while storage fails: the call is held (and staff alerted), not written.
    api.handlers['session.send'] = () => ({
      ok: false,
      error: { code: 'unavailable', message: 'call-staff-held: staff were alerted' },
    });
    fireEvent.click(screen.getByRole('button', { name: /受付の人を呼ぶ/ }));
    await settle();
    expect(api.inputs('session.send')).toEqual([
      { sessionId: 's-1', event: { type: 'call-staff' }, expectedVersion: 0 },
    ]);
    expect(screen.getByText('受付の者に知らせました。窓口へお越しください。')).toBeTruthy();
    act(() => api.emit('storage.changed', OK));
    await settle();
    expect(screen.queryByRole('heading', { name: 'ただいま、この機械では受付を記録できません' })).toBeNull();
  });

  it('staff: a loud alert with what to do, each held call for staff, and the recovery', async () => {
    const api = new FakeApi({ role: 'staff' });
    renderApp(api);
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => {
      api.emit('storage.changed', { ...FAILING, heldCalls: 1 });
      api.emit('storage.alert', {
        kind: 'call-staff-held',
        at: '2026-11-25T01:02:00.000Z',
        call: { sessionId: 's-9', kioskId: 'kiosk-2', at: '2026-11-25T01:02:00.000Z' },
      });
    });
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('受付を記録できません: ディスクがいっぱいです');
    expect(alert.textContent).toContain('不要なファイルを削除してディスクの空きを作ってください');
    expect(alert.textContent).toContain('「受付の人を呼ぶ」1 件を一時的に保持しています');
    expect(within(alert).getByText(/kiosk-2 で「受付の人を呼ぶ」が押されました/)).toBeTruthy();
    act(() => {
      api.emit('storage.changed', OK);
      api.emit('storage.alert', { kind: 'storage-recovered', at: '2026-11-25T01:05:00.000Z', status: OK, written: 1 });
    });
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('記録が再開しました。保持していた呼び出し 1 件を記録しました。')).toBeTruthy();
  });

  it('admin: verify the audit log (intact / the first broken entry) and back up now', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    const panel = screen.getByRole('region', { name: 'データの保全' });
    fireEvent.click(within(panel).getByRole('button', { name: '監査ログを検証する' }));
    await settle();
    expect(within(panel).getByText('監査ログは改ざんされていません（12 件）')).toBeTruthy();
    api.auditCheck = { intact: false, entries: 7, brokenAt: 5, message: 'entry 5 was changed after it was written' };
    fireEvent.click(within(panel).getByRole('button', { name: '監査ログを検証する' }));
    await settle();
    expect(within(panel).getByText(/監査ログの 5 番の記録から先が改ざんまたは削除されています/)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: '今すぐバックアップする' }));
    await settle();
    expect(within(panel).getByText(/バックアップを作成し、検証しました（受付 3 件）/)).toBeTruthy();
  });

  it('admin: backup folder, interval, keep and retention saved with a name and a reason; reasons say they are not for personal data', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    const panel = screen.getByRole('region', { name: 'データの保全' });
    fireEvent.change(within(panel).getByRole('textbox', { name: /バックアップの保存先フォルダー/ }), {
      target: { value: '/mnt/nas/kiosk' },
    });
    fireEvent.change(within(panel).getByRole('spinbutton', { name: /バックアップの間隔/ }), {
      target: { value: '30' },
    });
    // The 担当者 is the signed-in person (shown, not typed).
    const reason = within(panel).getByRole('textbox', { name: '理由' });
    expect(reason.getAttribute('maxlength')).toBe('200');
    expect(reason.getAttribute('aria-describedby')).toMatch(/reason-hint/);
    expect(within(panel).getByText(/氏名・電話番号・生年月日などの個人情報は書かないでください/)).toBeTruthy();
    fireEvent.change(reason, { target: { value: 'NASへ保存' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'データ保全の設定を保存する' }));
    await settle();
    expect(api.inputs('admin.updateSettings')).toEqual([
      { patch: { backupDir: '/mnt/nas/kiosk', backupIntervalMinutes: 30 }, staff: '受付 花子', reason: 'NASへ保存' },
    ]);
    expect(within(panel).getByText('保存しました')).toBeTruthy();
  });
});
