/**
 * The check-in session manager. It owns every session: applies the pure transition from shared/flow,
 * persists the result (snapshot, transition row, ticket, re-verification entry, audit) in one SQLite
 * transaction, only then updates memory and pushes the snapshot, and only then performs the effects.
 * A failed write (full disk, read-only folder) leaves the session exactly as it was and is reported.
 */
import { randomUUID } from 'node:crypto';
import type { EligibilityDecision, EligibilityQuery } from '../../../shared/eligibility/index';
import {
  isFinal,
  newSession,
  transition,
  type CheckInSession,
  type PrintedNumbers,
  type SessionEffect,
  type SessionEvent,
} from '../../../shared/flow/session';
import type { AuditEntry, AuditLog } from '../audit/index';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { CardWaitRequest } from '../card-reads/index';
import type { OnlineMonitor } from '../monitor';
import type { NumberQueryOutcome } from '../../terminal/transport';
import { StoreError } from '../store/index';
import type { CheckinStore } from './store';
import type { PatientCardCheck } from '../../../shared/patient-card/pattern';

export type ApplyError = {
  code: 'not-found' | 'conflict' | 'invalid-event' | 'unavailable';
  message: string;
};
export type ApplyResult = { ok: true; session: CheckInSession } | { ok: false; error: ApplyError };

export interface SessionManager {
  start(kioskId: string): ApplyResult;
  get(id: string): CheckInSession | undefined;
  apply(id: string, event: SessionEvent, options: { actor: string; expectedVersion?: number }): ApplyResult;
  list(day: string): CheckInSession[];
  onUpdate(listener: (s: CheckInSession) => void): () => void;
  /** Re-arm effects of sessions that were open when the process stopped. */
  restore(): void;
  /** Expire open sessions whose last activity is older than `maxIdleSeconds` (a kiosk that died mid-session). */
  sweep(maxIdleSeconds: number): number;
  /**
   * Another feature writes something in the same transaction as a transition (e.g. the re-verification
   * queue entry of a check-in accepted offline). The hook runs inside the transaction: if it throws, the
   * transition is not saved.
   */
  onPersist(hook: (next: CheckInSession, effects: readonly SessionEffect[], at: string) => void): () => void;
}

export interface SessionManagerDeps {
  store: CheckinStore;
  audit: AuditLog;
  clock: Clock;
  monitor: OnlineMonitor;
  /** The card-reads feature: waits for a card read for a session. */
  cards: { awaitCard(request: CardWaitRequest): void; stopCard(sessionId: string): void };
  /** A number query (個別照会) through the terminal, for this session. Never rejects. */
  verify: (sessionId: string, numbers: PrintedNumbers) => Promise<NumberQueryOutcome>;
  decide: (query: EligibilityQuery) => EligibilityDecision;
  log: Logger;
  smartphoneReader?: () => boolean;
  /** A 診察券 reader is in use: sessions start with the 診察券 step. */
  patientCardStep?: () => boolean;
  /** The clinic's 診察券番号 check (pattern from the settings). */
  checkPatientCard?: (raw: string) => PatientCardCheck;
  /** A write failed: the storage feature decides whether it is a storage fault (full, read-only, I/O). */
  onStoreError?: (e: unknown) => void;
}

