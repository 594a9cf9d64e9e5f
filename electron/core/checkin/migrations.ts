import type { Migration } from '../store/index';

/** Check-in sessions, their transition log and the per-day 受付番号 counter. */
export const checkinMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, transitions, tickets',
    sql: `
      CREATE TABLE IF NOT EXISTS sessions (
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
      CREATE INDEX IF NOT EXISTS sessions_day ON sessions(day);
      CREATE INDEX IF NOT EXISTS sessions_open ON sessions(state);
      CREATE UNIQUE INDEX IF NOT EXISTS sessions_ticket ON sessions(day, ticket_number) WHERE ticket_number IS NOT NULL;

      -- One row per transition: what happened and when, not the payload (the snapshot has the data).
      CREATE TABLE IF NOT EXISTS transitions (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        event_type TEXT NOT NULL,
        actor TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        PRIMARY KEY (session_id, version)
      );

      -- 受付番号: one counter per clinic day.
      CREATE TABLE IF NOT EXISTS tickets (
        day TEXT PRIMARY KEY,
        last INTEGER NOT NULL
      );
    `,
  },
];
