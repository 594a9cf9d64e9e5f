/**
 * The audit log: who did what, when, and why (staff actions, admin changes, session decisions). Other
 * features write to it, also inside their own transactions (a session's audit rows commit with its
 * transition). It is tamper-evident (chain.ts): append-only, each entry chained by SHA-256 to the one
 * before; the chain's SQL function is registered when the database is opened (registerAuditFunctions).
 */
import { defineFeature } from '../feature';
import { guarded, type Db } from '../store/index';
import { chainOlderEntries, verifyAuditChain, type AuditVerification } from './chain';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject?: string;
  detail?: string;
}

export interface AuditLog {
  write(entry: AuditEntry): void;
  /** Newest first. */
  list(limit?: number): AuditEntry[];
  /** Walks the hash chain: intact, or the first entry that does not verify. */
  verify(): AuditVerification;
}

export const auditMigrations = [
  {
    version: 1,
    name: 'audit',
    sql: `
      CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'tamper-evident audit: hash chain columns, append-only triggers, retention gate (see chain.ts)',
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
] as const;

interface AuditRow {
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: string | null;
}

export function createAuditLog(db: Db): AuditLog {
  const insert = db.prepare(`INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)`);
  const select = db.prepare<[number], AuditRow>(
    `SELECT at, actor, action, subject, detail FROM audit ORDER BY id DESC LIMIT ?`,
  );
  return {
    write: guarded((e: AuditEntry) => {
      insert.run(e.at, e.actor, e.action, e.subject ?? null, e.detail ?? null);
    }),
    list: guarded((limit = 200) =>
      select.all(limit).map((r) => ({
        at: r.at,
        actor: r.actor,
        action: r.action,
        ...(r.subject !== null ? { subject: r.subject } : {}),
        ...(r.detail !== null ? { detail: r.detail } : {}),
      })),
    ),
    verify: guarded(() => verifyAuditChain(db)),
  };
}

export const auditFeature = defineFeature({
  name: 'audit',
  migrations: auditMigrations,
  create: ({ db }: { db: Db }) => {
    chainOlderEntries(db);
    return { service: createAuditLog(db) };
  },
});
