/**
 * Which UI keys are patient-facing. Staff and admin texts (the console, the admin screen, session states,
 * verification results) stay in Japanese and English; every other key is shown to patients and must exist
 * in all six languages. The split is by key prefix, once here, so a new staff key needs no translation and
 * a new patient key fails the typecheck until every catalogue has it.
 */
import type { UiKey } from './ja';

export const STAFF_KEY_PREFIXES = [
  'staff.',
  'admin.',
  'state.',
  'verification.',
  'validity.',
  'staffReason.',
  'action.',
  'online.',
  'auth.', // staff and admin sign-in, device pairing (set up by staff)
  'link.', // レセコン (ORCA) link, staff console and admin
  'devices.', // 診察券 reader and 受付票 printer states, staff console and admin
] as const;
type StaffPrefix = (typeof STAFF_KEY_PREFIXES)[number];

export type StaffKey = Extract<UiKey, `${StaffPrefix}${string}`>;
export type PatientKey = Exclude<UiKey, StaffKey>;

/** A catalogue for a patient-only language: every patient key, nothing else required. */
export type PatientCatalogue = { readonly [K in PatientKey]: string };

export function isStaffKey(key: string): boolean {
  return STAFF_KEY_PREFIXES.some((p) => key.startsWith(p));
}
