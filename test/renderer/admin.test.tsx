import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NATIONAL_TIMELINE } from '../../shared/eligibility/index';
import { FakeApi } from './fake-api';
import { renderApp, settle } from './helpers';

describe('admin', () => {
  it('shows the status and changes the online mode only with a staff name and a reason', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: '管理' })).toBeTruthy();
    const status = screen.getByRole('region', { name: '現在の状態' });
    expect(within(status).getByText('さくら内科クリニック')).toBeTruthy();
    expect(within(status).getByText('シミュレーター（練習用）')).toBeTruthy();
    const form = screen.getByRole('region', { name: 'オンライン資格確認の動作モードを変える' });
    expect((within(form).getByRole('radio', { name: '自動' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('radio', { name: '常にオフライン' }));
    fireEvent.click(within(form).getByRole('button', { name: '変更する' }));
    await settle();
    expect(api.inputs('admin.setOnlineMode')).toEqual([]);
    expect(within(form).getByText('担当者名を入力してください')).toBeTruthy();
    fireEvent.change(within(form).getByRole('textbox', { name: '担当者名' }), { target: { value: '院長' } });
    fireEvent.change(within(form).getByRole('textbox', { name: '理由' }), { target: { value: '回線工事のため' } });
    fireEvent.click(within(form).getByRole('button', { name: '変更する' }));
    await settle();
    expect(api.inputs('admin.setOnlineMode')).toEqual([
      { mode: 'forced-offline', staff: '院長', reason: '回線工事のため' },
    ]);
    expect(within(form).getByText('変更しました')).toBeTruthy();
    expect(within(status).getByText('常にオフライン')).toBeTruthy();
    expect((within(form).getByRole('radio', { name: '常にオフライン' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows the national eligibility timeline, dated and sourced, read-only', async () => {
    renderApp(new FakeApi({ role: 'admin' }));
    await settle();
    const timeline = screen.getByRole('region', { name: '資格確認のルール（全国共通・日付ごと）' });
    const rows = within(timeline).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(NATIONAL_TIMELINE.entries.length);
    const first = NATIONAL_TIMELINE.entries[0]!;
    expect(rows[0]!.textContent).toContain(first.summary.ja);
    expect(rows[0]!.textContent).toContain(first.source);
    expect(within(timeline).queryAllByRole('button')).toHaveLength(0);
  });
});
