/**
 * The calls feature's own numbered migrations (呼び出し: staff call a 受付番号 to a 診察室), run by the
 * store's per-feature migration runner. Never edit a released migration: add the next number.
 */
import type { Migration } from '../store/index';

export const CALLS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'calls and call events',
    sql: `
      -- One row per 受付番号 of a clinic day: waiting → called (to a room; recalled any number of times) → done.
      -- Ticket numbers only: the waiting-room display reads this, so nothing personal is ever stored here.
      CREATE TABLE calls (
        day TEXT NOT NULL,
        ticket_number INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'done')),
        room TEXT,
        call_count INTEGER NOT NULL DEFAULT 0,
        queued_at TEXT NOT NULL,
        called_at TEXT,
        done_at TEXT,
        PRIMARY KEY (day, ticket_number)
      );
      CREATE INDEX calls_day_status ON calls(day, status);

      -- The audit trail of every call action; its id is also the announcement sequence the display follows.
      CREATE TABLE call_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('queue', 'call', 'recall', 'done')),
        day TEXT NOT NULL,
        ticket_number INTEGER NOT NULL,
        room TEXT
      );
      CREATE INDEX call_events_ticket ON call_events(day, ticket_number, id);
    `,
  },
];
