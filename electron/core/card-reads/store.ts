/** The card-reads feature's SQL: unmatched card reads (the staff workflow) and card waits. */
import type { CardReadOutcome } from '../../../shared/flow/session';
import type { UnmatchedRead } from '../../../shared/api/index';
import { guarded, type Db, type Migration } from '../store/index';

export const cardReadsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'unmatched card reads, card waits',
    sql: `
      -- Card reads the kiosk would not guess about (stale, ambiguous, no session waiting, unreadable):
      -- staff look at them and attach one to a session or dismiss it. outcome = the minimal CardReadOutcome.
      CREATE TABLE IF NOT EXISTS unmatched_reads (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        terminal_time TEXT,
        reason TEXT NOT NULL,
        error_code TEXT,
        detail TEXT,
        outcome TEXT,
        candidates TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'open',
        session_id TEXT,
        resolved_at TEXT,
        resolved_by TEXT
      );
      CREATE INDEX IF NOT EXISTS unmatched_reads_status ON unmatched_reads(status, seen_at);

      -- When a session started waiting for a card, on the kiosk's wall clock (file mtimes are compared with it),
      -- kept across a restart so a card read while the app was down still counts.
      CREATE TABLE IF NOT EXISTS card_waits (
        session_id TEXT PRIMARY KEY,
        since TEXT NOT NULL,
        since_wall_ms INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'unmatched card reads: how many entries a junk summary stands for',
    sql: `
      -- A burst of junk in face/ (unreadable files, symlinks, FIFOs …) is one entry with a count (issue 9).
      ALTER TABLE unmatched_reads ADD COLUMN entry_count INTEGER;
    `,
  },
];

export interface CardWait {
  since: string;
  sinceWallMs: number;
}

export interface CardReadsStore {
  insertUnmatched(read: UnmatchedRead): void;
  unmatchedReads(options?: { all?: boolean; limit?: number }): UnmatchedRead[];
  getUnmatchedRead(id: string): UnmatchedRead | undefined;
  /** open → assigned/dismissed; false when it was not open any more. */
  resolveUnmatchedRead(
    id: string,
    status: 'assigned' | 'dismissed',
    by: string,
    at: string,
    sessionId?: string,
  ): boolean;
  cardWait(sessionId: string): CardWait | undefined;
  /** Keeps the first start of a wait (a restart re-arms the same wait); returns what is stored. */
  saveCardWait(sessionId: string, since: string, sinceWallMs: number): CardWait;
  deleteCardWait(sessionId: string): void;
  /** Unmatched reads (they hold patient data) seen before the retention day. */
  purgeBefore(day: string): number;
}

interface UnmatchedRow {
  id: string;
  file_name: string;
  seen_at: string;
  terminal_time: string | null;
  reason: UnmatchedRead['reason'];
  error_code: string | null;
  detail: string | null;
  outcome: string | null;
  candidates: string;
  status: UnmatchedRead['status'];
  session_id: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  entry_count: number | null;
}

const toRead = (r: UnmatchedRow): UnmatchedRead => {
  const out: UnmatchedRead = {
    id: r.id,
    fileName: r.file_name,
    seenAt: r.seen_at,
    reason: r.reason,
    // Both JSON columns hold what insertUnmatched wrote.
    candidates: JSON.parse(r.candidates) as string[],
    status: r.status,
  };
  if (r.terminal_time) out.terminalTime = r.terminal_time;
  if (r.error_code) out.errorCode = r.error_code;
  if (r.detail) out.detail = r.detail;
  if (r.outcome) out.outcome = JSON.parse(r.outcome) as CardReadOutcome;
  if (r.session_id) out.sessionId = r.session_id;
  if (r.resolved_at) out.resolvedAt = r.resolved_at;
  if (r.resolved_by) out.resolvedBy = r.resolved_by;
  if (r.entry_count !== null && r.entry_count > 1) out.count = r.entry_count;
  return out;
};

export function createCardReadsStore(db: Db): CardReadsStore {
  const stmts = {
    insertUnmatched: db.prepare(
      `INSERT INTO unmatched_reads (id, file_name, seen_at, terminal_time, reason, error_code, detail, outcome, candidates, status, entry_count)
       VALUES (@id, @fileName, @seenAt, @terminalTime, @reason, @errorCode, @detail, @outcome, @candidates, 'open', @count)`,
    ),
    unmatchedOpen: db.prepare<[number], UnmatchedRow>(
      `SELECT * FROM unmatched_reads WHERE status = 'open' ORDER BY seen_at DESC LIMIT ?`,
    ),
    unmatchedAll: db.prepare<[number], UnmatchedRow>(`SELECT * FROM unmatched_reads ORDER BY seen_at DESC LIMIT ?`),
    getUnmatched: db.prepare<[string], UnmatchedRow>(`SELECT * FROM unmatched_reads WHERE id = ?`),
    resolveUnmatched: db.prepare(
      `UPDATE unmatched_reads SET status = ?, resolved_by = ?, resolved_at = ?, session_id = ? WHERE id = ? AND status = 'open'`,
    ),
    getCardWait: db.prepare<[string], CardWait>(
      `SELECT since, since_wall_ms AS sinceWallMs FROM card_waits WHERE session_id = ?`,
    ),
    insertCardWait: db.prepare(
      `INSERT INTO card_waits (session_id, since, since_wall_ms) VALUES (?, ?, ?) ON CONFLICT(session_id) DO NOTHING`,
    ),
    deleteCardWait: db.prepare(`DELETE FROM card_waits WHERE session_id = ?`),
    purgeUnmatched: db.prepare(`DELETE FROM unmatched_reads WHERE seen_at < ?`),
  };
  return {
    insertUnmatched: guarded((u) => {
      stmts.insertUnmatched.run({
        id: u.id,
        fileName: u.fileName,
        seenAt: u.seenAt,
        terminalTime: u.terminalTime ?? null,
        reason: u.reason,
        errorCode: u.errorCode ?? null,
        detail: u.detail ?? null,
        outcome: u.outcome ? JSON.stringify(u.outcome) : null,
        candidates: JSON.stringify(u.candidates),
        count: u.count ?? null,
      });
    }),
    unmatchedReads: guarded((options = {}) =>
      (options.all ? stmts.unmatchedAll : stmts.unmatchedOpen).all(options.limit ?? 200).map(toRead),
    ),
    getUnmatchedRead: guarded((id) => {
      const r = stmts.getUnmatched.get(id);
      return r ? toRead(r) : undefined;
    }),
    resolveUnmatchedRead: guarded(
      (id, status, by, at, sessionId) =>
        stmts.resolveUnmatched.run(status, by, at, sessionId ?? null, id).changes === 1,
    ),
    cardWait: guarded((id) => stmts.getCardWait.get(id)),
    saveCardWait: guarded((id, since, sinceWallMs) => {
      stmts.insertCardWait.run(id, since, sinceWallMs);
      return stmts.getCardWait.get(id) ?? { since, sinceWallMs };
    }),
    deleteCardWait: guarded((id) => {
      stmts.deleteCardWait.run(id);
    }),
    purgeBefore: guarded((day) => stmts.purgeUnmatched.run(day).changes),
  };
}
