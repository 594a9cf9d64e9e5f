/**
 * The staff console's list of today's check-ins: the `staff.list` answer, kept current by
 * `session.updated` pushes (newer versions win), plus the selection and filter of this window. Beside it
 * the two queues a receptionist works through: card reads the kiosk could not attach to a session
 * (`staff.unmatchedReads` + `reader.unmatched`) and the re-verification queue (`staff.reverifications` +
 * `reverify.updated`).
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { KioskName, ReverificationEntry, UnmatchedRead } from '../../../../../shared/api/index';
import type { CheckInSession } from '../../../../../shared/flow/session';

export type StaffFilter = 'all' | 'attention';
export type StaffTab = 'sessions' | 'unmatched' | 'reverify';

interface StaffStore {
  sessions: Readonly<Record<string, CheckInSession>>;
  selectedId: string | null;
  filter: StaffFilter;
  loaded: boolean;
  tab: StaffTab;
  reads: Readonly<Record<string, UnmatchedRead>>;
  reverifications: Readonly<Record<string, ReverificationEntry>>;
  /** kioskId → the name the admin gave an enrolled kiosk (LAN tablet). */
  kioskNames: Readonly<Record<string, string>>;
  actions: {
    kioskNamesLoaded: (names: KioskName[]) => void;
    tabChosen: (tab: StaffTab) => void;
    readsLoaded: (reads: UnmatchedRead[]) => void;
    readUpdated: (read: UnmatchedRead) => void;
    reverificationsLoaded: (entries: ReverificationEntry[]) => void;
    reverificationUpdated: (entry: ReverificationEntry) => void;
    listLoaded: (sessions: CheckInSession[]) => void;
    sessionUpdated: (session: CheckInSession) => void;
    selected: (id: string | null) => void;
    filterChanged: (filter: StaffFilter) => void;
  };
}

const initial = {
  sessions: {},
  selectedId: null,
  filter: 'all',
  loaded: false,
  tab: 'sessions',
  reads: {},
  reverifications: {},
  kioskNames: {},
} satisfies Omit<StaffStore, 'actions'>;

const useStaffStore = create<StaffStore>()((set) => ({
  ...initial,
  actions: {
    tabChosen: (tab) => set({ tab }),
    kioskNamesLoaded: (names) => set({ kioskNames: Object.fromEntries(names.map((n) => [n.kioskId, n.label])) }),
    readsLoaded: (list) => set({ reads: Object.fromEntries(list.map((r) => [r.id, r])) }),
    readUpdated: (read) => set((s) => ({ reads: { ...s.reads, [read.id]: read } })),
    reverificationsLoaded: (list) => set({ reverifications: Object.fromEntries(list.map((e) => [e.sessionId, e])) }),
    reverificationUpdated: (entry) =>
      set((s) => ({ reverifications: { ...s.reverifications, [entry.sessionId]: entry } })),
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

/** Open unmatched reads, oldest first (the order they arrived at the reception desk). */
export const useOpenReads = () =>
  useStaffStore(
    useShallow((s) =>
      Object.values(s.reads)
        .filter((r) => r.status === 'open')
        .sort((a, b) => (a.seenAt < b.seenAt ? -1 : a.seenAt > b.seenAt ? 1 : 0)),
    ),
  );
export const useOpenReadCount = () =>
  useStaffStore((s) => Object.values(s.reads).filter((r) => r.status === 'open').length);

/** A re-verification that needs a person: the online answer did not match, or there was nothing to check. */
export function reverificationNeedsStaff(e: ReverificationEntry): boolean {
  return e.status === 'failed' || e.status === 'needs-staff';
}
/** Newest first. */
export const useReverifications = () =>
  useStaffStore(
    useShallow((s) =>
      Object.values(s.reverifications).sort((a, b) => (a.queuedAt < b.queuedAt ? 1 : a.queuedAt > b.queuedAt ? -1 : 0)),
    ),
  );
export const useReverifyAttentionCount = () =>
  useStaffStore((s) => Object.values(s.reverifications).filter(reverificationNeedsStaff).length);
/** Sessions waiting on the card screen right now: the only ones a card read can be attached to. */
export const useWaitingForCard = () =>
  useStaffStore(
    useShallow((s) =>
      Object.values(s.sessions)
        .filter((x) => x.state === 'read-card')
        .sort(byStartDesc),
    ),
  );
export const useStaffTab = () => useStaffStore((s) => s.tab);
/** What staff call a kiosk: the admin's name for an enrolled tablet, else its id (the machine's own kiosk). */
export const useKioskLabel = () => useStaffStore((s) => s.kioskNames);
export const currentKioskNames = () => useStaffStore.getState().kioskNames;
export const kioskLabel = (names: Readonly<Record<string, string>>, kioskId: string) => names[kioskId] ?? kioskId;

export const resetStaff = () => useStaffStore.setState(initial);
