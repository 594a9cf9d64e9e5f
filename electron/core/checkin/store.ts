/** The check-in feature's SQL: session snapshots, the transition log and the 受付番号 counter. */
import type { CheckInSession } from '../../../shared/flow/session';
import { guarded, StoreError, type Db } from '../store/index';

export interface TransitionRecord {
  at: string;
  eventType: string;
  actor: string;
  fromState: string;
}

export interface CheckinStore {
  /**
   * Persist a transition atomically: the new snapshot, its log row, a ticket reservation, and whatever
   * `also` writes (audit rows, a re-verification entry) in the same transaction.
   */
  saveTransition(
    next: CheckInSession,
    rec: TransitionRecord,
    extra?: { reserveTicket?: boolean; also?: () => void },
  ): void;
  insertSession(s: CheckInSession): void;
  getSession(id: string): CheckInSession | undefined;
  listSessions(day: string): CheckInSession[];
  openSessions(): CheckInSession[];
  lastTicket(day: string): number;
  transitions(sessionId: string): (TransitionRecord & { version: number; toState: string })[];
  /** Finished sessions of days before `day` (retention). */
  purgeBefore(day: string): number;
}

type TransitionRow = TransitionRecord & { version: number; toState: string };

export function createCheckinStore(db: Db): CheckinStore {
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
      `INSERT INTO transitions (session_id, version, at, event_type, actor, from_state, to_state) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    getSession: db.prepare<[string], { snapshot: string }>(`SELECT snapshot FROM sessions WHERE id = ?`),
    listSessions: db.prepare<[string], { snapshot: string }>(
      `SELECT snapshot FROM sessions WHERE day = ? ORDER BY started_at`,
    ),
    openSessions: db.prepare<[], { snapshot: string }>(
      `SELECT snapshot FROM sessions WHERE state NOT IN ('completed','cancelled','expired') ORDER BY started_at`,
    ),
    lastTicket: db.prepare<[string], { last: number }>(`SELECT last FROM tickets WHERE day = ?`),
    bumpTicket: db.prepare<[string], { last: number }>(
      `INSERT INTO tickets (day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last`,
    ),
    transitions: db.prepare<[string], TransitionRow>(
      `SELECT version, at, event_type AS eventType, actor, from_state AS fromState, to_state AS toState
       FROM transitions WHERE session_id = ? ORDER BY version`,
    ),
    purge: db.prepare(`DELETE FROM sessions WHERE day < ? AND state IN ('completed','cancelled','expired')`),
  };
  // The snapshot column holds what this module wrote: JSON of a CheckInSession.
  const parse = (row: { snapshot: string } | undefined): CheckInSession | undefined =>
    row ? (JSON.parse(row.snapshot) as CheckInSession) : undefined;

  const saveTransition = db.transaction(
    (next: CheckInSession, rec: TransitionRecord, extra: { reserveTicket?: boolean; also?: () => void }) => {
      if (extra.reserveTicket) {
        const row = stmts.bumpTicket.get(next.today);
        if (row?.last !== next.ticketNumber) {
          throw new StoreError(
            'conflict',
            `ticket ${next.ticketNumber} was not the next for ${next.today} (${row?.last})`,
          );
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
      if (info.changes !== 1)
        throw new StoreError('conflict', `session ${next.id} changed underneath (version ${next.version - 1})`);
      stmts.insertTransition.run(next.id, next.version, rec.at, rec.eventType, rec.actor, rec.fromState, next.state);
      extra.also?.();
    },
  );

  return {
    saveTransition: guarded((next, rec, extra = {}) => saveTransition(next, rec, extra)),
    insertSession: guarded((s) => {
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
    getSession: guarded((id) => parse(stmts.getSession.get(id))),
    listSessions: guarded((day) => stmts.listSessions.all(day).flatMap((r) => parse(r) ?? [])),
    openSessions: guarded(() => stmts.openSessions.all().flatMap((r) => parse(r) ?? [])),
    lastTicket: guarded((day) => stmts.lastTicket.get(day)?.last ?? 0),
    transitions: guarded((id) => stmts.transitions.all(id)),
    purgeBefore: guarded((day) => stmts.purge.run(day).changes),
  };
}
