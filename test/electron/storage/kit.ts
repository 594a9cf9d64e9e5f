/**
 * A session manager on a real SQLite file with the storage-health guard around its store: the same pieces
 * the core composes, without the reader side (these flows never reach the card reader).
 */
import { decideEligibility } from '../../../shared/eligibility/index';
import { createClock, type Clock } from '../../../electron/core/clock';
import { createLogger } from '../../../electron/core/logger';
import { createOnlineMonitor } from '../../../electron/core/monitor';
import type { EligibilityReader } from '../../../electron/core/readers';
import { createSessionManager, type SessionManager } from '../../../electron/core/sessions';
import { openStore, type Store } from '../../../electron/core/store/index';
import { createHeldCalls, type HeldCalls, type StorageAlert } from '../../../electron/core/storage/held-calls';
import { createStorageHealth, guardStore, type StorageHealth } from '../../../electron/core/storage/health';

/** These flows never reach the reader: any call is a test failure. */
const noReader: EligibilityReader = {
  kind: 'simulator',
  awaitCard: () => {
    throw new Error('unexpected card wait');
  },
  stopCard: () => {},
  verifyNumbers: () => Promise.reject(new Error('unexpected number query')),
  close: async () => {},
};

export interface Kit {
  raw: Store;
  store: Store;
  health: StorageHealth;
  held: HeldCalls;
  sessions: SessionManager;
  clock: Clock;
  alerts: StorageAlert[];
  close(): void;
}

export function storageKit(dataDir: string, options: { failingProbeMs?: number } = {}): Kit {
  const clock = createClock({ fixedStart: '2026-11-25T09:00:00+09:00' });
  if ('code' in clock) throw new Error(clock.message);
  const log = createLogger({ console: false });
  const raw = openStore(dataDir);
  const health = createStorageHealth({
    db: raw.db,
    clock,
    log,
    failingProbeMs: options.failingProbeMs ?? 0,
    okProbeMs: 0,
  });
  const store = guardStore(raw, health);
  const monitor = createOnlineMonitor(clock, { mode: 'forced-online' });
  const sessions = createSessionManager({
    store,
    clock,
    monitor,
    reader: () => noReader,
    decide: (q) => decideEligibility(q),
    log,
  });
  const held = createHeldCalls({
    health,
    clock,
    log,
    replay: (call) => {
      const r = sessions.apply(call.sessionId, { type: 'call-staff' }, { actor: `kiosk:${call.kioskId}` });
      if (r.ok) return 'written';
      return r.error.code === 'unavailable' ? 'failed' : 'obsolete';
    },
  });
  const alerts: StorageAlert[] = [];
  held.onAlert((a) => alerts.push(a));
  return {
    raw,
    store,
    health,
    held,
    sessions,
    clock,
    alerts,
    close() {
      held.close();
      health.close();
      monitor.close();
      raw.close();
    },
  };
}
