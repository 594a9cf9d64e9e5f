/**
 * The receipt-link (レセコン連携, ORCA) contract shared by the core and the windows: what staff see for each
 * check-in, the queue alert, the inputs of the staff and admin requests, and the link settings.
 * Pure: types and zod schemas only.
 */
import { z } from '../zod';

/** Why a check-in's link waits for staff or keeps retrying. */
export const LINK_REASONS = [
  'ambiguous-patient',
  'patient-mismatch',
  'unknown-patient',
  'no-identity',
  'orca-rejected',
  'orca-unreachable',
  'orca-busy',
  'orca-auth',
  'orca-bad-response',
  'orca-not-configured',
  'cancel-by-hand',
] as const;
export type LinkReason = (typeof LINK_REASONS)[number];

/** What staff see for one check-in: registered / waiting / failed (with reason) / needs staff / … */
export const LINK_STATES = ['registered', 'waiting', 'failed', 'needs-staff', 'cancelled', 'by-hand'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** A possible ORCA patient, shown to staff when the kiosk will not guess. */
export interface PatientCandidate {
  patientId: string;
  kanaName: string;
  birthDate: string;
  sex?: '1' | '2';
}

export interface LinkStatus {
  checkinId: string;
  state: LinkState;
  reason?: LinkReason;
  /** ORCA's code and message, or the transport error, for staff. */
  detail?: string;
  /** ORCA's Acceptance_Id. */
  acceptanceId?: string;
  /** ORCA's Patient_ID. */
  patientId?: string;
  /** K-code warnings from ORCA ("K3: …" first, then ORCA's warning lines). */
  warnings: string[];
  candidates: PatientCandidate[];
  attempts: number;
  updatedAt: string;
}

export interface QueueAlert {
  /** The oldest registration has been failing for a while (ORCA down, wrong password, no defaults). */
  stuck: boolean;
  pending: number;
  since?: string;
  reason?: LinkReason;
  detail?: string;
}

const checkinId = z.string().min(1).max(64);
const orcaPatientId = z.string().regex(/^\d{1,20}$/);

export const linkRetryInputSchema = z.strictObject({
  checkinId,
  /** The ORCA patient staff picked (a candidate, or typed). */
  patientId: orcaPatientId.optional(),
});
export type LinkRetryInput = z.infer<typeof linkRetryInputSchema>;

export const linkByHandInputSchema = z.strictObject({
  checkinId,
  acceptanceId: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
  reason: z.string().trim().min(1).max(200),
});
export type LinkByHandInput = z.infer<typeof linkByHandInputSchema>;

const code = z.string().regex(/^[0-9A-Za-z]{0,10}$/);

/** Admin settings of the link. The password is write-only: reads return `passwordSet` instead. */
export const receiptLinkSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  url: z.string().trim().max(300),
  user: z.string().max(100),
  departmentCode: code,
  physicianCode: code,
  newPatient: z.boolean(),
  /** Folder for the file exporter ('' = off). */
  exportDir: z.string().trim().max(500),
  exportFormats: z.array(z.enum(['json', 'csv'])).max(2),
});
export type ReceiptLinkSettingsView = z.infer<typeof receiptLinkSettingsSchema> & {
  passwordSet: boolean;
  source: 'environment' | 'settings' | 'none';
};

export const receiptLinkSettingsInputSchema = receiptLinkSettingsSchema.extend({
  /** Omitted: keep the stored password. */
  password: z.string().max(200).optional(),
});
export type ReceiptLinkSettingsInput = z.infer<typeof receiptLinkSettingsInputSchema>;

export interface OrcaCodeName {
  code: string;
  name: string;
}
/** Departments and doctors read from ORCA (system01lstv2) for the admin to choose the defaults. */
export type OrcaChoices =
  | { ok: true; departments: OrcaCodeName[]; physicians: OrcaCodeName[] }
  | { ok: false; reason: LinkReason; detail: string };
