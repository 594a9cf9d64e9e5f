import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi, makeRead, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

function queuesApi() {
  return new FakeApi({
    role: 'staff',
    sessions: [
      makeSession({
        id: 's-1',
        state: 'read-card',
        kioskId: 'kiosk-1',
        document: 'myna-card',
        startedAt: '2026-11-25T00:20:00Z',
      }),
      makeSession({
        id: 's-2',
        state: 'read-card',
        kioskId: 'kiosk-2',
        document: 'myna-card',
        startedAt: '2026-11-25T00:25:00Z',
      }),
      makeSession({
        id: 's-3',
        version: 5,
        state: 'completed',
        ticketNumber: 7,
        startedAt: '2026-11-25T00:01:00Z',
        document: 'eligibility-certificate',
        identity: { source: 'numbers', nameKana: 'サトウ ジロウ' },
        verification: { status: 'failed', at: '2026-11-25T01:00:00Z', validity: 'invalid' },
        staffReasons: ['reverify-mismatch'],
      }),
      makeSession({
        id: 's-4',
        version: 5,
        state: 'completed',
        ticketNumber: 8,
        startedAt: '2026-11-25T00:02:00Z',
        identity: { source: 'numbers', nameKana: 'タナカ ミキ' },
        verification: { status: 'verified', at: '2026-11-25T01:00:00Z', validity: 'valid' },
      }),
    ],
    reads: [makeRead({ candidates: ['s-1', 's-2'] })],
    reverifications: [
      { sessionId: 's-3', queuedAt: '2026-11-25T00:02:00Z', status: 'failed', attempts: 1, result: 'invalid' },
      { sessionId: 's-4', queuedAt: '2026-11-25T00:03:00Z', status: 'done', attempts: 2, result: 'valid' },
    ],
  });
}

const tab = (name: RegExp) => screen.getByRole('tab', { name });
const readItems = () => within(screen.getByRole('tabpanel')).queryAllByRole('listitem');

