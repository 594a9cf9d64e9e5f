/**
 * Finding the check-in's patient in ORCA, never by guessing:
 * - with a 診察券 number (ORCA's Patient_ID): patientgetv2; if the kiosk also knows the birth date and it
 *   differs, the card is someone else's → staff;
 * - otherwise by kana name + birth date (patientlst3v2, a prefix search): only one candidate whose kana (after
 *   normalising width, spaces and hiragana) and birth date are exactly equal is accepted; several, or only
 *   near matches, go to staff with the candidates; none at all is an unknown patient (初診).
 */
import { normaliseKana } from '../../../shared/insurance/kana';
import type { OrcaClient } from './client';
import type { OrcaError, OrcaPatient } from './types';
import type { PatientCandidate } from '../../../shared/receipt-link/index';

export interface PatientIdentity {
  /** 診察券 number as read or typed (digits). */
  patientNumber?: string;
  /** Kana name from the verified card read or typed by the patient. */
  kanaName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  sex?: '1' | '2';
}

/** What staff see about a candidate: enough to tell people apart, nothing more (shared with the windows). */
export type { PatientCandidate };

export type PatientMatch =
  | { kind: 'found'; patient: OrcaPatient; by: 'number' | 'name' }
  | { kind: 'ambiguous'; candidates: PatientCandidate[] }
  | { kind: 'mismatch'; candidates: PatientCandidate[] }
  | { kind: 'unknown' }
  | { kind: 'insufficient' }
  | { kind: 'error'; error: OrcaError };

const MAX_CANDIDATES = 10;

/** Kana comparison key: the kiosk's one kana folding (shared/insurance/kana.ts), without middle dots. */
export function kanaKey(s: string): string {
  return normaliseKana(s).replace(/・/g, '');
}

/** ORCA pads Patient_ID with zeros to its configured width; a 診察券 may carry them or not. */
export function samePatientNumber(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/^0+(?=\d)/, '');
  return strip(a) === strip(b);
}

function candidate(p: OrcaPatient): PatientCandidate {
  return { patientId: p.patientId, kanaName: p.kanaName, birthDate: p.birthDate, ...(p.sex ? { sex: p.sex } : {}) };
}

export async function findPatient(client: OrcaClient, who: PatientIdentity): Promise<PatientMatch> {
  const number = who.patientNumber?.trim();
  if (number && /^\d{1,20}$/.test(number)) {
    const r = await client.getPatient(number);
    if (!r.ok) return { kind: 'error', error: r.error };
    const p = r.value.patient;
    if (p) {
      if (!samePatientNumber(p.patientId, number)) return { kind: 'mismatch', candidates: [candidate(p)] };
      if (who.birthDate && p.birthDate !== who.birthDate) return { kind: 'mismatch', candidates: [candidate(p)] };
      return { kind: 'found', patient: p, by: 'number' };
    }
    // No patient with that number: fall back to the name search when we can, else an unknown patient.
  }
  const kana = who.kanaName ? kanaKey(who.kanaName) : '';
  if (!kana || !who.birthDate) return number ? { kind: 'unknown' } : { kind: 'insufficient' };

  const r = await client.searchPatients({ kanaName: who.kanaName ?? '', birthDate: who.birthDate });
  if (!r.ok) return { kind: 'error', error: r.error };
  const all = r.value.patients;
  const exact = all.filter(
    (p) => kanaKey(p.kanaName) === kana && p.birthDate === who.birthDate && (!who.sex || !p.sex || p.sex === who.sex),
  );
  const only = exact.length === 1 ? exact[0] : undefined;
  if (only) return { kind: 'found', patient: only, by: 'name' };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact.slice(0, MAX_CANDIDATES).map(candidate) };
  if (all.length > 0) return { kind: 'ambiguous', candidates: all.slice(0, MAX_CANDIDATES).map(candidate) };
  return { kind: 'unknown' };
}
