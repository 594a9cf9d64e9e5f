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
];
