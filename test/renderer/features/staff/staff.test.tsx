import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

function staffApi() {
  return new FakeApi({
    role: 'staff',
    sessions: [
      makeSession({
        id: 's-1',
        version: 4,
        state: 'staff-confirm',
        startedAt: '2026-11-25T00:05:00Z',
        document: 'myna-card',
        identity: { source: 'card', nameKana: 'スズキ ハナコ', insurerNumber: '01130012', number: '77' },
        verification: { status: 'failed', at: '2026-11-25T00:06:00Z', validity: 'not-found' },
        staffReasons: ['card-not-found'],
      }),
      makeSession({
        id: 's-2',
        version: 6,
        state: 'completed',
        ticketNumber: 3,
        startedAt: '2026-11-25T00:01:00Z',
        document: 'eligibility-certificate',
        identity: { source: 'numbers', nameKana: 'ヤマダ タロウ' },
        verification: { status: 'verified', at: '2026-11-25T00:02:00Z', validity: 'valid' },
      }),
    ],
  });
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('staff console', () => {
  it("lists today's check-ins with number, time, document, state, kana, verification and reasons", async () => {
    const api = staffApi();
    renderApp(api);
    await settle();
    expect(api.inputs('staff.list')).toEqual([{}]);
    expect(screen.getByRole('heading', { level: 1, name: '本日の受付' })).toBeTruthy();
    const [first, second] = rows();
    expect(first!.textContent).toContain('09:05'); // clinic time (Asia/Tokyo)
    expect(first!.textContent).toContain('マイナ保険証（カード）');
    expect(first!.textContent).toContain('確認待ち');
    expect(first!.textContent).toContain('スズキ ハナコ');
    expect(first!.textContent).toContain('確認できず（該当なし）');
    expect(first!.textContent).toContain('カード読取: 該当なし');
    expect(second!.textContent).toContain('3');
    expect(second!.textContent).toContain('完了');
    expect(screen.getByRole('status').textContent).toContain('オンライン資格確認: 正常');
  });

  it('filters to the check-ins that need attention, and follows pushes live', async () => {
    const api = staffApi();
    renderApp(api);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /対応が必要/ }));
    expect(rows()).toHaveLength(1);
    act(() =>
      api.emit(
        'session.updated',
        makeSession({
          id: 's-9',
          version: 2,
          state: 'staff-confirm',
          startedAt: '2026-11-25T01:00:00Z',
          staffReasons: ['patient-asked-for-help'],
        }),
      ),
    );
    expect(rows()).toHaveLength(2);
    expect(rows()[0]!.textContent).toContain('患者さんが呼び出し');
    fireEvent.click(screen.getByRole('button', { name: 'すべて' }));
    expect(rows()).toHaveLength(3);
  });

  it('names the kiosk as the admin named the tablet, and the machine\u2019s own kiosk by its id', async () => {
    const api = staffApi();
    api.sessions.set(
      's-3',
      makeSession({
        id: 's-3',
        kioskId: 'dev-AbCdEfGhIjKlMnOpQr',
        startedAt: '2026-11-25T00:07:00Z',
        identity: { source: 'card', nameKana: 'タナカ イチロウ' },
      }),
    );
    api.kioskNames = [{ kioskId: 'dev-AbCdEfGhIjKlMnOpQr', label: '受付タブレットA' }];
    renderApp(api);
    await settle();
    expect(api.inputs('staff.kioskNames')).toEqual([{}]);
    fireEvent.click(screen.getByRole('button', { name: /タナカ イチロウ を選ぶ/ }));
    const detail = screen.getByRole('region', { name: '受付の詳細' });
    expect(within(detail).getByText('受付タブレットA')).toBeTruthy();
    expect(within(detail).queryByText('dev-AbCdEfGhIjKlMnOpQr')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /スズキ ハナコ を選ぶ/ }));
    expect(within(screen.getByRole('region', { name: '受付の詳細' })).getByText('kiosk-1')).toBeTruthy();
  });

  it('approving needs the staff name and a reason; then staff.act is sent and the row updates', async () => {
    const api = staffApi();
    renderApp(api);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /スズキ ハナコ を選ぶ/ }));
    const detail = screen.getByRole('region', { name: '受付の詳細' });
    expect(within(detail).getByText('01130012')).toBeTruthy();
    fireEvent.click(within(detail).getByRole('button', { name: '承認して受付完了' }));
    const dialog = screen.getByRole('dialog', { name: '承認して受付完了' });
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(within(dialog).queryByText('担当者名を入力してください')).toBeNull();
    expect(within(dialog).getByText('理由を入力してください')).toBeTruthy();
    expect(api.inputs('staff.act')).toEqual([]);
    expect(within(dialog).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(api.inputs('staff.act')).toEqual([]);
    expect(within(dialog).queryByText('担当者名を入力してください')).toBeNull();
    fireEvent.change(within(dialog).getByRole('textbox', { name: '理由' }), {
      target: { value: '目視で本人確認、保険証の番号で確認' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(api.inputs('staff.act')).toEqual([
      {
        sessionId: 's-1',
        event: { type: 'staff-approve', staff: '受付 花子', reason: '目視で本人確認、保険証の番号で確認' },
      },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(rows()[0]!.textContent).toContain('完了');
    expect(within(detail).getByText(/受付 花子: 承認（目視で本人確認/)).toBeTruthy();
  });

  it('offers override cancel on an open session and sends the outcome with the reason', async () => {
    const api = staffApi();
    api.sessions.set(
      's-5',
      makeSession({ id: 's-5', state: 'read-card', startedAt: '2026-11-25T02:00:00Z', document: 'myna-card' }),
    );
    renderApp(api);
    await settle();
    fireEvent.click(screen.getAllByRole('button', { name: /を選ぶ/ })[0]!);
    const detail = screen.getByRole('region', { name: '受付の詳細' });
    expect(within(detail).queryByRole('button', { name: '承認して受付完了' })).toBeNull();
    fireEvent.click(within(detail).getByRole('button', { name: '受付を取り消す' }));
    const dialog = screen.getByRole('dialog', { name: '受付を取り消す' });
    expect(within(dialog).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.change(within(dialog).getByRole('textbox', { name: '理由' }), {
      target: { value: '患者さんが帰られた' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(api.inputs('staff.act')[0]).toEqual({
      sessionId: 's-5',
      event: { type: 'staff-override', staff: '受付 花子', reason: '患者さんが帰られた', outcome: 'cancel' },
    });
  });

  it('a finished check-in offers no check-in actions, only 呼び出し and a reprint of its slip', async () => {
    renderApp(staffApi());
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /ヤマダ タロウ を選ぶ/ }));
    const detail = screen.getByRole('region', { name: '受付の詳細' });
    const names = within(detail)
      .queryAllByRole('button')
      .map((b) => b.textContent ?? '');
    expect(names).toEqual(['診察室へ呼び出し', '受付票を再印刷']);
  });

  it('shows the server error inside the dialog when the act is refused', async () => {
    const api = staffApi();
    api.handlers['staff.act'] = () => ({
      ok: false,
      error: { code: 'invalid-event', message: 'session already completed' },
    });
    renderApp(api);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /スズキ ハナコ を選ぶ/ }));
    fireEvent.click(screen.getByRole('button', { name: '受付不可にする' }));
    const dialog = screen.getByRole('dialog', { name: '受付不可にする' });
    expect(within(dialog).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.change(within(dialog).getByRole('textbox', { name: '理由' }), { target: { value: '資格なし' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(within(dialog).getByRole('alert').textContent).toContain('session already completed');
  });
});
