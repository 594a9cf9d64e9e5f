/**
 * The one place that knows the SQLite schema. better-sqlite3 13 (Node-API prebuilds: the same binary loads
 * in Node 22 and in Electron without a rebuild). WAL with synchronous=FULL so a power cut does not lose a
 * committed check-in.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ReverificationEntry, ReverificationStatus, UnmatchedRead } from '../../../shared/api/index';
import type { CheckInSession } from '../../../shared/flow/session';
import { MIGRATIONS } from './migrations';

export interface TransitionRecord {
  at: string;
  eventType: string;
  actor: string;
  fromState: string;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject?: string;
  detail?: string;
}

/** A file in the terminal's face/ or res/ folder that the onshi-folder adapter has dealt with. */
export interface ConsumedFile {
  folder: 'face' | 'res';
  name: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  consumedAt: string;
  /** delivered | unmatched | preexisting | answer | late-answer | … (the adapter's words, for support). */
  disposition: string;
  sessionId?: string;
}

/** A 個別照会 the adapter wrote into req/. */
export interface NumberQueryRecord {
  fileId: string;
  sessionId: string;
  numbersKey: string;
  requestedAt: string;
  status: 'waiting' | 'answered' | 'timed-out' | 'failed';
  finishedAt?: string;
}

export type StoreErrorCode = 'disk-full' | 'read-only' | 'busy' | 'corrupt' | 'conflict' | 'io';
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function classifySqliteError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code.startsWith('SQLITE_FULL')) return new StoreError('disk-full', 'the disk is full: the check-in could not be saved');
  if (code.startsWith('SQLITE_READONLY')) return new StoreError('read-only', 'the data folder is read-only');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError('busy', 'the database is busy');
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return new StoreError('corrupt', message);
  return new StoreError('io', message);
}

export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  schemaVersion(): number;
  /** Persist a transition atomically: the new snapshot, its log row, a ticket reservation, a re-verify entry. */
  saveTransition(
    next: CheckInSession,
    rec: TransitionRecord,
    extra?: { reserveTicket?: boolean; queueReverification?: boolean; audit?: AuditEntry[] },
  ): void;
  insertSession(s: CheckInSession): void;
  getSession(id: string): CheckInSession | undefined;
  listSessions(day: string): CheckInSession[];
  openSessions(): CheckInSession[];
  lastTicket(day: string): number;
  transitions(sessionId: string): (TransitionRecord & { version: number; toState: string })[];
  audit(entry: AuditEntry): void;
  auditLog(limit?: number): AuditEntry[];
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string, at: string): void;
  pendingReverifications(): { sessionId: string; queuedAt: string; attempts: number }[];
  markReverification(sessionId: string, status: ReverificationStatus, at: string, result?: string): void;
  reverifications(limit?: number): ReverificationEntry[];
  getReverification(sessionId: string): ReverificationEntry | undefined;
  purgeBefore(day: string): number;
  // The onshi-folder adapter (migration 2).
  consumedFileNames(folder: ConsumedFile['folder']): string[];
  /**
   * Records a consumed file, and the unmatched read it produced, in one transaction; `endCardWaitOf` also
   * ends that session's card wait in it (one commit fewer on the card-read latency path).
   */
  recordConsumedFile(file: ConsumedFile, unmatched?: UnmatchedRead, endCardWaitOf?: string): void;
  unmatchedReads(options?: { all?: boolean; limit?: number }): UnmatchedRead[];
  getUnmatchedRead(id: string): UnmatchedRead | undefined;
  /** open → assigned/dismissed; false when it was not open any more. */
  resolveUnmatchedRead(id: string, status: 'assigned' | 'dismissed', by: string, at: string, sessionId?: string): boolean;
  cardWait(sessionId: string): { since: string; sinceWallMs: number } | undefined;
  /** Keeps the first start of a wait (a restart re-arms the same wait); returns what is stored. */
  saveCardWait(sessionId: string, since: string, sinceWallMs: number): { since: string; sinceWallMs: number };
  deleteCardWait(sessionId: string): void;
  waitingNumberQuery(sessionId: string, numbersKey: string): NumberQueryRecord | undefined;
  getNumberQuery(fileId: string): NumberQueryRecord | undefined;
  insertNumberQuery(q: Omit<NumberQueryRecord, 'status' | 'finishedAt'>): void;
  finishNumberQuery(fileId: string, status: Exclude<NumberQueryRecord['status'], 'waiting'>, at: string): void;
  /** Drops reader records with patient data older than the retention day (resolved unmatched reads, queries). */
  purgeReaderRecordsBefore(day: string): number;
  close(): void;
}