export function createSessionManager(deps: SessionManagerDeps): SessionManager {
  const { store, clock, monitor, log } = deps;
  const listeners = new Set<(s: CheckInSession) => void>();
  const persistHooks = new Set<(next: CheckInSession, effects: readonly SessionEffect[], at: string) => void>();
  const publish = (s: CheckInSession) => {
    for (const l of listeners) {
      try {
        l(s);
      } catch (e) {
        log.error('subscriber failed', { error: String(e) });
      }
    }
  };

  const fail = (e: unknown): ApplyResult => {
    const err = e instanceof StoreError ? e : new StoreError('io', String(e));
    log.error('could not persist a session change', { code: err.code, message: err.message });
    deps.onStoreError?.(err);
    return { ok: false, error: { code: err.code === 'conflict' ? 'conflict' : 'unavailable', message: err.message } };
  };

  function runEffects(s: CheckInSession, effects: SessionEffect[]): void {
    for (const fx of effects) {
      switch (fx.kind) {
        case 'await-card':
          deps.cards.awaitCard({
            session: s,
            current: () => store.getSession(s.id),
            deliver: (ev) => {
              const r = manager.apply(s.id, ev, { actor: 'reader' });
              if (!r.ok) log.warn('card event not applied', { session: s.id, code: r.error.code });
            },
            notify: (notice) => {
              const r = manager.apply(s.id, notice, { actor: 'reader' });
              if (!r.ok) log.warn('card notice not applied', { session: s.id, code: r.error.code });
            },
          });
          break;
        case 'stop-card':
          deps.cards.stopCard(s.id);
          break;
        case 'verify-numbers': {
          const id = s.id;
          void deps.verify(id, fx.numbers).then((answer) => {
            // The terminal's health is reported by the transport itself (one place); here only the flow moves.
            const ev: SessionEvent =
              answer.kind === 'answer'
                ? { type: 'verification-result', outcome: answer.outcome }
                : { type: 'verification-unavailable' };
            const r = manager.apply(id, ev, { actor: 'reader' });
            if (!r.ok) log.warn('verification not applied', { session: id, code: r.error.code });
          });
          break;
        }
        case 'queue-reverification':
        case 'audit':
          break; // written in the same transaction as the transition
      }
    }
  }

  const manager: SessionManager = {
    start(kioskId) {
      const now = clock.nowIso();
      // One patient at a time per kiosk: an abandoned session on this kiosk ends, unless staff are on it.
      for (const open of store.openSessions()) {
        if (open.kioskId === kioskId && open.state !== 'staff-confirm') {
          const r = manager.apply(open.id, { type: 'cancel' }, { actor: 'kiosk' });
          if (!r.ok) return r;
        }
      }
      const s = newSession(randomUUID(), kioskId, now, clock.today(), {
        patientCardStep: deps.patientCardStep?.() ?? false,
      });
      try {
        store.insertSession(s);
      } catch (e) {
        return fail(e);
      }
      publish(s);
      return { ok: true, session: s };
    },
    get: (id) => store.getSession(id),
    list: (day) => store.listSessions(day),
    apply(id, event, options) {
      let s: CheckInSession | undefined;
      try {
        s = store.getSession(id);
      } catch (e) {
        return fail(e);
      }
      if (!s) return { ok: false, error: { code: 'not-found', message: `no session ${id}` } };
      if (options.expectedVersion !== undefined && options.expectedVersion !== s.version) {
        return {
          ok: false,
          error: { code: 'conflict', message: `session is at version ${s.version}, not ${options.expectedVersion}` },
        };
      }
      const status = monitor.status();
      const r = transition(s, event, {
        now: clock.nowIso(),
        online: status.online,
        decide: deps.decide,
        nextTicketNumber: store.lastTicket(s.today) + 1,
        ...(deps.smartphoneReader ? { smartphoneReader: deps.smartphoneReader() } : {}),
        ...(deps.checkPatientCard ? { checkPatientCard: deps.checkPatientCard } : {}),
      });
      if (!r.ok) return { ok: false, error: { code: 'invalid-event', message: r.error.message } };
      const next = r.session;
      const audits: AuditEntry[] = r.effects
        .filter((fx): fx is Extract<SessionEffect, { kind: 'audit' }> => fx.kind === 'audit')
        .map((fx) => ({
          at: next.updatedAt,
          actor: options.actor,
          action: `session.${fx.action}`,
          subject: next.id,
          detail: fx.detail,
        }));
      try {
        store.saveTransition(
          next,
          { at: next.updatedAt, eventType: event.type, actor: options.actor, fromState: s.state },
          {
            reserveTicket: next.ticketNumber !== undefined && s.ticketNumber === undefined,
            also: () => {
              for (const a of audits) deps.audit.write(a);
              for (const hook of persistHooks) hook(next, r.effects, next.updatedAt);
            },
          },
        );
      } catch (e) {
        return fail(e);
      }
      log.info('transition', { session: next.id, event: event.type, from: s.state, to: next.state, v: next.version });
      publish(next);
      runEffects(next, r.effects);
      return { ok: true, session: next };
    },
    onUpdate(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onPersist(hook) {
      persistHooks.add(hook);
      return () => persistHooks.delete(hook);
    },
    restore() {
      const today = clock.today();
      for (const s of store.openSessions()) {
        if (s.today !== today) {
          // Yesterday's unfinished sessions: the patient is gone; keep the record, close it.
          const end: SessionEvent =
            s.state === 'staff-confirm'
              ? { type: 'staff-override', staff: 'system', reason: 'day ended', outcome: 'cancel' }
              : { type: 'idle-timeout' };
          manager.apply(s.id, end, { actor: 'system' });
          continue;
        }
        if (s.state === 'read-card') runEffects(s, [{ kind: 'await-card' }]);
        if (s.state === 'verifying' && s.numbers) runEffects(s, [{ kind: 'verify-numbers', numbers: s.numbers }]);
      }
    },
    sweep(maxIdleSeconds) {
      const limit = clock.now().getTime() - maxIdleSeconds * 1000;
      let n = 0;
      for (const s of store.openSessions()) {
        if (s.state === 'staff-confirm' || isFinal(s.state)) continue;
        if (Date.parse(s.updatedAt) < limit && manager.apply(s.id, { type: 'idle-timeout' }, { actor: 'system' }).ok)
          n += 1;
      }
      return n;
    },
  };
  return manager;
}
