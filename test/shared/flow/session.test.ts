import { describe, expect, it } from 'vitest';
import type { EligibilityAction, EligibilityDecision } from '../../../shared/eligibility/index';
import { newSession, transition, type CheckInSession, type FlowContext, type SessionEvent } from '../../../shared/flow/session';

const decision = (action: EligibilityAction, staff = false): EligibilityDecision => ({ action, staff, alsoNeeded: [], reasons: [`test-${action}`] });
const ctx = (over: Partial<FlowContext> = {}, action: EligibilityAction = 'read-card', staff = false): FlowContext => ({
  now: '2026-11-25T00:10:00.000Z',
  online: true,
  decide: () => decision(action, staff),
  nextTicketNumber: 7,
  ...over,
});
const start = () => newSession('s1', 'kiosk-1', '2026-11-25T00:00:00.000Z', '2026-11-25');

function run(s: CheckInSession, events: SessionEvent[], c: FlowContext): CheckInSession {
  for (const e of events) {
    const r = transition(s, e, c);
    if (!r.ok) throw new Error(r.error.message);
    s = r.session;
  }
  return s;
}

describe('check-in flow', () => {
  it('マイナ保険証 read online completes with the reserved 受付番号 and asks the reader to wait', () => {
    const c = ctx();
    const r1 = transition(start(), { type: 'choose-document', document: 'myna-card' }, c);
    expect(r1.ok && r1.session.state).toBe('read-card');
    expect(r1.ok && r1.effects).toEqual([{ kind: 'await-card' }]);
    const s = run(start(), [{ type: 'choose-document', document: 'myna-card' }, { type: 'card-read', outcome: { ok: true, validity: 'valid', identity: { nameKana: 'ﾃｽﾄ ﾀﾛｳ' } } }], c);
    expect(s).toMatchObject({ state: 'completed', ticketNumber: 7, version: 2, verification: { status: 'verified' }, identity: { source: 'card', nameKana: 'ﾃｽﾄ ﾀﾛｳ' } });
  });

  it.each(['not-found', 'invalid', 'multiple', 'invalid-newer'] as const)('a card result of %s shows its own guidance and alerts staff, never an automatic refusal', (validity) => {
    const c = ctx();
    const s = run(start(), [{ type: 'choose-document', document: 'myna-card' }, { type: 'card-read', outcome: { ok: true, validity } }], c);
    expect(s).toMatchObject({ state: 'card-failed', notice: `card-${validity}`, verification: { status: 'failed', validity } });
    expect(s.staffReasons).toContain(`card-${validity}`);
    expect(s.ticketNumber).toBeUndefined();
    // Never a dead end: the patient can call staff (who then confirm) or choose another document.
    const called = transition(s, { type: 'call-staff' }, c);
    expect(called.ok && called.session).toMatchObject({ state: 'staff-confirm', staffReasons: [`card-${validity}`, 'patient-asked-for-help'] });
    const other = transition(s, { type: 'back' }, c);
    expect(other.ok && other.session.state).toBe('choose-document');
  });

  it.each([
    ['pin-locked', '暗証番号がロックされています。'],
    ['certificate-expired', '電子証明書の有効期限が切れています。'],
    ['not-registered', '保険証利用登録がされていません。'],
    ['system-error', 'オンライン資格確認システムでエラーが発生しました。'],
  ] as const)('a failed card answer is read as %s and gets that guidance', (kind, errorMessage) => {
    const s = run(start(), [{ type: 'choose-document', document: 'myna-card' }, { type: 'card-read', outcome: { ok: false, errorCode: 'X1', errorMessage } }], ctx());
    expect(s).toMatchObject({ state: 'card-failed', notice: `card-${kind}`, staffReasons: [`card-${kind}`], verification: { status: 'failed', code: 'X1', message: errorMessage } });
  });

  it('a read no kiosk could be matched to tells the waiting kiosk, which keeps waiting', () => {
    const s = run(start(), [{ type: 'choose-document', document: 'myna-card' }, { type: 'card-unmatched' }], ctx());
    expect(s).toMatchObject({ state: 'read-card', notice: 'card-unmatched' });
  });

  it('a decision that requires staff waits for a receptionist, whose approval is recorded with a reason', () => {
    const c = ctx({}, 'record-numbers', true);
    let s = run(start(), [{ type: 'choose-document', document: 'eligibility-certificate' }, { type: 'submit-numbers', numbers: { insurerNumber: '01130012', number: '1234', birthDate: '1980-01-15' } }], c);
    expect(s).toMatchObject({ state: 'staff-confirm', verification: { status: 'pending' } });
    const r = transition(s, { type: 'staff-approve', staff: '山田', reason: '資格確認書を目視で確認' }, c);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    s = r.session;
    expect(s).toMatchObject({ state: 'completed', ticketNumber: 7 });
    expect(s.staffActions).toEqual([{ at: c.now, staff: '山田', action: 'approve', reason: '資格確認書を目視で確認' }]);
    expect(r.effects).toContainEqual({ kind: 'audit', action: 'approve', detail: '資格確認書を目視で確認' });
  });

  it('numbers typed while offline are accepted now and queued for re-verification', () => {
    const c = ctx({ online: false }, 'record-numbers');
    const r = transition(run(start(), [{ type: 'choose-document', document: 'eligibility-certificate' }], c), { type: 'submit-numbers', numbers: { insurerNumber: '01130012', number: '1', birthDate: '1980-01-15' } }, c);
    expect(r.ok && r.session.state).toBe('completed');
    expect(r.ok && r.effects).toContainEqual({ kind: 'queue-reverification' });
  });

  it('numbers online are verified before completing; an unreachable terminal goes to staff and is queued', () => {
    const c = ctx({}, 'verify-numbers');
    const s = run(start(), [{ type: 'choose-document', document: 'eligibility-certificate' }, { type: 'submit-numbers', numbers: { insurerNumber: '01130012', number: '1', birthDate: '1980-01-15' } }], c);
    expect(s.state).toBe('verifying');
    const ok = transition(s, { type: 'verification-result', outcome: { ok: true, validity: 'valid' } }, c);
    expect(ok.ok && ok.session.state).toBe('completed');
    const down = transition(s, { type: 'verification-unavailable' }, c);
    expect(down.ok && down.session).toMatchObject({ state: 'staff-confirm', staffReasons: ['verification-unavailable'] });
    expect(down.ok && down.effects).toContainEqual({ kind: 'queue-reverification' });
  });

  it('a refused document can be replaced by another choice', () => {
    let decide = (): EligibilityDecision => decision('refuse');
    const c = { ...ctx(), decide: () => decide() } as FlowContext;
    let s = run(start(), [{ type: 'choose-document', document: 'insurance-card' }], c);
    expect(s.state).toBe('refused');
    decide = () => decision('read-card');
    s = run(s, [{ type: 'choose-document', document: 'myna-card' }], c);
    expect(s.state).toBe('read-card');
  });

  it('rejects events that do not belong to the state, and anything after the end', () => {
    const r = transition(start(), { type: 'accept-self-pay' }, ctx());
    expect(r).toEqual({ ok: false, error: { code: 'invalid-event', message: expect.stringContaining('accept-self-pay') } });
    const done = run(start(), [{ type: 'cancel' }], ctx());
    expect(transition(done, { type: 'choose-document', document: 'myna-card' }, ctx())).toMatchObject({ ok: false, error: { code: 'session-final' } });
  });

  it('idle-timeout ends a patient session but never one waiting for staff', () => {
    expect(run(start(), [{ type: 'idle-timeout' }], ctx()).state).toBe('expired');
    const waiting = run(start(), [{ type: 'call-staff' }], ctx());
    expect(waiting.state).toBe('staff-confirm');
    expect(transition(waiting, { type: 'idle-timeout' }, ctx()).ok).toBe(false);
  });

  it('staff override from any open state is audited and stops a pending card wait', () => {
    const s = run(start(), [{ type: 'choose-document', document: 'myna-card' }], ctx());
    const r = transition(s, { type: 'staff-override', staff: '佐藤', reason: 'リーダー故障のため目視確認', outcome: 'complete' }, ctx());
    expect(r.ok && r.session).toMatchObject({ state: 'completed', ticketNumber: 7 });
    expect(r.ok && r.effects).toEqual([{ kind: 'stop-card' }, { kind: 'audit', action: 'override-complete', detail: 'リーダー故障のため目視確認' }]);
  });

  it('no document: the patient acknowledges 10割 and a receptionist confirms', () => {
    const c = ctx({}, 'self-pay', true);
    const s = run(start(), [{ type: 'choose-document', document: 'nothing' }, { type: 'accept-self-pay' }], c);
    expect(s).toMatchObject({ state: 'staff-confirm', staffReasons: ['self-pay'] });
  });

  it('a self-declaration is recorded for staff and queued for verification', () => {
    const c = ctx({ online: false }, 'self-declaration', true);
    const s = run(start(), [{ type: 'choose-document', document: 'myna-card' }, { type: 'submit-declaration', declaration: { nameKana: 'テスト タロウ', birthDate: '1980-01-15' } }], c);
    expect(s).toMatchObject({ state: 'staff-confirm', identity: { source: 'declared', nameKana: 'テスト タロウ' }, verification: { status: 'pending' } });
  });

  it('every transition bumps the version and stamps the time; the input session is never mutated', () => {
    const s0 = start();
    const frozen = JSON.stringify(s0);
    const r = transition(s0, { type: 'choose-document', document: 'myna-card' }, ctx());
    expect(JSON.stringify(s0)).toBe(frozen);
    expect(r.ok && [r.session.version, r.session.updatedAt]).toEqual([1, '2026-11-25T00:10:00.000Z']);
  });
});
