/**
 * One step of the receipt-link queue: take the oldest unsettled job and move it one state further, talking
 * to ORCA. Jobs go strictly in order: while the head cannot be sent (ORCA down, busy, misconfigured) nothing
 * behind it is sent either; a job that needs staff steps aside and lets the queue move on.
 *
 * Exact-once: a register job is marked `sending` (committed) before its request leaves. If the answer never
 * arrives — a timeout after sending, a lost connection, the kiosk killed — the job stays `sending`, and the
 * next step first asks ORCA (acceptlstv2, today's acceptances) whether the 受付 exists: found means done,
 * absent means send again. ORCA's duplicate answer (16) also counts as done.
 */
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { OrcaClient } from '../../integrations/orca/client';
import { findPatient, kanaKey, samePatientNumber } from '../../integrations/orca/find-patient';
import type { AcceptanceListEntry, OrcaError } from '../../integrations/orca/types';
import type { JobPatch, LinkJob, LinkReason, LinkStore } from './store';

export interface WorkerDeps {
  store: LinkStore;
  clock: Clock;
  logger: Logger;
  client: () => OrcaClient | undefined;
  medicalInformation?: () => string | undefined;
  /** The clinic's current default 診療科 / 医師, for jobs queued before the admin chose them. */
  defaults: () => { departmentCode: string; physicianCode: string };
  backoff: { baseMs: number; maxMs: number };
  changed: (checkinId: string) => void;
}

export type StepResult = { kind: 'idle' } | { kind: 'worked' } | { kind: 'wait'; ms: number };

const NOT_SENT: ReadonlySet<OrcaError['code']> = new Set([
  'unreachable',
  'busy',
  'auth',
  'method-not-allowed',
  'not-configured',
]);

function reasonOf(e: OrcaError): LinkReason {
  switch (e.code) {
    case 'auth':
      return 'orca-auth';
    case 'not-configured':
    case 'method-not-allowed':
      return 'orca-not-configured';
    case 'busy':
      return 'orca-busy';
    case 'bad-response':
    case 'too-large':
      return 'orca-bad-response';
    case 'api':
      return 'orca-rejected';
    default:
      return 'orca-unreachable';
  }
}

const isSuccess = (apiResult: string) => apiResult === '00' || /^K[0-9A-Z]?$/.test(apiResult);

