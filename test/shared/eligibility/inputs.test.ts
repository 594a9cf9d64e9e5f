import { describe, expect, it } from 'vitest';
import { neededInputs } from '../../../shared/eligibility/index';

describe('neededInputs: ask the patient only what changes the decision', () => {
  it('資格確認書: the printed date and the age (70–74 高齢受給者証) matter', () => {
    expect(neededInputs('eligibility-certificate', '2026-11-25', true)).toEqual({ printedValidUntil: true, birthDate: true });
  });

  it('old 健康保険証: during the 暫定措置 its date mattered; from 2026-08-01 nothing the patient types changes the refusal', () => {
    expect(neededInputs('insurance-card', '2025-11-20', true).printedValidUntil).toBe(true);
    expect(neededInputs('insurance-card', '2026-11-25', true)).toEqual({ printedValidUntil: false, birthDate: false });
  });

  it('マイナ保険証 and the documents with the card need neither', () => {
    for (const d of ['myna-card', 'notice-with-card', 'portal-screen-with-card', 'nothing'] as const) {
      expect(neededInputs(d, '2026-11-25', true)).toEqual({ printedValidUntil: false, birthDate: false });
    }
  });

  it('never throws on a nonsense date', () => {
    expect(() => neededInputs('eligibility-certificate', 'not-a-date', false)).not.toThrow();
  });
});
