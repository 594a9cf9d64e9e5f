import { act, renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clearSession, useSession, useSessionActions } from '../../../../renderer/src/features/patient/store/session';
import { useStatus } from '../../../../renderer/src/stores/status';
import { resetUi, useLanguage, useTextSize, useUiActions } from '../../../../renderer/src/stores/ui';
import { FakeApi, makeOnline, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

describe('pushed snapshots flow into the session store', () => {
  it('session.updated for this session redraws; older versions and other sessions are ignored', async () => {
    const api = new FakeApi();
    const s = makeSession({ version: 2 });
    renderApp(api, { session: s });
    await settle();
    expect(api.listeners('session.updated')).toBe(1);
    act(() => api.emit('session.updated', { ...s, version: 3, state: 'read-card', document: 'myna-card' }));
    expect(heading()).toBe('カードを読み取り機にのせてください');
    act(() => api.emit('session.updated', { ...s, version: 2, state: 'refused' }));
    expect(heading()).toBe('カードを読み取り機にのせてください');
    act(() => api.emit('session.updated', { ...s, id: 's-other', version: 9, state: 'completed', ticketNumber: 5 }));
    expect(heading()).toBe('カードを読み取り機にのせてください');
    // A staff approval from another window completes this kiosk's session.
    act(() => api.emit('session.updated', { ...s, version: 4, state: 'completed', ticketNumber: 12 }));
    expect(heading()).toBe('受付が終わりました');
    expect(screen.getByText('12')).toBeTruthy();
  });

  it('a push after the kiosk was cleared does not bring the session back', async () => {
    const api = new FakeApi();
    const s = makeSession();
    renderApp(api, { session: s });
    await settle();
    act(() => clearSession());
    act(() => api.emit('session.updated', { ...s, version: 1, state: 'read-card' }));
    expect(heading()).toBe('受付');
    expect(renderHook(() => useSession()).result.current).toBeNull();
  });

  it('status.changed updates the status store and the offline banner', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    expect(screen.queryByText('ただいまオンラインで確認できません。受付の者がお手伝いします')).toBeNull();
    act(() => api.emit('status.changed', makeOnline({ state: 'down', online: false })));
    expect(screen.getByText('ただいまオンラインで確認できません。受付の者がお手伝いします')).toBeTruthy();
    expect(renderHook(() => useStatus()).result.current?.online.online).toBe(false);
  });

  it('shows a calm reconnecting state and re-fetches session and status after reconnecting', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    act(() => api.setConnection('reconnecting'));
    expect(screen.getByText('接続し直しています。少しお待ちください')).toBeTruthy();
    api.sessions.set('s-1', makeSession({ version: 1, state: 'staff-confirm' }));
    act(() => api.setConnection('open'));
    await settle();
    expect(screen.queryByText('接続し直しています。少しお待ちください')).toBeNull();
    expect(api.inputs('session.get')).toEqual([{ sessionId: 's-1' }]);
    expect(api.inputs('status.get').length).toBe(2);
    expect(heading()).toBe('受付の者が確認します');
  });

  it('a conflicting send re-reads the session instead of guessing', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    api.sessions.set('s-1', makeSession({ version: 1, state: 'staff-confirm' })); // staff moved it meanwhile
    act(() => screen.getByRole('button', { name: /^何も持っていない / }).click());
    await settle();
    expect(api.inputs('session.get')).toEqual([{ sessionId: 's-1' }]);
    expect(heading()).toBe('受付の者が確認します');
    expect(screen.queryByText(/うまくいきませんでした/)).toBeNull();
  });

  it('a failed request shows a calm message and keeps the screen', async () => {
    const api = new FakeApi();
    api.handlers['session.send'] = () => ({ ok: false, error: { code: 'unavailable', message: 'connection lost' } });
    renderApp(api, { session: makeSession() });
    await settle();
    act(() => screen.getByRole('button', { name: /^何も持っていない / }).click());
    await settle();
    expect(screen.getByText(/うまくいきませんでした/)).toBeTruthy();
    expect(heading()).toBe('今日お持ちのものを選んでください');
  });

  it('unsubscribes from every event when unmounted', async () => {
    const api = new FakeApi();
    const { unmount } = renderApp(api);
    await settle();
    unmount();
    expect(api.listeners('session.updated')).toBe(0);
    expect(api.listeners('status.changed')).toBe(0);
  });
});

describe('reset clears the stores', () => {
  it('clearSession and resetUi forget the session, language and text size', () => {
    const actions = renderHook(() => useSessionActions()).result.current;
    const ui = renderHook(() => useUiActions()).result.current;
    act(() => {
      actions.started(makeSession({ identity: { source: 'card', nameKana: 'ヤマダ タロウ' } }));
      actions.problemShown('request-failed');
      ui.languageChosen('en');
      ui.textSizeToggled();
    });
    expect(renderHook(() => useSession()).result.current?.identity?.nameKana).toBe('ヤマダ タロウ');
    act(() => {
      clearSession();
      resetUi();
    });
    expect(renderHook(() => useSession()).result.current).toBeNull();
    expect(renderHook(() => useLanguage()).result.current).toBe('ja');
    expect(renderHook(() => useTextSize()).result.current).toBe('standard');
  });

  it('actions are one stable object (safe in effect dependencies)', () => {
    const { result, rerender } = renderHook(() => useSessionActions());
    const first = result.current;
    act(() => first.busyChanged(true));
    rerender();
    expect(result.current).toBe(first);
  });
});
