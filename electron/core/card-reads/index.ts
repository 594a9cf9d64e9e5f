/**
 * Card reads: what the 資格確認端末 reports from its card reader (face/), matched to a waiting session
 * (service.ts with the pure matcher in shared/card-reads/match.ts), and the staff workflow for reads the
 * kiosk would not attach by itself: 'staff.unmatchedReads', 'staff.assignRead', 'staff.dismissRead' and
 * the staff-only 'reader.unmatched' event. Owns unmatched_reads and card_waits (store.ts).
 */
import type { AuditLog } from '../audit/index';
import type { Clock } from '../clock';
import { defineFeature } from '../feature';
import type { Logger } from '../logger';
import { actorName, fail, ok, type RequestTable } from '../requests';
import type { Db } from '../store/index';
import { createCardReadsService, type CardReadsService, type CardReadsServiceDeps } from './service';
import { cardReadsMigrations, createCardReadsStore, type CardReadsStore } from './store';

export type { CardEvent, CardNotice, CardWaitRequest } from './service';

export interface CardReadsDeps {
  audit: AuditLog;
  clock: Clock;
  log: Logger;
  transport: CardReadsServiceDeps['transport'];
  config: CardReadsServiceDeps['config'];
  wallNow?: () => number;
}

export interface CardReads extends CardReadsService {
  store: CardReadsStore;
}

export const cardReadsFeature = defineFeature({
  name: 'card-reads',
  migrations: cardReadsMigrations,
  create({ db, audit, ...deps }: CardReadsDeps & { db: Db }) {
    const store = createCardReadsStore(db);
    const service = createCardReadsService({ ...deps, store });
    const handlers: Pick<RequestTable, 'staff.unmatchedReads' | 'staff.assignRead' | 'staff.dismissRead'> = {
      'staff.unmatchedReads': (_ctx, { all }) => ok(service.unmatchedReads({ all: all ?? false })),
      'staff.assignRead': (ctx, { readId, sessionId, staff: typed, reason }) => {
        const { now } = ctx;
        const staff = actorName(ctx, typed);
        const r = service.assign(readId, sessionId, staff);
        if (!r.ok) return fail(r.code, r.message);
        audit.write({
          at: now,
          actor: `staff:${staff}`,
          action: 'reader.assign-read',
          subject: sessionId,
          detail: `${readId}: ${reason}`,
        });
        return ok(r.session);
      },
      'staff.dismissRead': (ctx, { readId, staff: typed, reason }) => {
        const { now } = ctx;
        const staff = actorName(ctx, typed);
        const r = service.dismiss(readId, staff);
        if (!r) return fail('conflict', 'no such open card read');
        audit.write({
          at: now,
          actor: `staff:${staff}`,
          action: 'reader.dismiss-read',
          subject: readId,
          detail: reason,
        });
        return ok(r);
      },
    };
    return {
      service: { ...service, store } satisfies CardReads,
      handlers,
      // A kiosk's subscription is its presence: when its last one closes, its card waits end soon after.
      subscribe: (caller, emit) =>
        caller.role === 'kiosk'
          ? service.kioskConnected(caller.kioskId)
          : caller.role === 'staff' || caller.role === 'admin'
            ? service.onUnmatched((u) => emit('reader.unmatched', u))
            : () => {}, // the public call display: nothing of card reads
      close: () => service.close(),
    };
  },
});
