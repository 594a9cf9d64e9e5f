/**
 * The check-in session (受付セッション) and its state machine.
 *
 * A session lives in the core. Its transitions are this pure function: (session, event, context) ->
 * (session', effects). The core applies it, persists the new snapshot in the same step, performs the
 * effects (start a card read, send a number query, queue a re-verification) and feeds their outcomes back
 * as events. Renderers only send events and draw snapshots, which is what lets a receptionist act on a
 * patient's session from another window and what lets a session survive a crash or restart.
 * (Over 400 lines on purpose: the whole state machine stays one function in one file, read in one place.)
 */
import { cardFailureKind } from '../card-reads/failure';
import type { EligibilityDecision, EligibilityQuery, PresentedDocument } from '../eligibility/index';
import type { PatientCardCheck } from '../patient-card/pattern';

export const SESSION_STATES = [
  'patient-card', // 診察券: the clinic card is scanned first (only where a reader is configured)
  'choose-document', // the patient chooses what they present
  'read-card', // waiting for the card reader (顔認証付きカードリーダー) to produce a result
  'card-failed', // the reader could not confirm: retry, choose another document, or ask staff
  'enter-numbers', // typing the printed numbers (記号・番号 etc.)
  'verifying', // a number query (個別照会) is in flight
  'self-declaration', // 被保険者資格申立書: what the patient declares, verified later
  'confirm-self-pay', // no document: the patient acknowledges 10割 and 療養費 later
  'staff-confirm', // a receptionist must confirm before the check-in completes
  'refused', // this document cannot be used today: guidance shown
  'completed', // 受付番号 issued
  'cancelled',
  'expired', // idled out
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const FINAL_STATES: readonly SessionState[] = ['completed', 'cancelled', 'expired'];
export const isFinal = (s: SessionState): boolean => FINAL_STATES.includes(s);

/** Numbers as printed on a 保険証 / 資格確認書 / お知らせ / portal screen, raw as typed. */
export interface PrintedNumbers {
  insurerNumber: string; // 保険者番号
  symbol?: string; // 記号
  number: string; // 番号
  branch?: string; // 枝番
  birthDate: string; // 'YYYY-MM-DD'
}

/**
 * What a patient states on a 被保険者資格申立書 when nothing can be verified now. The name is given in the
 * patient's own script (`name`: John Smith, 王小明, 김민준) and/or in katakana (`nameKana`); at least one.
 */
export interface SelfDeclaration {
  nameKana?: string;
  name?: string;
  birthDate: string;
  insurerName?: string;
  insurerNumber?: string;
  symbol?: string;
  number?: string;
  branch?: string;
  phone?: string;
}

/**
 * The minimum the kiosk keeps about who was confirmed: enough for a receptionist to match the patient and
 * for the clinic's レセコン to bill. Never a My Number (個人番号); no address.
 */
export interface ConfirmedIdentity {
  source: 'card' | 'numbers' | 'declared';
  nameKana?: string;
  name?: string;
  birthDate?: string;
  insurerNumber?: string;
  symbol?: string;
  number?: string;
  branch?: string;
  insurerName?: string;
  copayPercent?: number;
  limitClass?: string;
  validUntil?: string;
}

/** A date part-way typed: the era button and the digits so far. */
export interface DraftDate {
  era: 'reiwa' | 'heisei' | 'showa' | 'taisho' | 'western';
  year: string;
  month: string;
  day: string;
}

/**
 * What the patient has typed but not yet sent, kept on the session so a reload (or a restarted kiosk
 * page) comes back to the same step with the same input. Replaced by each `save-draft`, dropped as soon as
 * the session moves to another state. Never a My Number; only what the entry screens ask for.
 */
export interface PatientDraft {
  /** Which question the screen is on ('validUntil', 'number', 'review', …). */
  step?: string;
  /** The document chosen while its dates are being typed (choose-document only). */
  document?: PresentedDocument;
  printedValidUntil?: DraftDate;
  birthDate?: DraftDate;
  insurerNumber?: string;
  symbol?: string;
  number?: string;
  branch?: string;
  nameKana?: string;
  name?: string;
  insurerName?: string;
  phone?: string;
}

/** States whose screens take typed input (and so may keep a draft). */
export const DRAFT_STATES: readonly SessionState[] = ['choose-document', 'enter-numbers', 'self-declaration'];

export type Verification =
  | { status: 'not-needed' }
  | { status: 'verified'; at: string; validity: string }
  | { status: 'pending' } // recorded offline; re-verified when the online check is back
  | { status: 'failed'; at: string; validity?: string; code?: string; message?: string };

export interface StaffAction {
  at: string;
  staff: string;
  action: 'approve' | 'reject' | 'override-complete' | 'override-cancel';
  reason: string;
}

export interface CheckInSession {
  id: string;
  version: number; // +1 on every transition; the store refuses a write that does not follow the last
  kioskId: string;
  state: SessionState;
  startedAt: string; // ISO date-time
  updatedAt: string;
  today: string; // the clinic's date the session runs under
  document?: PresentedDocument;
  /** The birth date the patient gave with their choice: lets a card read be matched when several kiosks wait. */
  birthDate?: string;
  online?: boolean; // whether online verification was usable when the decision was made
  decision?: EligibilityDecision;
  numbers?: PrintedNumbers;
  declaration?: SelfDeclaration;
  /** Input typed on the current screen and not yet submitted (see PatientDraft). */
  draft?: PatientDraft;
  identity?: ConfirmedIdentity;
  verification: Verification;
  /** Why the session waits for staff, as stable codes (e.g. 'card-multiple', 'decision-requires-staff'). */
  staffReasons: string[];
  staffActions: StaffAction[];
  /** The last problem shown to the patient, as a stable code (e.g. 'card-read-timeout'). */
  notice?: string;
  ticketNumber?: number; // 受付番号
  completedAt?: string;
  /** 診察券番号, normalised, when the patient scanned the clinic card (kept for staff and the レセコン link). */
  patientCardNumber?: string;
}

/** The result of a card read, reduced to what the flow needs (the adapter parses the terminal's file). */
export interface CardReadOutcome {
  ok: boolean;
  validity?: 'valid' | 'invalid' | 'invalid-newer' | 'not-found' | 'multiple' | 'valid-unregistered' | 'unknown';
  identity?: Omit<ConfirmedIdentity, 'source'>;
  errorCode?: string;
  errorMessage?: string;
}

export type SessionEvent =
  | { type: 'choose-document'; document: PresentedDocument; birthDate?: string; printedValidUntil?: string }
  | { type: 'card-read'; outcome: CardReadOutcome }
  | { type: 'card-failed'; reason: 'timeout' | 'reader-error' | 'pin-locked' | 'face-failed' | 'cancelled-at-reader' }
  | { type: 'retry-card' }
  /** From the core: a card read could not be matched because several kiosks wait; this one keeps waiting. */
  | { type: 'card-unmatched' }
  | { type: 'submit-numbers'; numbers: PrintedNumbers }
  | { type: 'verification-result'; outcome: CardReadOutcome }
  | { type: 'verification-unavailable' } // the terminal did not answer: record, verify later
  /**
   * The re-verification service's answer for a check-in recorded offline (verification 'pending'). Accepted
   * in 'completed' and 'staff-confirm' only; it updates `verification` (and flags a mismatch for staff) and
   * never reopens or moves the session.
   */
  | { type: 'reverification-result'; outcome: CardReadOutcome }
  | { type: 'submit-declaration'; declaration: SelfDeclaration }
  /** Keep what is typed so far on the session (no state change, no effect). */
  | { type: 'save-draft'; draft: PatientDraft }
  | { type: 'accept-self-pay' }
  | { type: 'call-staff' }
  /** 診察券 scanned: the raw text (from the core's HID reader, or the kiosk's keyboard-scanner listener). */
  | { type: 'patient-card-scanned'; raw: string }
  /** 「診察券をお持ちでない方」: go on without one. */
  | { type: 'skip-patient-card' }
  | { type: 'back' }
  | { type: 'cancel' }
  | { type: 'idle-timeout' }
  | { type: 'staff-approve'; staff: string; reason: string }
  | { type: 'staff-reject'; staff: string; reason: string }
  | { type: 'staff-override'; staff: string; reason: string; outcome: 'complete' | 'cancel' };

export type SessionEventType = SessionEvent['type'];

/** Side effects the core performs after persisting a transition. */
export type SessionEffect =
  | { kind: 'await-card' }
  | { kind: 'stop-card' }
  | { kind: 'verify-numbers'; numbers: PrintedNumbers }
  | { kind: 'queue-reverification' }
  | { kind: 'audit'; action: string; detail: string };

export interface FlowContext {
  now: string; // ISO date-time, from the injected clock
  online: boolean;
  decide: (query: EligibilityQuery) => EligibilityDecision;
  /** The 受付番号 the session gets if this transition completes it (the core reserves it). */
  nextTicketNumber: number;
  smartphoneReader?: boolean;
  /** The clinic's 診察券番号 check (pattern from the settings); absent: any scan goes to the desk. */
  checkPatientCard?: (raw: string) => PatientCardCheck;
}

export type TransitionError = { code: 'invalid-event' | 'session-final'; message: string };
export type TransitionResult =
  | { ok: true; session: CheckInSession; effects: SessionEffect[] }
  | { ok: false; error: TransitionError };

export function newSession(
  id: string,
  kioskId: string,
  now: string,
  today: string,
  options: { patientCardStep?: boolean } = {},
): CheckInSession {
  return {
    id,
    version: 0,
    kioskId,
    state: options.patientCardStep ? 'patient-card' : 'choose-document',
    startedAt: now,
    updatedAt: now,
    today,
    verification: { status: 'not-needed' },
    staffReasons: [],
    staffActions: [],
  };
}

const invalid = (s: CheckInSession, e: SessionEvent): TransitionResult => ({
  ok: false,
  error: { code: 'invalid-event', message: `event '${e.type}' is not accepted in state '${s.state}'` },
});

export function transition(s: CheckInSession, e: SessionEvent, ctx: FlowContext): TransitionResult {
  if (e.type === 'reverification-result') return reverify(s, e.outcome, ctx);
  if (isFinal(s.state)) {
    return { ok: false, error: { code: 'session-final', message: `session ${s.id} is already ${s.state}` } };
  }
  // A draft belongs to the screen it was typed on: it goes as soon as the session moves on.
  const next = (patch: Partial<CheckInSession>, effects: SessionEffect[] = []): TransitionResult => {
    const session: CheckInSession = { ...s, ...patch, version: s.version + 1, updatedAt: ctx.now };
    if (patch.state !== undefined && patch.state !== s.state) delete session.draft;
    return { ok: true, session, effects };
  };
  const toStaff = (reasons: string[], patch: Partial<CheckInSession> = {}, effects: SessionEffect[] = []) =>
    next({ ...patch, state: 'staff-confirm', staffReasons: unique([...s.staffReasons, ...reasons]) }, effects);
  const complete = (patch: Partial<CheckInSession> = {}, effects: SessionEffect[] = []) =>
    next({ ...patch, state: 'completed', ticketNumber: ctx.nextTicketNumber, completedAt: ctx.now, notice: undefined }, effects);
  /** After eligibility is settled: staff when the decision says so, otherwise done. */
  const finish = (patch: Partial<CheckInSession>, effects: SessionEffect[] = []) =>
    s.decision?.staff ? toStaff(['decision-requires-staff'], patch, effects) : complete(patch, effects);

  // Staff may act on any open session, from any window; every such act is audited.
  if (e.type === 'staff-override') {
    const act: StaffAction = { at: ctx.now, staff: e.staff, reason: e.reason, action: e.outcome === 'complete' ? 'override-complete' : 'override-cancel' };
    const audit: SessionEffect = { kind: 'audit', action: act.action, detail: e.reason };
    const staffActions = [...s.staffActions, act];
    const stop: SessionEffect[] = s.state === 'read-card' ? [{ kind: 'stop-card' }] : [];
    return e.outcome === 'complete'
      ? complete({ staffActions }, [...stop, audit])
      : next({ state: 'cancelled', staffActions }, [...stop, audit]);
  }
  if (e.type === 'cancel') {
    return next({ state: 'cancelled' }, s.state === 'read-card' ? [{ kind: 'stop-card' }] : []);
  }
  if (e.type === 'idle-timeout') {
    // A session waiting for staff does not idle out: the patient was told to wait at the desk.
    if (s.state === 'staff-confirm') return invalid(s, e);
    return next({ state: 'expired' }, s.state === 'read-card' ? [{ kind: 'stop-card' }] : []);
  }
  if (e.type === 'save-draft') {
    if (!DRAFT_STATES.includes(s.state)) return invalid(s, e);
    return next({ draft: e.draft });
  }
  if (e.type === 'call-staff') {
    if (s.state === 'staff-confirm') return invalid(s, e);
    return toStaff(['patient-asked-for-help'], {}, s.state === 'read-card' ? [{ kind: 'stop-card' }] : []);
  }

  switch (s.state) {
    case 'patient-card': {
      if (e.type === 'skip-patient-card') return next({ state: 'choose-document', notice: undefined });
      if (e.type !== 'patient-card-scanned') return invalid(s, e);
      const check = ctx.checkPatientCard?.(e.raw) ?? { ok: false as const, reason: 'bad-characters' as const };
      if (!check.ok) {
        // A card that is not this clinic's (or misread): the desk looks at it; the patient is told why.
        return toStaff(['patient-card-mismatch'], { notice: `patient-card-${check.reason}` }, [
          { kind: 'audit', action: 'patient-card-mismatch', detail: check.reason },
        ]);
      }
      return next({ state: 'choose-document', patientCardNumber: check.number, notice: undefined }, [
        { kind: 'audit', action: 'patient-card', detail: 'scanned' },
      ]);
    }
    case 'choose-document':
    case 'refused':
    case 'card-failed': {
      if (e.type === 'retry-card' && s.state === 'card-failed') {
        return next({ state: 'read-card', notice: undefined }, [{ kind: 'await-card' }]);
      }
      if (e.type === 'back' && s.state !== 'choose-document') {
        return next({ state: 'choose-document', notice: undefined });
      }
      if (e.type !== 'choose-document') return invalid(s, e);
      const query: EligibilityQuery = {
        document: e.document,
        today: s.today,
        online: ctx.online,
        ...(e.birthDate ? { birthDate: e.birthDate } : {}),
        ...(e.printedValidUntil ? { printedValidUntil: e.printedValidUntil } : {}),
        ...(ctx.smartphoneReader !== undefined ? { smartphoneReader: ctx.smartphoneReader } : {}),
      };
      const decision = ctx.decide(query);
      const base: Partial<CheckInSession> = {
        document: e.document,
        birthDate: e.birthDate,
        online: ctx.online,
        decision,
        notice: undefined,
        numbers: undefined,
        declaration: undefined,
        identity: undefined,
        verification: { status: 'not-needed' },
      };
      switch (decision.action) {
        case 'read-card':
          return next({ ...base, state: 'read-card' }, [{ kind: 'await-card' }]);
        case 'verify-numbers':
        case 'record-numbers':
          return next({ ...base, state: 'enter-numbers' });
        case 'self-declaration':
          return next({ ...base, state: 'self-declaration' });
        case 'self-pay':
          return next({ ...base, state: 'confirm-self-pay' });
        case 'refuse':
          return next({ ...base, state: 'refused' });
      }
      return invalid(s, e);
    }
    case 'read-card': {
      if (e.type === 'card-failed') return next({ state: 'card-failed', notice: `card-${e.reason}` }, [{ kind: 'stop-card' }]);
      if (e.type === 'back') return next({ state: 'choose-document' }, [{ kind: 'stop-card' }]);
      if (e.type === 'card-unmatched') return next({ notice: 'card-unmatched' });
      if (e.type !== 'card-read') return invalid(s, e);
      const o = e.outcome;
      const identity: ConfirmedIdentity | undefined = o.identity ? { source: 'card', ...o.identity } : undefined;
      if (o.ok && o.validity === 'valid') {
        return finish({ identity, verification: { status: 'verified', at: ctx.now, validity: 'valid' } });
      }
      // Never an automatic refusal (無効 / 該当なし / 複数該当 also happen for valid cards: registration lag,
      // typos): the card-failed screen says what this kind means and what to do (retry, another document, or
      // call staff), and staff see the failed verification with its reason in their attention list.
      const kind = cardFailureKind(o);
      return next({
        state: 'card-failed',
        notice: `card-${kind}`,
        staffReasons: unique([...s.staffReasons, `card-${kind}`]),
        identity,
        verification: { status: 'failed', at: ctx.now, validity: o.validity, code: o.errorCode, message: o.errorMessage },
      });
    }
    case 'enter-numbers': {
      if (e.type === 'back') return next({ state: 'choose-document' });
      if (e.type !== 'submit-numbers') return invalid(s, e);
      if (s.decision?.action === 'verify-numbers' && ctx.online) {
        return next({ state: 'verifying', numbers: e.numbers }, [{ kind: 'verify-numbers', numbers: e.numbers }]);
      }
      // Offline (or a record-only decision): accept now, verify when the online check is back.
      return finish(
        { numbers: e.numbers, identity: identityFromNumbers(e.numbers), verification: { status: 'pending' } },
        [{ kind: 'queue-reverification' }],
      );
    }
    case 'verifying': {
      if (e.type === 'verification-unavailable') {
        return toStaff(['verification-unavailable'], { identity: identityFromNumbers(s.numbers), verification: { status: 'pending' } }, [
          { kind: 'queue-reverification' },
        ]);
      }
      if (e.type !== 'verification-result') return invalid(s, e);
      const o = e.outcome;
      const identity: ConfirmedIdentity = { ...identityFromNumbers(s.numbers), ...o.identity, source: 'numbers' };
      if (o.ok && o.validity === 'valid') {
        return finish({ identity, verification: { status: 'verified', at: ctx.now, validity: 'valid' } });
      }
      return toStaff([`numbers-${o.ok ? (o.validity ?? 'unknown') : 'error'}`], {
        identity,
        verification: { status: 'failed', at: ctx.now, validity: o.validity, code: o.errorCode, message: o.errorMessage },
      });
    }
    case 'self-declaration': {
      if (e.type === 'back') return next({ state: 'choose-document' });
      if (e.type !== 'submit-declaration') return invalid(s, e);
      const d = e.declaration;
      return toStaff(
        ['self-declaration'],
        {
          declaration: d,
          identity: { source: 'declared', nameKana: d.nameKana, name: d.name, birthDate: d.birthDate, insurerName: d.insurerName, insurerNumber: d.insurerNumber, symbol: d.symbol, number: d.number, branch: d.branch },
          verification: { status: 'pending' },
        },
        [{ kind: 'queue-reverification' }],
      );
    }
    case 'confirm-self-pay': {
      if (e.type === 'back') return next({ state: 'choose-document' });
      if (e.type !== 'accept-self-pay') return invalid(s, e);
      return toStaff(['self-pay']);
    }
    case 'staff-confirm': {
      if (e.type === 'staff-approve') {
        return complete({ staffActions: [...s.staffActions, { at: ctx.now, staff: e.staff, action: 'approve', reason: e.reason }] }, [
          { kind: 'audit', action: 'approve', detail: e.reason },
        ]);
      }
      if (e.type === 'staff-reject') {
        return next(
          { state: 'refused', notice: 'staff-rejected', staffActions: [...s.staffActions, { at: ctx.now, staff: e.staff, action: 'reject', reason: e.reason }] },
          [{ kind: 'audit', action: 'reject', detail: e.reason }],
        );
      }
      return invalid(s, e);
    }
    default:
      return invalid(s, e);
  }
}

/** A late online check of what was recorded offline: only `verification` (and a staff flag) change. */
function reverify(s: CheckInSession, o: CardReadOutcome, ctx: FlowContext): TransitionResult {
  if (s.state !== 'completed' && s.state !== 'staff-confirm') {
    return { ok: false, error: { code: 'invalid-event', message: `event 'reverification-result' is not accepted in state '${s.state}'` } };
  }
  // Only what waits for it: a second answer (a retry after a restart) must not overwrite the first.
  if (s.verification.status !== 'pending') {
    return { ok: false, error: { code: 'invalid-event', message: `session ${s.id} has no pending verification (${s.verification.status})` } };
  }
  const base = { ...s, version: s.version + 1, updatedAt: ctx.now };
  if (o.ok && o.validity === 'valid') {
    return {
      ok: true,
      session: { ...base, verification: { status: 'verified', at: ctx.now, validity: 'valid' } },
      effects: [{ kind: 'audit', action: 'reverified', detail: 'valid' }],
    };
  }
  const what = o.ok ? (o.validity ?? 'unknown') : `error${o.errorCode ? ` ${o.errorCode}` : ''}`;
  return {
    ok: true,
    session: {
      ...base,
      staffReasons: unique([...s.staffReasons, 'reverify-mismatch']),
      verification: { status: 'failed', at: ctx.now, validity: o.validity, code: o.errorCode, message: o.errorMessage },
    },
    effects: [{ kind: 'audit', action: 'reverify-mismatch', detail: what }],
  };
}

function identityFromNumbers(n: PrintedNumbers | undefined): ConfirmedIdentity {
  if (!n) return { source: 'numbers' };
  return { source: 'numbers', insurerNumber: n.insurerNumber, symbol: n.symbol, number: n.number, branch: n.branch, birthDate: n.birthDate };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
