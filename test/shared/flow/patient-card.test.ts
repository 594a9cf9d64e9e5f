import { describe, expect, it } from 'vitest';
import { newSession, transition, type FlowContext } from '../../../shared/flow/session';
import { checkPatientCardNumber, type PatientCardPattern } from '../../../shared/patient-card/pattern';

const pattern: PatientCardPattern = { charset: 'digits', minLength: 6, maxLength: 8, checkDigit: 'none' };
const ctx: FlowContext = {
  now: '2026-11-25T00:00:01.000Z',
  online: true,
  decide: () => ({ action: 'read-card', staff: false, alsoNeeded: [], reasons: [] }),
  nextTicketNumber: 1,
  checkPatientCard: (raw) => checkPatientCardNumber(raw, pattern),
};
const start = () => newSession('s1', 'kiosk-1', ctx.now, '2026-11-25', { patientCardStep: true });

describe('flow: the 診察券 step', () => {
  it('starts there only where a reader is configured', () => {
    expect(start().state).toBe('patient-card');
    expect(newSession('s2', 'kiosk-1', ctx.now, '2026-11-25').state).toBe('choose-document');
  });

  it('a matching scan keeps the normalised number and goes on to the insurance step (audited)', () => {
    const r = transition(start(), { type: 'patient-card-scanned', raw: '００１２３４５' }, ctx);
    expect(r.ok && r.session).toMatchObject({ state: 'choose-document', patientCardNumber: '0012345' });
    expect(r.ok && r.effects).toEqual([{ kind: 'audit', action: 'patient-card', detail: 'scanned' }]);
  });

  it('a mismatch goes to the desk with the reason; the number is not kept', () => {
    const r = transition(start(), { type: 'patient-card-scanned', raw: '123' }, ctx);
    expect(r.ok && r.session).toMatchObject({
      state: 'staff-confirm',
      notice: 'patient-card-too-short',
      staffReasons: ['patient-card-mismatch'],
    });
    expect(r.ok && r.session.patientCardNumber).toBeUndefined();
  });

  it('without a pattern check every scan goes to the desk (never accepted unchecked)', () => {
    const { checkPatientCard: _drop, ...noCheck } = ctx;
    const r = transition(start(), { type: 'patient-card-scanned', raw: '123456' }, noCheck);
    expect(r.ok && r.session.state).toBe('staff-confirm');
  });

  it('skip, call staff and idle work; other events are refused on this step', () => {
    expect(transition(start(), { type: 'skip-patient-card' }, ctx)).toMatchObject({
      ok: true,
      session: { state: 'choose-document' },
    });
    expect(transition(start(), { type: 'call-staff' }, ctx)).toMatchObject({
      ok: true,
      session: { state: 'staff-confirm' },
    });
    expect(transition(start(), { type: 'idle-timeout' }, ctx)).toMatchObject({
      ok: true,
      session: { state: 'expired' },
    });
    expect(transition(start(), { type: 'choose-document', document: 'myna-card' }, ctx).ok).toBe(false);
    expect(
      transition(newSession('s3', 'k', ctx.now, '2026-11-25'), { type: 'patient-card-scanned', raw: '123456' }, ctx).ok,
    ).toBe(false);
  });
});
