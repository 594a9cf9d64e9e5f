/**
 * The storage feature's own schema (audit chain, retention gate), as an ordered list like the store's.
 * Until the store runs feature migrations itself, `applyFeatureMigrations` records each feature's version in
 * `feature_versions`, one transaction per migration.
 */
import type Database from 'better-sqlite3';

export interface FeatureMigration {
  version: number;
  name: string;
  sql: string;
}

export const STORAGE_MIGRATIONS: readonly FeatureMigration[] = [
  {
    version: 1,
    name: 'tamper-evident audit: hash chain columns, append-only triggers, retention gate',
    sql: `
      ALTER TABLE audit ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit ADD COLUMN hash TEXT;

      -- The only way entries leave the audit: the retention cut opens this gate below an anchor, in the same
      -- transaction as the DELETE, and closes it again.
      CREATE TABLE audit_gate (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cut_below INTEGER
      );
      INSERT INTO audit_gate (id, cut_below) VALUES (1, NULL);

      -- Each new entry is chained at once: prev_hash = the previous entry's hash, hash = SHA-256 over
      -- (prev_hash, id, at, actor, action, subject, detail). audit_chain_hash() is registered by the core.
      CREATE TRIGGER audit_chain AFTER INSERT ON audit
      BEGIN
        UPDATE audit SET
          prev_hash = COALESCE((SELECT hash FROM audit WHERE id < NEW.id ORDER BY id DESC LIMIT 1), (SELECT head FROM audit_genesis)),
          hash = audit_chain_hash(
            COALESCE((SELECT hash FROM audit WHERE id < NEW.id ORDER BY id DESC LIMIT 1), (SELECT head FROM audit_genesis)),
            NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject, NEW.detail)
        WHERE id = NEW.id;
      END;

      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      WHEN OLD.hash IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'audit entries are append-only');
      END;

      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      WHEN (SELECT cut_below FROM audit_gate WHERE id = 1) IS NULL OR OLD.id >= (SELECT cut_below FROM audit_gate WHERE id = 1)
      BEGIN
        SELECT RAISE(ABORT, 'audit entries are append-only (only the retention cut removes old entries)');
      END;

      -- Where the chain starts (a fixed value; kept in a table so the trigger reads it).
      CREATE TABLE audit_genesis (head TEXT NOT NULL);
      INSERT INTO audit_genesis (head) VALUES ('0000000000000000000000000000000000000000000000000000000000000000');
    `,
  },
];

export function applyFeatureMigrations(
  db: Database.Database,
  feature: string,
  migrations: readonly FeatureMigration[],
): void {
  db.exec(`CREATE TABLE IF NOT EXISTS feature_versions (feature TEXT PRIMARY KEY, version INTEGER NOT NULL)`);
  const row = db.prepare(`SELECT version FROM feature_versions WHERE feature = ?`).get(feature) as
    { version: number } | undefined;
  const current = row?.version ?? 0;
  const record = db.prepare(
    `INSERT INTO feature_versions (feature, version) VALUES (?, ?) ON CONFLICT(feature) DO UPDATE SET version = excluded.version`,
  );
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(feature, m.version);
    })();
  }
}
