/**
 * Check-in: the sessions (state machine from shared/flow, persisted before they are pushed), their
 * requests (start, get, send, staff list and actions) and the 'session.updated' event. A kiosk sees only
 * its own sessions; staff and admin see all.
 */
import type { EligibilityDecision, EligibilityQuery } from '../../../shared/eligibility/index';
import type { CheckInSession } from '../../../shared/flow/session';
import type { AuditLog } from '../audit/index';
import type { Clock } from '../clock';
import { defineFeature, type Caller } from '../feature';
import type { Logger } from '../logger';
import type { OnlineMonitor } from '../monitor';
import { fail, ok, type RequestTable } from '../requests';
import type { Db } from '../store/index';
import { checkinMigrations } from './migrations';
import { createSessionManager, type SessionManager, type SessionManagerDeps } from './sessions';
import { createCheckinStore, type CheckinStore } from './store';

export interface CheckinDeps {
  audit: AuditLog;
  clock: Clock;
  monitor: OnlineMonitor;
  log: Logger;
  cards: SessionManagerDeps['cards'];
  verify: SessionManagerDeps['verify'];
  decide: (query: EligibilityQuery) => EligibilityDecision;
  smartphoneReader: () => boolean;
  patientCardStep?: SessionManagerDeps['patientCardStep'];
  checkPatientCard?: SessionManagerDeps['checkPatientCard'];
  /** Sessions idle longer than this are expired by the periodic sweep. */
  sweepAfterSeconds: () => number;
  sweepEveryMs?: number;
}

export interface Checkin {
  sessions: SessionManager;
  store: CheckinStore;
}

/** A kiosk acts only on its own sessions; staff and admin on all; any other role (the display) on none. */
export const owns = (caller: Caller, kioskId: string) =>
  caller.role === 'staff' || caller.role === 'admin' || (caller.role === 'kiosk' && caller.kioskId === kioskId);

export const checkinFeature = defineFeature({
  name: 'checkin',
  migrations: checkinMigrations,
  create({
    db,
    audit,
    clock,
    monitor,
    log,
    cards,
    verify,
    decide,
    smartphoneReader,
    sweepAfterSeconds,
    sweepEveryMs,
    patientCardStep,
    checkPatientCard,
  }: CheckinDeps & { db: Db }) {
    const store = createCheckinStore(db);
    const sessions = createSessionManager({
      store,
      audit,
      clock,
      monitor,
      cards,
      verify,
      decide,
      smartphoneReader,
      log,
      ...(patientCardStep ? { patientCardStep } : {}),
      ...(checkPatientCard ? { checkPatientCard } : {}),
    });
    const visible = (caller: Caller, id: string): CheckInSession | undefined => {
      const s = sessions.get(id);
      return s && owns(caller, s.kioskId) ? s : undefined;
    };
    const handlers: Pick<RequestTable, 'session.start' | 'session.get' | 'session.send' | 'staff.list' | 'staff.act'> =
      {
        'session.start': ({ caller }, { kioskId }) => {
          if (!owns(caller, kioskId)) return fail('forbidden', 'a kiosk starts sessions only for itself');
          const r = sessions.start(kioskId);
          return r.ok ? ok(r.session) : { ok: false, error: r.error };
        },
        'session.get': ({ caller }, { sessionId }) => {
          const s = visible(caller, sessionId);
          return s ? ok(s) : fail('not-found', 'no such session');
        },
        'session.send': ({ caller }, { sessionId, event, expectedVersion }) => {
          if (!visible(caller, sessionId)) return fail('not-found', 'no such session');
          const r = sessions.apply(sessionId, event, { actor: `kiosk:${caller.kioskId}`, expectedVersion });
          return r.ok ? ok(r.session) : { ok: false, error: r.error };
        },
        'staff.list': (_ctx, { date }) => ok(sessions.list(date ?? clock.today())),
        'staff.act': (_ctx, { sessionId, event }) => {
          const r = sessions.apply(sessionId, event, { actor: `staff:${event.staff}` });
          return r.ok ? ok(r.session) : { ok: false, error: r.error };
        },
      };
    let sweeper: NodeJS.Timeout | undefined;
    return {
      service: { sessions, store } satisfies Checkin,
      handlers,
      subscribe: (caller, emit) =>
        sessions.onUpdate((s) => {
          if (owns(caller, s.kioskId)) emit('session.updated', s);
        }),
      start() {
        sessions.restore();
        sweeper = setInterval(() => sessions.sweep(sweepAfterSeconds()), sweepEveryMs ?? 30_000);
        sweeper.unref();
      },
      close() {
        if (sweeper) clearInterval(sweeper);
      },
    };
  },
});
