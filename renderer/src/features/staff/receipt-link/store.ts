/**
 * The staff console's view of the レセコン (ORCA) link: each check-in's LinkStatus (`staff.receiptLinks`,
 * kept current by `receiptLink.updated`) and the queue alert (`staff.receiptLinkAlert`, `receiptLink.alert`).
 */
import { create } from 'zustand';
import type { LinkStatus, QueueAlert } from '../../../../../shared/receipt-link/index';

interface LinkStore {
  links: Readonly<Record<string, LinkStatus>>;
  alert: QueueAlert | null;
  actions: {
    linksLoaded: (list: LinkStatus[]) => void;
    linkUpdated: (status: LinkStatus) => void;
    alertChanged: (alert: QueueAlert) => void;
  };
}

const useLinkStore = create<LinkStore>()((set) => ({
  links: {},
  alert: null,
  actions: {
    linksLoaded: (list) =>
      set((s) => {
        const links: Record<string, LinkStatus> = { ...s.links };
        for (const l of list) {
          const known = links[l.checkinId];
          if (!known || known.updatedAt <= l.updatedAt) links[l.checkinId] = l;
        }
        return { links };
      }),
    linkUpdated: (l) =>
      set((s) => {
        const known = s.links[l.checkinId];
        if (known && known.updatedAt > l.updatedAt) return {};
        return { links: { ...s.links, [l.checkinId]: l } };
      }),
    alertChanged: (alert) => set({ alert }),
  },
}));

export const useLink = (checkinId: string | null) => useLinkStore((s) => (checkinId ? s.links[checkinId] : undefined));
export const useLinkAlert = () => useLinkStore((s) => s.alert);
export const useLinkActions = () => useLinkStore((s) => s.actions);

/** Tests: back to the initial state. */
export function resetLinks(): void {
  useLinkStore.setState({ links: {}, alert: null });
}
