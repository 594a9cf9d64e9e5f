/**
 * The receipt-link queue in SQLite: one `register` job per completed check-in and, when staff cancel it, one
 * `cancel` job. Every state change is one UPDATE committed before the next network call, so a crash leaves
 * at most one job in `sending` (sent, outcome unknown), which the worker confirms with ORCA before acting.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { PatientIdentity } from '../../integrations/orca/find-patient';
import { LINK_REASONS, type LinkReason, type PatientCandidate } from '../../../shared/receipt-link/index';

export type JobState =
  'waiting' | 'sending' | 'registered' | 'cancelled' | 'done' | 'needs-staff' | 'failed' | 'by-hand';
export type JobKind = 'register' | 'cancel';

export type { LinkReason };

export interface LinkJob {
  seq: number;
  checkinId: string;
  kind: JobKind;
  state: JobState;
  identity?: PatientIdentity;
  acceptanceDate: string;
  acceptanceTime: string;
  departmentCode: string;
  physicianCode: string;
  newPatientAllowed: boolean;
  patientId?: string;
  acceptanceId?: string;
  insuranceCombination?: string;
  warnings: string[];
  candidates: PatientCandidate[];
  reason?: LinkReason;
  detail?: string;
  attempts: number;
  nextAttemptAt?: string;
  createdAt: string;
  updatedAt: string;
}

const jsonText = <T>(schema: z.ZodType<T>) =>
  z.string().transform((s, ctx): T => {
    try {
      return schema.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'bad JSON column' });
      return z.NEVER;
    }
  });

const identitySchema = z.object({
  patientNumber: z.string().max(20).optional(),
  kanaName: z.string().max(200).optional(),
  birthDate: z.string().max(10).optional(),
  sex: z.enum(['1', '2']).optional(),
});
const candidateSchema = z.object({
  patientId: z.string().max(20),
  kanaName: z.string().max(200),
  birthDate: z.string().max(10),
  sex: z.enum(['1', '2']).optional(),
});
const opt = z
  .string()
  .nullable()
  .transform((v) => v ?? undefined);

const rowSchema = z
  .object({
    seq: z.number().int(),
    checkin_id: z.string(),
    kind: z.enum(['register', 'cancel']),
    state: z.enum(['waiting', 'sending', 'registered', 'cancelled', 'done', 'needs-staff', 'failed', 'by-hand']),
    identity: z.union([jsonText(identitySchema), z.null()]),
    acceptance_date: z.string(),
    acceptance_time: z.string(),
    department_code: z.string(),
    physician_code: z.string(),
    new_patient_allowed: z.number(),
    patient_id: opt,
    acceptance_id: opt,
    insurance_combination: opt,
    warnings: jsonText(z.array(z.string())),
    candidates: jsonText(z.array(candidateSchema)),
    reason: z
      .enum(LINK_REASONS)
      .nullable()
      .transform((v) => v ?? undefined),
    detail: opt,
    attempts: z.number().int(),
    next_attempt_at: opt,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .transform((r): LinkJob => ({
    seq: r.seq,
    checkinId: r.checkin_id,
    kind: r.kind,
    state: r.state,
    ...(r.identity ? { identity: r.identity } : {}),
    acceptanceDate: r.acceptance_date,
    acceptanceTime: r.acceptance_time,
    departmentCode: r.department_code,
    physicianCode: r.physician_code,
    newPatientAllowed: r.new_patient_allowed === 1,
    ...(r.patient_id ? { patientId: r.patient_id } : {}),
    ...(r.acceptance_id ? { acceptanceId: r.acceptance_id } : {}),
    ...(r.insurance_combination ? { insuranceCombination: r.insurance_combination } : {}),
    warnings: r.warnings,
    candidates: r.candidates,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
    attempts: r.attempts,
    ...(r.next_attempt_at ? { nextAttemptAt: r.next_attempt_at } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));

function toJob(row: unknown): LinkJob | undefined {
  if (row === undefined) return undefined;
  const r = rowSchema.safeParse(row);
  return r.success ? r.data : undefined;
}

export interface NewJob {
  checkinId: string;
  kind: JobKind;
  state: JobState;
  identity?: PatientIdentity;
  acceptanceDate: string;
  acceptanceTime: string;
  departmentCode: string;
  physicianCode: string;
  newPatientAllowed: boolean;
  patientId?: string;
  acceptanceId?: string;
}

/** Fields a worker step may change. `identity: null` clears the personal data of a settled job. */
export interface JobPatch {
  state?: JobState;
  identity?: null;
  patientId?: string | null;
  acceptanceId?: string | null;
  insuranceCombination?: string | null;
  warnings?: string[];
  candidates?: PatientCandidate[];
  reason?: LinkReason | null;
  detail?: string | null;
  attempts?: number;
  nextAttemptAt?: string | null;
}

const PATCH_KEYS: readonly (keyof JobPatch)[] = [
  'state',
  'identity',
  'patientId',
  'acceptanceId',
  'insuranceCombination',
  'warnings',
  'candidates',
  'reason',
  'detail',
  'attempts',
  'nextAttemptAt',
];

