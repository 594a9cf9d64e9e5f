/**
 * 呼び出し: staff call a 受付番号 to a 診察室, recall it, mark it done; the waiting-room display shows the
 * board. Every action is persisted and audited (call_events) in the same transaction, so the board and the
 * display survive restarts. Only ticket numbers and room labels exist here — never names or personal data.
 * The actor is whatever the core's identity says (a signed-in staff account), never a client's word.
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { AuditLog } from '../audit/index';
import type { Logger } from '../logger';
import type { CallBoard, CalledNumber } from '../../../shared/calls/board';

export type { CallBoard, CalledNumber };

export interface Room {
  id: string;
  /** What the display shows, e.g. 第1診察室 / Room 1. */
  label: string;
}

export type CallStatus = 'waiting' | 'called' | 'done';

export type CallError = {
  ok: false;
  code: 'not-found' | 'invalid-state' | 'unknown-room' | 'invalid-input';
  message: string;
};
export type CallResult = { ok: true; board: CallBoard } | CallError;

export interface CallsService {
  /** A completed check-in's number joins the waiting list (idempotent). */
  enqueue(ticketNumber: number, actor: string): CallResult;
  call(ticketNumber: number, roomId: string, actor: string): CallResult;
  recall(ticketNumber: number, actor: string): CallResult;
  done(ticketNumber: number, actor: string): CallResult;
  board(): CallBoard;
  status(ticketNumber: number): CallStatus | undefined;
  onBoard(listener: (board: CallBoard) => void): () => void;
}

export const MAX_WAITING_ON_BOARD = 40;
const MAX_RECENT = 6;

interface CallRow {
  ticket_number: number;
  status: CallStatus;
  room: string | null;
  call_count: number;
  called_at: string | null;
}

