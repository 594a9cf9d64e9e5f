import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { auditMigrations, createAuditLog, type AuditLog } from '../../../../electron/core/audit/index';
import {
  appendAuditAnchor,
  chainOlderEntries,
  cutAuditBefore,
  registerAuditFunctions,
  verifyAuditChain,
} from '../../../../electron/core/audit/chain';
import { migrateFeature, openDatabase, type Db } from '../../../../electron/core/store/index';
import { tempDir } from '../../../helpers/temp';

/** The audit feature on a real file: its db and its log (what other features write through). */
interface Store {
  db: Db;
  file: string;
  audit: AuditLog['write'];
  auditLog: AuditLog['list'];
  close(): void;
}
function open(
  dir = tempDir(),
  migrations: readonly { version: number; name: string; sql: string }[] = auditMigrations,
): Store {
  const db = openDatabase(dir, { onOpen: registerAuditFunctions });
  migrateFeature(db, 'audit', migrations);
  chainOlderEntries(db);
  const log = createAuditLog(db);
  return { db, file: db.name, audit: log.write, auditLog: log.list, close: () => db.close() };
}

let store: Store | undefined;
afterEach(() => store?.close());

/** The chain attached and `n` entries written the ordinary way (the audit log's write). */
function chained(n: number): Store {
  const s = open();
  for (let i = 1; i <= n; i++)
    s.audit({
      at: `2026-11-25T00:00:${String(i).padStart(2, '0')}.000Z`,
      actor: `staff:s${i}`,
      action: 'settings',
      detail: `reason ${i}`,
    });
  return s;
}

/** What someone with the file and the sqlite3 tool does: drop the guards, then edit. */
function tamper(s: Store, sql: string, ...params: unknown[]) {
  s.db.exec(`DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_chain;`);
  s.db.prepare(sql).run(...params);
}

describe('tamper-evident audit', () => {
  it('chains every entry written through the store and verifies intact', () => {
    store = chained(5);
    const v = verifyAuditChain(store.db);
    expect(v).toMatchObject({ intact: true, entries: 5, firstId: 1, lastId: 5 });
    expect(store.auditLog(10)).toHaveLength(5);
  });

  it('refuses UPDATE and DELETE through SQL (append-only)', () => {
    store = chained(3);
    expect(() => store!.db.prepare(`UPDATE audit SET detail = 'x' WHERE id = 2`).run()).toThrow(/append-only/);
    expect(() => store!.db.prepare(`DELETE FROM audit WHERE id = 2`).run()).toThrow(/append-only/);
    expect(verifyAuditChain(store.db).intact).toBe(true);
  });

  it('detects an edited entry and names it', () => {
    store = chained(5);
    tamper(store, `UPDATE audit SET detail = 'nothing happened' WHERE id = 3`);
    expect(verifyAuditChain(store.db)).toMatchObject({ intact: false, brokenAt: 3, reason: 'hash' });
  });

  it('detects a deleted entry (the next one no longer links)', () => {
    store = chained(5);
    tamper(store, `DELETE FROM audit WHERE id = 2`);
    expect(verifyAuditChain(store.db)).toMatchObject({ intact: false, brokenAt: 3, reason: 'link' });
  });

  it('detects reordered entries (contents swapped between two ids, hashes and all)', () => {
    store = chained(5);
    const a = store.db.prepare(`SELECT * FROM audit WHERE id = 2`).get() as Record<string, unknown>;
    const b = store.db.prepare(`SELECT * FROM audit WHERE id = 4`).get() as Record<string, unknown>;
    const set = `UPDATE audit SET at = ?, actor = ?, action = ?, detail = ?, prev_hash = ?, hash = ? WHERE id = ?`;
    tamper(store, set, b.at, b.actor, b.action, b.detail, b.prev_hash, b.hash, 2);
    store.db.prepare(set).run(a.at, a.actor, a.action, a.detail, a.prev_hash, a.hash, 4);
    expect(verifyAuditChain(store.db)).toMatchObject({ intact: false, brokenAt: 2 });
  });

  it('detects an entry forged with a recomputed hash in the middle (the next link breaks)', () => {
    store = chained(4);
    tamper(store, `UPDATE audit SET detail = 'forged', hash = 'f'||substr(hash, 2) WHERE id = 2`);
    expect(verifyAuditChain(store.db)).toMatchObject({ intact: false, brokenAt: 2 });
  });

  it('detects entries cut off the end', () => {
    store = chained(5);
    tamper(store, `DELETE FROM audit WHERE id >= 4`);
    expect(verifyAuditChain(store.db)).toMatchObject({ intact: false, brokenAt: 4, reason: 'tail' });
  });

  it('retention cuts at an anchor and the rest still verifies; a cut elsewhere is detected', () => {
    store = chained(3); // 00:00:01..03
    const anchor = appendAuditAnchor(store.db, '2026-11-25T00:00:10.000Z');
    store.audit({ at: '2026-11-26T09:00:00.000Z', actor: 'staff:x', action: 'settings', detail: 'later' });
    expect(cutAuditBefore(store.db, '2026-11-26T00:00:00.000Z')).toBe(3);
    expect(verifyAuditChain(store.db)).toMatchObject({ intact: true, entries: 2, firstId: anchor });
    // The gate closed again after the cut.
    expect(() => store!.db.prepare(`DELETE FROM audit WHERE id = ?`).run(anchor)).toThrow(/append-only/);
    store.audit({ at: '2026-11-26T09:01:00.000Z', actor: 'staff:y', action: 'settings', detail: 'after cut' });
    expect(verifyAuditChain(store.db).intact).toBe(true);
    // Cutting the anchor too (not what retention does) leaves a chain that starts nowhere.
    tamper(store, `DELETE FROM audit WHERE id = ?`, anchor);
    expect(verifyAuditChain(store.db)).toMatchObject({ intact: false, reason: 'start' });
  });

  it('chains entries written before the chain existed, and a connection without the hash function cannot append', () => {
    const dir = tempDir();
    const first = open(dir, auditMigrations.slice(0, 1)); // a database from before the chain
    first.db
      .prepare(
        `INSERT INTO audit (at, actor, action, detail) VALUES ('2026-11-25T00:00:00.000Z', 'a', 'old', 'before the chain')`,
      )
      .run();
    first.close();
    store = open(dir);
    expect(verifyAuditChain(store.db)).toMatchObject({ intact: true, entries: 1 });
    const other = new Database(store.file);
    try {
      expect(() => other.prepare(`INSERT INTO audit (at, actor, action) VALUES ('t', 'x', 'y')`).run()).toThrow(
        /audit_chain_hash/,
      );
    } finally {
      other.close();
    }
  });
});