export interface LinkStore {
  insert(job: NewJob, now: string): LinkJob | undefined;
  get(checkinId: string, kind: JobKind): LinkJob | undefined;
  bySeq(seq: number): LinkJob | undefined;
  /** The oldest job still to be worked on (waiting or sending), whatever its next attempt time. */
  head(): LinkJob | undefined;
  update(seq: number, patch: JobPatch, now: string): void;
  /** Fill in the department / doctor of a job queued before the admin chose the defaults. */
  setDefaults(seq: number, departmentCode: string, physicianCode: string): void;
  list(options?: { since?: string; limit?: number }): LinkJob[];
  pendingCount(): number;
  /** Retention: settled jobs of check-ins before `day` (YYYY-MM-DD); unsent ones are kept. */
  purgeBefore(day: string): number;
  transaction<T>(fn: () => T): T;
}

export function createLinkStore(db: Database.Database): LinkStore {
  const insert = db.prepare(
    `INSERT INTO receipt_link_jobs (checkin_id, kind, state, identity, acceptance_date, acceptance_time, department_code, physician_code,
       new_patient_allowed, patient_id, acceptance_id, created_at, updated_at)
     VALUES (@checkinId, @kind, @state, @identity, @acceptanceDate, @acceptanceTime, @departmentCode, @physicianCode,
       @newPatientAllowed, @patientId, @acceptanceId, @now, @now)
     ON CONFLICT (checkin_id, kind) DO NOTHING`,
  );
  const get = db.prepare('SELECT * FROM receipt_link_jobs WHERE checkin_id = ? AND kind = ?');
  const bySeq = db.prepare('SELECT * FROM receipt_link_jobs WHERE seq = ?');
  const head = db.prepare("SELECT * FROM receipt_link_jobs WHERE state IN ('waiting', 'sending') ORDER BY seq LIMIT 1");
  const pending = db.prepare("SELECT COUNT(*) AS n FROM receipt_link_jobs WHERE state IN ('waiting', 'sending')");
  const purge = db.prepare(
    "DELETE FROM receipt_link_jobs WHERE acceptance_date < ? AND state NOT IN ('waiting', 'sending')",
  );
  const list = db.prepare('SELECT * FROM receipt_link_jobs WHERE created_at >= ? ORDER BY seq DESC LIMIT ?');
  const setDefaults = db.prepare(
    "UPDATE receipt_link_jobs SET department_code = ?, physician_code = ? WHERE seq = ? AND (department_code = '' OR physician_code = '') AND state IN ('waiting', 'sending')",
  );
  const columns: Record<keyof JobPatch, string> = {
    state: 'state',
    identity: 'identity',
    patientId: 'patient_id',
    acceptanceId: 'acceptance_id',
    insuranceCombination: 'insurance_combination',
    warnings: 'warnings',
    candidates: 'candidates',
    reason: 'reason',
    detail: 'detail',
    attempts: 'attempts',
    nextAttemptAt: 'next_attempt_at',
  };
  return {
    insert(job, now) {
      insert.run({
        checkinId: job.checkinId,
        kind: job.kind,
        state: job.state,
        identity: job.identity ? JSON.stringify(job.identity) : null,
        acceptanceDate: job.acceptanceDate,
        acceptanceTime: job.acceptanceTime,
        departmentCode: job.departmentCode,
        physicianCode: job.physicianCode,
        newPatientAllowed: job.newPatientAllowed ? 1 : 0,
        patientId: job.patientId ?? null,
        acceptanceId: job.acceptanceId ?? null,
        now,
      });
      return toJob(get.get(job.checkinId, job.kind));
    },
    get: (checkinId, kind) => toJob(get.get(checkinId, kind)),
    bySeq: (seq) => toJob(bySeq.get(seq)),
    head: () => toJob(head.get()),
    update(seq, patch, now) {
      const sets: string[] = ['updated_at = @now'];
      const params: Record<string, string | number | null> = { seq, now };
      for (const key of PATCH_KEYS) {
        const value = patch[key];
        if (value === undefined) continue;
        sets.push(`${columns[key]} = @${key}`);
        params[key] = Array.isArray(value) ? JSON.stringify(value) : value;
      }
      db.prepare(`UPDATE receipt_link_jobs SET ${sets.join(', ')} WHERE seq = @seq`).run(params);
    },
    setDefaults(seq, departmentCode, physicianCode) {
      setDefaults.run(departmentCode, physicianCode, seq);
    },
    list(options = {}) {
      return list
        .all(options.since ?? '', options.limit ?? 500)
        .map(toJob)
        .filter((j): j is LinkJob => j !== undefined);
    },
    purgeBefore(day) {
      return purge.run(day).changes;
    },
    pendingCount() {
      const row = pending.get();
      return typeof row === 'object' && row !== null && 'n' in row && typeof row.n === 'number' ? row.n : 0;
    },
    transaction: (fn) => db.transaction(fn)(),
  };
}
