import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeApi, makeSession, makeStatus } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('settings.changed applies live on the kiosk', () => {
  it('updates the clinic name without a reload', async () => {
    const api = new FakeApi();
    renderApp(api);
    await settle();
    expect(screen.getAllByText('さくら内科クリニック').length).toBeGreaterThan(0);
    act(() => api.emit('settings.changed', makeStatus({ clinicName: 'ひまわり医院' })));
    expect(screen.queryByText('さくら内科クリニック')).toBeNull();
    expect(screen.getAllByText('ひまわり医院').length).toBeGreaterThan(0);
  });

  it('shows and hides the demo panel on the card screen', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'read-card', document: 'myna-card' }) });
    await settle();
    const demo = () => screen.queryByRole('region', { name: 'デモ用: 仮想カードをかざす' });
    expect(demo()).toBeNull();
    act(() => api.emit('settings.changed', makeStatus({ demoPanel: true })));
    await settle();
    expect(demo()).not.toBeNull();
    act(() => api.emit('settings.changed', makeStatus({ demoPanel: false })));
    expect(demo()).toBeNull();
  });

  it('uses the new idle timeout for the 「まだ続けますか？」 question', async () => {
    vi.useFakeTimers();
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    act(() => api.emit('settings.changed', makeStatus({ idleTimeoutSeconds: 300 })));
    act(() => vi.advanceTimersByTime(90_000));
    expect(screen.queryByRole('alertdialog', { name: 'まだ続けますか？' })).toBeNull();
    act(() => vi.advanceTimersByTime(210_000));
    expect(screen.queryByRole('alertdialog', { name: 'まだ続けますか？' })).not.toBeNull();
  });

  it('unsubscribes when unmounted', async () => {
    const api = new FakeApi();
    const { unmount } = renderApp(api);
    await settle();
    expect(api.listeners('settings.changed')).toBe(1);
    unmount();
    expect(api.listeners('settings.changed')).toBe(0);
  });
});
