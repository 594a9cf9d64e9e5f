/**
 * The storage feature: data safety around the one SQLite file.
 * - Start-up (`openCheckedDatabase`, before any feature): a missing-but-expected, empty or corrupt file is
 *   refused with a restore path, or the newest verified backup restored when the admin asks (data-file.ts).
 * - Health (health.ts): a failed write marks storage failing ('storage.changed' to every window, a loud
 *   'storage.alert' to staff); a probe write recovers it; 受付の人を呼ぶ is held meanwhile (held-calls.ts).
 * - The ticket floor: each committed 受付番号 is also kept outside the database (no repeat after a restore).
 * - Backups (backup.ts) on the admin's schedule and folder, retention that erases (retention.ts) at start
 *   and daily, and the admin's buttons: verify the audit chain, back up now.
 * Added after checkin (it needs the tickets table and the sessions); checkin reaches it through closures.
 */
import path from 'node:path';
import type { AuditCheck, BackupSummary, StorageStatus } from '../../../shared/api/index';
import type { AuditLog } from '../audit/index';
import { registerAuditFunctions } from '../audit/chain';
import type { SessionManager } from '../checkin/sessions';
import type { Clock } from '../clock';
import { defineFeature } from '../feature';
import type { Logger } from '../logger';
import { fail, ok, type RequestTable } from '../requests';
import type { SettingsService } from '../settings/index';
import { openDatabase, type Db } from '../store/index';
import { createBackupService, rotateBackups, type BackupService } from './backup';
import { afterOpen, prepareDataFile, recordTicketFloor, rememberBackupDir, readTicketFloor } from './data-file';
import { createHeldCalls, type HeldCalls } from './held-calls';
import { createStorageHealth, type StorageHealth } from './health';
import { createRetentionService, shiftDay, type RetentionService } from './retention';

export { StorageStartError } from './data-file';

/**
 * Opens the data file after the start-up checks (refuse or restore), with the audit chain's SQL function
 * registered before anything is prepared, and `secure_delete` on.
 */
export function openCheckedDatabase(options: {
  dataDir: string;
  nowIso: string;
  log: Logger;
  restore?: 'latest';
  backupDir?: string;
}): Db {
  const restored = prepareDataFile(options.dataDir, {
    nowIso: options.nowIso,
    ...(options.restore ? { restore: options.restore } : {}),
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
  });
  if (restored)
    options.log.warn('database restored from a backup', {
      from: restored.restored,
      movedAside: restored.movedAside ?? null,
    });
  const db = openDatabase(options.dataDir, { onOpen: registerAuditFunctions });
  db.pragma('secure_delete = ON');
  return db;
}

export const storageMigrations = [
  {
    version: 1,
    name: 'storage probe (a one-row table the health probe writes)',
    sql: `CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL);`,
  },
] as const;

export interface StorageDeps {
  dataDir: string;
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  settings: SettingsService;
  /** The check-in sessions (held calls are written through them; their commits prove storage works). */
  sessions: SessionManager;
  failingProbeMs?: number;
  okProbeMs?: number;
  /** Tests: retention and backup schedules (default: daily, and the admin's backup interval). */
  retentionEveryMs?: number;
  /** Other features' purges of patient data past retention (same transaction as the rest). */
  purgeAlso?: readonly ((cutoffDay: string) => number)[];
}

export interface Storage {
  health: StorageHealth;
  held: HeldCalls;
  status(): StorageStatus;
  backups: BackupService;
  retention(): RetentionService | undefined;
  backupDir(): string;
}

export const storageFeature = defineFeature({
  name: 'storage',
  migrations: storageMigrations,
  create({ db, dataDir, clock, log, audit, settings, sessions, ...opts }: StorageDeps & { db: Db }) {
    afterOpen(db, dataDir, clock.nowIso());
    const health = createStorageHealth({
      db,
      clock,
      log,
      ...(opts.failingProbeMs !== undefined ? { failingProbeMs: opts.failingProbeMs } : {}),
      ...(opts.okProbeMs !== undefined ? { okProbeMs: opts.okProbeMs } : {}),
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
    // Every published session change was committed first: storage works. A 受付番号 goes to the floor.
    let floor = readTicketFloor(dataDir);
    const offSessions = sessions.onUpdate((s) => {
      health.reportSuccess();
      if (s.ticketNumber === undefined || (floor && floor.day === s.today && floor.last >= s.ticketNumber)) return;
      try {
        recordTicketFloor(dataDir, s.today, s.ticketNumber);
        floor = { day: s.today, last: s.ticketNumber };
      } catch (e) {
        log.error('could not record the ticket floor', { error: e instanceof Error ? e.message : String(e) });
      }
    });
    const backupDir = () => settings.get().backupDir || path.join(dataDir, 'backups');
    const cutoff = () => shiftDay(clock.today(), -settings.get().retentionDays);
    const backups = createBackupService({
      db,
      clock,
      log,
      dir: backupDir,
      keep: () => settings.get().backupKeep,
      intervalMs: () => settings.get().backupIntervalMinutes * 60_000,
      retentionCutoff: cutoff,
      autoStart: false,
    });
    const offSettings = settings.onChange(({ settings: s, changed }) => {
      if (changed.includes('backupDir')) rememberBackupDir(dataDir, s.backupDir || undefined, clock.nowIso());
    });
    let retention: RetentionService | undefined;

    const handlers: Pick<RequestTable, 'admin.verifyAudit' | 'admin.backupNow'> = {
      'admin.verifyAudit': () => {
        const v = audit.verify();
        const out: AuditCheck = v.intact
          ? { intact: true, entries: v.entries, head: v.head }
          : { intact: false, entries: v.entries, brokenAt: v.brokenAt, message: v.message };
        return ok(out);
      },
      'admin.backupNow': async () => {
        const info = await backups.runNow();
        if (!info) return fail('unavailable', backups.last()?.problem ?? 'the backup failed');
        const out: BackupSummary = {
          file: info.file,
          createdAt: info.createdAt,
          bytes: info.bytes,
          sessions: info.counts.sessions,
          transitions: info.counts.transitions,
          audit: info.counts.audit,
        };
        return ok(out);
      },
    };

    const service: Storage = {
      health,
      held,
      status: () => health.status(),
      backups,
      retention: () => retention,
      backupDir,
    };
    return {
      service,
      handlers,
      subscribe(caller, emit) {
        const offHealth = health.onChange((st) => emit('storage.changed', st));
        const staff = caller.role === 'staff' || caller.role === 'admin';
        const offAlerts = staff ? held.onAlert((a) => emit('storage.alert', a)) : () => {};
        return () => {
          offHealth();
          offAlerts();
        };
      },
      start() {
        retention = createRetentionService({
          db,
          clock,
          log,
          retentionDays: () => settings.get().retentionDays,
          ...(opts.retentionEveryMs !== undefined ? { intervalMs: opts.retentionEveryMs } : {}),
          onError: (e) => health.reportFailure(e),
          ...(opts.purgeAlso ? { also: opts.purgeAlso } : {}),
          // Backups hold the same data: none older than the cutoff is kept either.
          afterPurge: () => rotateBackups(backupDir(), settings.get().backupKeep, cutoff()),
        });
        backups.start();
      },
      close() {
        retention?.close();
        backups.close();
        offSessions();
        offSettings();
        held.close();
        health.close();
      },
    };
  },
});
