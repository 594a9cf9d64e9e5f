/**
 * Start-up of the data file. A database that is missing although the kiosk has run here before, empty
 * (0 bytes) or corrupt (`integrity_check`) is never silently replaced by a fresh one — that is how a clinic
 * got 受付番号 1 twice in a day and lost its settings. The kiosk refuses to start with a message that says
 * what is wrong and how to restore; or, when the admin asks for it (`restore: 'latest'`), restores the newest
 * backup that verifies and starts on it.
 *
 * Ticket floor: every committed 受付番号 is also written to `ticket-floor.json` beside the database, and on
 * start today's counter is raised to it, so a restore from an older backup (or an admin starting an empty
 * database) can never hand out a number again that day.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../store/index';
import { listBackups, restoreBackup, verifyBackup, type RestoreResult } from './backup';

export const DB_FILE = 'kiosk.sqlite3';
const MARKER = 'storage.json';
const FLOOR = 'ticket-floor.json';

export type StartProblem = 'missing' | 'empty' | 'corrupt';

export class StorageStartError extends Error {
  constructor(
    readonly code: StartProblem,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'StorageStartError';
  }
}

export interface StorageMarker {
  version: 1;
  createdAt: string;
  /** Where backups go (the admin's choice); known here too, because the database may be what was lost. */
  backupDir?: string;
  /** The admin chose to start an empty database (`storage start-empty`); cleared once it is created. */
  startEmpty?: boolean;
}

export function readMarker(dataDir: string): StorageMarker | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dataDir, MARKER), 'utf8')) as Partial<StorageMarker>;
    return m.version === 1 && typeof m.createdAt === 'string'
      ? {
          version: 1,
          createdAt: m.createdAt,
          ...(typeof m.backupDir === 'string' ? { backupDir: m.backupDir } : {}),
          ...(m.startEmpty === true ? { startEmpty: true } : {}),
        }
      : undefined;
  } catch {
    return undefined;
  }
}

function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(value));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function writeMarker(dataDir: string, marker: StorageMarker): void {
  writeJsonAtomic(path.join(dataDir, MARKER), marker);
}

/** The admin chose another backup folder: remembered beside the database too (a restore must find it). */
export function rememberBackupDir(dataDir: string, backupDir: string | undefined, nowIso: string): void {
  const m = readMarker(dataDir);
  writeMarker(dataDir, {
    version: 1,
    createdAt: m?.createdAt ?? nowIso,
    ...(backupDir ? { backupDir } : {}),
    ...(m?.startEmpty ? { startEmpty: true } : {}),
  });
}

export function defaultBackupDir(dataDir: string): string {
  return readMarker(dataDir)?.backupDir ?? path.join(dataDir, 'backups');
}

export function readTicketFloor(dataDir: string): { day: string; last: number } | undefined {
  try {
    const f = JSON.parse(fs.readFileSync(path.join(dataDir, FLOOR), 'utf8')) as { day?: unknown; last?: unknown };
    return typeof f.day === 'string' && typeof f.last === 'number' && Number.isInteger(f.last)
      ? { day: f.day, last: f.last }
      : undefined;
  } catch {
    return undefined;
  }
}

/** After a 受付番号 committed: remember the highest number of the day outside the database. */
export function recordTicketFloor(dataDir: string, day: string, ticket: number): void {
  const f = readTicketFloor(dataDir);
  if (f && f.day === day && f.last >= ticket) return;
  writeJsonAtomic(path.join(dataDir, FLOOR), { day, last: ticket });
}

/** Raises the stored counter of the floor's day to the floor (never lowers it). */
export function applyTicketFloor(db: Db, dataDir: string): void {
  const f = readTicketFloor(dataDir);
  if (!f) return;
  db.prepare(
    `INSERT INTO tickets (day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last = max(last, excluded.last)`,
  ).run(f.day, f.last);
}

export type DataFileCheck = { ok: true; fresh: boolean } | { ok: false; code: StartProblem; detail: string };

