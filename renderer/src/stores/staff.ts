/**
 * The staff console's list of today's check-ins: the `staff.list` answer, kept current by
 * `session.updated` pushes (newer versions win), plus the selection and filter of this window.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CheckInSession } from '../../../shared/flow/session';

export type StaffFilter = 'all' | 'attention';

interface StaffStore {
  sessions: Readonly<Record<string, CheckInSession>>;
  selectedId: string | null;
  filter: StaffFilter;
  loaded: boolean;
  actions: {
    listLoaded: (sessions: CheckInSession[]) => void;
    sessionUpdated: (session: CheckInSession) => void;
    selected: (id: string | null) => void;
    filterChanged: (filter: StaffFilter) => void;
  };
}

const useStaffStore = create<StaffStore>()((set) => ({
  sessions: {},
  selectedId: null,
  filter: 'all',
  loaded: false,
  actions: {
    listLoaded: (list) =>
      set((s) => {
        const sessions: Record<string, CheckInSession> = {};
        for (const incoming of list) {
          const known = s.sessions[incoming.id];
          sessions[incoming.id] = known && known.version > incoming.version ? known : incoming;
        }
        return { sessions, loaded: true };
      }),
    sessionUpdated: (incoming) =>
      set((s) => {
        const known = s.sessions[incoming.id];
        if (known && known.version > incoming.version) return {};
        return { sessions: { ...s.sessions, [incoming.id]: incoming } };
      }),
    selected: (selectedId) => set({ selectedId }),
    filterChanged: (filter) => set({ filter }),
  },
}));

/** A receptionist has to act: the session waits for staff, or verification failed. */
export function needsAttention(s: CheckInSession): boolean {
  return s.state === 'staff-confirm' || s.verification.status === 'failed';
}

/** Newest first: the list a receptionist scans from the top. */
function byStartDesc(a: CheckInSession, b: CheckInSession): number {
  return a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0;
}

export const useStaffSessionIds = () =>
  useStaffStore(
    useShallow((s) =>
      Object.values(s.sessions)
        .filter((x) => s.filter === 'all' || needsAttention(x))
        .sort(byStartDesc)
        .map((x) => x.id),
    ),
  );
export const useStaffSession = (id: string | null) => useStaffStore((s) => (id ? (s.sessions[id] ?? null) : null));
export const useAttentionCount = () => useStaffStore((s) => Object.values(s.sessions).filter(needsAttention).length);
export const useSelectedId = () => useStaffStore((s) => s.selectedId);
export const useStaffFilter = () => useStaffStore((s) => s.filter);
export const useStaffLoaded = () => useStaffStore((s) => s.loaded);
export const useStaffActions = () => useStaffStore((s) => s.actions);

export const resetStaff = () =>
  useStaffStore.setState({ sessions: {}, selectedId: null, filter: 'all', loaded: false });