describe('staff console: unmatched card reads', () => {
  it('loads the open reads, counts them on the tab and shows time, kana, birth date and why', async () => {
    const api = queuesApi();
    renderApp(api);
    await settle();
    expect(api.inputs('staff.unmatchedReads')).toEqual([{}]);
    expect(tab(/^照合できなかったカード読み取り/).textContent).toContain('1');
    fireEvent.click(tab(/^照合できなかったカード読み取り/));
    expect(tab(/^照合できなかったカード読み取り/).getAttribute('aria-selected')).toBe('true');
    const [item] = readItems();
    expect(item).toBeTruthy();
    const text = item!.textContent ?? '';
    expect(text).toContain('09:31');
    expect(text).toContain('ヤマダ タロウ');
    expect(text).toContain('昭和25年4月1日');
    expect(text).toContain('複数の端末がカードを待っていて、どの受付か決められません');
    expect(within(item!).getByRole('button', { name: 'この受付に割り当てる' })).toBeTruthy();
    expect(within(item!).getByRole('button', { name: '破棄する' })).toBeTruthy();
  });

  it('a reader.unmatched push adds a read live, and a resolved one leaves the list', async () => {
    const api = queuesApi();
    renderApp(api);
    await settle();
    fireEvent.click(tab(/^照合できなかったカード読み取り/));
    act(() =>
      api.pushRead(
        makeRead({
          id: 'r-2',
          reason: 'unreadable',
          errorCode: 'schema',
          outcome: undefined,
          seenAt: '2026-11-25T00:40:00Z',
          terminalTime: undefined,
        }),
      ),
    );
    expect(readItems()).toHaveLength(2);
    expect(readItems()[1]!.textContent).toContain('読み取り結果のファイルを読めませんでした（schema）');
    expect(readItems()[1]!.textContent).toContain('（氏名なし）');
    act(() => api.pushRead(makeRead({ status: 'dismissed' })));
    expect(readItems()).toHaveLength(1);
  });

  it('a burst of junk in the terminal folder is one item with its count, not thousands', async () => {
    const api = queuesApi();
    renderApp(api);
    await settle();
    fireEvent.click(tab(/^照合できなかったカード読み取り/));
    act(() =>
      api.pushRead(
        makeRead({
          id: 'r-flood',
          reason: 'unreadable',
          errorCode: 'flood',
          count: 5000,
          detail: '5000 entries in face/ (unreadable-not-xml ×5000), e.g. a.xml',
          outcome: undefined,
          terminalTime: undefined,
        }),
      ),
    );
    expect(readItems()).toHaveLength(2);
    const flood = readItems().find((i) => (i.textContent ?? '').includes('5,000'))!;
    expect(flood.textContent).toContain('資格確認端末のフォルダで 5,000 件のファイルを読めませんでした');
    expect(flood.textContent).toContain('flood');
    // Nothing in it to attach to a session: only 破棄する, no birth date row.
    expect(within(flood).queryByRole('button', { name: 'この受付に割り当てる' })).toBeNull();
    expect(within(flood).getByRole('button', { name: '破棄する' })).toBeTruthy();
    expect(flood.textContent).not.toContain('生年月日');
  });

  it('assigns a read to a chosen waiting session with a name and reason (staff.assignRead)', async () => {
    const api = queuesApi();
    renderApp(api);
    await settle();
    fireEvent.click(tab(/^照合できなかったカード読み取り/));
    fireEvent.click(screen.getByRole('button', { name: 'この受付に割り当てる' }));
    const dialog = screen.getByRole('dialog', { name: 'カードの読み取りを受付に割り当てる' });
    const choices = within(dialog).getAllByRole('radio');
    expect(choices).toHaveLength(2); // only the sessions on the card screen
    expect(within(dialog).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.change(within(dialog).getByRole('textbox', { name: '理由' }), { target: { value: '窓口で本人確認' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(within(dialog).getByText('割り当てる受付を選んでください')).toBeTruthy();
    expect(api.inputs('staff.assignRead')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('radio', { name: /kiosk-2/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(api.inputs('staff.assignRead')).toEqual([
      { readId: 'r-1', sessionId: 's-2', staff: '受付 花子', reason: '窓口で本人確認' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(readItems()).toHaveLength(0);
    expect(screen.getByText('照合できなかった読み取りはありません')).toBeTruthy();
    // The assigned session is selected in the detail panel and has moved on from the card screen.
    const detail = screen.getByRole('region', { name: '受付の詳細' });
    expect(within(detail).getByText('kiosk-2')).toBeTruthy();
    expect(within(detail).getByText('ヤマダ タロウ')).toBeTruthy();
  });

  it('says so when no session waits for a card, and dismisses with a name and reason', async () => {
    const api = queuesApi();
    api.sessions.delete('s-1');
    api.sessions.delete('s-2');
    renderApp(api);
    await settle();
    fireEvent.click(tab(/^照合できなかったカード読み取り/));
    fireEvent.click(screen.getByRole('button', { name: 'この受付に割り当てる' }));
    let dialog = screen.getByRole('dialog', { name: 'カードの読み取りを受付に割り当てる' });
    expect(within(dialog).getByRole('alert').textContent).toContain('いまカードを待っている受付がありません');
    expect((within(dialog).getByRole('button', { name: '実行する' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'やめる' }));
    fireEvent.click(screen.getByRole('button', { name: '破棄する' }));
    dialog = screen.getByRole('dialog', { name: 'カードの読み取りを破棄する' });
    expect(within(dialog).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.change(within(dialog).getByRole('textbox', { name: '理由' }), {
      target: { value: '練習で置いたカード' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(api.inputs('staff.dismissRead')).toEqual([
      { readId: 'r-1', staff: '受付 花子', reason: '練習で置いたカード' },
    ]);
    expect(readItems()).toHaveLength(0);
  });

  it('shows the core error inside the dialog', async () => {
    const api = queuesApi();
    api.handlers['staff.dismissRead'] = () => ({
      ok: false,
      error: { code: 'not-found', message: 'read already resolved' },
    });
    renderApp(api);
    await settle();
    fireEvent.click(tab(/^照合できなかったカード読み取り/));
    fireEvent.click(screen.getByRole('button', { name: '破棄する' }));
    const dialog = screen.getByRole('dialog', { name: 'カードの読み取りを破棄する' });
    expect(within(dialog).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person, not a typed name
    fireEvent.change(within(dialog).getByRole('textbox', { name: '理由' }), { target: { value: '重複' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(within(dialog).getByRole('alert').textContent).toContain('read already resolved');
  });

  it('speaks English too', async () => {
    const api = queuesApi();
    renderApp(api);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(tab(/^Unmatched card reads/));
    expect(screen.getByRole('button', { name: 'Assign to a check-in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
    expect(readItems()[0]!.textContent).toContain('Several kiosks were waiting');
  });
});

describe('staff console: re-verification', () => {
  it('lists entries with 受付番号, status and result; mismatches are highlighted; selecting shows the detail', async () => {
    const api = queuesApi();
    renderApp(api);
    await settle();
    expect(api.inputs('staff.reverifications')).toEqual([{}]);
    expect(tab(/^あとで確認（再照会）/).textContent).toContain('1');
    fireEvent.click(tab(/^あとで確認（再照会）/));
    const rows = within(screen.getByRole('tabpanel')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const mismatch = rows.find((r) => r.textContent?.includes('サトウ ジロウ'))!;
    expect(mismatch.textContent).toContain('不一致（要確認）');
    expect(mismatch.textContent).toContain('無効');
    expect(mismatch.className).toContain('row-attention');
    const ok = rows.find((r) => r.textContent?.includes('タナカ ミキ'))!;
    expect(ok.textContent).toContain('照会済み');
    expect(ok.className).not.toContain('row-attention');
    fireEvent.click(screen.getByRole('button', { name: '受付番号 7 の受付を選ぶ' }));
    const detail = screen.getByRole('region', { name: '受付の詳細' });
    expect(within(detail).getByText('サトウ ジロウ')).toBeTruthy();
    expect(within(detail).getByText(/再照会で不一致/)).toBeTruthy();
  });

  it('follows reverify.updated pushes', async () => {
    const api = queuesApi();
    renderApp(api);
    await settle();
    fireEvent.click(tab(/^あとで確認（再照会）/));
    act(() =>
      api.pushReverification({
        sessionId: 's-4',
        queuedAt: '2026-11-25T00:03:00Z',
        status: 'needs-staff',
        attempts: 3,
        result: 'no numbers to verify',
      }),
    );
    const row = within(screen.getByRole('tabpanel'))
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('タナカ ミキ'))!;
    expect(row.textContent).toContain('職員の確認が必要');
    expect(row.textContent).toContain('no numbers to verify');
    expect(tab(/^あとで確認（再照会）/).textContent).toContain('2');
  });
});
