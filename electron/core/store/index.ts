/**
 * The SQLite file and what every feature shares about it: opening it (better-sqlite3 13, WAL,
 * synchronous=FULL, foreign keys, a quick check), the typed store errors, and the migration runner. The
 * tables themselves belong to the features (each feature's `migrations.ts` and `store.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export type StoreErrorCode = 'disk-full' | 'read-only' | 'busy' | 'corrupt' | 'conflict' | 'io';
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function sqliteCode(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return '';
}

export function classifySqliteError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const code = sqliteCode(e);
  const message = e instanceof Error ? e.message : String(e);
  if (code.startsWith('SQLITE_FULL'))
    return new StoreError('disk-full', 'the disk is full: the check-in could not be saved');
  if (code.startsWith('SQLITE_READONLY')) return new StoreError('read-only', 'the data folder is read-only');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new StoreError('busy', 'the database is busy');
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return new StoreError('corrupt', message);
  return new StoreError('io', message);
}

/** Wraps a store function so SQLite errors come out as typed StoreErrors. */
export const guarded =
  <A extends unknown[], R>(fn: (...a: A) => R) =>
  (...a: A): R => {
    try {
      return fn(...a);
    } catch (e) {
      throw classifySqliteError(e);
    }
  };

export const DB_FILE_NAME = 'kiosk.sqlite3';

/**
 * SQLite's page cache for the kiosk's one connection, in KiB (`PRAGMA cache_size = -N`). better-sqlite3 is
 * built with a 16 MB default, which the cache fills page by page as the file grows (about 2 KB of new pages
 * per check-in: ~7,000 check-ins before it stops growing) — a bounded cache, but one that looks like a leak
 * in a soak and costs a small kiosk 16 MB it does not need: a day's working set (today's sessions, their
 * indexes) is well under 1 MB. 4 MiB keeps that hot with room to spare.
 */
export const PAGE_CACHE_KIB = 4096;

/** `onOpen` runs first: it registers SQL functions that triggers call (before any statement is prepared). */
export function openDatabase(dataDir: string, options: { fileName?: string; onOpen?: (db: Db) => void } = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, options.fileName ?? DB_FILE_NAME);
  const db = new Database(file, { timeout: 5000 });
  options.onOpen?.(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    db.close();
    throw new StoreError('corrupt', `database check failed: ${String(check)}`);
  }
  return db;
}

export { migrateFeature, schemaVersions, type Migration } from './migrate';
