/**
 * The patient kiosk's link to its session: start one, send patient events, follow pushes, and forget it
 * all at the end. The kiosk decides nothing: it sends an event and shows the snapshot it gets back.
 */
import { useEffect, useMemo } from 'react';
import type { PatientEvent } from '../../../../../shared/api/index';
import type { PatientDraft } from '../../../../../shared/flow/session';
import { useApi, type RendererApi } from '../../../api';
import { clearSession, currentSession, useSessionActions, useSessionId } from '../store/session';
import { resetUi } from '../../../stores/ui';

export interface PatientFlow {
  /** `session.start`; `then` is sent right after (e.g. call-staff from the start screen). */
  start: (then?: PatientEvent) => Promise<void>;
  send: (event: PatientEvent) => Promise<void>;
  /** Keep what is typed so far on the session (quietly: no busy state, no message on failure). */
  saveDraft: (draft: PatientDraft) => Promise<void>;
  /** idle-timeout: tell the core, then clear at once without waiting for the answer. */
  timeOut: () => void;
  /** End of the patient's visit at this screen: clear the session and the UI settings. */
  finish: () => void;
}

/** Clear everything this window remembers about the patient: session snapshot, language, text size. */
export function forgetPatient(): void {
  clearSession();
  resetUi();
}

export function usePatientFlow(): PatientFlow {
  const api = useApi();
  const actions = useSessionActions();
  return useMemo(() => {
    // One request at a time, each with the version the previous one produced: a draft save in flight
    // must not make the next real event conflict (and be lost).
    const queue: { tail: Promise<unknown> } = { tail: Promise.resolve() };
    const serial = <T>(task: () => Promise<T>): Promise<T> => {
      const run = queue.tail.then(task, task);
      queue.tail = run.catch(() => undefined);
      return run;
    };
    const saveDraft = (draft: PatientDraft) =>
      serial(async () => {
        const s = currentSession();
        if (!s) return;
        const r = await api.request('session.send', {
          sessionId: s.id,
          expectedVersion: s.version,
          event: { type: 'save-draft', draft },
        });
        if (currentSession()?.id !== s.id) return;
        if (r.ok) actions.received(r.value);
        else await refetch(api, s.id, actions.received);
      });
    const send = async (event: PatientEvent) => {
      if (!currentSession()) return;
      actions.busyChanged(true);
      actions.problemShown(null);
      await serial(() => sendNow(event));
    };
    const sendNow = async (event: PatientEvent) => {
      const s = currentSession();
      if (!s) return;
      const r = await api.request('session.send', { sessionId: s.id, expectedVersion: s.version, event });
      if (currentSession()?.id !== s.id) return; // cleared meanwhile: nothing to show
      actions.busyChanged(false);
      if (r.ok) {
        actions.received(r.value);
        return;
      }
      // Someone else moved the session (staff, a push we have not seen yet) or the link dropped:
      // show the truth rather than guessing; only a real failure is worth a message.
      await refetch(api, s.id, actions.received);
      if (r.error.code !== 'conflict') actions.problemShown('request-failed');
    };
    return {
      send,
      saveDraft,
      async start(then) {
        actions.busyChanged(true);
        const r = await api.request('session.start', { kioskId: api.kioskId });
        actions.busyChanged(false);
        if (!r.ok) {
          actions.problemShown('request-failed');
          return;
        }
        actions.started(r.value);
        if (then) await send(then);
      },
      timeOut() {
        const s = currentSession();
        if (s) void api.request('session.send', { sessionId: s.id, event: { type: 'idle-timeout' } });
        forgetPatient();
      },
      finish: forgetPatient,
    };
  }, [api, actions]);
}

async function refetch(
  api: RendererApi,
  sessionId: string,
  received: (s: NonNullable<ReturnType<typeof currentSession>>) => void,
) {
  const g = await api.request('session.get', { sessionId });
  if (g.ok) received(g.value);
}

/** Ask the core once per session which insurers to offer as buttons on the printed-numbers screen. */
export function useInsurerShortcutsLoader(): void {
  const api = useApi();
  const { shortcutsReceived } = useSessionActions();
  const sessionId = useSessionId();
  useEffect(() => {
    if (!sessionId) return;
    void api.request('session.insurerShortcuts', { sessionId }).then((r) => {
      if (r.ok) shortcutsReceived(sessionId, r.value);
    });
  }, [api, sessionId, shortcutsReceived]);
}

/** Follow `session.updated` for this kiosk's session; after a reconnect re-read it. */
export function usePatientSync(): void {
  const api = useApi();
  const { received } = useSessionActions();
  useEffect(() => {
    const off = api.on('session.updated', received);
    const offConnection = api.onConnection((state) => {
      const s = currentSession();
      if (state === 'open' && s) void refetch(api, s.id, received);
    });
    return () => {
      off();
      offConnection();
    };
  }, [api, received]);
}
