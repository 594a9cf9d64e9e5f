import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditMigrations } from '../../../../electron/core/audit/index';
import { cardReadsMigrations } from '../../../../electron/core/card-reads/store';
import { checkinMigrations } from '../../../../electron/core/checkin/migrations';
import { reverifyMigrations } from '../../../../electron/core/reverify/store';
import { settingsMigrations } from '../../../../electron/core/settings/index';
import { LEGACY_VERSIONS, SCHEMA_LAYOUT } from '../../../../electron/core/store/migrate';
import {
  migrateFeature,
  openDatabase,
  PAGE_CACHE_KIB,
  schemaVersions,
  type Db,
} from '../../../../electron/core/store/index';
import { terminalMigrations } from '../../../../electron/terminal/store';
import { makeCore, KIOSK } from '../../../helpers/core';
import { tempDir } from '../../../helpers/temp';

let db: Db | undefined;
afterEach(() => db?.close());

const tables = (d: Db) =>
  (d.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );

/** A database as the kiosk made it before features: one global list, user_version 1 or 2. */
function legacyDatabase(dir: string, userVersion: 1 | 2): void {
  const d = new Database(path.join(dir, 'kiosk.sqlite3'));
  const v1 = [auditMigrations, settingsMigrations, checkinMigrations, reverifyMigrations];
  const v2 = [...v1, cardReadsMigrations, terminalMigrations];
  for (const list of userVersion === 1 ? v1 : v2) d.exec(list[0]!.sql);
  d.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES ('settings', '{"clinicName":"旧クリニック"}', 'x')`,
  ).run();
  d.pragma(`user_version = ${userVersion}`);
  d.close();
}

describe('per-feature migrations', () => {
  it('a fresh file: WAL, synchronous=FULL, foreign keys, and each feature at its latest version', () => {
    db = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    // a deliberate, bounded page cache (better-sqlite3's build default is 16 MB)
    expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    migrateFeature(db, 'checkin', checkinMigrations);
    migrateFeature(db, 'reverify', reverifyMigrations);
    expect(schemaVersions(db)).toEqual({ checkin: checkinMigrations.length, reverify: reverifyMigrations.length });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_LAYOUT);
  });

  it('runs only the migrations newer than the recorded version, each with its version row', () => {
    db = openDatabase(tempDir());
    const first = [{ version: 1, name: 'a', sql: 'CREATE TABLE x_a (id INTEGER)' }];
    migrateFeature(db, 'x', first);
    migrateFeature(db, 'x', first); // again: nothing to do (CREATE TABLE would fail if it re-ran)
    migrateFeature(db, 'x', [...first, { version: 2, name: 'b', sql: 'CREATE TABLE x_b (id INTEGER)' }]);
    expect(schemaVersions(db).x).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['x_a', 'x_b']));
  });

  it('a failing migration leaves neither its tables nor its version behind', () => {
    db = openDatabase(tempDir());
    const bad = [{ version: 1, name: 'half', sql: 'CREATE TABLE y_a (id INTEGER); CREATE TABLE y_a (id INTEGER);' }];
    expect(() => migrateFeature(db!, 'y', bad)).toThrow();
    expect(tables(db)).not.toContain('y_a');
    expect(schemaVersions(db).y).toBeUndefined();
  });

  it('refuses misnumbered lists and a database newer than the code', () => {
    db = openDatabase(tempDir());
    expect(() => migrateFeature(db!, 'z', [{ version: 2, name: 'gap', sql: '' }])).toThrow(/numbered/);
    migrateFeature(db, 'z', [
      { version: 1, name: 'a', sql: '' },
      { version: 2, name: 'b', sql: '' },
    ]);
    expect(() => migrateFeature(db!, 'z', [{ version: 1, name: 'a', sql: '' }])).toThrow(/knows 1/);
  });

  it.each([1, 2] as const)(
    'a database made with the old global user_version %i opens with its data and gains the newer tables',
    async (v) => {
      const dir = tempDir();
      legacyDatabase(dir, v);
      const { core } = await makeCore({ dataDir: dir });
      try {
        const versions = schemaVersions(core.internals.db);
        // Seeded from the legacy number, then brought to the code's latest (newer migrations run on top).
        for (const [feature, version] of Object.entries(LEGACY_VERSIONS[2]!))
          expect(versions[feature]).toBeGreaterThanOrEqual(version);
        expect(versions['card-reads']).toBe(cardReadsMigrations.length);
        expect(core.internals.settings.get().clinicName).toBe('旧クリニック');
        const s = await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' });
        expect(s.ok).toBe(true);
        expect(tables(core.internals.db)).toEqual(
          expect.arrayContaining(['unmatched_reads', 'onshi_files', 'schema_versions']),
        );
      } finally {
        await core.close();
      }
    },
  );
});