export function createWorker(deps: WorkerDeps) {
  const { store, clock, logger } = deps;

  const update = (job: LinkJob, patch: JobPatch) => {
    store.update(job.seq, patch, clock.nowIso());
    deps.changed(job.checkinId);
  };

  /** Transient trouble: keep the job (and the queue behind it) waiting, back off. */
  const retryLater = (job: LinkJob, error: OrcaError, state: 'waiting' | 'sending'): StepResult => {
    const attempts = job.attempts + 1;
    const ms = Math.min(deps.backoff.maxMs, deps.backoff.baseMs * 2 ** Math.min(20, attempts - 1));
    update(job, {
      state,
      attempts,
      reason: reasonOf(error),
      detail: error.message,
      nextAttemptAt: new Date(clock.now().getTime() + ms).toISOString(),
    });
    logger.warn('receipt-link: will retry', { seq: job.seq, code: error.code, attempts });
    return { kind: 'wait', ms };
  };

  const settle = (job: LinkJob, patch: JobPatch) =>
    update(job, { identity: null, candidates: [], nextAttemptAt: null, ...patch });

  /** Is this job's 受付 already in ORCA? (acceptlstv2, today's list for the department) */
  async function findExisting(
    client: OrcaClient,
    job: LinkJob,
  ): Promise<{ ok: true; entry?: AcceptanceListEntry } | { ok: false; error: OrcaError }> {
    const r = await client.listAcceptances({ date: job.acceptanceDate, departmentCode: job.departmentCode });
    if (!r.ok) return r;
    const code = r.value.header.apiResult;
    if (code !== '00' && r.value.entries.length === 0) {
      // ORCA says "no acceptances" with a non-00 code (e.g. 21); anything with entries is a list.
      if (/^(1[0-9]|2[0-9])$/.test(code)) return { ok: true };
      return {
        ok: false,
        error: { code: 'api', message: `acceptlstv2 ${code}: ${r.value.header.message}`, apiResult: code },
      };
    }
    const time = job.acceptanceTime.slice(0, 8);
    const kana = job.identity?.kanaName ? kanaKey(job.identity.kanaName) : undefined;
    const entry = r.value.entries.find(
      (e) =>
        e.acceptanceTime.slice(0, 8) === time &&
        (e.physicianCode === undefined || e.physicianCode === job.physicianCode) &&
        (job.kind === 'cancel'
          ? e.acceptanceId === job.acceptanceId
          : job.patientId === '*'
            ? kana !== undefined && e.kanaName !== undefined && kanaKey(e.kanaName) === kana
            : job.patientId !== undefined && samePatientNumber(e.patientId, job.patientId)),
    );
    return { ok: true, ...(entry ? { entry } : {}) };
  }

  async function stepRegister(client: OrcaClient, queued: LinkJob): Promise<StepResult> {
    let job = queued;
    if (!job.departmentCode || !job.physicianCode) {
      const d = deps.defaults();
      if (!d.departmentCode || !d.physicianCode)
        return retryLater(
          job,
          { code: 'not-configured', message: 'choose the default 診療科 and 医師 in the admin settings' },
          job.state === 'sending' ? 'sending' : 'waiting',
        );
      store.setDefaults(job.seq, d.departmentCode, d.physicianCode);
      job = { ...job, departmentCode: d.departmentCode, physicianCode: d.physicianCode };
    }
    if (job.state === 'sending') {
      const existing = await findExisting(client, job);
      if (!existing.ok) return retryLater(job, existing.error, 'sending');
      if (existing.entry) {
        settle(job, {
          state: 'registered',
          acceptanceId: existing.entry.acceptanceId,
          patientId: existing.entry.patientId,
          reason: null,
          detail: 'confirmed after an unanswered request',
        });
        logger.info('receipt-link: registration confirmed by inquiry', { seq: job.seq });
        return { kind: 'worked' };
      }
    }
    let patientId = job.patientId;
    if (patientId === undefined) {
      const m = await findPatient(client, job.identity ?? {});
      switch (m.kind) {
        case 'found':
          patientId = m.patient.patientId;
          break;
        case 'ambiguous':
        case 'mismatch':
          update(job, {
            state: 'needs-staff',
            reason: m.kind === 'ambiguous' ? 'ambiguous-patient' : 'patient-mismatch',
            candidates: m.candidates,
            detail: null,
            nextAttemptAt: null,
          });
          return { kind: 'worked' };
        case 'unknown':
          if (job.newPatientAllowed && job.identity?.kanaName && job.identity.birthDate) {
            patientId = '*';
            break;
          }
          update(job, {
            state: 'needs-staff',
            reason: 'unknown-patient',
            candidates: [],
            detail: null,
            nextAttemptAt: null,
          });
          return { kind: 'worked' };
        case 'insufficient':
          update(job, { state: 'needs-staff', reason: 'no-identity', detail: null, nextAttemptAt: null });
          return { kind: 'worked' };
        case 'error':
          if (m.error.code === 'bad-response' || m.error.code === 'too-large' || m.error.code === 'api') {
            update(job, { state: 'failed', reason: reasonOf(m.error), detail: m.error.message, nextAttemptAt: null });
            return { kind: 'worked' };
          }
          return retryLater(job, m.error, 'waiting');
      }
    }
    // Committed before the request leaves: after a crash from here on, the next step asks ORCA first.
    update(job, { state: 'sending', patientId });
    const sending: LinkJob = { ...job, state: 'sending', patientId };
    const identity = job.identity;
    const r = await client.accept({
      requestNumber: '01',
      patientId,
      ...(patientId === '*' && identity?.kanaName && identity.birthDate
        ? {
            newPatient: {
              kanaName: identity.kanaName,
              birthDate: identity.birthDate,
              ...(identity.sex ? { sex: identity.sex } : {}),
            },
          }
        : {}),
      acceptanceDate: job.acceptanceDate,
      acceptanceTime: job.acceptanceTime,
      departmentCode: job.departmentCode,
      physicianCode: job.physicianCode,
      medicalInformation: deps.medicalInformation?.() ?? '',
    });
    if (!r.ok) return retryLater(sending, r.error, NOT_SENT.has(r.error.code) ? 'waiting' : 'sending');
    const a = r.value;
    if (isSuccess(a.apiResult)) {
      settle(sending, {
        state: 'registered',
        acceptanceId: a.acceptanceId ?? null,
        patientId: a.patientId ?? (patientId === '*' ? null : patientId),
        insuranceCombination: a.insuranceCombinationNumber ?? null,
        warnings: a.apiResult === '00' ? [] : [`${a.apiResult}: ${a.message}`, ...a.warnings],
        reason: null,
        detail: null,
      });
      return { kind: 'worked' };
    }
    if (a.apiResult === '16') {
      // ORCA already has it (an earlier attempt did arrive): done. Fetch its id for staff when we can.
      const existing = await findExisting(client, sending);
      settle(sending, {
        state: 'registered',
        acceptanceId: existing.ok ? (existing.entry?.acceptanceId ?? null) : null,
        reason: null,
        detail: 'ORCA answered 16 (already registered)',
      });
      return { kind: 'worked' };
    }
    settle(sending, { state: 'failed', reason: 'orca-rejected', detail: `${a.apiResult}: ${a.message}`.slice(0, 300) });
    return { kind: 'worked' };
  }

  async function stepCancel(client: OrcaClient, job: LinkJob): Promise<StepResult> {
    const reg = store.get(job.checkinId, 'register');
    if (
      !reg ||
      reg.state === 'waiting' ||
      reg.state === 'needs-staff' ||
      reg.state === 'failed' ||
      reg.state === 'cancelled'
    ) {
      // Never reached ORCA: nothing to cancel there.
      if (reg && reg.state !== 'cancelled')
        settle(reg, { state: 'cancelled', reason: null, detail: 'cancelled before it was sent' });
      settle(job, { state: 'done', reason: null, detail: null });
      return { kind: 'worked' };
    }
    if (reg.state === 'by-hand' || !reg.acceptanceId || !reg.patientId) {
      update(job, { state: 'needs-staff', reason: 'cancel-by-hand', nextAttemptAt: null });
      return { kind: 'worked' };
    }
    if (reg.state === 'sending') return { kind: 'wait', ms: deps.backoff.baseMs };
    const target: LinkJob = {
      ...job,
      acceptanceId: reg.acceptanceId,
      patientId: reg.patientId,
      acceptanceTime: reg.acceptanceTime,
    };
    if (job.state === 'sending') {
      const existing = await findExisting(client, target);
      if (!existing.ok) return retryLater(job, existing.error, 'sending');
      if (!existing.entry) {
        settle(reg, { state: 'cancelled' });
        settle(job, { state: 'done', reason: null, detail: 'confirmed after an unanswered request' });
        return { kind: 'worked' };
      }
    }
    update(job, { state: 'sending', acceptanceId: reg.acceptanceId, patientId: reg.patientId });
    const r = await client.accept({
      requestNumber: '02',
      patientId: reg.patientId,
      acceptanceId: reg.acceptanceId,
      acceptanceDate: reg.acceptanceDate,
      acceptanceTime: reg.acceptanceTime,
      departmentCode: reg.departmentCode,
      physicianCode: reg.physicianCode,
    });
    if (!r.ok)
      return retryLater({ ...job, state: 'sending' }, r.error, NOT_SENT.has(r.error.code) ? 'waiting' : 'sending');
    if (isSuccess(r.value.apiResult)) {
      settle(reg, { state: 'cancelled' });
      settle(job, { state: 'done', reason: null, detail: null, warnings: r.value.warnings });
      return { kind: 'worked' };
    }
    settle(job, {
      state: 'failed',
      reason: 'orca-rejected',
      detail: `${r.value.apiResult}: ${r.value.message}`.slice(0, 300),
    });
    return { kind: 'worked' };
  }

  /** One step. Never throws for ORCA trouble; a store error (disk) does throw, for the loop to log. */
  async function step(): Promise<StepResult> {
    const job = store.head();
    if (!job) return { kind: 'idle' };
    if (job.nextAttemptAt) {
      const ms = Date.parse(job.nextAttemptAt) - clock.now().getTime();
      if (ms > 0) return { kind: 'wait', ms };
    }
    const client = deps.client();
    if (!client)
      return retryLater(
        job,
        { code: 'not-configured', message: 'no ORCA URL configured' },
        job.state === 'sending' ? 'sending' : 'waiting',
      );
    return job.kind === 'register' ? stepRegister(client, job) : stepCancel(client, job);
  }

  return { step };
}
