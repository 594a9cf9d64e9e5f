/**
 * 受付の人を呼ぶ while storage is failing: the request cannot be written, but it must still reach staff.
 * It is held in memory (bounded, one per session), announced to staff at once as an alert, and applied to
 * the session — written — as soon as storage works again.
 */
import type { HeldCall, StorageAlert, StorageStatus } from '../../../shared/api/index';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { StorageHealth } from './health';

export type { HeldCall, StorageAlert };

export type ReplayResult = 'written' | 'obsolete' | 'failed';

export interface HeldCalls {
  hold(call: Omit<HeldCall, 'at'>): HeldCall;
  list(): HeldCall[];
  onAlert(listener: (a: StorageAlert) => void): () => void;
  /** Write the held calls now (called on recovery); returns how many were written. */
  flush(): number;
  close(): void;
}

export const MAX_HELD_CALLS = 200;

export function createHeldCalls(deps: {
  health: StorageHealth;
  clock: Clock;
  log: Logger;
  /** Apply 'call-staff' to the session: written, obsolete (the session moved on / is gone) or failed again. */
  replay: (call: HeldCall) => ReplayResult;
}): HeldCalls {
  const { health, clock, log } = deps;
  const held = new Map<string, HeldCall>();
  const listeners = new Set<(a: StorageAlert) => void>();
  const alert = (a: StorageAlert) => {
    for (const l of listeners) {
      try {
        l(a);
      } catch (e) {
        log.error('storage alert listener failed', { error: String(e) });
      }
    }
  };
  const calls: HeldCalls = {
    hold(c) {
      const call = { ...c, at: clock.nowIso() };
      if (!held.has(c.sessionId) && held.size >= MAX_HELD_CALLS) {
        // Bounded: the oldest goes (its alert was already shown to staff).
        const oldest = held.keys().next().value;
        if (oldest !== undefined) held.delete(oldest);
      }
      held.set(c.sessionId, call);
      health.setHeldCalls(held.size);
      log.warn('call-staff held in memory until storage works', { session: c.sessionId, kiosk: c.kioskId });
      alert({ kind: 'call-staff-held', at: call.at, call });
      return call;
    },
    list: () => [...held.values()],
    onAlert(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    flush() {
      let written = 0;
      for (const call of [...held.values()]) {
        const r = deps.replay(call);
        if (r === 'failed') break; // still failing: keep the rest, the next recovery tries again
        held.delete(call.sessionId);
        if (r === 'written') written += 1;
      }
      health.setHeldCalls(held.size);
      return written;
    },
    close() {
      off();
      listeners.clear();
    },
  };
  // React to a change of state only (not to a change of the held count).
  const keyOf = (s: StorageStatus) => `${s.state}@${s.since}@${s.code ?? ''}`;
  let last = keyOf(health.status());
  const off = health.onChange((s) => {
    const key = keyOf(s);
    if (key === last) return;
    last = key;
    if (s.state === 'failing') {
      alert({ kind: 'storage-failing', at: clock.nowIso(), status: s });
      return;
    }
    const written = calls.flush();
    alert({ kind: 'storage-recovered', at: clock.nowIso(), status: health.status(), written });
  });
  return calls;
}
