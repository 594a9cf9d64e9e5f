/**
 * The terminal transport's memory in SQLite: every face/ and res/ file it has consumed (so a restart never
 * re-applies one) and the number queries it wrote into req/ (so a restart resumes waiting for the same
 * answer). Registered as the 'terminal' migrations by the composition root.
 */
import { guarded, type Db, type Migration } from '../core/store/index';

export const terminalMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'consumed files, number queries',
    sql: `
      -- Every file the transport has dealt with (face/ and res/), so a restart never re-applies one.
      -- Names are unique per terminal (face: code + id + timestamp; res: our own request id).
      CREATE TABLE IF NOT EXISTS onshi_files (
        folder TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        consumed_at TEXT NOT NULL,
        disposition TEXT NOT NULL,
        session_id TEXT,
        PRIMARY KEY (folder, name)
      );

      -- Number queries (個別照会) written into req/: a restart resumes waiting for the same answer.
      CREATE TABLE IF NOT EXISTS number_queries (
        file_id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL,
        numbers_key TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'waiting',
        finished_at TEXT
      );
      CREATE INDEX IF NOT EXISTS number_queries_session ON number_queries(session_id, status);
    `,
  },
];

/** A file in the terminal's face/ or res/ folder that the transport has dealt with. */
export interface ConsumedFile {
  folder: 'face' | 'res';
  name: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  consumedAt: string;
  /** delivered | unmatched | preexisting | answer | late-answer | … (for support). */
  disposition: string;
  /** The opaque owner the file went to (a session id), if any. */
  sessionId?: string;
}

/** A 個別照会 the transport wrote into req/. `sessionId` is the caller's opaque correlation key. */
export interface NumberQueryRecord {
  fileId: string;
  sessionId: string;
  numbersKey: string;
  requestedAt: string;
  status: 'waiting' | 'answered' | 'timed-out' | 'failed';
  finishedAt?: string;
}

export interface TerminalStore {
  consumedFileNames(folder: ConsumedFile['folder']): string[];
  /** Records a consumed file; `also` runs in the same transaction (what the file produced). */
  recordConsumedFile(file: ConsumedFile, also?: () => void): void;
  waitingNumberQuery(sessionId: string, numbersKey: string): NumberQueryRecord | undefined;
  getNumberQuery(fileId: string): NumberQueryRecord | undefined;
  insertNumberQuery(q: Omit<NumberQueryRecord, 'status' | 'finishedAt'>): void;
  finishNumberQuery(fileId: string, status: Exclude<NumberQueryRecord['status'], 'waiting'>, at: string): void;
  /** Finished queries older than the retention day. */
  purgeBefore(day: string): number;
}

type QueryRow = Omit<NumberQueryRecord, 'finishedAt'> & { finishedAt: string | null };
const QUERY_COLUMNS = `file_id AS fileId, session_id AS sessionId, numbers_key AS numbersKey, requested_at AS requestedAt, status, finished_at AS finishedAt`;

export function createTerminalStore(db: Db): TerminalStore {
  const stmts = {
    consumedNames: db.prepare<[string], { name: string }>(`SELECT name FROM onshi_files WHERE folder = ?`),
    insertConsumed: db.prepare(
      `INSERT INTO onshi_files (folder, name, size, mtime_ms, sha256, consumed_at, disposition, session_id)
       VALUES (@folder, @name, @size, @mtimeMs, @sha256, @consumedAt, @disposition, @sessionId)
       ON CONFLICT(folder, name) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256,
         consumed_at = excluded.consumed_at, disposition = excluded.disposition, session_id = excluded.session_id`,
    ),
    waitingQuery: db.prepare<[string, string], QueryRow>(
      `SELECT ${QUERY_COLUMNS} FROM number_queries WHERE session_id = ? AND numbers_key = ? AND status = 'waiting' ORDER BY requested_at DESC LIMIT 1`,
    ),
    getQuery: db.prepare<[string], QueryRow>(`SELECT ${QUERY_COLUMNS} FROM number_queries WHERE file_id = ?`),
    insertQuery: db.prepare(
      `INSERT INTO number_queries (file_id, session_id, numbers_key, requested_at) VALUES (?, ?, ?, ?)`,
    ),
    finishQuery: db.prepare(
      `UPDATE number_queries SET status = ?, finished_at = ? WHERE file_id = ? AND status = 'waiting'`,
    ),
    purgeQueries: db.prepare(`DELETE FROM number_queries WHERE requested_at < ? AND status <> 'waiting'`),
  };
  const queryRow = (row: QueryRow | undefined): NumberQueryRecord | undefined => {
    if (!row) return undefined;
    const { finishedAt, ...rest } = row;
    return finishedAt ? { ...rest, finishedAt } : rest;
  };
  const record = db.transaction((f: ConsumedFile, also: (() => void) | undefined) => {
    stmts.insertConsumed.run({ ...f, sessionId: f.sessionId ?? null });
    also?.();
  });
  return {
    consumedFileNames: guarded((folder) => stmts.consumedNames.all(folder).map((r) => r.name)),
    recordConsumedFile: guarded((file, also) => record(file, also)),
    waitingNumberQuery: guarded((id, key) => queryRow(stmts.waitingQuery.get(id, key))),
    getNumberQuery: guarded((fileId) => queryRow(stmts.getQuery.get(fileId))),
    insertNumberQuery: guarded((q) => {
      stmts.insertQuery.run(q.fileId, q.sessionId, q.numbersKey, q.requestedAt);
    }),
    finishNumberQuery: guarded((fileId, status, at) => {
      stmts.finishQuery.run(status, at, fileId);
    }),
    purgeBefore: guarded((day) => stmts.purgeQueries.run(day).changes),
  };
}
