import { useEffect } from 'react';
import { useApi } from '../api';
import { useStatusActions } from '../stores/status';

/** Load `status.get`, follow `status.changed` and the connection; reload the status after a reconnect. */
export function useStatusSync(): void {
  const api = useApi();
  const { statusLoaded, onlineChanged, connectionChanged } = useStatusActions();
  useEffect(() => {
    let live = true;
    const load = async () => {
      const r = await api.request('status.get', {});
      if (live && r.ok) statusLoaded(r.value);
    };
    connectionChanged(api.connection());
    void load();
    const offStatus = api.on('status.changed', onlineChanged);
    const offConnection = api.onConnection((state) => {
      connectionChanged(state);
      if (state === 'open') void load();
    });
    return () => {
      live = false;
      offStatus();
      offConnection();
    };
  }, [api, statusLoaded, onlineChanged, connectionChanged]);
}
