/**
 * The receipt-link feature's own schema: numbered within the feature, append-only (store/migrate.ts runs
 * them, each in one transaction with its version row).
 */
import type { Migration } from '../store/index';

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
  {
    version: 2,
    name: 'receipt-link settings (ORCA connection, defaults, exporter), password kept only here',
    sql: `CREATE TABLE receipt_link_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);`,
  },
];
