/**
 * The receipt-link feature's own schema: numbered, transactional, append-only. Applied versions are recorded
 * per feature in `feature_schema` so this list is independent of the core store's `user_version`.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const RECEIPT_LINK_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'receipt-link jobs (register / cancel in ORCA), in check-in order',
    sql: `
      CREATE TABLE receipt_link_jobs (
        -- The order jobs are sent in.
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        checkin_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('register', 'cancel')),
        -- waiting | sending (sent, outcome unknown until confirmed) | registered | cancelled | done
        -- | needs-staff | failed | by-hand
        state TEXT NOT NULL,
        -- Who the patient is (JSON PatientIdentity), cleared once the job is settled.
        identity TEXT,
        acceptance_date TEXT NOT NULL,
        acceptance_time TEXT NOT NULL,
        department_code TEXT NOT NULL,
        physician_code TEXT NOT NULL,
        new_patient_allowed INTEGER NOT NULL DEFAULT 0,
        patient_id TEXT,
        acceptance_id TEXT,
        insurance_combination TEXT,
        warnings TEXT NOT NULL DEFAULT '[]',
        candidates TEXT NOT NULL DEFAULT '[]',
        reason TEXT,
        detail TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (checkin_id, kind)
      );
      CREATE INDEX receipt_link_pending ON receipt_link_jobs(state, seq);
    `,
  },
];

/** Applies the migrations not yet applied, each in its own transaction. Returns the version reached. */
export function migrateFeature(db: Database.Database, feature: string, migrations: readonly Migration[]): number {
  db.exec('CREATE TABLE IF NOT EXISTS feature_schema (feature TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM feature_schema WHERE feature = ?').get(feature);
  let current =
    typeof row === 'object' && row !== null && 'version' in row && typeof row.version === 'number' ? row.version : 0;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare(
        'INSERT INTO feature_schema (feature, version) VALUES (?, ?) ON CONFLICT(feature) DO UPDATE SET version = excluded.version',
      ).run(feature, m.version);
    })();
    current = m.version;
  }
  return current;
}
