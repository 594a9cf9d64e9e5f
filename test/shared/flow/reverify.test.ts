import { describe, expect, it } from 'vitest';
import type { EligibilityAction, EligibilityDecision } from '../../../shared/eligibility/index';
import {
  newSession,
  transition,
  type CheckInSession,
  type FlowContext,
  type SessionEvent,
} from '../../../shared/flow/session';

const decision = (action: EligibilityAction, staff = false): EligibilityDecision => ({
  action,
  staff,
  alsoNeeded: [],
  reasons: [`test-${action}`],
});
const ctx = (over: Partial<FlowContext> = {}, action: EligibilityAction = 'verify-numbers'): FlowContext => ({
  now: '2026-11-25T00:10:00.000Z',
  online: false,
  decide: () => decision(action),
  nextTicketNumber: 3,
  ...over,
});
const numbers = {
  insurerNumber: '01130012',
  symbol: '12345678',
  number: '1234',
  branch: '00',
  birthDate: '1980-01-15',
};
const start = () => newSession('s1', 'kiosk-1', '2026-11-25T00:00:00.000Z', '2026-11-25');

function run(s: CheckInSession, events: SessionEvent[], c: FlowContext): CheckInSession {
  for (const e of events) {
    const r = transition(s, e, c);
    if (!r.ok) throw new Error(r.error.message);
    s = r.session;
  }
  return s;
}

/** Numbers typed while offline: completed with a pending verification and a re-verification entry. */
const offlineCompleted = () =>
  run(
    start(),
    [
      { type: 'choose-document', document: 'insurance-card' },
      { type: 'submit-numbers', numbers },
    ],
    ctx(),
  );

const later = ctx({ now: '2026-11-25T03:00:00.000Z', online: true });

describe('reverification-result', () => {
  it('offline numbers complete with verification pending (the precondition)', () => {
    const s = offlineCompleted();
    expect(s).toMatchObject({ state: 'completed', verification: { status: 'pending' }, ticketNumber: 3 });
  });

  it('a valid answer marks a completed session verified and changes nothing else', () => {
    const s = offlineCompleted();
    const r = transition(
      s,
      { type: 'reverification-result', outcome: { ok: true, validity: 'valid', identity: { name: '別人' } } },
      later,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session).toEqual({
      ...s,
      version: s.version + 1,
      updatedAt: later.now,
      verification: { status: 'verified', at: later.now, validity: 'valid' },
    });
    expect(r.effects).toEqual([{ kind: 'audit', action: 'reverified', detail: 'valid' }]);
  });

  it.each([
    [{ ok: true, validity: 'not-found' as const }, 'not-found'],
    [{ ok: true, validity: 'invalid' as const }, 'invalid'],
    [{ ok: false, errorCode: 'EQ999', errorMessage: 'system' }, 'error EQ999'],
  ])('a mismatch (%o) stays completed, is flagged for staff and audited', (outcome, detail) => {
    const s = offlineCompleted();
    const r = transition(s, { type: 'reverification-result', outcome }, later);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session.state).toBe('completed');
    expect(r.session.ticketNumber).toBe(3);
    expect(r.session.completedAt).toBe(s.completedAt);
    expect(r.session.staffReasons).toContain('reverify-mismatch');
    expect(r.session.verification).toMatchObject({ status: 'failed', at: later.now });
    expect(r.effects).toEqual([{ kind: 'audit', action: 'reverify-mismatch', detail }]);
  });

  it('is accepted in staff-confirm (verification unavailable) and keeps the session waiting for staff', () => {
    let s = run(
      start(),
      [
        { type: 'choose-document', document: 'insurance-card' },
        { type: 'submit-numbers', numbers },
      ],
      ctx({ online: true }),
    );
    expect(s.state).toBe('verifying');
    s = run(s, [{ type: 'verification-unavailable' }], ctx({ online: true }));
    expect(s).toMatchObject({ state: 'staff-confirm', verification: { status: 'pending' } });
    const r = transition(s, { type: 'reverification-result', outcome: { ok: true, validity: 'valid' } }, later);
    expect(r.ok && r.session).toMatchObject({ state: 'staff-confirm', verification: { status: 'verified' } });
    const bad = transition(s, { type: 'reverification-result', outcome: { ok: true, validity: 'multiple' } }, later);
    expect(bad.ok && bad.session.staffReasons).toEqual(['verification-unavailable', 'reverify-mismatch']);
  });

  it('is refused once the verification is settled: a second answer never overwrites the first', () => {
    const s = offlineCompleted();
    const once = transition(s, { type: 'reverification-result', outcome: { ok: true, validity: 'valid' } }, later);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    const twice = transition(
      once.session,
      { type: 'reverification-result', outcome: { ok: true, validity: 'not-found' } },
      later,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid-event' } });
  });

  it.each(['choose-document', 'read-card', 'enter-numbers', 'verifying', 'cancelled', 'expired', 'refused'] as const)(
    'is refused in %s: it never reopens or moves a session',
    (state) => {
      const s: CheckInSession = { ...start(), state, verification: { status: 'pending' } };
      const r = transition(s, { type: 'reverification-result', outcome: { ok: true, validity: 'valid' } }, later);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-event' } });
    },
  );
});
