import { describe, expect, it } from 'vitest';
import {
  checkPatientCardNumber,
  luhnValid,
  mod11CheckDigit,
  normalizePatientCardNumber,
  patientCardPatternSchema,
  type PatientCardPattern,
} from '../../../shared/patient-card/pattern';

const digits8: PatientCardPattern = { charset: 'digits', minLength: 8, maxLength: 8, checkDigit: 'none' };

describe('診察券番号 pattern', () => {
  it('normalises full-width digits, spaces and hyphens', () => {
    expect(normalizePatientCardNumber(' ００１２－３４５６ ')).toBe('00123456');
    expect(normalizePatientCardNumber('ab-12')).toBe('AB12');
  });

  it('accepts a matching number and says why others do not match', () => {
    expect(checkPatientCardNumber('00123456', digits8)).toEqual({ ok: true, number: '00123456' });
    expect(checkPatientCardNumber('', digits8)).toEqual({ ok: false, reason: 'empty' });
    expect(checkPatientCardNumber('0012345A', digits8)).toEqual({ ok: false, reason: 'bad-characters' });
    expect(checkPatientCardNumber('1234567', digits8)).toEqual({ ok: false, reason: 'too-short' });
    expect(checkPatientCardNumber('123456789', digits8)).toEqual({ ok: false, reason: 'too-long' });
    expect(checkPatientCardNumber('12345678', { ...digits8, prefix: '00' })).toEqual({
      ok: false,
      reason: 'wrong-prefix',
    });
  });

  it('modulus 10 (Luhn) check digit', () => {
    expect(luhnValid('79927398713')).toBe(true);
    const p: PatientCardPattern = { charset: 'digits', minLength: 4, maxLength: 12, checkDigit: 'mod10' };
    expect(checkPatientCardNumber('79927398713', p).ok).toBe(true);
    expect(checkPatientCardNumber('79927398710', p)).toEqual({ ok: false, reason: 'check-digit' });
  });

  it('modulus 11 (weights 2-7) check digit', () => {
    // 1234567: 7*2+6*3+5*4+4*5+3*6+2*7+1*2 = 106; 106 % 11 = 7; 11 - 7 = 4
    expect(mod11CheckDigit('1234567')).toBe(4);
    const p: PatientCardPattern = { charset: 'digits', minLength: 8, maxLength: 8, checkDigit: 'mod11' };
    expect(checkPatientCardNumber('12345674', p)).toEqual({ ok: true, number: '12345674' });
    expect(checkPatientCardNumber('12345675', p)).toEqual({ ok: false, reason: 'check-digit' });
  });

  it('the pattern itself is parsed, not trusted', () => {
    expect(
      patientCardPatternSchema.safeParse({ charset: 'digits', minLength: 0, maxLength: 8, checkDigit: 'none' }).success,
    ).toBe(false);
    expect(
      patientCardPatternSchema.safeParse({ charset: 'regex', minLength: 1, maxLength: 8, checkDigit: 'none' }).success,
    ).toBe(false);
    expect(patientCardPatternSchema.safeParse({ ...digits8, prefix: '.*' }).success).toBe(false);
    expect(patientCardPatternSchema.safeParse(digits8).success).toBe(true);
  });
});
