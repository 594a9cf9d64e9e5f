import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newSession } from '../../../../shared/flow/session';
import { checkinMigrations } from '../../../../electron/core/checkin/migrations';
import { createCheckinStore, type CheckinStore } from '../../../../electron/core/checkin/store';
import { migrateFeature, openDatabase, schemaVersions, type Db } from '../../../../electron/core/store/index';
import { tempDir } from '../../../helpers/temp';

type Store = CheckinStore & { db: Db; close(): void; schemaVersion(): number };
function openStore(dir: string): Store {
  const db = openDatabase(dir);
  migrateFeature(db, 'checkin', checkinMigrations);
  return {
    ...createCheckinStore(db),
    db,
    close: () => db.close(),
    schemaVersion: () => schemaVersions(db).checkin ?? 0,
  };
}
const MIGRATIONS = checkinMigrations;
let store: Store | undefined;
afterEach(() => store?.close());

describe('check-in store (real SQLite file)', () => {
  it('creates the file in the data folder, in WAL mode, its feature migrated to the latest version', () => {
    const dir = tempDir();
    store = openStore(dir);
    expect(fs.existsSync(path.join(dir, 'kiosk.sqlite3'))).toBe(true);
    expect(store.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('re-opening an existing file keeps its data and does not re-run migrations', () => {
    const dir = tempDir();
    store = openStore(dir);
    const s = newSession('s1', 'kiosk-1', '2026-11-25T00:00:00.000Z', '2026-11-25');
    store.insertSession(s);
    store.close();
    store = openStore(dir);
    expect(store.getSession('s1')).toEqual(s);
    expect(store.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('refuses a transition write that does not follow the stored version (no lost update)', () => {
    store = openStore(tempDir());
    const s = newSession('s1', 'kiosk-1', '2026-11-25T00:00:00.000Z', '2026-11-25');
    store.insertSession(s);
    const jump = { ...s, version: 5, state: 'cancelled' as const };
    expect(() =>
      store!.saveTransition(jump, { at: s.startedAt, eventType: 'cancel', actor: 't', fromState: s.state }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(store.getSession('s1')!.version).toBe(0);
  });

  it('numbers tickets per clinic day and never hands out the same 受付番号 twice', () => {
    store = openStore(tempDir());
    const complete = (id: string, day: string, ticket: number) => {
      const s = newSession(id, 'k', `${day}T00:00:00.000Z`, day);
      store!.insertSession(s);
      store!.saveTransition(
        { ...s, version: 1, state: 'completed', ticketNumber: ticket },
        { at: s.startedAt, eventType: 'x', actor: 't', fromState: s.state },
        { reserveTicket: true },
      );
    };
    complete('a', '2026-11-25', 1);
    complete('b', '2026-11-25', 2);
    complete('c', '2026-11-26', 1);
    expect(store.lastTicket('2026-11-25')).toBe(2);
    expect(store.lastTicket('2026-11-26')).toBe(1);
    expect(() => complete('d', '2026-11-25', 2)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(store.getSession('d')!.state).toBe('choose-document');
  });

  it('reports a full disk as a typed error and leaves the stored session as it was', () => {
    store = openStore(tempDir());
    const s = newSession('s1', 'kiosk-1', '2026-11-25T00:00:00.000Z', '2026-11-25');
    store.insertSession(s);
    // Cap the file at its current size: the next page SQLite needs fails exactly like a full disk (SQLITE_FULL).
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    const big = { ...s, version: 1, state: 'enter-numbers' as const, notice: 'x'.repeat(200_000) };
    expect(() =>
      store!.saveTransition(big, { at: s.startedAt, eventType: 'e', actor: 't', fromState: s.state }),
    ).toThrow(expect.objectContaining({ code: 'disk-full' }));
    expect(store.getSession('s1')).toEqual(s);
    expect(store.transitions('s1')).toEqual([]);
  });

  it('purges finished sessions past retention but keeps open ones', () => {
    store = openStore(tempDir());
    const old = newSession('old', 'k', '2026-01-01T00:00:00.000Z', '2026-01-01');
    const open = newSession('open', 'k', '2026-01-01T00:00:00.000Z', '2026-01-01');
    store.insertSession(old);
    store.insertSession(open);
    store.saveTransition(
      { ...old, version: 1, state: 'cancelled' },
      { at: old.startedAt, eventType: 'cancel', actor: 't', fromState: old.state },
    );
    expect(store.purgeBefore('2026-02-01')).toBe(1);
    expect(store.getSession('old')).toBeUndefined();
    expect(store.getSession('open')).toBeDefined();
  });
});
