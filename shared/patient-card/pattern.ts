/**
 * The clinic's 診察券番号 (patient card number) pattern, and the check a scan must pass. Deliberately not a
 * regular expression typed by an admin (a bad one can hang the kiosk): a small closed description — allowed
 * characters, length, optional fixed prefix, optional check digit — that covers the numbering schemes
 * レセコン use (zero-padded digits, a clinic prefix, modulus 10 / modulus 11 check digits).
 */
import { z } from '../zod';

export const patientCardPatternSchema = z.object({
  charset: z.enum(['digits', 'alphanumeric']),
  minLength: z.number().int().min(1).max(32),
  maxLength: z.number().int().min(1).max(32),
  prefix: z
    .string()
    .max(8)
    .regex(/^[0-9A-Z-]*$/)
    .optional(),
  /** mod10: Luhn. mod11: weights 2,3,4,5,6,7 from the right, check = 11 - sum % 11 (10 and 11 → 0). */
  checkDigit: z.enum(['none', 'mod10', 'mod11']),
});
export type PatientCardPattern = z.infer<typeof patientCardPatternSchema>;

export const DEFAULT_PATIENT_CARD_PATTERN: PatientCardPattern = {
  charset: 'digits',
  minLength: 4,
  maxLength: 10,
  checkDigit: 'none',
};

export type PatientCardMismatch =
  'empty' | 'bad-characters' | 'too-short' | 'too-long' | 'wrong-prefix' | 'check-digit';
export type PatientCardCheck = { ok: true; number: string } | { ok: false; reason: PatientCardMismatch };

/** Full-width digits and letters to half-width, upper case, spaces and hyphens out (as printed on cards). */
export function normalizePatientCardNumber(raw: string): string {
  return raw
    .slice(0, 128)
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase()
    .replace(/[\s\u3000\-\u2010-\u2015\u2212\uff0d]/g, '');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function mod11CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(body.length - 1 - i) - 48) * ((i % 6) + 2);
  const c = 11 - (sum % 11);
  return c >= 10 ? 0 : c;
}

export function checkPatientCardNumber(raw: string, pattern: PatientCardPattern): PatientCardCheck {
  const n = normalizePatientCardNumber(raw);
  if (n.length === 0) return { ok: false, reason: 'empty' };
  const allowed = pattern.charset === 'digits' ? /^[0-9]+$/ : /^[0-9A-Z]+$/;
  if (!allowed.test(n)) return { ok: false, reason: 'bad-characters' };
  if (n.length < pattern.minLength) return { ok: false, reason: 'too-short' };
  if (n.length > pattern.maxLength) return { ok: false, reason: 'too-long' };
  const prefix = pattern.prefix?.replace(/-/g, '') ?? '';
  if (!n.startsWith(prefix)) return { ok: false, reason: 'wrong-prefix' };
  if (pattern.checkDigit !== 'none') {
    if (!/^[0-9]{2,}$/.test(n)) return { ok: false, reason: 'check-digit' };
    const valid = pattern.checkDigit === 'mod10' ? luhnValid(n) : mod11CheckDigit(n.slice(0, -1)) === Number(n.at(-1));
    if (!valid) return { ok: false, reason: 'check-digit' };
  }
  return { ok: true, number: n };
}
