/**
 * Numbered, transactional migrations, one list per feature (Signal Desktop style, per feature).
 *
 * Each feature owns `migrations: { version, name, sql }[]`, numbered 1, 2, 3 … within the feature, and
 * never edits a released one (it adds the next number). The table `schema_versions(feature, version)`
 * records the last version applied per feature; each migration runs in one transaction with the update of
 * its row, so a crash leaves either the old or the new schema. Features are migrated in the order the
 * composition root adds them, so a feature may reference the tables of one added before it.
 *
 * Databases made before features existed used one global list and `PRAGMA user_version` (1: sessions,
 * transitions, audit, settings, tickets, reverify_queue; 2: the onshi-folder tables). The first open with
 * this code seeds `schema_versions` from that number (LEGACY_VERSIONS) and sets user_version to
 * SCHEMA_LAYOUT, which from then on only says "per-feature versions are in schema_versions".
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** user_version of a database whose versions live in schema_versions. */
export const SCHEMA_LAYOUT = 100;

/** What each feature's version was at each of the old global user_version numbers. */
export const LEGACY_VERSIONS: Record<number, Record<string, number>> = {
  1: { audit: 1, settings: 1, checkin: 1, reverify: 1 },
  2: { audit: 1, settings: 1, checkin: 1, reverify: 1, 'card-reads': 1, terminal: 1 },
};

function ensureVersionTable(db: Database.Database): void {
  const layout = db.pragma('user_version', { simple: true });
  if (layout === SCHEMA_LAYOUT) return;
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_versions (feature TEXT PRIMARY KEY, version INTEGER NOT NULL)`);
    const legacy = typeof layout === 'number' ? LEGACY_VERSIONS[layout] : undefined;
    if (typeof layout === 'number' && layout !== 0 && !legacy) {
      throw new Error(`unknown database layout (user_version ${layout}): made by a newer kiosk?`);
    }
    const seed = db.prepare(
      `INSERT INTO schema_versions (feature, version) VALUES (?, ?) ON CONFLICT(feature) DO NOTHING`,
    );
    for (const [feature, version] of Object.entries(legacy ?? {})) seed.run(feature, version);
    db.pragma(`user_version = ${SCHEMA_LAYOUT}`);
  })();
}

/** Per feature: the last migration applied. */
export function schemaVersions(db: Database.Database): Record<string, number> {
  ensureVersionTable(db);
  const rows = db.prepare(`SELECT feature, version FROM schema_versions`).all();
  const out: Record<string, number> = {};
  for (const row of rows) {
    if (typeof row === 'object' && row !== null && 'feature' in row && 'version' in row)
      out[String(row.feature)] = Number(row.version);
  }
  return out;
}

/** Applies the feature's migrations newer than its recorded version, each in its own transaction. */
export function migrateFeature(db: Database.Database, feature: string, migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${feature}: migration ${i + 1} is numbered ${m.version}`);
  });
  ensureVersionTable(db);
  const current = schemaVersions(db)[feature] ?? 0;
  if (current > migrations.length)
    throw new Error(`${feature}: database is at version ${current}, this kiosk knows ${migrations.length}`);
  const record = db.prepare(
    `INSERT INTO schema_versions (feature, version) VALUES (?, ?) ON CONFLICT(feature) DO UPDATE SET version = excluded.version`,
  );
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(feature, m.version);
    })();
  }
  return migrations.length;
}
