/**
 * The online monitor: is オンライン資格確認 usable right now? Automatic state from the reader's health,
 * overridden by the admin's forced online / forced offline.
 */
import type { OnlineMode, OnlineStatus } from '../../shared/api/index';
import type { Clock } from './clock';

export interface OnlineMonitor {
  status(): OnlineStatus;
  setMode(mode: OnlineMode): OnlineStatus;
  /** Reports from the reader side: a success, or a failure (timeout, error answer, unreadable folder). */
  reportSuccess(): void;
  reportFailure(detail: string): void;
  onChange(listener: (s: OnlineStatus) => void): () => void;
  close(): void;
}

export function createOnlineMonitor(clock: Clock, options: { mode: OnlineMode; failuresForDown?: number }): OnlineMonitor {
  const failuresForDown = options.failuresForDown ?? 2;
  let mode = options.mode;
  let auto: OnlineStatus['state'] = 'up';
  let failures = 0;
  let since = clock.nowIso();
  let detail: string | undefined;
  const listeners = new Set<(s: OnlineStatus) => void>();

  const compute = (): OnlineStatus => {
    const state = mode === 'forced-offline' ? 'down' : mode === 'forced-online' ? 'up' : auto;
    return { state, mode, online: state !== 'down', since, ...(detail ? { detail } : {}) };
  };
  let last = compute();
  const emit = () => {
    const next = compute();
    if (next.state !== last.state || next.mode !== last.mode || next.detail !== last.detail) {
      if (next.state !== last.state) since = clock.nowIso();
      last = { ...compute() };
      for (const l of listeners) l(last);
    }
  };
  return {
    status: () => last,
    setMode(m) {
      mode = m;
      emit();
      return last;
    },
    reportSuccess() {
      failures = 0;
      auto = 'up';
      detail = undefined;
      emit();
    },
    reportFailure(d) {
      failures += 1;
      auto = failures >= failuresForDown ? 'down' : 'degraded';
      detail = d;
      emit();
    },
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close() {
      listeners.clear();
    },
  };
}
