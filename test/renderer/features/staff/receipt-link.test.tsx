import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetLinks } from '../../../../renderer/src/features/staff/receipt-link/store';
import type { LinkStatus } from '../../../../shared/receipt-link/index';
import { FakeApi, SIGNED_IN_NAME, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const needsStaff: LinkStatus = {
  checkinId: 's-2',
  state: 'needs-staff',
  reason: 'ambiguous-patient',
  warnings: [],
  candidates: [
    { patientId: '00003', kanaName: 'スズキ マコト', birthDate: '1975-11-02' },
    { patientId: '00004', kanaName: 'スズキ マコト', birthDate: '1975-11-02' },
  ],
  attempts: 1,
  updatedAt: '2026-11-25T00:03:00.000Z',
};

function staffApi() {
  const api = new FakeApi({
    role: 'staff',
    sessions: [
      makeSession({
        id: 's-2',
        version: 6,
        state: 'completed',
        ticketNumber: 3,
        startedAt: '2026-11-25T00:01:00Z',
        document: 'myna-card',
      }),
    ],
  });
  api.handlers['staff.receiptLinks'] = () => ({ ok: true, value: [needsStaff] });
  api.handlers['staff.receiptLinkAlert'] = () => ({
    ok: true,
    value: { stuck: true, pending: 3, reason: 'orca-unreachable' },
  });
  api.handlers['staff.receiptLinkRetry'] = (input) => ({
    ok: true,
    value: {
      ...needsStaff,
      state: 'waiting',
      reason: undefined,
      candidates: [],
      patientId: input.patientId,
      updatedAt: '2026-11-25T00:04:00.000Z',
    },
  });
  return api;
}

afterEach(resetLinks);

const row = () => within(screen.getByRole('table')).getAllByRole('row')[1]!;

describe('staff console: the レセコン (ORCA) link', () => {
  it('shows each check-in’s link state and the stuck-queue alert, live', async () => {
    const api = staffApi();
    renderApp(api);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('レセコン連携が止まっています（3件待ち）: ORCAに接続できません');
    expect(row().textContent).toContain('要対応');
    act(() =>
      api.emit('receiptLink.updated', {
        ...needsStaff,
        state: 'registered',
        reason: undefined,
        candidates: [],
        acceptanceId: '00007',
        updatedAt: '2026-11-25T00:05:00.000Z',
      }),
    );
    expect(row().textContent).toContain('登録済み');
    act(() => api.emit('receiptLink.alert', { stuck: false, pending: 0 }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('staff pick a candidate and send again, with a reason (the signed-in person is the 担当者)', async () => {
    const api = staffApi();
    renderApp(api);
    await settle();
    fireEvent.click(within(row()).getAllByRole('button')[0]!);
    const panel = screen.getByRole('region', { name: 'レセコン（ORCA）連携' });
    expect(panel.textContent).toContain('患者が1人に決まりません（候補から選んでください）');
    fireEvent.click(within(panel).getByRole('button', { name: /この患者で登録する: 00004/ }));
    const dialog = screen.getByRole('dialog');
    // Signed in: the 担当者 is the signed-in person (shown, not typed).
    expect(dialog.textContent).toContain(SIGNED_IN_NAME);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /理由/ }), {
      target: { value: '生年月日と住所で確認' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '実行する' }));
    await settle();
    expect(api.inputs('staff.receiptLinkRetry')).toEqual([
      { checkinId: 's-2', staff: SIGNED_IN_NAME, reason: '生年月日と住所で確認', patientId: '00004' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(row().textContent).toContain('送信待ち');
  });
});
