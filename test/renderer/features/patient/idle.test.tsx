import { act, fireEvent, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../../../renderer/src/features/patient/store/session';
import { useLanguage } from '../../../../renderer/src/stores/ui';
import { IDLE_PROMPT_SECONDS } from '../../../../renderer/src/features/patient/components/IdleGuard';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const IDLE = 90; // makeStatus().idleTimeoutSeconds

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (seconds: number) => act(() => vi.advanceTimersByTime(seconds * 1000));
const prompt = () => screen.queryByRole('alertdialog', { name: 'まだ続けますか？' });

describe('idle: ask first, then time out', () => {
  it('asks 「まだ続けますか？」 after the idle seconds from status.get, and 続ける keeps the session', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    advance(IDLE - 1);
    expect(prompt()).toBeNull();
    advance(1);
    expect(prompt()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '続ける' }));
    expect(prompt()).toBeNull();
    advance(IDLE + IDLE_PROMPT_SECONDS - 1);
    expect(api.sentEvents()).toEqual([]);
    expect(screen.getByRole('heading', { level: 1, name: '今日お持ちのものを選んでください' })).toBeTruthy();
  });

  it('touching the screen restarts the wait', async () => {
    renderApp(new FakeApi(), { session: makeSession() });
    await settle();
    advance(IDLE - 10);
    fireEvent.pointerDown(document.body);
    advance(IDLE - 10);
    expect(prompt()).toBeNull();
    advance(10);
    expect(prompt()).not.toBeNull();
  });

  it('an unanswered question sends idle-timeout and clears the screen and the memory', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'enter-numbers' }) });
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('button', { name: '1' }));
    advance(IDLE);
    expect(screen.queryByRole('alertdialog', { name: 'Do you want to continue?' })).not.toBeNull();
    advance(IDLE_PROMPT_SECONDS);
    await settle();
    expect(api.inputs('session.send')).toEqual([{ sessionId: 's-1', event: { type: 'idle-timeout' } }]);
    expect(screen.getByRole('heading', { level: 1, name: '受付' })).toBeTruthy();
    expect(renderHook(() => useSession()).result.current).toBeNull();
    expect(renderHook(() => useLanguage()).result.current).toBe('ja');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('never times out while staff are confirming', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'staff-confirm' }) });
    await settle();
    advance(IDLE * 10);
    expect(prompt()).toBeNull();
    expect(api.sentEvents()).toEqual([]);
  });

  it('on the start screen a changed language quietly returns to Japanese', async () => {
    renderApp(new FakeApi());
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Start check-in' })).toBeTruthy();
    advance(IDLE);
    expect(prompt()).toBeNull();
    expect(screen.getByRole('button', { name: '受付をはじめる' })).toBeTruthy();
  });
});
