/**
 * Typed values the ORCA (日医標準レセプトソフト) adapter hands to the rest of the kiosk. Everything here was
 * parsed and bounded at the edge (wire.ts); nothing raw from ORCA travels further in.
 *
 * Only what the 受付 link needs is kept: patient id, kana name, birth date, sex, and the numbers of the
 * 保険組合せ (insurance combinations). Addresses, phone numbers, workplaces and insurance numbers that ORCA
 * also returns are dropped on parsing.
 */

/** ORCA's Api_Result: '00' success, 'K?' success with a warning, '16' duplicate, '90' busy, others errors. */
export type ApiResult = string;

export interface OrcaInsuranceCombination {
  /** Insurance_Combination_Number (4 digits). */
  number: string;
  /** InsuranceProvider_Class, e.g. '009' 協会, '060' 国保, '980' 自費. */
  providerClass?: string;
  expiredDate?: string;
}

export interface OrcaPatient {
  /** Patient_ID: the 診察券 number in most clinics. */
  patientId: string;
  /** WholeName_inKana as ORCA holds it (full-width katakana, maybe with a full-width space). */
  kanaName: string;
  /** BirthDate, YYYY-MM-DD. */
  birthDate: string;
  /** '1' male, '2' female (ORCA's codes), when given. */
  sex?: '1' | '2';
  insuranceCombinations: OrcaInsuranceCombination[];
}

export type AcceptanceRequestNumber = '00' | '01' | '02';

export interface AcceptanceRequest {
  requestNumber: AcceptanceRequestNumber;
  /** Patient_ID, or '*' for a new patient (新患受付, ORCA ≥ 2017-12) with the name fields below. */
  patientId: string;
  /** New-patient 受付 only. */
  newPatient?: { kanaName: string; birthDate: string; sex?: '1' | '2' };
  /** YYYY-MM-DD, clinic local date. */
  acceptanceDate: string;
  /** HH:MM:SS, clinic local time. The kiosk sends its check-in time so a later inquiry can find it. */
  acceptanceTime: string;
  /** Needed for cancel (02). */
  acceptanceId?: string;
  departmentCode: string;
  physicianCode: string;
  /** Medical_Information (診療内容), e.g. '01'; empty lets ORCA choose. */
  medicalInformation?: string;
}

export interface AcceptanceResult {
  apiResult: ApiResult;
  message: string;
  /** Api_Warning_Message_Information, for K-codes. */
  warnings: string[];
  acceptanceId?: string;
  acceptanceDate?: string;
  acceptanceTime?: string;
  departmentCode?: string;
  physicianCode?: string;
  patientId?: string;
  /** The 保険組合せ ORCA chose, when it says. */
  insuranceCombinationNumber?: string;
}

export interface AcceptanceListEntry {
  acceptanceId: string;
  acceptanceTime: string;
  departmentCode?: string;
  physicianCode?: string;
  patientId: string;
  kanaName?: string;
}

export interface OrcaDepartment {
  code: string;
  name: string;
}
export interface OrcaPhysician {
  code: string;
  name: string;
}

/**
 * Typed failures. `outcome-unknown` is the one that matters for exact-once: the request was fully sent and
 * then the answer never came, so ORCA may or may not have acted on it.
 */
export type OrcaErrorCode =
  | 'not-configured'
  | 'unreachable'
  | 'timeout'
  | 'outcome-unknown'
  | 'auth'
  | 'method-not-allowed'
  | 'http'
  | 'too-large'
  | 'bad-response'
  | 'busy'
  | 'api';

export interface OrcaError {
  code: OrcaErrorCode;
  message: string;
  /** Api_Result when ORCA answered with one. */
  apiResult?: string;
  httpStatus?: number;
}

export type OrcaOutcome<T> = { ok: true; value: T } | { ok: false; error: OrcaError };

export function orcaError(
  code: OrcaErrorCode,
  message: string,
  extra: Partial<OrcaError> = {},
): { ok: false; error: OrcaError } {
  return { ok: false, error: { code, message: message.slice(0, 300), ...extra } };
}

/** Transient: worth trying again later without staff (ORCA down, slow, busy). */
export function isTransient(e: OrcaError): boolean {
  return (
    e.code === 'unreachable' ||
    e.code === 'timeout' ||
    e.code === 'outcome-unknown' ||
    e.code === 'busy' ||
    e.code === 'http'
  );
}
