/**
 * The receipt-link (レセコン連携) feature: a completed check-in becomes a 受付 in ORCA, through a durable
 * queue in SQLite that survives ORCA outages and kiosk restarts, sends in check-in order, and never
 * registers a check-in twice (see worker.ts). Staff see each check-in's link state, retry, or record that
 * they registered it by hand (audited); the queue raises an alert when it is stuck.
 *
 * Narrow dependencies on purpose (a Database, the Clock, the Logger, a client factory, callbacks). The
 * tables come from ./migrations (run by the core before this is created).
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { OrcaClient } from '../../integrations/orca/client';
import type { PatientIdentity } from '../../integrations/orca/find-patient';
import type { LinkState, LinkStatus, QueueAlert } from '../../../shared/receipt-link/index';
import { createLinkStore, type LinkJob } from './store';
import { createWorker, type StepResult } from './worker';

export interface ReceiptLinkSettings {
  /** Off: check-ins are not queued. */
  enabled: boolean;
  /** The clinic's default 診療科 and 医師 (codes from ORCA's system01lstv2). */
  departmentCode: string;
  physicianCode: string;
  /** Register patients ORCA does not know as new-patient 受付 (else they go to staff). */
  newPatient: boolean;
  /** Medical_Information (診療内容); empty lets ORCA decide. */
  medicalInformation?: string;
}

export interface CheckInCompleted {
  checkinId: string;
  /** ISO date-time the check-in completed: becomes Acceptance_Date / Acceptance_Time in clinic local time. */
  completedAt: string;
  identity: PatientIdentity;
}

export type { LinkState, LinkStatus, QueueAlert };

export type StaffActionResult =
  { ok: true; status: LinkStatus } | { ok: false; code: 'not-found' | 'not-allowed' | 'invalid'; message: string };

export interface ReceiptLinkDeps {
  db: Database.Database;
  clock: Clock;
  logger: Logger;
  /** The current client (settings may change at run time); undefined = no ORCA configured. */
  client: () => OrcaClient | undefined;
  settings: () => ReceiptLinkSettings;
  onChange?: (status: LinkStatus) => void;
  audit?: (entry: { actor: string; action: string; subject: string; detail?: string }) => void;
  backoff?: { baseMs: number; maxMs: number };
  /** Alert when the head has failed this many times, or waited this long. */
  stuckAfter?: { attempts: number; ms: number };
  /** Check for due jobs at least this often when idle. */
  pollMs?: number;
}

