import { useEffect } from 'react';
import { useApi } from '../../../api';
import { useLinkActions } from './store';

/** Loads the link states and the alert, on start and after every reconnect; pushes keep them current. */
export function useReceiptLinkSync(): void {
  const api = useApi();
  const { linksLoaded, linkUpdated, alertChanged } = useLinkActions();
  useEffect(() => {
    let live = true;
    const load = async () => {
      const [links, alert] = await Promise.all([
        api.request('staff.receiptLinks', {}),
        api.request('staff.receiptLinkAlert', {}),
      ]);
      if (!live) return;
      if (links.ok) linksLoaded(links.value);
      if (alert.ok) alertChanged(alert.value);
    };
    void load();
    const offLink = api.on('receiptLink.updated', linkUpdated);
    const offAlert = api.on('receiptLink.alert', alertChanged);
    const offConnection = api.onConnection((state) => {
      if (state === 'open') void load();
    });
    return () => {
      live = false;
      offLink();
      offAlert();
      offConnection();
    };
  }, [api, linksLoaded, linkUpdated, alertChanged]);
}
