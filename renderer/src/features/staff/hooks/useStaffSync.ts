import { useEffect, useState } from 'react';
import { useApi } from '../../../api';
import { useStaffActions } from '../store/staff';

/**
 * `staff.list`, `staff.unmatchedReads` and `staff.reverifications` on load and after every reconnect;
 * `session.updated`, `reader.unmatched` and `reverify.updated` pushes keep them current in between.
 */
export function useStaffSync(): string | null {
  const api = useApi();
  const { listLoaded, sessionUpdated, readsLoaded, readUpdated, reverificationsLoaded, reverificationUpdated } =
    useStaffActions();
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
      const [reads, reverify] = await Promise.all([
        api.request('staff.unmatchedReads', {}),
        api.request('staff.reverifications', {}),
      ]);
      if (!live) return;
      if (reads.ok) readsLoaded(reads.value);
      if (reverify.ok) reverificationsLoaded(reverify.value);
    };
    void load();
    const off = api.on('session.updated', sessionUpdated);
    const offReads = api.on('reader.unmatched', readUpdated);
    const offReverify = api.on('reverify.updated', reverificationUpdated);
    const offConnection = api.onConnection((state) => {
      if (state === 'open') void load();
    });
    return () => {
      live = false;
      off();
      offReads();
      offReverify();
      offConnection();
    };
  }, [api, listLoaded, sessionUpdated, readsLoaded, readUpdated, reverificationsLoaded, reverificationUpdated]);
  return error;
}
