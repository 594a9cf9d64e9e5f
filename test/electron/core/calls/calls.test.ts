import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClock, isClockError } from '../../../../electron/core/clock';
import { createLogger } from '../../../../electron/core/logger';
import { createCallsService, type CallBoard } from '../../../../electron/core/calls/service';
import { callBoardSchema } from '../../../../shared/calls/board';
import { CALLS_MIGRATIONS } from '../../../../electron/core/calls/migrations';
import { migrateFeature, schemaVersions } from '../../../../electron/core/store/index';
import { tempDir } from '../../../helpers/temp';

const logger = createLogger({ console: false });
const rooms = () => [
  { id: '1', label: '第1診察室' },
  { id: '2', label: '第2診察室' },
];
function clockAt(iso: string) {
  const c = createClock({ fixedStart: iso });
  if (isClockError(c)) throw new Error(c.message);
  return c;
}
function open(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrateFeature(db, 'calls', CALLS_MIGRATIONS);
  return db;
}

describe('calls service (呼び出し)', () => {
  it('queue, call per room, recall, done — the board shows numbers and rooms only', () => {
    const db = open(path.join(tempDir(), 'k.sqlite3'));
    const calls = createCallsService({ db, clock: clockAt('2026-11-25T09:00:00+09:00'), logger, rooms });
    for (const n of [1, 2, 3, 4]) expect(calls.enqueue(n, 'kiosk').ok).toBe(true);
    expect(calls.enqueue(2, 'kiosk').ok).toBe(true); // idempotent
    expect(calls.board()).toMatchObject({
      day: '2026-11-25',
      nowCalling: [],
      waiting: [1, 2, 3, 4],
      announcementSeq: 0,
    });

    const boards: CallBoard[] = [];
    calls.onBoard((b) => boards.push(b));
    const r1 = calls.call(1, '2', 'staff:suzuki');
    expect(r1.ok && r1.board.nowCalling).toEqual([
      expect.objectContaining({ ticketNumber: 1, roomId: '2', roomLabel: '第2診察室', callCount: 1 }),
    ]);
    calls.call(2, '1', 'staff:suzuki');
    calls.call(3, '2', 'staff:sato');
    const b = calls.board();
    expect(b.nowCalling.map((c) => [c.roomId, c.ticketNumber])).toEqual([
      ['1', 2],
      ['2', 3],
    ]);
    expect(b.recentlyCalled.map((c) => c.ticketNumber)).toEqual([1]);
    expect(b.waiting).toEqual([4]);
    expect(b.lastAnnouncement).toMatchObject({ ticketNumber: 3, roomId: '2' });
    const seq = b.announcementSeq;

    const again = calls.recall(1, 'staff:suzuki');
    expect(again.ok && again.board.announcementSeq).toBeGreaterThan(seq);
    expect(again.ok && again.board.lastAnnouncement).toMatchObject({ ticketNumber: 1, roomId: '2', callCount: 2 });
    expect(again.ok && again.board.nowCalling.find((c) => c.roomId === '2')?.ticketNumber).toBe(1);

    expect(calls.done(1, 'staff:suzuki').ok).toBe(true);
    expect(calls.status(1)).toBe('done');
    expect(calls.board().nowCalling.find((c) => c.roomId === '2')?.ticketNumber).toBe(3);
    expect(boards.length).toBe(5);
    expect(JSON.stringify(calls.board())).not.toMatch(/staff:|suzuki|sato/);
    expect(callBoardSchema.safeParse(calls.board()).success).toBe(true);

    const audit = db
      .prepare('SELECT actor, action, ticket_number, room FROM call_events WHERE action != ? ORDER BY id')
      .all('queue');
    expect(audit).toEqual([
      { actor: 'staff:suzuki', action: 'call', ticket_number: 1, room: '2' },
      { actor: 'staff:suzuki', action: 'call', ticket_number: 2, room: '1' },
      { actor: 'staff:sato', action: 'call', ticket_number: 3, room: '2' },
      { actor: 'staff:suzuki', action: 'recall', ticket_number: 1, room: '2' },
      { actor: 'staff:suzuki', action: 'done', ticket_number: 1, room: '2' },
    ]);
  });

  it('typed errors for unknown numbers, rooms, states and bad input; nothing changes', () => {
    const db = open(path.join(tempDir(), 'k.sqlite3'));
    const calls = createCallsService({ db, clock: clockAt('2026-11-25T09:00:00+09:00'), logger, rooms });
    calls.enqueue(5, 'kiosk');
    expect(calls.call(9, '1', 's')).toMatchObject({ ok: false, code: 'not-found' });
    expect(calls.call(5, '9', 's')).toMatchObject({ ok: false, code: 'unknown-room' });
    expect(calls.recall(5, 's')).toMatchObject({ ok: false, code: 'invalid-state' });
    expect(calls.call(0, '1', 's')).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(calls.call(5.5, '1', 's')).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(calls.call(5, '1', '')).toMatchObject({ ok: false, code: 'invalid-input' });
    calls.done(5, 's');
    expect(calls.call(5, '1', 's')).toMatchObject({ ok: false, code: 'invalid-state' });
    expect(db.prepare("SELECT COUNT(*) AS n FROM call_events WHERE action IN ('call','recall')").get()).toEqual({
      n: 0,
    });
  });

  it('survives a restart: the board is read back from SQLite; migrations run once', () => {
    const file = path.join(tempDir(), 'k.sqlite3');
    const clock = clockAt('2026-11-25T10:00:00+09:00');
    const db1 = open(file);
    const c1 = createCallsService({ db: db1, clock, logger, rooms });
    c1.enqueue(7, 'kiosk');
    c1.enqueue(8, 'kiosk');
    c1.call(7, '1', 'staff:a');
    const before = c1.board();
    db1.close();
    const db2 = open(file);
    const c2 = createCallsService({ db: db2, clock, logger, rooms });
    expect(c2.board()).toEqual(before);
    expect(schemaVersions(db2)).toMatchObject({ calls: 1 });
  });

  it('a new clinic day starts with an empty board', () => {
    const file = path.join(tempDir(), 'k.sqlite3');
    const db = open(file);
    createCallsService({ db, clock: clockAt('2026-11-25T17:00:00+09:00'), logger, rooms }).enqueue(3, 'kiosk');
    const next = createCallsService({ db, clock: clockAt('2026-11-26T08:30:00+09:00'), logger, rooms });
    expect(next.board()).toMatchObject({ day: '2026-11-26', waiting: [], nowCalling: [], announcementSeq: 0 });
  });
});