/** `onOpen` runs before anything is prepared: it registers SQL functions that triggers call. */
export function openStore(dataDir: string, options: { fileName?: string; onOpen?: (db: Database.Database) => void } = {}): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, options.fileName ?? 'kiosk.sqlite3');
  const db = new Database(file, { timeout: 5000 });
  options.onOpen?.(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new StoreError('corrupt', `database check failed: ${String(check)}`);
  migrate(db);

  const stmts = {
    insertSession: db.prepare(
      `INSERT INTO sessions (id, kiosk_id, day, state, version, ticket_number, snapshot, started_at, updated_at)
       VALUES (@id, @kioskId, @day, @state, @version, @ticket, @snapshot, @startedAt, @updatedAt)`,
    ),
    updateSession: db.prepare(
      `UPDATE sessions SET state=@state, version=@version, ticket_number=@ticket, snapshot=@snapshot, updated_at=@updatedAt
       WHERE id=@id AND version=@prevVersion`,
    ),
    insertTransition: db.prepare(
      `INSERT INTO transitions (session_id, version, at, event_type, actor, from_state, to_state)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    getSession: db.prepare(`SELECT snapshot FROM sessions WHERE id = ?`),
    listSessions: db.prepare(`SELECT snapshot FROM sessions WHERE day = ? ORDER BY started_at`),
    openSessions: db.prepare(
      `SELECT snapshot FROM sessions WHERE state NOT IN ('completed','cancelled','expired') ORDER BY started_at`,
    ),
    lastTicket: db.prepare(`SELECT last FROM tickets WHERE day = ?`),
    bumpTicket: db.prepare(
      `INSERT INTO tickets (day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last`,
    ),
    transitions: db.prepare(
      `SELECT version, at, event_type AS eventType, actor, from_state AS fromState, to_state AS toState
       FROM transitions WHERE session_id = ? ORDER BY version`,
    ),
    audit: db.prepare(`INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)`),
    auditLog: db.prepare(`SELECT at, actor, action, subject, detail FROM audit ORDER BY id DESC LIMIT ?`),
    getSetting: db.prepare(`SELECT value FROM settings WHERE key = ?`),
    setSetting: db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    queueReverify: db.prepare(
      `INSERT INTO reverify_queue (session_id, queued_at) VALUES (?, ?) ON CONFLICT(session_id) DO NOTHING`,
    ),
    pendingReverify: db.prepare(
      `SELECT session_id AS sessionId, queued_at AS queuedAt, attempts FROM reverify_queue WHERE status = 'pending' ORDER BY queued_at`,
    ),
    markReverify: db.prepare(
      `UPDATE reverify_queue SET status = ?, attempts = attempts + 1, last_attempt_at = ?, result = ? WHERE session_id = ?`,
    ),
    purge: db.prepare(`DELETE FROM sessions WHERE day < ? AND state IN ('completed','cancelled','expired')`),
    reverifications: db.prepare(
      `SELECT session_id AS sessionId, queued_at AS queuedAt, status, attempts, last_attempt_at AS lastAttemptAt, result
       FROM reverify_queue ORDER BY queued_at DESC LIMIT ?`,
    ),
    getReverification: db.prepare(
      `SELECT session_id AS sessionId, queued_at AS queuedAt, status, attempts, last_attempt_at AS lastAttemptAt, result
       FROM reverify_queue WHERE session_id = ?`,
    ),
    consumedNames: db.prepare(`SELECT name FROM onshi_files WHERE folder = ?`),
    insertConsumed: db.prepare(
      `INSERT INTO onshi_files (folder, name, size, mtime_ms, sha256, consumed_at, disposition, session_id)
       VALUES (@folder, @name, @size, @mtimeMs, @sha256, @consumedAt, @disposition, @sessionId)
       ON CONFLICT(folder, name) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256,
         consumed_at = excluded.consumed_at, disposition = excluded.disposition, session_id = excluded.session_id`,
    ),
    insertUnmatched: db.prepare(
      `INSERT INTO unmatched_reads (id, file_name, seen_at, terminal_time, reason, error_code, detail, outcome, candidates, status)
       VALUES (@id, @fileName, @seenAt, @terminalTime, @reason, @errorCode, @detail, @outcome, @candidates, 'open')`,
    ),
    unmatchedOpen: db.prepare(`SELECT * FROM unmatched_reads WHERE status = 'open' ORDER BY seen_at DESC LIMIT ?`),
    unmatchedAll: db.prepare(`SELECT * FROM unmatched_reads ORDER BY seen_at DESC LIMIT ?`),
    getUnmatched: db.prepare(`SELECT * FROM unmatched_reads WHERE id = ?`),
    resolveUnmatched: db.prepare(
      `UPDATE unmatched_reads SET status = ?, resolved_by = ?, resolved_at = ?, session_id = ? WHERE id = ? AND status = 'open'`,
    ),
    getCardWait: db.prepare(`SELECT since, since_wall_ms AS sinceWallMs FROM card_waits WHERE session_id = ?`),
    insertCardWait: db.prepare(`INSERT INTO card_waits (session_id, since, since_wall_ms) VALUES (?, ?, ?) ON CONFLICT(session_id) DO NOTHING`),
    deleteCardWait: db.prepare(`DELETE FROM card_waits WHERE session_id = ?`),
    waitingQuery: db.prepare(
      `SELECT file_id AS fileId, session_id AS sessionId, numbers_key AS numbersKey, requested_at AS requestedAt, status, finished_at AS finishedAt
       FROM number_queries WHERE session_id = ? AND numbers_key = ? AND status = 'waiting' ORDER BY requested_at DESC LIMIT 1`,
    ),
    getQuery: db.prepare(
      `SELECT file_id AS fileId, session_id AS sessionId, numbers_key AS numbersKey, requested_at AS requestedAt, status, finished_at AS finishedAt
       FROM number_queries WHERE file_id = ?`,
    ),
    insertQuery: db.prepare(`INSERT INTO number_queries (file_id, session_id, numbers_key, requested_at) VALUES (?, ?, ?, ?)`),
    finishQuery: db.prepare(`UPDATE number_queries SET status = ?, finished_at = ? WHERE file_id = ? AND status = 'waiting'`),
    purgeUnmatched: db.prepare(`DELETE FROM unmatched_reads WHERE seen_at < ?`),
    purgeQueries: db.prepare(`DELETE FROM number_queries WHERE requested_at < ? AND status <> 'waiting'`),
  };
  const unmatchedRow = (row: unknown): UnmatchedRead | undefined => {
    if (!row) return undefined;
    const r = row as Record<string, string | null>;
    const out: UnmatchedRead = {
      id: r.id!,
      fileName: r.file_name!,
      seenAt: r.seen_at!,
      reason: r.reason as UnmatchedRead['reason'],
      candidates: JSON.parse(r.candidates ?? '[]') as string[],
      status: r.status as UnmatchedRead['status'],
    };
    if (r.terminal_time) out.terminalTime = r.terminal_time;
    if (r.error_code) out.errorCode = r.error_code;
    if (r.detail) out.detail = r.detail;
    if (r.outcome) out.outcome = JSON.parse(r.outcome) as UnmatchedRead['outcome'];
    if (r.session_id) out.sessionId = r.session_id;
    if (r.resolved_at) out.resolvedAt = r.resolved_at;
    if (r.resolved_by) out.resolvedBy = r.resolved_by;
    return out;
  };
  const reverifyRow = (row: unknown): ReverificationEntry | undefined => {
    if (!row) return undefined;
    const r = row as { sessionId: string; queuedAt: string; status: ReverificationStatus; attempts: number; lastAttemptAt: string | null; result: string | null };
    return {
      sessionId: r.sessionId,
      queuedAt: r.queuedAt,
      status: r.status,
      attempts: r.attempts,
      ...(r.lastAttemptAt ? { lastAttemptAt: r.lastAttemptAt } : {}),
      ...(r.result ? { result: r.result } : {}),
    };
  };
  const recordConsumed = db.transaction((f: ConsumedFile, u: UnmatchedRead | undefined, endCardWaitOf: string | undefined) => {
    stmts.insertConsumed.run({ ...f, sessionId: f.sessionId ?? null });
    if (endCardWaitOf) stmts.deleteCardWait.run(endCardWaitOf);
    if (u) {
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
      });
    }
  });
  const queryRow = (row: unknown): NumberQueryRecord | undefined => {
    if (!row) return undefined;
    const { finishedAt, ...rest } = row as NumberQueryRecord & { finishedAt: string | null };
    return finishedAt ? { ...rest, finishedAt } : rest;
  };

  const parse = (row: unknown): CheckInSession | undefined =>
    row ? (JSON.parse((row as { snapshot: string }).snapshot) as CheckInSession) : undefined;
  const auditRow = (e: AuditEntry) => stmts.audit.run(e.at, e.actor, e.action, e.subject ?? null, e.detail ?? null);

  const saveTransition = db.transaction(
    (next: CheckInSession, rec: TransitionRecord, extra: { reserveTicket?: boolean; queueReverification?: boolean; audit?: AuditEntry[] }) => {
      if (extra.reserveTicket) {
        const row = stmts.bumpTicket.get(next.today) as { last: number };
        if (row.last !== next.ticketNumber) {
          throw new StoreError('conflict', `ticket ${next.ticketNumber} was not the next for ${next.today} (${row.last})`);
        }
      }
      const info = stmts.updateSession.run({
        id: next.id,
        state: next.state,
        version: next.version,
        prevVersion: next.version - 1,
        ticket: next.ticketNumber ?? null,
        snapshot: JSON.stringify(next),
        updatedAt: next.updatedAt,
      });
      if (info.changes !== 1) throw new StoreError('conflict', `session ${next.id} changed underneath (version ${next.version - 1})`);
      stmts.insertTransition.run(next.id, next.version, rec.at, rec.eventType, rec.actor, rec.fromState, next.state);
      if (extra.queueReverification) stmts.queueReverify.run(next.id, rec.at);
      for (const a of extra.audit ?? []) auditRow(a);
    },
  );

  const wrap =
    <A extends unknown[], R>(fn: (...a: A) => R) =>
    (...a: A): R => {
      try {
        return fn(...a);
      } catch (e) {
        throw classifySqliteError(e);
      }
    };

  return {
    db,
    file,
    schemaVersion: () => db.pragma('user_version', { simple: true }) as number,
    saveTransition: wrap((next, rec, extra = {}) => saveTransition(next, rec, extra)),
    insertSession: wrap((s) => {
      stmts.insertSession.run({
        id: s.id,
        kioskId: s.kioskId,
        day: s.today,
        state: s.state,
        version: s.version,
        ticket: s.ticketNumber ?? null,
        snapshot: JSON.stringify(s),
        startedAt: s.startedAt,
        updatedAt: s.updatedAt,
      });
    }),
    getSession: wrap((id) => parse(stmts.getSession.get(id))),
    listSessions: wrap((day) => stmts.listSessions.all(day).map((r) => parse(r)!)),
    openSessions: wrap(() => stmts.openSessions.all().map((r) => parse(r)!)),
    lastTicket: wrap((day) => (stmts.lastTicket.get(day) as { last: number } | undefined)?.last ?? 0),
    transitions: wrap((id) => stmts.transitions.all(id) as (TransitionRecord & { version: number; toState: string })[]),
    audit: wrap(auditRow),
    auditLog: wrap((limit = 200) =>
      (stmts.auditLog.all(limit) as { at: string; actor: string; action: string; subject: string | null; detail: string | null }[]).map(
        (r) => ({ at: r.at, actor: r.actor, action: r.action, subject: r.subject ?? undefined, detail: r.detail ?? undefined }),
      ),
    ),
    getSetting: wrap((key) => (stmts.getSetting.get(key) as { value: string } | undefined)?.value),
    setSetting: wrap((key, value, at) => {
      stmts.setSetting.run(key, value, at);
    }),
    pendingReverifications: wrap(() => stmts.pendingReverify.all() as { sessionId: string; queuedAt: string; attempts: number }[]),
    markReverification: wrap((id, status, at, result) => {
      stmts.markReverify.run(status, at, result ?? null, id);
    }),
    purgeBefore: wrap((day) => stmts.purge.run(day).changes),
    reverifications: wrap((limit = 500) => stmts.reverifications.all(limit).map((r) => reverifyRow(r)!)),
    getReverification: wrap((id) => reverifyRow(stmts.getReverification.get(id))),
    consumedFileNames: wrap((folder) => (stmts.consumedNames.all(folder) as { name: string }[]).map((r) => r.name)),
    recordConsumedFile: wrap((file, unmatched, endCardWaitOf) => recordConsumed(file, unmatched, endCardWaitOf)),
    unmatchedReads: wrap((options = {}) =>
      (options.all ? stmts.unmatchedAll : stmts.unmatchedOpen).all(options.limit ?? 200).map((r) => unmatchedRow(r)!),
    ),
    getUnmatchedRead: wrap((id) => unmatchedRow(stmts.getUnmatched.get(id))),
    resolveUnmatchedRead: wrap((id, status, by, at, sessionId) => stmts.resolveUnmatched.run(status, by, at, sessionId ?? null, id).changes === 1),
    cardWait: wrap((id) => stmts.getCardWait.get(id) as { since: string; sinceWallMs: number } | undefined),
    saveCardWait: wrap((id, since, sinceWallMs) => {
      stmts.insertCardWait.run(id, since, sinceWallMs);
      return stmts.getCardWait.get(id) as { since: string; sinceWallMs: number };
    }),
    deleteCardWait: wrap((id) => {
      stmts.deleteCardWait.run(id);
    }),
    waitingNumberQuery: wrap((id, key) => queryRow(stmts.waitingQuery.get(id, key))),
    getNumberQuery: wrap((fileId) => queryRow(stmts.getQuery.get(fileId))),
    insertNumberQuery: wrap((q) => {
      stmts.insertQuery.run(q.fileId, q.sessionId, q.numbersKey, q.requestedAt);
    }),
    finishNumberQuery: wrap((fileId, status, at) => {
      stmts.finishQuery.run(status, at, fileId);
    }),
    purgeReaderRecordsBefore: wrap((day) => stmts.purgeUnmatched.run(day).changes + stmts.purgeQueries.run(day).changes),
    close: () => db.close(),
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
