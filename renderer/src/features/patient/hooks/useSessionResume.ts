/**
 * Survive a page reload mid-check-in: the open session's id (and nothing else) is kept in this tab's
 * sessionStorage; after a reload the kiosk asks the core for that session (`session.get`) and carries on.
 * The id is dropped as soon as the session is over or the kiosk is cleared (end, cancel, idle-out).
 */
import { useEffect, useState } from 'react';
import { ID_PATTERN as ID } from '../../../../../shared/api/bridge';
import { isFinal } from '../../../../../shared/flow/session';
import { useApi } from '../../../api';
import { currentSession, useSessionActions, useSessionId, useSessionState } from '../store/session';

export const SESSION_KEY = 'kiosk.sessionId';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function useSessionResume(): void {
  const api = useApi();
  const { started } = useSessionActions();
  const sessionId = useSessionId();
  const state = useSessionState();
  // The id from before the reload, read once; writing waits until the resume attempt is over.
  const [pending, setPending] = useState<string | null>(() => {
    const id = storage()?.getItem(SESSION_KEY) ?? null;
    return id && ID.test(id) && !currentSession() ? id : null;
  });

  useEffect(() => {
    if (!pending) return;
    let live = true;
    void api.request('session.get', { sessionId: pending }).then((r) => {
      if (!live) return;
      if (r.ok && !isFinal(r.value.state) && !currentSession()) started(r.value);
      setPending(null);
    });
    return () => {
      live = false;
    };
  }, [api, pending, started]);

  useEffect(() => {
    if (pending) return;
    const s = storage();
    if (!s) return;
    if (sessionId && state && !isFinal(state)) s.setItem(SESSION_KEY, sessionId);
    else s.removeItem(SESSION_KEY);
  }, [pending, sessionId, state]);
}
