import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupSummary } from '../../../../shared/api/index';
import {
  backupNow,
  listBackups,
  restoreBackup,
  rotateBackups,
  verifyBackup,
} from '../../../../electron/core/storage/backup';
import { startEmpty } from '../../../../electron/core/storage/data-file';
import { StorageStartError } from '../../../../electron/core/storage/index';
import { tempDir } from '../../../helpers/temp';
import { ADMIN, checkInToTicket, storageCore, type Kit } from './kit';

const dbFile = (dir: string) => path.join(dir, 'kiosk.sqlite3');
const rows = (kit: Kit, sql: string) => kit.core.internals.db.prepare(sql).all();
const TRANSITIONS = `SELECT session_id, version, event_type, to_state, actor FROM transitions ORDER BY session_id, version`;

async function refusedWith(dir: string, code: string): Promise<string> {
  let error: unknown;
  try {
    await (await storageCore(dir)).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StorageStartError);
  expect(error).toMatchObject({ code });
  return (error as StorageStartError).message;
}
const emptyTheFile = (dir: string) => {
  fs.truncateSync(dbFile(dir), 0);
  for (const f of ['-wal', '-shm']) fs.rmSync(dbFile(dir) + f, { force: true });
};

describe('start-up: a missing, empty or corrupt database is never silently replaced', () => {
  it('0-byte database: refused with a restore path, the file left as it was; a restore never repeats a 受付番号', async () => {
    const dir = tempDir();
    let kit = await storageCore(dir);
    expect((await checkInToTicket(kit)).ticketNumber).toBe(1);
    expect((await checkInToTicket(kit)).ticketNumber).toBe(2);
    const b = await kit.core.handle(ADMIN, 'admin.backupNow', {}); // holds tickets 1 and 2
    expect(b).toMatchObject({ ok: true, value: { sessions: 2 } });
    expect((await checkInToTicket(kit)).ticketNumber).toBe(3); // after the backup
    await kit.close();

    emptyTheFile(dir);
    const message = await refusedWith(dir, 'empty');
    expect(message).toMatch(/was not replaced/);
    expect(message).toMatch(/npm run storage -- restore --latest/);
    expect(fs.statSync(dbFile(dir)).size).toBe(0);

    // The admin says so (KIOSK_RESTORE=latest): the newest verified backup (tickets 1–2) comes back, the
    // empty file is moved aside, and today's counter continues after the floor (3), not the backup (2).
    kit = await storageCore(dir, { restore: 'latest' });
    try {
      expect(fs.readdirSync(dir).some((n) => /^kiosk\.sqlite3\.replaced-/.test(n))).toBe(true);
      expect((await checkInToTicket(kit)).ticketNumber).toBe(4);
      expect(rows(kit, `SELECT ticket_number AS t FROM sessions WHERE ticket_number IS NOT NULL ORDER BY t`)).toEqual([
        { t: 1 },
        { t: 2 },
        { t: 4 },
      ]);
    } finally {
      await kit.close();
    }
  });

  it('missing but expected: refused until the admin runs start-empty; even then no repeated number that day', async () => {
    const dir = tempDir();
    let kit = await storageCore(dir);
    await checkInToTicket(kit);
    await checkInToTicket(kit);
    await kit.close();
    emptyTheFile(dir);
    expect(await refusedWith(dir, 'empty')).toMatch(/npm run storage -- start-empty/);
    fs.renameSync(dbFile(dir), `${dbFile(dir)}.bad`);
    await refusedWith(dir, 'missing');
    startEmpty(dir, '2026-11-25T01:00:00.000Z');
    kit = await storageCore(dir);
    try {
      expect((await checkInToTicket(kit)).ticketNumber).toBe(3);
    } finally {
      await kit.close();
    }
  });

  it('corrupt database (pages overwritten): refused by integrity_check', async () => {
    const dir = tempDir();
    const kit = await storageCore(dir);
    for (let i = 0; i < 30; i++) await checkInToTicket(kit);
    kit.core.internals.db.pragma('wal_checkpoint(TRUNCATE)');
    await kit.close();
    const size = fs.statSync(dbFile(dir)).size;
    const fd = fs.openSync(dbFile(dir), 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    expect(await refusedWith(dir, 'corrupt')).toMatch(/restore --latest|No verified backup/);
  });

  it('a healthy database is never rolled back by a restore flag left set', async () => {
    const dir = tempDir();
    let kit = await storageCore(dir);
    await checkInToTicket(kit);
    await kit.core.handle(ADMIN, 'admin.backupNow', {});
    await checkInToTicket(kit);
    await kit.close();
    kit = await storageCore(dir, { restore: 'latest' });
    try {
      expect(rows(kit, `SELECT count(*) AS n FROM sessions`)).toEqual([{ n: 2 }]);
    } finally {
      await kit.close();
    }
  });
});

describe('backups', () => {
  it('backup → destroy → restore: every committed transition is present, the audit chain verifies', async () => {
    const dir = tempDir();
    const backups = tempDir('kiosk-backups-');
    let kit = await storageCore(dir, { core: { settings: { simulatorAnswerMs: 0, backupDir: backups } } });
    for (let i = 0; i < 25; i++) await checkInToTicket(kit, `kiosk-${i % 3}`);
    const open = await kit.core.handle({ role: 'kiosk', kioskId: 'kiosk-9' }, 'session.start', { kioskId: 'kiosk-9' });
    if (!open.ok) throw new Error('start');
    const before = rows(kit, TRANSITIONS);
    const sessionsBefore = rows(kit, `SELECT id, state, version, ticket_number FROM sessions ORDER BY id`);
    const b = await kit.core.handle(ADMIN, 'admin.backupNow', {});
    if (!b.ok) throw new Error(b.error.message);
    const info = b.value as BackupSummary;
    expect(info).toMatchObject({ sessions: 26, transitions: before.length });
    expect(path.dirname(info.file)).toBe(backups);
    expect(fs.existsSync(`${info.file}.json`)).toBe(true);
    await kit.close();

    fs.writeFileSync(dbFile(dir), 'destroyed');
    const check = verifyBackup(info.file);
    expect(check.ok && check.audit.intact).toBe(true);
    const r = restoreBackup(listBackups(backups)[0]!, dbFile(dir), '2026-11-25T03:00:00.000Z');
    expect(fs.readFileSync(r.movedAside!, 'utf8')).toBe('destroyed');

    kit = await storageCore(dir);
    try {
      expect(rows(kit, TRANSITIONS)).toEqual(before);
      expect(rows(kit, `SELECT id, state, version, ticket_number FROM sessions ORDER BY id`)).toEqual(sessionsBefore);
      expect(kit.core.internals.audit.verify().intact).toBe(true);
      expect((await checkInToTicket(kit, 'kiosk-1')).ticketNumber).toBe(26); // and the kiosk carries on
    } finally {
      await kit.close();
    }
  });

  it('verify refuses an empty or damaged copy; rotation keeps the newest and none past retention', async () => {
    const dir = tempDir();
    const backups = tempDir('kiosk-backups-');
    const kit = await storageCore(dir);
    try {
      await checkInToTicket(kit);
      const times = [
        '2026-08-01T00:00:00.000Z',
        '2026-11-20T00:00:00.000Z',
        '2026-11-24T00:00:00.000Z',
        '2026-11-25T00:00:00.000Z',
      ];
      for (const t of times) await backupNow(kit.core.internals.db, backups, t);
      expect(listBackups(backups)).toHaveLength(4);
      expect(rotateBackups(backups, 3, '2026-08-27').map((f) => path.basename(f))).toEqual([
        'kiosk-20260801T000000000Z.sqlite3',
      ]);
      expect(rotateBackups(backups, 2)).toHaveLength(1);
      expect(listBackups(backups).map((f) => path.basename(f))).toEqual([
        'kiosk-20261125T000000000Z.sqlite3',
        'kiosk-20261124T000000000Z.sqlite3',
      ]);
      const bad = path.join(backups, 'kiosk-20261126T000000000Z.sqlite3');
      fs.writeFileSync(bad, '');
      expect(verifyBackup(bad)).toMatchObject({ ok: false, problem: expect.stringMatching(/empty/) });
      fs.writeFileSync(bad, 'SQLite format 3\0' + 'x'.repeat(5000));
      expect(verifyBackup(bad).ok).toBe(false);
    } finally {
      await kit.close();
    }
  });

  it('admin.verifyAudit says intact, then names the first broken entry', async () => {
    const dir = tempDir();
    const kit = await storageCore(dir);
    try {
      for (let i = 0; i < 3; i++) await checkInToTicket(kit);
      expect(await kit.core.handle(ADMIN, 'admin.verifyAudit', {})).toMatchObject({
        ok: true,
        value: { intact: true },
      });
      const id = (
        kit.core.internals.db.prepare(`SELECT min(id) AS id FROM audit WHERE action = 'session.approve'`).get() as {
          id: number;
        }
      ).id;
      kit.core.internals.db.exec(`DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'edited' WHERE id = ${id}`);
      expect(await kit.core.handle(ADMIN, 'admin.verifyAudit', {})).toMatchObject({
        ok: true,
        value: { intact: false, brokenAt: id },
      });
      expect(await kit.core.handle({ role: 'staff', kioskId: 'desk' }, 'admin.verifyAudit', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    } finally {
      await kit.close();
    }
  });
});
