/**
 * Retention that erases (保存期間). On a schedule (at start and daily) everything past the clinic's retention
 * period goes: finished sessions with their transitions and re-verification rows, card-read records
 * (unmatched reads, number queries, card waits), old ticket counters, and audit entries (cut at an anchor so
 * the chain still verifies). `secure_delete` zeroes what is deleted, VACUUM rebuilds the file without free
 * pages, and a TRUNCATE checkpoint empties the WAL, so a purged name, phone number or birth date is not left
 * readable in the SQLite file or its WAL.
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { appendAuditAnchor, cutAuditBefore } from '../audit/chain';

export interface PurgeResult {
  cutoffDay: string;
  sessions: number;
  transitions: number;
  reverifications: number;
  unmatchedReads: number;
  numberQueries: number;
  cardWaits: number;
  tickets: number;
  audit: number;
  /** Rows removed by other features' purges (e.g. the receipt link), run in the same transaction. */
  other: number;
}

/** 'YYYY-MM-DD' shifted by whole days. */
export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Deletes everything before `cutoffDay` (the first clinic day kept) in one transaction, then compacts.
 * Needs the audit chain attached (anchors, gate). `nowIso` stamps today's anchor.
 */
export function purgeExpired(
  db: Database.Database,
  cutoffDay: string,
  nowIso: string,
  options: { vacuum?: boolean; also?: readonly ((cutoffDay: string) => number)[] } = {},
): PurgeResult {
  db.pragma('secure_delete = ON');
  const count = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;
  const finished = `day < ? AND state IN ('completed','cancelled','expired')`;
  const result = db.transaction((): PurgeResult => {
    const transitions = count(
      `SELECT count(*) AS n FROM transitions WHERE session_id IN (SELECT id FROM sessions WHERE ${finished})`,
      cutoffDay,
    );
    const reverifications = count(
      `SELECT count(*) AS n FROM reverify_queue WHERE session_id IN (SELECT id FROM sessions WHERE ${finished})`,
      cutoffDay,
    );
    // transitions and reverify_queue go with their session (ON DELETE CASCADE; foreign_keys is ON).
    const sessions = db.prepare(`DELETE FROM sessions WHERE ${finished}`).run(cutoffDay).changes;
    const unmatchedReads = db.prepare(`DELETE FROM unmatched_reads WHERE seen_at < ?`).run(cutoffDay).changes;
    const numberQueries = db
      .prepare(`DELETE FROM number_queries WHERE requested_at < ? AND status <> 'waiting'`)
      .run(cutoffDay).changes;
    const cardWaits = db
      .prepare(`DELETE FROM card_waits WHERE session_id NOT IN (SELECT id FROM sessions)`)
      .run().changes;
    const tickets = db.prepare(`DELETE FROM tickets WHERE day < ?`).run(cutoffDay).changes;
    const other = (options.also ?? []).reduce((n, purge) => n + purge(cutoffDay), 0);
    // Today's anchor first, so a later cut always has one to stop at; then the cut below the cutoff.
    appendAuditAnchor(db, nowIso);
    const audit = cutAuditBefore(db, cutoffDay);
    return {
      cutoffDay,
      sessions,
      transitions,
      reverifications,
      unmatchedReads,
      numberQueries,
      cardWaits,
      tickets,
      audit,
      other,
    };
  })();
  const removed = result.sessions + result.unmatchedReads + result.numberQueries + result.audit + result.other;
  if (removed > 0 && options.vacuum !== false) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return result;
}

export interface RetentionService {
  runNow(): PurgeResult | undefined;
  close(): void;
}

/** Purges at start and then every `intervalMs` (default: daily). A failure is logged and retried next time. */
export function createRetentionService(deps: {
  db: Database.Database;
  clock: Clock;
  log: Logger;
  retentionDays: () => number;
  intervalMs?: number;
  /** After each purge (e.g. backups older than the cutoff are removed too). */
  afterPurge?: (result: PurgeResult) => void;
  /** A failed purge (full disk…): the storage health hears it. */
  onError?: (e: unknown) => void;
  /** Other features' purges of patient data, run in the same transaction. */
  also?: readonly ((cutoffDay: string) => number)[];
}): RetentionService {
  const runNow = (): PurgeResult | undefined => {
    const cutoff = shiftDay(deps.clock.today(), -deps.retentionDays());
    try {
      const r = purgeExpired(deps.db, cutoff, deps.clock.nowIso(), { ...(deps.also ? { also: deps.also } : {}) });
      deps.log.info('retention purge', { ...r });
      deps.afterPurge?.(r);
      return r;
    } catch (e) {
      deps.log.error('retention purge failed', { error: e instanceof Error ? e.message : String(e) });
      deps.onError?.(e);
      return undefined;
    }
  };
  runNow();
  const timer = setInterval(runNow, deps.intervalMs ?? 24 * 60 * 60 * 1000);
  timer.unref();
  return { runNow, close: () => clearInterval(timer) };
}
