/**
 * The audit log: who did what, when, and why (staff actions, admin changes, session decisions). Other
 * features write to it, also inside their own transactions (a session's audit rows commit with its
 * transition).
 */
import { defineFeature } from '../feature';
import { guarded, type Db } from '../store/index';

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
  };
}

export const auditFeature = defineFeature({
  name: 'audit',
  migrations: auditMigrations,
  create: ({ db }: { db: Db }) => ({ service: createAuditLog(db) }),
});
