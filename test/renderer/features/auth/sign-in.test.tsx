import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const STAFF = {
  kind: 'staff',
  accountId: '00000000-0000-4000-8000-000000000002',
  name: '佐藤 一郎',
  role: 'staff',
} as const;

describe('sign-in gate', () => {
  it('the staff console shows only a sign-in until the core says the window is signed in', async () => {
    const api = new FakeApi({ role: 'staff', identity: { kind: 'anonymous' }, sessions: [makeSession({ id: 's-1' })] });
    api.identityHandlersByName['auth.signIn'] = ({ secret }) => {
      if (secret !== '739154') return { ok: false, error: { code: 'invalid-credentials', message: 'no' } };
      api.setIdentity(STAFF);
      return {
        ok: true,
        value: { token: 't'.repeat(43), identity: STAFF, expiresAt: '2026-11-25T12:00:00Z', idleSeconds: 900 },
      };
    };
    renderApp(api);
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'スタッフのサインイン' })).toBeTruthy();
    expect(screen.queryByText('本日の受付')).toBeNull();
    expect(api.calls.map((c) => c.name)).not.toContain('staff.list'); // no patient data asked for
    fireEvent.change(screen.getByRole('textbox', { name: '名前' }), { target: { value: '佐藤 一郎' } });
    fireEvent.change(screen.getByLabelText('暗証番号またはパスワード'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'サインイン' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('名前か暗証番号が違います');
    fireEvent.change(screen.getByLabelText('暗証番号またはパスワード'), { target: { value: '739154' } });
    fireEvent.click(screen.getByRole('button', { name: 'サインイン' }));
    await settle();
    expect(screen.getByText('サインイン中: 佐藤 一郎（スタッフ）')).toBeTruthy();
    expect(api.calls.map((c) => c.name)).toContain('staff.list');
    fireEvent.click(screen.getByRole('button', { name: 'サインアウト' }));
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'スタッフのサインイン' })).toBeTruthy();
  });

  it('says how long to wait when locked, and a staff account cannot open the admin screen', async () => {
    const api = new FakeApi({ role: 'admin', identity: { kind: 'anonymous' } });
    api.identityHandlersByName['auth.signIn'] = () => ({
      ok: false,
      error: { code: 'locked', message: 'locked', retryAfterSeconds: 60 },
    });
    renderApp(api);
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: '管理者のサインイン' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: '名前' }), { target: { value: 'x' } });
    fireEvent.change(screen.getByLabelText('暗証番号またはパスワード'), { target: { value: 'y' } });
    fireEvent.click(screen.getByRole('button', { name: 'サインイン' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('60秒');
    api.setIdentity(STAFF);
    await settle();
    expect(screen.getByText(/管理者の権限がありません/)).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: '管理' })).toBeNull();
  });

  it('on first run the admin screen asks for the setup code from the console, and Electron’s admin window shows it', async () => {
    const api = new FakeApi({ role: 'admin', identity: { kind: 'anonymous' } });
    api.identityHandlersByName['auth.whoami'] = () => ({
      ok: true,
      value: { identity: { kind: 'anonymous' }, setupNeeded: true, setupCode: 'ABCD-EFGH-JKMN' },
    });
    renderApp(api);
    await settle();
    const card = screen.getByRole('region', { name: '最初の管理者を作る' });
    expect(within(card).getByText('この受付機のセットアップコード: ABCD-EFGH-JKMN')).toBeTruthy();
    expect((within(card).getByRole('textbox', { name: 'セットアップコード' }) as HTMLInputElement).value).toBe(
      'ABCD-EFGH-JKMN',
    );
    fireEvent.change(within(card).getByRole('textbox', { name: '名前' }), { target: { value: '院長' } });
    fireEvent.change(within(card).getByLabelText('暗証番号またはパスワード'), { target: { value: 'correct horse' } });
    fireEvent.change(within(card).getByLabelText('暗証番号またはパスワード（もう一度）'), {
      target: { value: 'correct hors' },
    });
    fireEvent.click(within(card).getByRole('button', { name: '管理者を作ってサインインする' }));
    await settle();
    expect(within(card).getByText('2回の入力が一致しません')).toBeTruthy();
    expect(api.identityCalls.map((c) => c.name)).not.toContain('auth.setup');
  });

  it('a kiosk page the core does not know (a LAN tablet) asks for a pairing code and shows no patient screen', async () => {
    const api = new FakeApi({ role: 'kiosk', identity: { kind: 'anonymous' } });
    api.identityHandlersByName['device.redeem'] = () => ({ ok: false, error: { code: 'invalid-code', message: 'x' } });
    renderApp(api);
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'この端末を受付機につなぐ' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /受付をはじめる/ })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'ペアリングコード' }), { target: { value: 'ZZZZ-ZZZZ' } });
    fireEvent.click(screen.getByRole('button', { name: 'つなぐ' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('期限が切れています');
  });
});
