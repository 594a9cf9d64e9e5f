import { useEffect } from 'react';
import { useApi } from '../api';
import { useStatusActions } from './status';

/**
 * Load `status.get`, follow `status.changed` (online state), `settings.changed` (clinic name, idle
 * timeout, demo panel… after an admin edit), `storage.changed` (the data store failing or back) and the
 * connection; reload the status after a reconnect.
 */
export function useStatusSync(): void {
  const api = useApi();
  const { statusLoaded, onlineChanged, settingsChanged, storageChanged, connectionChanged } = useStatusActions();
  useEffect(() => {
    let live = true;
    const load = async () => {
      const r = await api.request('status.get', {});
      if (live && r.ok) statusLoaded(r.value);
    };
    connectionChanged(api.connection());
    void load();
    const offStatus = api.on('status.changed', onlineChanged);
    const offSettings = api.on('settings.changed', settingsChanged);
    const offStorage = api.on('storage.changed', storageChanged);
    const offConnection = api.onConnection((state) => {
      connectionChanged(state);
      if (state === 'open') void load();
    });
    return () => {
      live = false;
      offStatus();
      offSettings();
      offStorage();
      offConnection();
    };
  }, [api, statusLoaded, onlineChanged, settingsChanged, storageChanged, connectionChanged]);
}
