import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listBackups,
  backupNow,
  restoreBackup,
  verifyBackup,
  rotateBackups,
} from '../../../electron/core/storage/backup';
import { startEmpty } from '../../../electron/core/storage/data-file';
import { StorageStartError } from '../../../electron/core/storage/index';
import { tempDir } from '../../helpers/temp';
import { checkInToTicket, storageKit, type Kit } from './kit';

const dbFile = (dir: string) => path.join(dir, 'kiosk.sqlite3');

function allTransitions(kit: Kit): string[] {
  return (
    kit.raw.db
      .prepare(`SELECT session_id, version, event_type, to_state FROM transitions ORDER BY session_id, version`)
      .all() as Record<string, unknown>[]
  ).map((r) => `${String(r.session_id)}#${String(r.version)} ${String(r.event_type)}->${String(r.to_state)}`);
}

const refusedWith = (dir: string, code: string) => {
  let error: unknown;
  try {
    storageKit(dir).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StorageStartError);
  expect(error).toMatchObject({ code });
  return (error as StorageStartError).message;
};

describe('start-up: a missing, empty or corrupt database is never silently replaced', () => {
  it('0-byte database: refused with a restore path, the file left as it was; a restore never repeats a 受付番号', async () => {
    const dir = tempDir();
    let kit = storageKit(dir);
    expect(checkInToTicket(kit).ticketNumber).toBe(1);
    expect(checkInToTicket(kit).ticketNumber).toBe(2);
    await backupNow(kit.raw.db, path.join(dir, 'backups'), kit.clock.nowIso()); // holds tickets 1 and 2
    expect(checkInToTicket(kit).ticketNumber).toBe(3); // after the backup
    kit.close();

    fs.truncateSync(dbFile(dir), 0);
    for (const f of ['-wal', '-shm']) fs.rmSync(dbFile(dir) + f, { force: true });
    const message = refusedWith(dir, 'empty');
    expect(message).toMatch(/was not replaced/);
    expect(message).toMatch(/npm run storage -- restore --latest/);
    expect(fs.statSync(dbFile(dir)).size).toBe(0);

    // The admin says so: the newest verified backup (tickets 1–2) comes back, the empty file is moved aside,
    // and today's counter continues after the floor (3), not after the backup (2).
    kit = storageKit(dir, { restore: 'latest' });
    try {
      expect(fs.readdirSync(dir).some((n) => /^kiosk\.sqlite3\.replaced-/.test(n))).toBe(true);
      expect(checkInToTicket(kit).ticketNumber).toBe(4);
      const tickets = kit.raw.db
        .prepare(`SELECT ticket_number AS t FROM sessions WHERE ticket_number IS NOT NULL ORDER BY t`)
        .all();
      expect(tickets).toEqual([{ t: 1 }, { t: 2 }, { t: 4 }]);
    } finally {
      kit.close();
    }
  });

  it('an admin who moves the empty file away to start fresh still gets no repeated number that day', () => {
    const dir = tempDir();
    let kit = storageKit(dir);
    checkInToTicket(kit);
    checkInToTicket(kit);
    kit.close();
    fs.truncateSync(dbFile(dir), 0);
    expect(refusedWith(dir, 'empty')).toMatch(/npm run storage -- start-empty/);
    fs.renameSync(dbFile(dir), `${dbFile(dir)}.bad`);
    for (const f of ['-wal', '-shm']) fs.rmSync(dbFile(dir) + f, { force: true });
    // Missing now, but the kiosk has run here: still refused until the admin decides (the CLI's start-empty).
    refusedWith(dir, 'missing');
    startEmpty(dir, '2026-11-25T01:00:00.000Z');
    kit = storageKit(dir);
    try {
      expect(checkInToTicket(kit).ticketNumber).toBe(3);
    } finally {
      kit.close();
    }
  });

  it('corrupt database (pages overwritten): refused by integrity_check', () => {
    const dir = tempDir();
    const kit = storageKit(dir);
    for (let i = 0; i < 30; i++) checkInToTicket(kit);
    kit.raw.db.pragma('wal_checkpoint(TRUNCATE)');
    kit.close();
    const size = fs.statSync(dbFile(dir)).size;
    const fd = fs.openSync(dbFile(dir), 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    expect(refusedWith(dir, 'corrupt')).toMatch(/restore --latest|No verified backup/);
  });

  it('a healthy database is never rolled back by a restore flag left set', async () => {
    const dir = tempDir();
    let kit = storageKit(dir);
    checkInToTicket(kit);
    await backupNow(kit.raw.db, path.join(dir, 'backups'), kit.clock.nowIso());
    checkInToTicket(kit);
    kit.close();
    kit = storageKit(dir, { restore: 'latest' });
    try {
      expect(kit.raw.db.prepare(`SELECT count(*) AS n FROM sessions`).get()).toEqual({ n: 2 });
    } finally {
      kit.close();
    }
  });
});

describe('backups', () => {
  it('backup → destroy → restore: every committed transition is present, the audit chain verifies', async () => {
    const dir = tempDir();
    const backups = tempDir('kiosk-backups-');
    let kit = storageKit(dir);
    for (let i = 0; i < 25; i++) checkInToTicket(kit, `kiosk-${i % 3}`);
    const open = kit.sessions.start('kiosk-9'); // an unfinished one too
    if (!open.ok) throw new Error('start');
    const before = allTransitions(kit);
    const sessionsBefore = kit.raw.db
      .prepare(`SELECT id, state, version, ticket_number FROM sessions ORDER BY id`)
      .all();
    const info = await backupNow(kit.raw.db, backups, kit.clock.nowIso());
    expect(info.counts).toMatchObject({ sessions: 26, transitions: before.length });
    expect(fs.existsSync(`${info.file}.json`)).toBe(true);
    kit.close();

    fs.writeFileSync(dbFile(dir), 'destroyed');
    const check = verifyBackup(info.file);
    expect(check.ok && check.audit.intact).toBe(true);
    const r = restoreBackup(listBackups(backups)[0]!, dbFile(dir), '2026-11-25T03:00:00.000Z');
    expect(r.movedAside).toBeDefined();
    expect(fs.readFileSync(r.movedAside!, 'utf8')).toBe('destroyed');

    kit = storageKit(dir);
    try {
      expect(allTransitions(kit)).toEqual(before);
      expect(kit.raw.db.prepare(`SELECT id, state, version, ticket_number FROM sessions ORDER BY id`).all()).toEqual(
        sessionsBefore,
      );
      expect(kit.sessions.get(open.session.id)?.state).toBe('choose-document');
      // and the restored kiosk carries on
      expect(checkInToTicket(kit, 'kiosk-1').ticketNumber).toBe(26);
    } finally {
      kit.close();
    }
  });

  it('verify refuses an empty or damaged copy; rotation keeps the newest and none past retention', async () => {
    const dir = tempDir();
    const backups = tempDir('kiosk-backups-');
    const kit = storageKit(dir);
    try {
      checkInToTicket(kit);
      const times = [
        '2026-08-01T00:00:00.000Z',
        '2026-11-20T00:00:00.000Z',
        '2026-11-24T00:00:00.000Z',
        '2026-11-25T00:00:00.000Z',
      ];
      for (const t of times) await backupNow(kit.raw.db, backups, t);
      expect(listBackups(backups)).toHaveLength(4);
      const removed = rotateBackups(backups, 3, '2026-08-27');
      expect(removed.map((f) => path.basename(f))).toEqual(['kiosk-20260801T000000000Z.sqlite3']);
      expect(rotateBackups(backups, 2)).toHaveLength(1);
      expect(listBackups(backups).map((f) => path.basename(f))).toEqual([
        'kiosk-20261125T000000000Z.sqlite3',
        'kiosk-20261124T000000000Z.sqlite3',
      ]);

      const empty = path.join(backups, 'kiosk-20261126T000000000Z.sqlite3');
      fs.writeFileSync(empty, '');
      expect(verifyBackup(empty)).toMatchObject({ ok: false, problem: expect.stringMatching(/empty/) });
      fs.writeFileSync(empty, 'SQLite format 3\0' + 'x'.repeat(5000));
      expect(verifyBackup(empty).ok).toBe(false);
    } finally {
      kit.close();
    }
  });
});
