import { useEffect, useState } from 'react';
import type { DocumentInputs } from '../../../../../shared/api/index';
import { useApi } from '../../../api';
import { useSessionId } from '../store/session';
import { useStatus } from '../../../stores/status';

/**
 * Which facts change today's decision for each document, with the clinic's policy: asked of the core
 * (`session.neededInputs`) for this session, again when the online state or the day changes. `null` until
 * the core has answered.
 */
export function useNeededInputs(): DocumentInputs[] | null {
  const api = useApi();
  const sessionId = useSessionId();
  const status = useStatus();
  const online = status?.online.online;
  const today = status?.today;
  const [needed, setNeeded] = useState<{ key: string; inputs: DocumentInputs[] } | null>(null);
  const key = `${sessionId}|${String(online)}|${today}`;
  useEffect(() => {
    if (!sessionId) return;
    let live = true;
    void api.request('session.neededInputs', { sessionId }).then((r) => {
      if (live && r.ok) setNeeded({ key, inputs: r.value });
    });
    return () => {
      live = false;
    };
  }, [api, sessionId, key]);
  return needed?.key === key ? needed.inputs : null;
}
