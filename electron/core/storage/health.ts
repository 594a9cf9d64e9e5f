/**
 * Storage faults as a state. A write that fails because the disk is full (SQLITE_FULL), the folder is
 * read-only (SQLITE_READONLY) or the device fails (SQLITE_IOERR…) marks the store `failing`: the status every
 * window sees says so, staff get an alert with what to do, and a probe write retries on its own until it
 * succeeds (then `ok` again, with no restart). Nothing is half-written: each write is one SQLite transaction
 * that either committed or left the file as it was.
 *
 * Dependencies are explicit (the Database, the Clock, the Logger) so the composition root wires it thinly.
 */
import type { StorageFaultCode, StorageStatus } from '../../../shared/api/index';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { classifySqliteError, StoreError, type Db } from '../store/index';

export type { StorageFaultCode, StorageStatus };
export const STORAGE_FAULT_CODES: readonly StorageFaultCode[] = ['disk-full', 'read-only', 'io', 'corrupt'];

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
  db: Db;
  clock: Clock;
  log: Logger;
  /** While failing: how often a probe write retries (default 5 s). */
  failingProbeMs?: number;
  /** While ok: how often a probe write checks that the folder is still writable (default 60 s; 0 = never). */
  okProbeMs?: number;
}

const ADVICE: Record<StorageFaultCode, string> = {
  'disk-full': 'staff.storage.advice.disk-full',
  'read-only': 'staff.storage.advice.read-only',
  io: 'staff.storage.advice.io',
  corrupt: 'staff.storage.advice.corrupt',
};

export function isStorageFault(e: unknown): e is StoreError & { code: StorageFaultCode } {
  return e instanceof StoreError && (STORAGE_FAULT_CODES as readonly string[]).includes(e.code);
}

export function createStorageHealth(options: StorageHealthOptions): StorageHealth {
  const { db, clock, log } = options;
  // storage_probe: the storage feature's migration 1.
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
