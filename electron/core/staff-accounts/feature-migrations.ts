/**
 * Applies one feature's numbered migrations to the shared SQLite file. The core's own schema version lives in
 * `PRAGMA user_version`; a feature keeps its own number in `feature_schema`, so features can be added and
 * migrated independently. Each migration runs in a transaction together with its version bump.
 */
import type Database from 'better-sqlite3';
import type { FeatureMigration } from './migrations';

export function applyFeatureMigrations(
  db: Database.Database,
  feature: string,
  migrations: readonly FeatureMigration[],
): number {
  db.exec(`CREATE TABLE IF NOT EXISTS feature_schema (feature TEXT PRIMARY KEY, version INTEGER NOT NULL)`);
  const row = db.prepare(`SELECT version FROM feature_schema WHERE feature = ?`).get(feature) as
    { version: number } | undefined;
  let current = row?.version ?? 0;
  const newest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > newest)
    throw new Error(`${feature}: the data folder was written by a newer version (schema ${current} > ${newest})`);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO feature_schema (feature, version) VALUES (?, ?) ON CONFLICT(feature) DO UPDATE SET version = excluded.version`,
      ).run(feature, m.version);
    })();
    current = m.version;
  }
  return current;
}
