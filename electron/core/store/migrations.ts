/**
 * Numbered, transactional migrations (Signal Desktop style). `PRAGMA user_version` records the last one
 * applied. Never edit a released migration: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, transitions, audit, settings, tickets',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        day TEXT NOT NULL,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        ticket_number INTEGER,
        snapshot TEXT NOT NULL,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX sessions_day ON sessions(day);
      CREATE INDEX sessions_open ON sessions(state);
      CREATE UNIQUE INDEX sessions_ticket ON sessions(day, ticket_number) WHERE ticket_number IS NOT NULL;

      -- One row per transition: what happened and when, not the payload (the snapshot has the data).
      CREATE TABLE transitions (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        event_type TEXT NOT NULL,
        actor TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        PRIMARY KEY (session_id, version)
      );

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- 受付番号: one counter per clinic day.
      CREATE TABLE tickets (
        day TEXT PRIMARY KEY,
        last INTEGER NOT NULL
      );

      -- Check-ins accepted without online confirmation, to verify when the online check is back.
      CREATE TABLE reverify_queue (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        queued_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        result TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'onshi folder: consumed files, unmatched card reads, card waits, number queries',
    sql: `
      -- Every file the onshi-folder adapter has dealt with (face/ and res/), so a restart never re-applies one.
      -- Names are unique per terminal (face: code + id + timestamp; res: our own request id).
      CREATE TABLE onshi_files (
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

      -- Card reads the adapter would not guess about (stale, ambiguous, no session waiting, unreadable):
      -- staff look at them and attach one to a session or dismiss it. outcome = the minimal CardReadOutcome.
      CREATE TABLE unmatched_reads (
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
      CREATE INDEX unmatched_reads_status ON unmatched_reads(status, seen_at);

      -- When a session started waiting for a card, on the kiosk's wall clock (file mtimes are compared with it),
      -- kept across a restart so a card read while the app was down still counts.
      CREATE TABLE card_waits (
        session_id TEXT PRIMARY KEY,
        since TEXT NOT NULL,
        since_wall_ms INTEGER NOT NULL
      );

      -- Number queries (個別照会) written into req/: a restart resumes waiting for the same answer.
      CREATE TABLE number_queries (
        file_id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL,
        numbers_key TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'waiting',
        finished_at TEXT
      );
      CREATE INDEX number_queries_session ON number_queries(session_id, status);
    `,
  },
];
