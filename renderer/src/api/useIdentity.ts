import { useSyncExternalStore } from 'react';
import type { ConnectionIdentity } from '../../../shared/api/auth';
import { useApi } from './context';

/** Who the core says this window is (null until it has said); re-renders when that changes. */
export function useIdentity(): ConnectionIdentity | null {
  const api = useApi();
  return useSyncExternalStore(
    (notify) => api.onIdentity(notify),
    () => api.identity(),
  );
}

/** The signed-in staff member or admin, if any. */
export function useSignedIn(): Extract<ConnectionIdentity, { kind: 'staff' }> | undefined {
  const identity = useIdentity();
  return identity?.kind === 'staff' ? identity : undefined;
}
