/**
 * Storage faults as a state. A write that fails because the disk is full (SQLITE_FULL), the folder is
 * read-only (SQLITE_READONLY) or the device fails (SQLITE_IOERR…) marks the store `failing`: the status every
 * window sees says so, staff get an alert with what to do, and a probe write retries on its own until it
 * succeeds (then `ok` again, with no restart). Nothing is half-written: each write is one SQLite transaction
 * that either committed or left the file as it was.
 *
 * Dependencies are explicit (the Database, the Clock, the Logger) so the composition root wires it thinly.
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { classifySqliteError, StoreError, type Store } from '../store/index';

export type StorageFaultCode = 'disk-full' | 'read-only' | 'io' | 'corrupt';
export const STORAGE_FAULT_CODES: readonly StorageFaultCode[] = ['disk-full', 'read-only', 'io', 'corrupt'];

export interface StorageStatus {
  state: 'ok' | 'failing';
  /** When the state last changed (clinic clock, ISO). */
  since: string;
  code?: StorageFaultCode;
  /** What to do, as a stable code for the message catalogues (storage.advice.<code>). */
  advice?: string;
  /** Requests to call staff held in memory until they can be written. */
  heldCalls: number;
}

export interface StorageHealth {
  status(): StorageStatus;
  onChange(listener: (s: StorageStatus) => void): () => void;
  /** A store operation failed: faults change the state; conflicts and busy do not. */
  reportFailure(e: unknown): void;
  /** A write committed: storage works (a write is a better probe than the probe). */
  reportSuccess(): void;
  /** One probe write now; true when it committed. */
  probeNow(): boolean;
  /** Held call-staff count, kept by the held-calls queue. */
  setHeldCalls(n: number): void;
  close(): void;
}

export interface StorageHealthOptions {
  db: Database.Database;
  clock: Clock;
  log: Logger;
  /** While failing: how often a probe write retries (default 5 s). */
  failingProbeMs?: number;
  /** While ok: how often a probe write checks that the folder is still writable (default 60 s; 0 = never). */
  okProbeMs?: number;
}

const ADVICE: Record<StorageFaultCode, string> = {
  'disk-full': 'storage.advice.disk-full',
  'read-only': 'storage.advice.read-only',
  io: 'storage.advice.io',
  corrupt: 'storage.advice.corrupt',
};

export function isStorageFault(e: unknown): e is StoreError & { code: StorageFaultCode } {
  return e instanceof StoreError && (STORAGE_FAULT_CODES as readonly string[]).includes(e.code);
}

export function createStorageHealth(options: StorageHealthOptions): StorageHealth {
  const { db, clock, log } = options;
  db.exec(`CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL)`);
  const probeStmt = db.prepare(
    `INSERT INTO storage_probe (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at`,
  );
  let current: StorageStatus = { state: 'ok', since: clock.nowIso(), heldCalls: 0 };
  const listeners = new Set<(s: StorageStatus) => void>();
  const emit = () => {
    for (const l of listeners) {
      try {
        l(current);
      } catch (e) {
        log.error('storage status listener failed', { error: String(e) });
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (timer) clearInterval(timer);
    const ms = current.state === 'failing' ? (options.failingProbeMs ?? 5_000) : (options.okProbeMs ?? 60_000);
    timer = undefined;
    if (ms > 0) {
      timer = setInterval(() => health.probeNow(), ms);
      timer.unref();
    }
  };

  const health: StorageHealth = {
    status: () => current,
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    reportFailure(e) {
      const err = classifySqliteError(e);
      if (!isStorageFault(err)) return;
      if (current.state === 'failing' && current.code === err.code) return;
      current = {
        state: 'failing',
        since: clock.nowIso(),
        code: err.code,
        advice: ADVICE[err.code],
        heldCalls: current.heldCalls,
      };
      log.error('storage is failing: check-ins cannot be saved', { code: err.code, message: err.message });
      schedule();
      emit();
    },
    reportSuccess() {
      if (current.state === 'ok') return;
      const was = current.code;
      current = { state: 'ok', since: clock.nowIso(), heldCalls: current.heldCalls };
      log.warn('storage is writable again', { was });
      schedule();
      emit();
    },
    probeNow() {
      try {
        probeStmt.run(clock.nowIso());
      } catch (e) {
        health.reportFailure(e);
        return false;
      }
      health.reportSuccess();
      return true;
    },
    setHeldCalls(n) {
      if (n === current.heldCalls) return;
      current = { ...current, heldCalls: n };
      emit();
    },
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      listeners.clear();
    },
  };
  schedule();
  return health;
}

/** Names of the Store's methods that write; a success of one of them proves storage works. */
const WRITES = new Set<string>([
  'saveTransition',
  'insertSession',
  'audit',
  'setSetting',
  'markReverification',
  'recordConsumedFile',
  'resolveUnmatchedRead',
  'saveCardWait',
  'deleteCardWait',
  'insertNumberQuery',
  'finishNumberQuery',
]);

/**
 * The same Store, reporting to `health`: every failure goes to reportFailure, every committed write to
 * reportSuccess, and `afterTicket` hears each 受付番号 that committed (the ticket floor keeps it outside the
 * database so a restore from an older backup cannot hand it out again).
 */
export function guardStore(
  store: Store,
  health: StorageHealth,
  hooks: { afterTicket?: (day: string, ticket: number) => void } = {},
): Store {
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...a: A) => R) =>
    (...a: A): R => {
      let r: R;
      try {
        r = fn(...a);
      } catch (e) {
        health.reportFailure(e);
        throw e;
      }
      if (WRITES.has(name)) health.reportSuccess();
      return r;
    };
  const guarded: Store = { ...store };
  for (const key of Object.keys(store) as (keyof Store)[]) {
    const v = store[key];
    if (typeof v === 'function') Object.assign(guarded, { [key]: wrap(key, v as (...a: unknown[]) => unknown) });
  }
  guarded.saveTransition = (next, rec, extra) => {
    wrap('saveTransition', store.saveTransition)(next, rec, extra);
    if (extra?.reserveTicket && next.ticketNumber !== undefined && hooks.afterTicket) {
      // The transition has committed: a failure here must not turn it into an error for the caller.
      try {
        hooks.afterTicket(next.today, next.ticketNumber);
      } catch (e) {
        health.reportFailure(e);
      }
    }
  };
  return guarded;
}