function localDateTime(iso: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

export function statusOf(register: LinkJob | undefined, cancel: LinkJob | undefined): LinkStatus | undefined {
  const job = cancel && cancel.state !== 'done' ? cancel : register;
  if (!job) return undefined;
  let state: LinkState;
  if (cancel?.state === 'done' || register?.state === 'cancelled') state = 'cancelled';
  else if (job.state === 'waiting' || job.state === 'sending') state = 'waiting';
  else if (job.state === 'done') state = 'cancelled';
  else state = job.state;
  return {
    checkinId: job.checkinId,
    state,
    ...(job.reason ? { reason: job.reason } : {}),
    ...(job.detail ? { detail: job.detail } : {}),
    ...(register?.acceptanceId ? { acceptanceId: register.acceptanceId } : {}),
    ...(register?.patientId && register.patientId !== '*' ? { patientId: register.patientId } : {}),
    warnings: register?.warnings ?? [],
    candidates: job.candidates,
    attempts: job.attempts,
    updatedAt: job.updatedAt,
  };
}

export function createReceiptLink(deps: ReceiptLinkDeps) {
  const store = createLinkStore(deps.db);
  const { clock, logger } = deps;
  const backoff = deps.backoff ?? { baseMs: 1000, maxMs: 60_000 };
  const stuckAfter = deps.stuckAfter ?? { attempts: 5, ms: 10 * 60_000 };
  const status = (checkinId: string) => statusOf(store.get(checkinId, 'register'), store.get(checkinId, 'cancel'));
  const changed = (checkinId: string) => {
    const s = status(checkinId);
    if (s) deps.onChange?.(s);
  };
  const worker = createWorker({
    store,
    clock,
    logger,
    client: deps.client,
    medicalInformation: () => deps.settings().medicalInformation,
    defaults: () => ({ departmentCode: deps.settings().departmentCode, physicianCode: deps.settings().physicianCode }),
    backoff,
    changed,
  });

  let running = false;
  let wake: (() => void) | undefined;
  let loopDone: Promise<void> = Promise.resolve();
  const kick = () => wake?.();

  async function loop() {
    while (running) {
      let r: StepResult;
      try {
        r = await worker.step();
      } catch (e) {
        logger.error('receipt-link: step failed', { error: e instanceof Error ? e.message : String(e) });
        r = { kind: 'wait', ms: backoff.maxMs };
      }
      if (r.kind === 'worked') continue;
      const ms = r.kind === 'idle' ? (deps.pollMs ?? 30_000) : Math.max(10, Math.min(r.ms, deps.pollMs ?? 30_000));
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, ms);
        function done() {
          clearTimeout(t);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  }

  const audit = (actor: string, action: string, subject: string, detail?: string) =>
    deps.audit?.({ actor, action, subject, ...(detail ? { detail } : {}) });

  /** The job staff act on: an unsettled cancel first, else the registration. */
  const actionable = (checkinId: string) => {
    const cancel = store.get(checkinId, 'cancel');
    if (cancel && cancel.state !== 'done') return cancel;
    return store.get(checkinId, 'register');
  };

  return {
    /** Queue the 受付 of a completed check-in (idempotent per check-in). */
    enqueueRegistration(c: CheckInCompleted): LinkStatus | undefined {
      const s = deps.settings();
      if (!s.enabled) return undefined;
      const { date, time } = localDateTime(c.completedAt, clock.timeZone);
      store.insert(
        {
          checkinId: c.checkinId,
          kind: 'register',
          state: 'waiting',
          identity: c.identity,
          acceptanceDate: date,
          acceptanceTime: time,
          departmentCode: s.departmentCode,
          physicianCode: s.physicianCode,
          newPatientAllowed: s.newPatient,
        },
        clock.nowIso(),
      );
      changed(c.checkinId);
      kick();
      return status(c.checkinId);
    },

    /** Staff cancelled the check-in: cancel its 受付 in ORCA too (or just drop it if never sent). */
    enqueueCancel(checkinId: string): LinkStatus | undefined {
      const reg = store.get(checkinId, 'register');
      if (!reg) return undefined;
      const now = clock.nowIso();
      store.transaction(() => {
        if (reg.state === 'waiting' || reg.state === 'needs-staff' || reg.state === 'failed') {
          store.update(
            reg.seq,
            { state: 'cancelled', identity: null, nextAttemptAt: null, detail: 'cancelled before it was sent' },
            now,
          );
        } else if (reg.state !== 'cancelled') {
          store.insert({ ...reg, kind: 'cancel', state: 'waiting', newPatientAllowed: false }, now);
        }
      });
      changed(checkinId);
      kick();
      return status(checkinId);
    },

    status,
    list: (since?: string): LinkStatus[] => {
      const ids = new Set(store.list(since ? { since } : {}).map((j) => j.checkinId));
      return [...ids].map(status).filter((s): s is LinkStatus => s !== undefined);
    },

    /** Staff: try again, optionally with the patient they picked (a candidate or a typed ORCA number). */
    retry(checkinId: string, actor: string, options: { patientId?: string; reason?: string } = {}): StaffActionResult {
      const job = actionable(checkinId);
      if (!job) return { ok: false, code: 'not-found', message: 'no ORCA link for this check-in' };
      if (options.patientId !== undefined && !/^\d{1,20}$/.test(options.patientId))
        return { ok: false, code: 'invalid', message: 'the ORCA patient number must be digits' };
      if (!['needs-staff', 'failed', 'waiting', 'sending'].includes(job.state))
        return { ok: false, code: 'not-allowed', message: `nothing to retry (${job.state})` };
      store.update(
        job.seq,
        {
          state: job.state === 'sending' ? 'sending' : 'waiting',
          attempts: 0,
          nextAttemptAt: null,
          reason: null,
          detail: null,
          ...(options.patientId !== undefined && job.kind === 'register' && job.state !== 'sending'
            ? { patientId: options.patientId, candidates: [] }
            : {}),
        },
        clock.nowIso(),
      );
      audit(
        actor,
        'receipt-link.retry',
        checkinId,
        [options.reason, options.patientId ? `patient ${options.patientId}` : undefined].filter(Boolean).join(' / ') ||
          undefined,
      );
      changed(checkinId);
      kick();
      const s = status(checkinId);
      return s ? { ok: true, status: s } : { ok: false, code: 'not-found', message: 'gone' };
    },

    /** Staff registered (or cancelled) it in ORCA themselves: the kiosk stops trying. */
    markDoneByHand(
      checkinId: string,
      actor: string,
      options: { acceptanceId?: string; reason?: string } = {},
    ): StaffActionResult {
      const job = actionable(checkinId);
      if (!job) return { ok: false, code: 'not-found', message: 'no ORCA link for this check-in' };
      if (options.acceptanceId !== undefined && !/^\d{1,10}$/.test(options.acceptanceId))
        return { ok: false, code: 'invalid', message: 'the acceptance id must be digits' };
      if (!['needs-staff', 'failed', 'waiting', 'sending'].includes(job.state))
        return { ok: false, code: 'not-allowed', message: `already settled (${job.state})` };
      store.update(
        job.seq,
        {
          state: job.kind === 'register' ? 'by-hand' : 'done',
          identity: null,
          nextAttemptAt: null,
          reason: null,
          detail: options.reason?.slice(0, 200) ?? null,
          ...(options.acceptanceId ? { acceptanceId: options.acceptanceId } : {}),
        },
        clock.nowIso(),
      );
      if (job.kind === 'cancel') {
        const reg = store.get(checkinId, 'register');
        if (reg) store.update(reg.seq, { state: 'cancelled' }, clock.nowIso());
      }
      audit(
        actor,
        job.kind === 'register' ? 'receipt-link.registered-by-hand' : 'receipt-link.cancelled-by-hand',
        checkinId,
        options.reason,
      );
      changed(checkinId);
      kick();
      const s = status(checkinId);
      return s ? { ok: true, status: s } : { ok: false, code: 'not-found', message: 'gone' };
    },

    alert(): QueueAlert {
      const head = store.head();
      const pending = store.pendingCount();
      if (!head) return { stuck: false, pending };
      const age = clock.now().getTime() - Date.parse(head.createdAt);
      const stuck = head.attempts >= stuckAfter.attempts || (head.attempts > 0 && age >= stuckAfter.ms);
      return {
        stuck,
        pending,
        since: head.createdAt,
        ...(head.reason ? { reason: head.reason } : {}),
        ...(head.detail ? { detail: head.detail } : {}),
      };
    },

    /** Retention (the core's purge of finished check-ins): settled link rows before `day`. */
    purgeBefore: (day: string) => store.purgeBefore(day),

    /** One worker step (tests drive it directly; the loop calls it too). */
    step: () => worker.step(),
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    kick,
    async stop() {
      running = false;
      kick();
      await loopDone;
    },
  };
}

export type ReceiptLink = ReturnType<typeof createReceiptLink>;