/** `db` must have the calls migrations applied (the core's feature runner, or `migrateFeature` in tests). */
export function createCallsService(options: {
  db: Database.Database;
  clock: Clock;
  logger: Logger;
  rooms: () => readonly Room[];
  /** The core's audit log: every call action is written there too, in the same transaction. */
  audit?: AuditLog;
}): CallsService {
  const { db, clock } = options;
  const log = options.logger.child('calls');
  const listeners = new Set<(b: CallBoard) => void>();

  const q = {
    get: db.prepare<[string, number], CallRow>(
      'SELECT ticket_number, status, room, call_count, called_at FROM calls WHERE day = ? AND ticket_number = ?',
    ),
    insert: db.prepare(
      "INSERT OR IGNORE INTO calls (day, ticket_number, status, queued_at) VALUES (?, ?, 'waiting', ?)",
    ),
    call: db.prepare(
      "UPDATE calls SET status = 'called', room = ?, call_count = call_count + 1, called_at = ? WHERE day = ? AND ticket_number = ?",
    ),
    done: db.prepare("UPDATE calls SET status = 'done', done_at = ? WHERE day = ? AND ticket_number = ?"),
    event: db.prepare(
      'INSERT INTO call_events (at, actor, action, day, ticket_number, room) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    called: db.prepare<[string], CallRow>(
      `SELECT ticket_number, status, room, call_count, called_at FROM calls c WHERE day = ? AND status = 'called'
       ORDER BY (SELECT MAX(id) FROM call_events e WHERE e.day = c.day AND e.ticket_number = c.ticket_number
                 AND e.action IN ('call', 'recall')) DESC`,
    ),
    waiting: db.prepare<[string, number], { ticket_number: number }>(
      "SELECT ticket_number FROM calls WHERE day = ? AND status = 'waiting' ORDER BY queued_at, ticket_number LIMIT ?",
    ),
    lastAnnouncement: db.prepare<[string], { id: number; ticket_number: number; room: string | null; at: string }>(
      "SELECT id, ticket_number, room, at FROM call_events WHERE day = ? AND action IN ('call', 'recall') ORDER BY id DESC LIMIT 1",
    ),
  };

  const record = (
    at: string,
    actor: string,
    action: 'queue' | 'call' | 'recall' | 'done',
    day: string,
    ticketNumber: number,
    room: string | null,
  ) => {
    q.event.run(at, actor, action, day, ticketNumber, room);
    if (action !== 'queue')
      options.audit?.write({
        at,
        actor,
        action: `call.${action}`,
        subject: `${day}#${ticketNumber}`,
        ...(room ? { detail: room } : {}),
      });
  };
  const roomLabel = (id: string) => options.rooms().find((r) => r.id === id)?.label ?? id;
  const toCalled = (r: CallRow): CalledNumber => ({
    ticketNumber: r.ticket_number,
    roomId: r.room ?? '',
    roomLabel: roomLabel(r.room ?? ''),
    calledAt: r.called_at ?? '',
    callCount: r.call_count,
  });

  const board = (): CallBoard => {
    const day = clock.today();
    const called = q.called.all(day).map(toCalled);
    const order = options.rooms().map((r) => r.id);
    const nowCalling: CalledNumber[] = [];
    const recentlyCalled: CalledNumber[] = [];
    for (const c of called) (nowCalling.some((n) => n.roomId === c.roomId) ? recentlyCalled : nowCalling).push(c);
    nowCalling.sort((a, b) => order.indexOf(a.roomId) - order.indexOf(b.roomId));
    const last = q.lastAnnouncement.get(day);
    const lastRow = last ? q.get.get(day, last.ticket_number) : undefined;
    return {
      day,
      nowCalling,
      recentlyCalled: recentlyCalled.slice(0, MAX_RECENT),
      waiting: q.waiting.all(day, MAX_WAITING_ON_BOARD).map((r) => r.ticket_number),
      announcementSeq: last?.id ?? 0,
      ...(last && lastRow
        ? {
            lastAnnouncement: {
              ...toCalled(lastRow),
              roomId: last.room ?? '',
              roomLabel: roomLabel(last.room ?? ''),
              calledAt: last.at,
            },
          }
        : {}),
    };
  };

  const publish = (): CallBoard => {
    const b = board();
    for (const l of listeners) {
      try {
        l(b);
      } catch (e) {
        log.error('board listener failed', { error: String(e) });
      }
    }
    return b;
  };

  const invalid = (ticketNumber: number, actor: string): CallError | undefined => {
    if (!Number.isSafeInteger(ticketNumber) || ticketNumber < 1 || ticketNumber > 99_999)
      return { ok: false, code: 'invalid-input', message: 'ticket number out of range' };
    if (actor.trim().length === 0 || actor.length > 100)
      return { ok: false, code: 'invalid-input', message: 'actor missing or too long' };
    return undefined;
  };

  const act = (
    ticketNumber: number,
    actor: string,
    fn: (day: string, row: CallRow | undefined, at: string) => CallError | undefined,
  ): CallResult => {
    const bad = invalid(ticketNumber, actor);
    if (bad) return bad;
    const day = clock.today();
    const at = clock.nowIso();
    const err = db.transaction(() => fn(day, q.get.get(day, ticketNumber), at))();
    if (err) return err;
    return { ok: true, board: publish() };
  };

  return {
    enqueue: (ticketNumber, actor) =>
      act(ticketNumber, actor, (day, row, at) => {
        if (row) return undefined;
        q.insert.run(day, ticketNumber, at);
        record(at, actor, 'queue', day, ticketNumber, null);
        return undefined;
      }),
    call: (ticketNumber, roomId, actor) =>
      act(ticketNumber, actor, (day, row, at) => {
        if (!options.rooms().some((r) => r.id === roomId))
          return { ok: false, code: 'unknown-room', message: `no room ${roomId}` };
        if (!row) return { ok: false, code: 'not-found', message: `受付番号 ${ticketNumber} is not waiting today` };
        if (row.status === 'done')
          return { ok: false, code: 'invalid-state', message: `受付番号 ${ticketNumber} is already done` };
        q.call.run(roomId, at, day, ticketNumber);
        record(at, actor, row.status === 'called' ? 'recall' : 'call', day, ticketNumber, roomId);
        log.info('called', { ticketNumber, room: roomId });
        return undefined;
      }),
    recall: (ticketNumber, actor) =>
      act(ticketNumber, actor, (day, row, at) => {
        if (!row) return { ok: false, code: 'not-found', message: `受付番号 ${ticketNumber} is not on today's list` };
        if (row.status !== 'called' || !row.room)
          return { ok: false, code: 'invalid-state', message: `受付番号 ${ticketNumber} has not been called` };
        q.call.run(row.room, at, day, ticketNumber);
        record(at, actor, 'recall', day, ticketNumber, row.room);
        return undefined;
      }),
    done: (ticketNumber, actor) =>
      act(ticketNumber, actor, (day, row, at) => {
        if (!row) return { ok: false, code: 'not-found', message: `受付番号 ${ticketNumber} is not on today's list` };
        if (row.status === 'done') return undefined;
        q.done.run(at, day, ticketNumber);
        record(at, actor, 'done', day, ticketNumber, row.room);
        return undefined;
      }),
    board,
    status: (ticketNumber) => q.get.get(clock.today(), ticketNumber)?.status,
    onBoard(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
