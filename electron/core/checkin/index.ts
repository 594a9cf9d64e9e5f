/**
 * Check-in: the sessions (state machine from shared/flow, persisted before they are pushed), their
 * requests (start, get, send, staff list and actions) and the 'session.updated' event. A kiosk sees only
 * its own sessions; staff and admin see all.
 */
import type { DocumentInputs } from '../../../shared/api/index';
import { PRESENTED_DOCUMENTS } from '../../../shared/eligibility/documents';
import { decideEligibility } from '../../../shared/eligibility/index';
import { neededInputs } from '../../../shared/eligibility/inputs';
import type { RuleTimeline } from '../../../shared/eligibility/timeline';
import { validateInsuranceNumbers, parseInsurerNumber, validationMessageKey } from '../../../shared/insurance/index';
import type { PatientEvent } from '../../../shared/api/index';
import type { CheckInSession } from '../../../shared/flow/session';
import type { AuditLog } from '../audit/index';
import type { Clock } from '../clock';
import { defineFeature, type Caller } from '../feature';
import type { Logger } from '../logger';
import type { OnlineMonitor } from '../monitor';
import { actorName, fail, ok, type RequestTable } from '../requests';
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
  /** The national timeline made stricter by the clinic's policy. */
  rules: () => RuleTimeline;
  smartphoneReader: () => boolean;
  patientCardStep?: SessionManagerDeps['patientCardStep'];
  checkPatientCard?: SessionManagerDeps['checkPatientCard'];
  /** Sessions idle longer than this are expired by the periodic sweep. */
  sweepAfterSeconds: () => number;
  sweepEveryMs?: number;
  /** Storage faults go to the storage feature (its health state). */
  onStoreError?: (e: unknown) => void;
  /** 受付の人を呼ぶ that could not be written: the storage feature holds it and alerts staff at once. */
  holdCallStaff?: (call: { sessionId: string; kioskId: string }) => void;
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
    rules,
    smartphoneReader,
    sweepAfterSeconds,
    sweepEveryMs,
    patientCardStep,
    checkPatientCard,
    onStoreError,
    holdCallStaff,
  }: CheckinDeps & { db: Db }) {
    const store = createCheckinStore(db);
    const sessions = createSessionManager({
      store,
      audit,
      clock,
      monitor,
      cards,
      verify,
      decide: (q) => decideEligibility(q, rules()),
      smartphoneReader,
      log,
      ...(patientCardStep ? { patientCardStep } : {}),
      ...(checkPatientCard ? { checkPatientCard } : {}),
      ...(onStoreError ? { onStoreError } : {}),
    });
    const visible = (caller: Caller, id: string): CheckInSession | undefined => {
      const s = sessions.get(id);
      return s && owns(caller, s.kioskId) ? s : undefined;
    };
    const handlers: Pick<
      RequestTable,
      'session.start' | 'session.get' | 'session.send' | 'session.neededInputs' | 'staff.list' | 'staff.act'
    > = {
      'session.start': ({ caller }, { kioskId }) => {
        if (!owns(caller, kioskId)) return fail('forbidden', 'a kiosk starts sessions only for itself');
        const r = sessions.start(kioskId);
        return r.ok ? ok(r.session) : { ok: false, error: r.error };
      },
      'session.get': ({ caller }, { sessionId }) => {
        const s = visible(caller, sessionId);
        return s ? ok(s) : fail('not-found', 'no such session');
      },
      'session.neededInputs': ({ caller }, { sessionId }) => {
        if (!visible(caller, sessionId)) return fail('not-found', 'no such session');
        const today = clock.today();
        const online = monitor.status().online;
        const options = { smartphoneReader: smartphoneReader(), rules: rules() };
        return ok(
          PRESENTED_DOCUMENTS.map((document): DocumentInputs => ({
            document,
            ...neededInputs(document, today, online, options),
          })),
        );
      },
      'session.send': ({ caller }, { sessionId, event, expectedVersion }) => {
        if (!visible(caller, sessionId)) return fail('not-found', 'no such session');
        const invalid = invalidNumbers(event);
        if (invalid) return invalid;
        const r = sessions.apply(sessionId, event, { actor: `kiosk:${caller.kioskId}`, expectedVersion });
        if (!r.ok && r.error.code === 'unavailable' && event.type === 'call-staff' && holdCallStaff) {
          // Storage cannot write it: staff are alerted now and it is written when storage is back.
          holdCallStaff({ sessionId, kioskId: caller.kioskId });
          return fail(
            'unavailable',
            'call-staff-held: staff were alerted; the request is written when storage is back',
          );
        }
        return r.ok ? ok(r.session) : { ok: false, error: r.error };
      },
      'staff.list': (_ctx, { date }) => ok(sessions.list(date ?? clock.today())),
      'staff.act': (ctx, { sessionId, event }) => {
        // The signed-in person, in the audit and in the session's history alike.
        const staff = actorName(ctx, event.staff);
        const r = sessions.apply(sessionId, { ...event, staff }, { actor: `staff:${staff}` });
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

/**
 * Numbers a patient typed are checked with shared/insurance (the same rules the screens use) before the
 * flow sees them: a wrong check digit or length is a typed 'invalid-payload' with one issue per field
 * (path 'numbers.insurerNumber', message the field's error key such as 'insurerNumber.check-digit').
 */
export function invalidNumbers(event: PatientEvent) {
  const issues =
    event.type === 'submit-numbers'
      ? numberIssues('numbers', event.numbers)
      : event.type === 'submit-declaration' && event.declaration.insurerNumber
        ? declarationIssues(event.declaration.insurerNumber)
        : [];
  if (!issues.length) return undefined;
  return {
    ok: false as const,
    error: { code: 'invalid-payload' as const, message: 'the insurance numbers are not valid', issues },
  };
}

function numberIssues(
  path: string,
  numbers: { insurerNumber: string; symbol?: string; number: string; branch?: string },
) {
  const v = validateInsuranceNumbers(numbers);
  return v.ok ? [] : v.errors.map((e) => ({ path: `${path}.${e.field}`, message: validationMessageKey(e) }));
}

function declarationIssues(insurerNumber: string) {
  const r = parseInsurerNumber(insurerNumber);
  return r.ok ? [] : [{ path: 'declaration.insurerNumber', message: validationMessageKey(r.error) }];
}
