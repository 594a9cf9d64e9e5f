/**
 * The storage feature, composed: checks the data file at start (refuse or restore), opens the store, attaches
 * the audit chain and `secure_delete`, applies the ticket floor, and wraps the store in the health guard.
 * Backups and retention are separate services the composition root starts with this `db`.
 */
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { openStore, type Store } from '../store/index';
import { attachAuditChain, registerAuditFunctions } from './audit-chain';
import type { RestoreResult } from './backup';
import { afterOpen, prepareDataFile, recordTicketFloor } from './data-file';
import { createStorageHealth, guardStore, type StorageHealth } from './health';

export interface OpenedStorage {
  /** The store every service uses: failures and successes reach `health`. */
  store: Store;
  /** The unguarded store (backups, retention and tests use its db). */
  raw: Store;
  health: StorageHealth;
  restored?: RestoreResult;
  close(): void;
}

export function openStorage(options: {
  dataDir: string;
  clock: Clock;
  log: Logger;
  restore?: 'latest';
  backupDir?: string;
  failingProbeMs?: number;
  okProbeMs?: number;
}): OpenedStorage {
  const { dataDir, clock, log } = options;
  const restored = prepareDataFile(dataDir, {
    nowIso: clock.nowIso(),
    ...(options.restore ? { restore: options.restore } : {}),
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
  });
  if (restored)
    log.warn('database restored from a backup', { from: restored.restored, movedAside: restored.movedAside ?? null });
  const raw = openStore(dataDir, { onOpen: registerAuditFunctions });
  try {
    attachAuditChain(raw.db);
    raw.db.pragma('secure_delete = ON');
    afterOpen(raw, dataDir, clock.nowIso());
  } catch (e) {
    raw.close();
    throw e;
  }
  const health = createStorageHealth({
    db: raw.db,
    clock,
    log,
    ...(options.failingProbeMs !== undefined ? { failingProbeMs: options.failingProbeMs } : {}),
    ...(options.okProbeMs !== undefined ? { okProbeMs: options.okProbeMs } : {}),
  });
  const store = guardStore(raw, health, { afterTicket: (day, n) => recordTicketFloor(dataDir, day, n) });
  return {
    store,
    raw,
    health,
    ...(restored ? { restored } : {}),
    close() {
      health.close();
      raw.close();
    },
  };
}

export { StorageStartError } from './data-file';
