import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clearSession } from '../../../../renderer/src/features/patient/store/session';
import { SESSION_KEY } from '../../../../renderer/src/features/patient/hooks/useSessionResume';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

describe('a reload mid-check-in resumes the open session', () => {
  it('keeps only the session id in sessionStorage while the session is open, and drops it when cleared', async () => {
    const api = new FakeApi();
    renderApp(api);
    await settle();
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '受付をはじめる' }));
    await settle();
    expect(sessionStorage.getItem(SESSION_KEY)).toBe('s-1');
    expect(sessionStorage.length).toBe(1);
    act(() => clearSession());
    await settle();
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('after a reload, session.get brings the open session back', async () => {
    const api = new FakeApi();
    api.sessions.set('s-7', makeSession({ id: 's-7', version: 3, state: 'read-card', document: 'myna-card' }));
    sessionStorage.setItem(SESSION_KEY, 's-7');
    renderApp(api);
    await settle();
    expect(api.inputs('session.get')).toEqual([{ sessionId: 's-7' }]);
    expect(heading()).toBe('カードを読み取り機にのせてください');
    expect(sessionStorage.getItem(SESSION_KEY)).toBe('s-7');
  });

  it('a session that ended meanwhile (or is unknown) is not resumed and the id is dropped', async () => {
    const api = new FakeApi();
    api.sessions.set('s-8', makeSession({ id: 's-8', version: 5, state: 'expired' }));
    sessionStorage.setItem(SESSION_KEY, 's-8');
    renderApp(api);
    await settle();
    expect(heading()).toBe('受付');
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });
});
