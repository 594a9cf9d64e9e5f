/**
 * Tamper-evident audit (監査ログ). The existing `audit` table becomes append-only (triggers refuse UPDATE and
 * DELETE; only the retention cut may remove entries below an anchor) and every entry is chained by SHA-256
 * to the one before it, so an edited, deleted, inserted or reordered entry breaks the chain at that entry.
 *
 * Anchors: an 'audit.anchor' entry marks a place where retention may later cut. After a cut the first entry
 * left is an anchor whose prev_hash is the (deleted) entry before it, and the rest still verifies from there.
 * Limits (stated, not hidden): someone who can write the file can drop the triggers and rewrite the whole
 * chain from some entry on, or cut a prefix exactly at an anchor as retention does; the head hash printed by
 * verify and stored with every backup is what an outside copy can be compared with.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export const AUDIT_GENESIS = '0'.repeat(64);
export const ANCHOR_ACTION = 'audit.anchor';

export function auditEntryHash(
  prev: string,
  id: number | bigint,
  at: string,
  actor: string,
  action: string,
  subject: string | null,
  detail: string | null,
): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, Number(id), at, actor, action, subject ?? null, detail ?? null]))
    .digest('hex');
}

/** The hash function the chain trigger calls; registered on every connection that writes the audit. */
export function registerAuditFunctions(db: Database.Database): void {
  db.function(
    'audit_chain_hash',
    { deterministic: true, varargs: false },
    (prev, id, at, actor, action, subject, detail) =>
      auditEntryHash(
        String(prev),
        typeof id === 'bigint' ? id : Number(id),
        String(at),
        String(actor),
        String(action),
        subject === null ? null : String(subject),
        detail === null ? null : String(detail),
      ),
  );
}

/**
 * After the audit feature's migration 2: chains entries written before the chain existed (once, in id
 * order; the trigger allows a first fill of an entry without a hash).
 */
export function chainOlderEntries(db: Database.Database): void {
  if (db.prepare(`SELECT 1 FROM pragma_table_info('audit') WHERE name = 'hash'`).get() === undefined) return;
  // Entries written before the chain existed: chained once, in id order (the trigger allows a first fill).
  const unchained = db
    .prepare(`SELECT id, at, actor, action, subject, detail FROM audit WHERE hash IS NULL ORDER BY id`)
    .all() as Row[];
  if (unchained.length) {
    const prevOf = db.prepare(`SELECT hash FROM audit WHERE id < ? AND hash IS NOT NULL ORDER BY id DESC LIMIT 1`);
    const fill = db.prepare(`UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?`);
    db.transaction(() => {
      for (const r of unchained) {
        const prev = (prevOf.get(r.id) as { hash: string } | undefined)?.hash ?? AUDIT_GENESIS;
        fill.run(prev, auditEntryHash(prev, r.id, r.at, r.actor, r.action, r.subject, r.detail), r.id);
      }
    })();
  }
}

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: string | null;
  prev_hash?: string | null;
  hash?: string | null;
}

export type AuditVerification =
  | { intact: true; entries: number; firstId?: number; lastId?: number; head: string }
  | {
      intact: false;
      entries: number;
      brokenAt: number;
      reason: 'hash' | 'link' | 'unchained' | 'start' | 'tail';
      message: string;
    };

/** Walks the whole chain; names the first entry that does not verify. */
export function verifyAuditChain(db: Database.Database): AuditVerification {
  const rows = db
    .prepare(`SELECT id, at, actor, action, subject, detail, prev_hash, hash FROM audit ORDER BY id`)
    .iterate() as IterableIterator<Row>;
  let prev: string | undefined;
  let n = 0;
  let first: number | undefined;
  let last: number | undefined;
  for (const r of rows) {
    n += 1;
    if (!r.hash || !r.prev_hash)
      return { intact: false, entries: n, brokenAt: r.id, reason: 'unchained', message: `entry ${r.id} has no hash` };
    if (prev === undefined) {
      first = r.id;
      // The chain starts at the genesis value, or — after a retention cut — at an anchor.
      if (r.prev_hash !== AUDIT_GENESIS && !isAnchor(r)) {
        return {
          intact: false,
          entries: n,
          brokenAt: r.id,
          reason: 'start',
          message: `entry ${r.id} is the first but neither the start of the chain nor an anchor`,
        };
      }
    } else if (r.prev_hash !== prev) {
      return {
        intact: false,
        entries: n,
        brokenAt: r.id,
        reason: 'link',
        message: `entry ${r.id} does not follow the entry before it (deleted, inserted or reordered)`,
      };
    }
    if (auditEntryHash(r.prev_hash, r.id, r.at, r.actor, r.action, r.subject, r.detail) !== r.hash) {
      return {
        intact: false,
        entries: n,
        brokenAt: r.id,
        reason: 'hash',
        message: `entry ${r.id} was changed after it was written`,
      };
    }
    prev = r.hash;
    last = r.id;
  }
  // AUTOINCREMENT remembers the highest id ever used: entries cut off the end show up here.
  const seq =
    (db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit'`).get() as { seq: number } | undefined)?.seq ?? 0;
  if (seq > (last ?? 0)) {
    return {
      intact: false,
      entries: n,
      brokenAt: (last ?? 0) + 1,
      reason: 'tail',
      message: `entries after ${last ?? 0} up to ${seq} are missing`,
    };
  }
  return {
    intact: true,
    entries: n,
    ...(first !== undefined ? { firstId: first, lastId: last } : {}),
    head: prev ?? AUDIT_GENESIS,
  };
}

function isAnchor(r: Row): boolean {
  if (r.action !== ANCHOR_ACTION || !r.detail) return false;
  try {
    const d = JSON.parse(r.detail) as { head?: unknown };
    return d.head === r.prev_hash;
  } catch {
    return false;
  }
}

/** Writes an anchor entry (a place retention may cut at); returns its id. */
export function appendAuditAnchor(db: Database.Database, at: string): number {
  const head =
    (db.prepare(`SELECT hash FROM audit ORDER BY id DESC LIMIT 1`).get() as { hash: string } | undefined)?.hash ??
    AUDIT_GENESIS;
  const info = db
    .prepare(`INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, 'system', ?, NULL, ?)`)
    .run(at, ANCHOR_ACTION, JSON.stringify({ head }));
  return Number(info.lastInsertRowid);
}

/**
 * The retention cut: removes every entry before the newest anchor written before `cutoffIso` (so nothing
 * newer than the cutoff goes), in one transaction with the gate opened only for it. Returns entries removed.
 */
export function cutAuditBefore(db: Database.Database, cutoffIso: string): number {
  return db.transaction(() => {
    const anchor = db
      .prepare(`SELECT id FROM audit WHERE action = ? AND at < ? ORDER BY id DESC LIMIT 1`)
      .get(ANCHOR_ACTION, cutoffIso) as { id: number } | undefined;
    if (!anchor) return 0;
    db.prepare(`UPDATE audit_gate SET cut_below = ? WHERE id = 1`).run(anchor.id);
    const n = db.prepare(`DELETE FROM audit WHERE id < ?`).run(anchor.id).changes;
    db.prepare(`UPDATE audit_gate SET cut_below = NULL WHERE id = 1`).run();
    return n;
  })();
}
