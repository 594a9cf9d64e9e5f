/** The re-verification queue's SQL (reverify_queue). */
import type { ReverificationEntry, ReverificationStatus } from '../../../shared/api/index';
import { guarded, type Db, type Migration } from '../store/index';

export const reverifyMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'reverify_queue',
    sql: `
      -- Check-ins accepted without online confirmation, to verify when the online check is back.
      CREATE TABLE IF NOT EXISTS reverify_queue (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        queued_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        result TEXT
      );
    `,
  },
];

export interface ReverifyStore {
  /** Inside a check-in transition's transaction. */
  queue(sessionId: string, at: string): void;
  pending(): { sessionId: string; queuedAt: string; attempts: number }[];
  mark(sessionId: string, status: ReverificationStatus, at: string, result?: string): void;
  list(limit?: number): ReverificationEntry[];
  get(sessionId: string): ReverificationEntry | undefined;
}

interface Row {
  sessionId: string;
  queuedAt: string;
  status: ReverificationStatus;
  attempts: number;
  lastAttemptAt: string | null;
  result: string | null;
}

const entry = (r: Row): ReverificationEntry => ({
  sessionId: r.sessionId,
  queuedAt: r.queuedAt,
  status: r.status,
  attempts: r.attempts,
  ...(r.lastAttemptAt ? { lastAttemptAt: r.lastAttemptAt } : {}),
  ...(r.result ? { result: r.result } : {}),
});

const COLUMNS = `session_id AS sessionId, queued_at AS queuedAt, status, attempts, last_attempt_at AS lastAttemptAt, result`;

export function createReverifyStore(db: Db): ReverifyStore {
  const stmts = {
    queue: db.prepare(
      `INSERT INTO reverify_queue (session_id, queued_at) VALUES (?, ?) ON CONFLICT(session_id) DO NOTHING`,
    ),
    pending: db.prepare<[], { sessionId: string; queuedAt: string; attempts: number }>(
      `SELECT session_id AS sessionId, queued_at AS queuedAt, attempts FROM reverify_queue WHERE status = 'pending' ORDER BY queued_at`,
    ),
    mark: db.prepare(
      `UPDATE reverify_queue SET status = ?, attempts = attempts + 1, last_attempt_at = ?, result = ? WHERE session_id = ?`,
    ),
    list: db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM reverify_queue ORDER BY queued_at DESC LIMIT ?`),
    get: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM reverify_queue WHERE session_id = ?`),
  };
  return {
    queue: guarded((id, at) => {
      stmts.queue.run(id, at);
    }),
    pending: guarded(() => stmts.pending.all()),
    mark: guarded((id, status, at, result) => {
      stmts.mark.run(status, at, result ?? null, id);
    }),
    list: guarded((limit = 500) => stmts.list.all(limit).map(entry)),
    get: guarded((id) => {
      const r = stmts.get.get(id);
      return r ? entry(r) : undefined;
    }),
  };
}