/** Looks at the database file without changing it. */
export function checkDataFile(dataDir: string, fileName = DB_FILE): DataFileCheck {
  const file = path.join(dataDir, fileName);
  if (!fs.existsSync(file)) {
    const marker = readMarker(dataDir);
    if (marker?.startEmpty) return { ok: true, fresh: true };
    const expected =
      marker !== undefined ||
      readTicketFloor(dataDir) !== undefined ||
      listBackups(defaultBackupDir(dataDir)).length > 0;
    return expected
      ? { ok: false, code: 'missing', detail: 'the database file is missing but this kiosk has run here before' }
      : { ok: true, fresh: true };
  }
  if (fs.statSync(file).size === 0) return { ok: false, code: 'empty', detail: 'the database file is empty (0 bytes)' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length)
      return { ok: false, code: 'corrupt', detail: `integrity_check: ${problems.slice(0, 3).join('; ')}` };
    return { ok: true, fresh: false };
  } catch (e) {
    return { ok: false, code: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}

function refusal(code: StartProblem, file: string, detail: string, backupDir: string): StorageStartError {
  const newest = listBackups(backupDir).find((b) => verifyBackup(b).ok);
  const how = newest
    ? `To restore the newest verified backup (${path.basename(newest)}) run: npm run storage -- restore --latest ` +
      `(or start once with KIOSK_RESTORE=latest). The current file is moved aside, not deleted.`
    : `No verified backup was found in ${backupDir}. Restore a copy of ${path.basename(file)} from elsewhere ` +
      `(npm run storage -- restore FILE).`;
  const empty = ` To start an empty database instead: npm run storage -- start-empty (the file is moved aside; today's 受付番号 continue after the last one issued).`;
  return new StorageStartError(
    code,
    file,
    `The kiosk database ${file} was not opened: ${detail}. It was not replaced. ${how}${empty}`,
  );
}

export interface PrepareOptions {
  fileName?: string;
  /** The admin asked to restore the newest verified backup if the file cannot be used (KIOSK_RESTORE=latest). */
  restore?: 'latest';
  backupDir?: string;
  nowIso: string;
}

/**
 * Decides whether the data file may be opened; restores first when asked. Throws StorageStartError with a
 * restore path when it may not. Returns what was restored, if anything.
 */
export function prepareDataFile(dataDir: string, options: PrepareOptions): RestoreResult | undefined {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, options.fileName ?? DB_FILE);
  const backupDir = options.backupDir ?? defaultBackupDir(dataDir);
  const check = checkDataFile(dataDir, options.fileName);
  // The start-up flag restores only a file that cannot be used: left set by mistake, it must not roll a
  // healthy database back on every start (the CLI's `restore` is the way to replace a healthy one).
  if (options.restore === 'latest' && !check.ok) {
    const newest = listBackups(backupDir).find((b) => verifyBackup(b).ok);
    if (!newest)
      throw new StorageStartError(
        check.ok ? 'missing' : check.code,
        file,
        `No verified backup to restore in ${backupDir}.`,
      );
    return restoreBackup(newest, file, options.nowIso);
  }
  if (!check.ok) throw refusal(check.code, file, check.detail, backupDir);
  return undefined;
}

/** The admin's decision to start an empty database: the current file is moved aside (never deleted). */
export function startEmpty(dataDir: string, nowIso: string, fileName = DB_FILE): string | undefined {
  const file = path.join(dataDir, fileName);
  const aside = `${file}.replaced-${nowIso.replace(/[-:.]/g, '')}`;
  let moved: string | undefined;
  for (const suffix of ['', '-wal', '-shm']) {
    if (!fs.existsSync(file + suffix)) continue;
    fs.renameSync(file + suffix, aside + suffix);
    if (suffix === '') moved = aside;
  }
  const m = readMarker(dataDir);
  writeMarker(dataDir, {
    version: 1,
    createdAt: m?.createdAt ?? nowIso,
    ...(m?.backupDir ? { backupDir: m.backupDir } : {}),
    startEmpty: true,
  });
  return moved;
}

/** After the store opened: the marker says "a database lives here now", and today's floor is applied. */
export function afterOpen(db: Db, dataDir: string, nowIso: string): void {
  const m = readMarker(dataDir);
  if (!m || m.startEmpty) {
    writeMarker(dataDir, {
      version: 1,
      createdAt: m?.createdAt ?? nowIso,
      ...(m?.backupDir ? { backupDir: m.backupDir } : {}),
    });
  }
  applyTicketFloor(db, dataDir);
}
