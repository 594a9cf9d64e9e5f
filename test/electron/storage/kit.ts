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
import type { Store } from '../../../electron/core/store/index';
import { createHeldCalls, type HeldCalls, type StorageAlert } from '../../../electron/core/storage/held-calls';
import type { StorageHealth } from '../../../electron/core/storage/health';
import { openStorage } from '../../../electron/core/storage/index';

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

export function storageKit(dataDir: string, options: { failingProbeMs?: number; restore?: 'latest' } = {}): Kit {
  const clock = createClock({ fixedStart: '2026-11-25T09:00:00+09:00' });
  if ('code' in clock) throw new Error(clock.message);
  const log = createLogger({ console: false });
  const opened = openStorage({
    dataDir,
    clock,
    log,
    failingProbeMs: options.failingProbeMs ?? 0,
    okProbeMs: 0,
    ...(options.restore ? { restore: options.restore } : {}),
  });
  const { raw, store, health } = opened;
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
      opened.close();
    },
  };
}

/** One whole check-in to a 受付番号 (no document → 10割 → staff approve); returns the completed session. */
export function checkInToTicket(kit: Kit, kioskId = 'kiosk-1') {
  const s = kit.sessions.start(kioskId);
  if (!s.ok) throw new Error(s.error.message);
  const steps = [
    { type: 'choose-document', document: 'nothing' },
    { type: 'accept-self-pay' },
    { type: 'staff-approve', staff: '受付', reason: '10割で受付' },
  ] as const;
  let last = s.session;
  for (const ev of steps) {
    const r = kit.sessions.apply(s.session.id, ev, {
      actor: ev.type === 'staff-approve' ? 'staff:受付' : `kiosk:${kioskId}`,
    });
    if (!r.ok) throw new Error(`${ev.type}: ${r.error.message}`);
    last = r.session;
  }
  if (last.state !== 'completed' || last.ticketNumber === undefined) throw new Error(`not completed: ${last.state}`);
  return last;
}
