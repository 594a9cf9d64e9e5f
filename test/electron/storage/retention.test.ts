import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { newSession, type CheckInSession } from '../../../shared/flow/session';
import { openStore, type Store } from '../../../electron/core/store/index';
import { attachAuditChain, verifyAuditChain } from '../../../electron/core/storage/audit-chain';
import { createRetentionService, purgeExpired } from '../../../electron/core/storage/retention';
import { createLogger } from '../../../electron/core/logger';
import { createClock } from '../../../electron/core/clock';
import { tempDir } from '../../helpers/temp';

let store: Store | undefined;
afterEach(() => store?.close());

const OLD = { name: '山田花子', kana: 'ヤマダハナコ', phone: '090-4321-8765', birth: '1958-07-19' };
const NEW = { name: '佐藤次郎', kana: 'サトウジロウ', phone: '080-1111-2222', birth: '1990-01-02' };

/** A finished check-in with a self-declaration (name, phone, birth date) and a staff action with a reason. */
function finished(s: Store, id: string, day: string, p: typeof OLD, ticket: number): void {
  const base = newSession(id, 'kiosk-1', `${day}T00:30:00.000Z`, day);
  s.insertSession(base);
  const done: CheckInSession = {
    ...base,
    version: 1,
    state: 'completed',
    declaration: { nameKana: p.kana, birthDate: p.birth, phone: p.phone },
    identity: { source: 'declared', name: p.name, nameKana: p.kana, birthDate: p.birth },
    verification: { status: 'pending' },
    ticketNumber: ticket,
    updatedAt: `${day}T00:31:00.000Z`,
  };
  s.saveTransition(
    done,
    { at: done.updatedAt, eventType: 'submit-declaration', actor: 'kiosk:kiosk-1', fromState: base.state },
    {
      reserveTicket: true,
      queueReverification: true,
      audit: [
        {
          at: done.updatedAt,
          actor: 'staff:受付',
          action: 'session.approve',
          subject: id,
          detail: `電話 ${p.phone} の方`,
        },
      ],
    },
  );
  s.recordConsumedFile(
    {
      folder: 'face',
      name: `OQSsiquc01res_face_${id}.xml`,
      size: 1,
      mtimeMs: 1,
      sha256: 'x',
      consumedAt: `${day}T00:30:30.000Z`,
      disposition: 'unmatched',
    },
    {
      id: `read-${id}`,
      fileName: `OQSsiquc01res_face_${id}.xml`,
      seenAt: `${day}T00:30:30.000Z`,
      reason: 'no-waiting-session',
      candidates: [],
      status: 'open',
      outcome: { ok: true, identity: { name: p.name, nameKana: p.kana, birthDate: p.birth } },
    },
  );
}

const rawBytes = (file: string) =>
  Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
const present = (bytes: Buffer, p: typeof OLD) =>
  [p.name, p.kana, p.phone, p.birth].filter((t) => bytes.includes(Buffer.from(t, 'utf8')));

describe('retention that erases', () => {
  it('purged names, phone numbers and birth dates are not in the SQLite file or its WAL; kept ones are; audit still verifies', () => {
    store = openStore(tempDir());
    attachAuditChain(store.db);
    store.db.pragma('secure_delete = ON');
    // An anchor from the old day, as the daily purge would have written it.
    purgeExpired(store.db, '2026-01-01', '2026-08-01T00:00:00.000Z');
    finished(store, 'old-1', '2026-08-01', OLD, 1);
    purgeExpired(store.db, '2026-05-04', '2026-08-02T00:00:00.000Z'); // the next day's run: its anchor
    finished(store, 'new-1', '2026-11-25', NEW, 1);
    expect(present(rawBytes(store.file), OLD)).toHaveLength(4); // the test can see them before the purge

    const r = purgeExpired(store.db, '2026-08-27', '2026-11-25T00:00:00.000Z'); // 90 days kept
    expect(r).toMatchObject({ sessions: 1, transitions: 1, reverifications: 1, unmatchedReads: 1, audit: 2 }); // audit: the old anchor and the entry
    expect(present(rawBytes(store.file), OLD)).toEqual([]);
    expect(present(rawBytes(store.file), NEW)).toHaveLength(4);
    expect(store.getSession('new-1')?.state).toBe('completed');
    expect(verifyAuditChain(store.db).intact).toBe(true);
    expect(store.auditLog(10).some((a) => a.detail?.includes(OLD.phone))).toBe(false);
  });

  it('runs at start and on a schedule, with the clinic clock deciding the cutoff', async () => {
    store = openStore(tempDir());
    attachAuditChain(store.db);
    finished(store, 'old-1', '2026-08-01', OLD, 1);
    const clock = createClock({ fixedStart: '2026-11-25T09:00:00+09:00' });
    if ('code' in clock) throw new Error(clock.message);
    const results: number[] = [];
    const svc = createRetentionService({
      db: store.db,
      clock,
      log: createLogger({ console: false }),
      retentionDays: () => 90,
      intervalMs: 20,
      afterPurge: (x) => results.push(x.sessions),
    });
    try {
      expect(results[0]).toBe(1); // at start
      expect(store.getSession('old-1')).toBeUndefined();
      for (let i = 0; i < 200 && results.length < 3; i++) await new Promise((res) => setTimeout(res, 10));
      expect(results.length).toBeGreaterThanOrEqual(3); // and again on its schedule
    } finally {
      svc.close();
    }
  });
});
