/**
 * Card reads: what the 資格確認端末 reports from its card reader (face/), matched to a waiting session,
 * and the staff workflow for reads the kiosk would not attach by itself (list, assign, dismiss; the
 * staff-only 'reader.unmatched' event). Owns unmatched_reads and card_waits.
 */
import type { SessionManager } from '../checkin/sessions';
import type { AuditLog } from '../audit/index';
import type { Clock } from '../clock';
import { defineFeature } from '../feature';
import type { EligibilityReader } from '../readers';
import { fail, ok, type RequestTable } from '../requests';
import type { Db } from '../store/index';
import { cardReadsMigrations, createCardReadsStore } from './store';

export interface CardReadsDeps {
  audit: AuditLog;
  clock: Clock;
  sessions: SessionManager;
  reader: () => EligibilityReader;
}

export const cardReadsFeature = defineFeature({
  name: 'card-reads',
  migrations: cardReadsMigrations,
  create({ db, audit, clock, sessions, reader }: CardReadsDeps & { db: Db }) {
    const store = createCardReadsStore(db);
    const handlers: Pick<RequestTable, 'staff.unmatchedReads' | 'staff.assignRead' | 'staff.dismissRead'> = {
      'staff.unmatchedReads': (_ctx, { all }) => ok(reader().unmatchedReads?.({ all: all ?? false }) ?? []),
      'staff.assignRead': (_ctx, { readId, sessionId, staff, reason }) => {
        const r0 = reader();
        if (!r0.assignRead) return fail('not-found', 'this reader has no unmatched reads');
        if (!sessions.get(sessionId)) return fail('not-found', 'no such session');
        const r = r0.assignRead(readId, sessionId, staff);
        if (!r.ok) return fail(r.code, r.message);
        audit.write({
          at: clock.nowIso(),
          actor: `staff:${staff}`,
          action: 'reader.assign-read',
          subject: sessionId,
          detail: `${readId}: ${reason}`,
        });
        const s = sessions.get(sessionId);
        return s ? ok(s) : fail('not-found', 'no such session');
      },
      'staff.dismissRead': (_ctx, { readId, staff, reason }) => {
        const r = reader().dismissRead?.(readId, staff);
        if (!r) return fail('conflict', 'no such open card read');
        audit.write({
          at: clock.nowIso(),
          actor: `staff:${staff}`,
          action: 'reader.dismiss-read',
          subject: readId,
          detail: reason,
        });
        return ok(r);
      },
    };
    return {
      service: store,
      handlers,
      subscribe: (caller, emit) => {
        const r = reader();
        return caller.role === 'kiosk' || !r.onUnmatched ? () => {} : r.onUnmatched((u) => emit('reader.unmatched', u));
      },
    };
  },
});
