/**
 * Backups (バックアップ): SQLite's online backup API (better-sqlite3 `db.backup()`) into a folder the admin
 * chooses, each copy verified (opened, `integrity_check`, counted, audit chain walked) before it gets its
 * final name, a manifest beside it, rotation (the newest `keep`, none older than the retention cutoff), and a
 * restore that verifies first and never destroys the file it replaces (it is moved aside).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { verifyAuditChain, type AuditVerification } from '../audit/chain';

export const BACKUP_PATTERN = /^kiosk-(\d{8}T\d{6}\d{3}Z)\.sqlite3$/;

export interface BackupCounts {
  sessions: number;
  transitions: number;
  audit: number;
  tickets: number;
}

export type BackupCheck =
  | { ok: true; file: string; counts: BackupCounts; audit: AuditVerification; userVersion: number }
  | { ok: false; file: string; problem: string };

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
  sha256: string;
  counts: BackupCounts;
  auditHead?: string;
}

/** '2026-11-25T00:30:00.000Z' -> '20261125T003000000Z' (sorts by time, safe in a file name). */
const stamp = (iso: string) => iso.replace(/[-:.]/g, '');

/** Opens a copy read-only and checks it through: integrity, the tables the kiosk needs, the audit chain. */
export function verifyBackup(file: string): BackupCheck {
  let db: Database.Database | undefined;
  try {
    if (!fs.existsSync(file)) return { ok: false, file, problem: 'the file does not exist' };
    if (fs.statSync(file).size === 0) return { ok: false, file, problem: 'the file is empty (0 bytes)' };
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length) return { ok: false, file, problem: `integrity_check: ${problems.slice(0, 3).join('; ')}` };
    const count = (t: string) => (db!.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const counts = {
      sessions: count('sessions'),
      transitions: count('transitions'),
      audit: count('audit'),
      tickets: count('tickets'),
    };
    const hasChain = db.prepare(`SELECT 1 FROM pragma_table_info('audit') WHERE name = 'hash'`).get() !== undefined;
    const audit: AuditVerification = hasChain
      ? verifyAuditChain(db)
      : {
          intact: false,
          entries: counts.audit,
          brokenAt: 0,
          reason: 'unchained',
          message: 'this copy predates the audit chain',
        };
    return { ok: true, file, counts, audit, userVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (e) {
    return { ok: false, file, problem: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}

/** Backups in `dir`, newest first (by the time in their name). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => BACKUP_PATTERN.test(n))
    .sort()
    .reverse()
    .map((n) => path.join(dir, n));
}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not every platform can fsync a folder */
  }
}

/** One online backup of the open database into `dir`: copy, verify, then the final name and a manifest. */
export async function backupNow(db: Database.Database, dir: string, nowIso: string): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  const name = `kiosk-${stamp(nowIso)}.sqlite3`;
  const final = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.partial`);
  fs.rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    fsyncFile(tmp);
    const check = verifyBackup(tmp);
    if (!check.ok) throw new Error(`the backup did not verify: ${check.problem}`);
    fs.renameSync(tmp, final);
    fsyncDir(dir);
    const info: BackupInfo = {
      file: final,
      createdAt: nowIso,
      bytes: fs.statSync(final).size,
      sha256: sha256File(final),
      counts: check.counts,
      ...(check.audit.intact ? { auditHead: check.audit.head } : {}),
    };
    fs.writeFileSync(`${final}.json`, JSON.stringify(info, null, 2));
    return info;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Keeps the newest `keep` backups and none made before `notBeforeDay` (they hold data past retention). */
export function rotateBackups(dir: string, keep: number, notBeforeDay?: string): string[] {
  const removed: string[] = [];
  listBackups(dir).forEach((file, i) => {
    const day = BACKUP_PATTERN.exec(path.basename(file))![1]!.replace(/^(\d{4})(\d{2})(\d{2}).*/, '$1-$2-$3');
    if (i >= keep || (notBeforeDay !== undefined && day < notBeforeDay)) {
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}.json`, { force: true });
      removed.push(file);
    }
  });
  return removed;
}

export interface RestoreResult {
  restored: string;
  into: string;
  /** Where the file that was replaced now is (kept, never deleted), if there was one. */
  movedAside?: string;
  counts: BackupCounts;
}

/**
 * Puts a verified backup in place of the database file. The kiosk must not be running on it. The current
 * file (and its -wal/-shm) is moved aside as `<file>.replaced-<stamp>` rather than deleted.
 */
export function restoreBackup(backupFile: string, dbFile: string, nowIso: string): RestoreResult {
  const check = verifyBackup(backupFile);
  if (!check.ok) throw new Error(`${backupFile} cannot be restored: ${check.problem}`);
  const staging = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, staging);
  fsyncFile(staging);
  let movedAside: string | undefined;
  const aside = `${dbFile}.replaced-${stamp(nowIso)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (!fs.existsSync(dbFile + suffix)) continue;
    fs.renameSync(dbFile + suffix, aside + suffix);
    if (suffix === '') movedAside = aside;
  }
  fs.renameSync(staging, dbFile);
  fsyncDir(path.dirname(dbFile));
  return { restored: backupFile, into: dbFile, ...(movedAside ? { movedAside } : {}), counts: check.counts };
}

export interface BackupService {
  /** Arms the schedule (once). */
  start(): void;
  runNow(): Promise<BackupInfo | undefined>;
  last(): { at: string; ok: boolean; file?: string; problem?: string } | undefined;
  close(): void;
}

/** Scheduled backups (`intervalMs`, read each time so an admin change applies at the next run). */
export function createBackupService(deps: {
  db: Database.Database;
  clock: Clock;
  log: Logger;
  dir: () => string;
  keep: () => number;
  intervalMs: () => number;
  /** The first day kept by retention: older backups go too. */
  retentionCutoff?: () => string;
  /** Arm the schedule at once (default true); false: on `start()`. */
  autoStart?: boolean;
}): BackupService {
  let last: ReturnType<BackupService['last']>;
  let running: Promise<BackupInfo | undefined> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const runNow = (): Promise<BackupInfo | undefined> => {
    running ??= (async () => {
      const at = deps.clock.nowIso();
      try {
        const info = await backupNow(deps.db, deps.dir(), at);
        rotateBackups(deps.dir(), deps.keep(), deps.retentionCutoff?.());
        last = { at, ok: true, file: info.file };
        deps.log.info('backup written', { file: path.basename(info.file), bytes: info.bytes, ...info.counts });
        return info;
      } catch (e) {
        last = { at, ok: false, problem: e instanceof Error ? e.message : String(e) };
        deps.log.error('backup failed', { problem: last.problem });
        return undefined;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const arm = () => {
    if (closed || timer) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        void runNow().finally(arm);
      },
      Math.max(60_000, deps.intervalMs()),
    );
    timer.unref();
  };
  if (deps.autoStart !== false) arm();
  return {
    start: arm,
    runNow,
    last: () => last,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
