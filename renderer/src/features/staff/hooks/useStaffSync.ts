import { useEffect, useState } from 'react';
import { useApi } from '../../../api';
import type { CheckInSession } from '../../../../../shared/flow/session';
import { currentKioskNames, useStaffActions } from '../store/staff';

/**
 * `staff.list`, `staff.unmatchedReads` and `staff.reverifications` on load and after every reconnect;
 * `session.updated`, `reader.unmatched` and `reverify.updated` pushes keep them current in between.
 */
export function useStaffSync(): string | null {
  const api = useApi();
  const actions = useStaffActions();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const {
      listLoaded,
      sessionUpdated,
      readsLoaded,
      readUpdated,
      reverificationsLoaded,
      reverificationUpdated,
      kioskNamesLoaded,
    } = actions;
    let live = true;
    const load = async () => {
      const r = await api.request('staff.list', {});
      if (!live) return;
      if (r.ok) {
        setError(null);
        listLoaded(r.value);
      } else setError(r.error.message);
      const [reads, reverify, names] = await Promise.all([
        api.request('staff.unmatchedReads', {}),
        api.request('staff.reverifications', {}),
        api.request('staff.kioskNames', {}),
      ]);
      if (!live) return;
      if (reads.ok) readsLoaded(reads.value);
      if (reverify.ok) reverificationsLoaded(reverify.value);
      if (names.ok) kioskNamesLoaded(names.value);
    };
    void load();
    // A tablet paired while this console is open: its first check-in brings its name (asked once per id).
    const asked = new Set<string>();
    const onSession = (session: CheckInSession) => {
      sessionUpdated(session);
      const id = session.kioskId;
      if (id in currentKioskNames() || asked.has(id)) return;
      asked.add(id);
      void api.request('staff.kioskNames', {}).then((r) => {
        if (live && r.ok) kioskNamesLoaded(r.value);
      });
    };
    const off = api.on('session.updated', onSession);
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
  }, [api, actions]);
  return error;
}
