/**
 * Rendering helpers for the renderer tests. Importing this file also registers the cleanup every test
 * needs (the DOM and every store), since the Vitest 'dom' project runs without globals.
 */
import { act, cleanup, configure, render, renderHook } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { App } from '../../renderer/src/app/App';
import { clearSession, useSessionActions } from '../../renderer/src/features/patient/store/session';
import { resetStaff } from '../../renderer/src/features/staff/store/staff';
import { setStepSettleMs } from '../../renderer/src/features/patient/store/stepGuard';
import { resetStatus } from '../../renderer/src/stores/status';
import { resetUi } from '../../renderer/src/stores/ui';
import type { CheckInSession } from '../../shared/flow/session';
import type { FakeApi } from './fake-api';

// Role queries skip the per-element visibility walk (getComputedStyle up the tree), which costs seconds
// per query on the keypad screens under jsdom. Nothing in these screens is hidden by CSS; aria-hidden
// decorations carry no roles that the tests query.
configure({ defaultHidden: true });
// Whole-flow tests click through a dozen screens; on a loaded CI box that takes longer than 5 s.
vi.setConfig({ testTimeout: 60_000 });
// Taps are debounced per step (a double tap must not skip a step): off by default here, so whole-flow
// tests can click at test speed; the debounce test turns it on and drives the clock.
setStepSettleMs(0);

afterEach(() => {
  cleanup();
  clearSession();
  resetUi();
  resetStatus();
  resetStaff();
  delete document.documentElement.dataset.textSize;
  delete document.documentElement.dataset.contrast;
  setStepSettleMs(0);
  sessionStorage.clear();
});

/** Render the whole app for `api.role`, optionally with a session already running on this kiosk. */
export function renderApp(api: FakeApi, options: { session?: CheckInSession } = {}) {
  if (options.session) {
    api.sessions.set(options.session.id, options.session);
    const { result, unmount } = renderHook(() => useSessionActions());
    act(() => result.current.started(options.session!));
    unmount();
  }
  return render(<App api={api} />);
}

/** Let pending promise callbacks (fake requests) settle inside act(). */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}
