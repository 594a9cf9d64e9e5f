import { useEffect, useState } from 'react';
import { useApi } from '../../api';
import { useStaffActions } from '../../stores/staff';

/** `staff.list` on load and after every reconnect; `session.updated` pushes keep it current in between. */
export function useStaffSync(): string | null {
  const api = useApi();
  const { listLoaded, sessionUpdated } = useStaffActions();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const r = await api.request('staff.list', {});
      if (!live) return;
      if (r.ok) {
        setError(null);
        listLoaded(r.value);
      } else setError(r.error.message);
    };
    void load();
    const off = api.on('session.updated', sessionUpdated);
    const offConnection = api.onConnection((state) => {
      if (state === 'open') void load();
    });
    return () => {
      live = false;
      off();
      offConnection();
    };
  }, [api, listLoaded, sessionUpdated]);
  return error;
}
