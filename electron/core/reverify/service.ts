/**
 * The re-verification service (再確認): check-ins accepted while オンライン資格確認 was unavailable are queued
 * in SQLite (reverify_queue, written in the same transaction as the transition). When the online monitor
 * comes back (and periodically while it is up) this service sends a number query for each, applies the
 * answer to the session as a 'reverification-result' event (which pushes the snapshot to staff), and marks
 * the entry. A restart loses nothing: the queue is in SQLite and an entry stays 'pending' until answered.
 *
 * - numbers (typed offline, or declared with insurer number + 番号 + birth date) → a number query;
 * - a self-declaration without numbers → 'needs-staff' (nothing to ask the terminal);
 * - a timeout → the entry stays pending (the transport tells the monitor), and this run stops (the terminal
 *   is probably down again: no point in timing out on every entry);
 * - a session that was cancelled or expired → 'skipped'.
 */
import type { ReverificationEntry } from '../../../shared/api/index';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { CheckInSession, PrintedNumbers } from '../../../shared/flow/session';
import type { SessionManager } from '../checkin/sessions';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { OnlineMonitor } from '../monitor';
import type { NumberQueryOutcome } from '../../terminal/transport';
import type { ReverifyStore } from './store';

export interface ReverifyService {
  /** Works through the pending queue once (no-op while offline or while a run is in progress). */
  runOnce(): Promise<{ processed: number; stoppedEarly: boolean }>;
  onUpdate(listener: (e: ReverificationEntry) => void): () => void;
  close(): Promise<void>;
}

export interface ReverifyDeps {
  store: ReverifyStore;
  sessions: SessionManager;
  monitor: OnlineMonitor;
  /** A number query through the terminal (which reports its own health to the monitor). */
  verify: (sessionId: string, numbers: PrintedNumbers) => Promise<NumberQueryOutcome>;
  clock: Clock;
  log: Logger;
  /** Periodic run while online (default: the setting's); 0 disables the timer. */
  intervalMs?: number;
}

/** The numbers to ask about: typed numbers, or a declaration complete enough for a query. */
export function numbersToVerify(s: CheckInSession): PrintedNumbers | undefined {
  if (s.numbers) return s.numbers;
  const d = s.declaration;
  if (d?.insurerNumber && d.number && d.birthDate) {
    return {
      insurerNumber: d.insurerNumber,
      number: d.number,
      birthDate: d.birthDate,
      ...(d.symbol ? { symbol: d.symbol } : {}),
      ...(d.branch ? { branch: d.branch } : {}),
    };
  }
  return undefined;
}

export function createReverifyService(deps: ReverifyDeps): ReverifyService {
  const { store, sessions, monitor, clock, log } = deps;
  const listeners = new Set<(e: ReverificationEntry) => void>();
  let running: Promise<{ processed: number; stoppedEarly: boolean }> | undefined;
  let closed = false;

  const mark = (sessionId: string, status: ReverificationEntry['status'], result: string) => {
    try {
      store.mark(sessionId, status, clock.nowIso(), result);
      const e = store.get(sessionId);
      if (e) for (const l of [...listeners]) l(e);
    } catch (e) {
      log.error('could not update the re-verification queue', { session: sessionId, error: String(e) });
    }
  };

  async function run(): Promise<{ processed: number; stoppedEarly: boolean }> {
    let processed = 0;
    let pending: ReturnType<ReverifyStore['pending']>;
    try {
      pending = store.pending();
    } catch (e) {
      log.error('could not read the re-verification queue', { error: String(e) });
      return { processed, stoppedEarly: true };
    }
    for (const entry of pending) {
      if (closed || !monitor.status().online) return { processed, stoppedEarly: true };
      const s = sessions.get(entry.sessionId);
      if (!s) {
        mark(entry.sessionId, 'skipped', 'session no longer exists');
        continue;
      }
      if (s.state === 'cancelled' || s.state === 'expired') {
        mark(s.id, 'skipped', `session ${s.state}`);
        continue;
      }
      if (s.verification.status !== 'pending') {
        mark(s.id, 'done', `already ${s.verification.status}`);
        continue;
      }
      const numbers = numbersToVerify(s);
      if (!numbers) {
        mark(s.id, 'needs-staff', 'no numbers to verify: staff confirm the declaration');
        continue;
      }
      const answer = await deps.verify(s.id, numbers);
      if (closed) return { processed, stoppedEarly: true };
      if (answer.kind === 'unavailable') {
        mark(s.id, 'pending', `unavailable: ${answer.detail}`);
        log.warn('re-verification postponed: the terminal did not answer', { session: s.id });
        return { processed, stoppedEarly: true };
      }
      processed += 1;
      const o = answer.outcome;
      const valid = o.ok && o.validity === 'valid';
      const what = valid
        ? 'valid'
        : o.ok
          ? (o.validity ?? 'unknown')
          : `error${o.errorCode ? ` ${o.errorCode}` : ''}${o.errorMessage ? `: ${o.errorMessage}` : ''}`;
      // A session still in an earlier state (e.g. the patient is still at the kiosk) keeps its entry pending.
      const current = sessions.get(s.id);
      if (current && current.state !== 'completed' && current.state !== 'staff-confirm') {
        mark(s.id, 'pending', `answer ${what} held: session is ${current.state}`);
        continue;
      }
      const r = sessions.apply(s.id, { type: 'reverification-result', outcome: o }, { actor: 'reverify' });
      if (!r.ok && r.error.code !== 'invalid-event') {
        mark(s.id, 'pending', `answer ${what} not saved: ${r.error.message}`);
        continue;
      }
      mark(s.id, valid ? 'done' : 'failed', what.slice(0, 300));
      log.info('re-verified', { session: s.id, result: what });
    }
    return { processed, stoppedEarly: false };
  }

  const runOnce = () => {
    if (closed || !monitor.status().online) return Promise.resolve({ processed: 0, stoppedEarly: true });
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };

  let wasOnline = monitor.status().online;
  const off = monitor.onChange((st) => {
    // Update first: a run started here may itself change the monitor (a health report) re-entrantly.
    const cameBack = st.online && !wasOnline;
    wasOnline = st.online;
    if (cameBack) void runOnce();
  });
  const intervalMs = deps.intervalMs ?? DEFAULT_SETTINGS.reverifyIntervalMs;
  const timer = intervalMs > 0 ? setInterval(() => void runOnce(), intervalMs) : undefined;
  timer?.unref();

  return {
    runOnce,
    onUpdate(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      closed = true;
      off();
      if (timer) clearInterval(timer);
      listeners.clear();
      // An in-flight query is left to the reader's close; its entry stays pending for the next start.
    },
  };
}
