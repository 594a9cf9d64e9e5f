import { describe, expect, it } from 'vitest';
import type { EligibilityAction } from '../../../shared/eligibility/index';
import {
  newSession,
  transition,
  type CheckInSession,
  type FlowContext,
  type SessionEvent,
} from '../../../shared/flow/session';

const ctx = (action: EligibilityAction = 'verify-numbers'): FlowContext => ({
  now: '2026-11-25T00:10:00.000Z',
  online: true,
  decide: () => ({ action, staff: false, alsoNeeded: [], reasons: [] }),
  nextTicketNumber: 3,
});
const start = () => newSession('s1', 'kiosk-1', '2026-11-25T00:00:00.000Z', '2026-11-25');
function step(s: CheckInSession, e: SessionEvent, c = ctx()): CheckInSession {
  const r = transition(s, e, c);
  if (!r.ok) throw new Error(r.error.message);
  return r.session;
}

describe('save-draft: typed input kept on the session (issue 10: a reload keeps what was typed)', () => {
  it('stores the draft without moving the session or asking for any effect', () => {
    const s0 = step(start(), { type: 'choose-document', document: 'eligibility-certificate' });
    const r = transition(s0, { type: 'save-draft', draft: { step: 'number', symbol: '12', number: '34' } }, ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.effects).toEqual([]);
    expect(r.session).toMatchObject({
      state: 'enter-numbers',
      version: s0.version + 1,
      draft: { step: 'number', symbol: '12', number: '34' },
    });
  });

  it('replaces the previous draft and drops it as soon as the session moves on', () => {
    let s = step(start(), { type: 'save-draft', draft: { step: 'validUntil', document: 'eligibility-certificate' } });
    expect(s.draft).toEqual({ step: 'validUntil', document: 'eligibility-certificate' });
    s = step(s, { type: 'choose-document', document: 'eligibility-certificate', birthDate: '1950-01-01' });
    expect(s.state).toBe('enter-numbers');
    expect(s.draft).toBeUndefined();
    s = step(s, { type: 'save-draft', draft: { insurerNumber: '0113' } });
    s = step(s, { type: 'save-draft', draft: { insurerNumber: '01130012', number: '1' } });
    expect(s.draft).toEqual({ insurerNumber: '01130012', number: '1' });
    s = step(s, {
      type: 'submit-numbers',
      numbers: { insurerNumber: '01130012', number: '1', birthDate: '1950-01-01' },
    });
    expect(s.state).toBe('verifying');
    expect(s.draft).toBeUndefined();
    expect(JSON.stringify(s)).not.toContain('draft');
  });

  it('is refused where nothing is typed (waiting for a card, for staff, or finished)', () => {
    const reading = step(start(), { type: 'choose-document', document: 'myna-card' }, ctx('read-card'));
    expect(transition(reading, { type: 'save-draft', draft: {} }, ctx()).ok).toBe(false);
    const cancelled = step(start(), { type: 'cancel' });
    const r = transition(cancelled, { type: 'save-draft', draft: {} }, ctx());
    expect(r.ok).toBe(false);
  });

  it('a declaration may carry a name in the patient\u2019s own script; staff see it on the identity', () => {
    const s0 = step(start(), { type: 'choose-document', document: 'myna-card' }, ctx('self-declaration'));
    const s = step(s0, { type: 'submit-declaration', declaration: { name: 'John Smith', birthDate: '1980-01-15' } });
    expect(s.identity).toMatchObject({ source: 'declared', name: 'John Smith' });
    expect(s.identity?.nameKana).toBeUndefined();
  });
});
