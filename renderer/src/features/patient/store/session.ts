/**
 * The kiosk's current check-in session: a mirror of the snapshot the core pushes, nothing decided here.
 * `received` takes a snapshot only for the session this kiosk started and only if it is not older than
 * what is shown, so a late response or event can neither roll the screen back nor bring a finished
 * session back after the kiosk was cleared.
 */
import { create } from 'zustand';
import type { InsurerShortcut } from '../../../../../shared/api/index';
import type { CheckInSession, SessionState } from '../../../../../shared/flow/session';

export type SessionProblem = 'request-failed' | null;

interface SessionStore {
  session: CheckInSession | null;
  /** A request for this session is in flight: buttons stay disabled so a double tap sends one event. */
  busy: boolean;
  problem: SessionProblem;
  /** The insurers offered as buttons for this session (asked of the core once the session starts). */
  insurerShortcuts: readonly InsurerShortcut[];
  actions: {
    started: (session: CheckInSession) => void;
    received: (session: CheckInSession) => void;
    busyChanged: (busy: boolean) => void;
    problemShown: (problem: SessionProblem) => void;
    shortcutsReceived: (sessionId: string, shortcuts: readonly InsurerShortcut[]) => void;
    /** Forget everything about the session (end, idle-out, cancel). */
    cleared: () => void;
  };
}

const initial = { session: null, busy: false, problem: null, insurerShortcuts: [] } satisfies Partial<SessionStore>;

const useSessionStore = create<SessionStore>()((set, get) => ({
  ...initial,
  actions: {
    started: (session) => set({ session, busy: false, problem: null }),
    received: (incoming) => {
      const current = get().session;
      if (!current || current.id !== incoming.id || incoming.version < current.version) return;
      set({ session: incoming });
    },
    busyChanged: (busy) => set({ busy }),
    problemShown: (problem) => set({ problem }),
    shortcutsReceived: (sessionId, insurerShortcuts) => {
      if (get().session?.id === sessionId) set({ insurerShortcuts });
    },
    cleared: () => set(initial),
  },
}));

export const useSession = () => useSessionStore((s) => s.session);
export const useSessionId = () => useSessionStore((s) => s.session?.id ?? null);
export const useSessionState = (): SessionState | null => useSessionStore((s) => s.session?.state ?? null);
export const useSessionBusy = () => useSessionStore((s) => s.busy);
export const useSessionProblem = () => useSessionStore((s) => s.problem);
export const useSessionActions = () => useSessionStore((s) => s.actions);
export const useInsurerShortcuts = () => useSessionStore((s) => s.insurerShortcuts);

/** Read without subscribing, for callbacks that run outside render (event handlers, timers). */
export const currentSession = () => useSessionStore.getState().session;
export const clearSession = () => useSessionStore.getState().actions.cleared();
