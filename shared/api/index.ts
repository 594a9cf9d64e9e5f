/**
 * The kiosk API: every request a window may make of the core, and every event the core pushes, with zod
 * schemas for what crosses the boundary. Both transports (Electron IPC through the preload, WebSocket from
 * the browser host) carry exactly this; the core validates every payload and the caller's role before it
 * acts, so nothing in the core trusts a renderer.
 */
import type { CallBoard } from '../calls/board';
import type { DevicesView, PrinterProblem } from '../devices/state';
import { z } from '../zod';
import { REASON_MAX } from './limits';
import type { PresentedDocument } from '../eligibility/index';
import type { NeededInputs } from '../eligibility/inputs';
import {
  receiptLinkSettingsInputSchema,
  type LinkStatus,
  type OrcaChoices,
  type QueueAlert,
  type ReceiptLinkSettingsView,
} from '../receipt-link/index';
import type { CardReadOutcome, CheckInSession, PrintedNumbers, SessionEvent } from '../flow/session';
import {
  adminSettingsSchema,
  documentSchema,
  onlineModeSchema,
  type AdminSettings,
  type OnlineMode,
} from '../settings';
import { EVENT_NAMES, ID_PATTERN } from './bridge';

export {
  adminSettingsSchema,
  clinicPolicySchema,
  documentSchema,
  onlineModeSchema,
  type AdminSettings,
  type OnlineMode,
} from '../settings';

/** 'display': the waiting-room call display (a public screen: numbers and room labels only). */
export const ROLES = ['kiosk', 'staff', 'admin', 'display'] as const;
export type Role = (typeof ROLES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const text = (max: number) => z.string().max(max);
const id = z.string().regex(ID_PATTERN);

export const printedNumbersSchema = z.object({
  insurerNumber: text(16),
  symbol: text(40).optional(),
  number: text(40),
  branch: text(4).optional(),
  birthDate: isoDate,
});

export const selfDeclarationSchema = z
  .object({
    nameKana: text(100).min(1).optional(),
    /** The name in the patient's own script (Latin letters, 漢字, 한글 …): letters and marks, spaces, - ' . ・ */
    name: text(100)
      .regex(/^[\p{L}\p{M}][\p{L}\p{M} '.\-\u30FB]*$/u, "letters of any script, spaces and - ' .")
      .optional(),
    birthDate: isoDate,
    insurerName: text(100).optional(),
    insurerNumber: text(16).optional(),
    symbol: text(40).optional(),
    number: text(40).optional(),
    branch: text(4).optional(),
    phone: text(20).optional(),
  })
  .refine((d) => d.nameKana !== undefined || d.name !== undefined, {
    message: 'a name (in any script, or in katakana) is required',
    path: ['name'],
  });

const digits = (max: number) => z.string().max(max).regex(/^\d*$/);
const draftDateSchema = z
  .object({
    era: z.enum(['reiwa', 'heisei', 'showa', 'taisho', 'western']),
    year: digits(4),
    month: digits(2),
    day: digits(2),
  })
  .strict();
/** What the patient typed so far (see PatientDraft): bounded, typed fields only. */
export const patientDraftSchema = z
  .object({
    step: z
      .string()
      .max(32)
      .regex(/^[A-Za-z-]*$/)
      .optional(),
    document: documentSchema.optional(),
    printedValidUntil: draftDateSchema.optional(),
    birthDate: draftDateSchema.optional(),
    insurerNumber: text(16).optional(),
    symbol: text(40).optional(),
    number: text(40).optional(),
    branch: text(4).optional(),
    nameKana: text(100).optional(),
    name: text(100).optional(),
    insurerName: text(100).optional(),
    phone: text(20).optional(),
  })
  .strict();

/** Events a patient's kiosk may send. Card and verification results come only from the core's readers. */
export const patientEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('choose-document'),
    document: documentSchema,
    birthDate: isoDate.optional(),
    printedValidUntil: isoDate.optional(),
  }),
  z.object({ type: z.literal('retry-card') }),
  z.object({ type: z.literal('submit-numbers'), numbers: printedNumbersSchema }),
  z.object({ type: z.literal('submit-declaration'), declaration: selfDeclarationSchema }),
  z.object({ type: z.literal('save-draft'), draft: patientDraftSchema }),
  z.object({ type: z.literal('accept-self-pay') }),
  z.object({ type: z.literal('call-staff') }),
  /** A keyboard-emulation 診察券 scanner's burst, recognised on the kiosk's 診察券 step. */
  z.object({ type: z.literal('patient-card-scanned'), raw: text(64).min(1) }),
  z.object({ type: z.literal('skip-patient-card') }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('idle-timeout') }),
]);
export type PatientEvent = z.infer<typeof patientEventSchema>;

const staffName = text(60).min(1);
const ticketNumber = z.number().int().min(1).max(99_999);
const orcaPatientId = z.string().regex(/^\d{1,20}$/, 'digits only');
const orcaAcceptanceId = z.string().regex(/^\d{1,10}$/, 'digits only');
const reason = text(REASON_MAX).min(1, 'a reason is required');
export const staffEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('staff-approve'), staff: staffName, reason }),
  z.object({ type: z.literal('staff-reject'), staff: staffName, reason }),
  z.object({ type: z.literal('staff-override'), staff: staffName, reason, outcome: z.enum(['complete', 'cancel']) }),
]);
export type StaffEvent = z.infer<typeof staffEventSchema>;

export interface OnlineStatus {
  state: 'up' | 'degraded' | 'down';
  mode: OnlineMode;
  /** What the patient flow uses: true when online verification is usable right now. */
  online: boolean;
  since: string;
  detail?: string;
}

export interface KioskStatus {
  now: string;
  today: string;
  online: OnlineStatus;
  clinicName: string;
  languages: string[];
  idleTimeoutSeconds: number;
  demoPanel: boolean;
  readerAdapter: 'simulator' | 'onshi-folder';
  /** Spoken guidance on by default for each visit (admin setting; the patient can mute it). */
  voiceGuidance?: boolean;
  /** The 診察券 reader: 'off' means no 診察券 step; 'keyboard' means the kiosk listens for scanner bursts. */
  patientCardReader: 'off' | 'hid' | 'keyboard' | 'simulator';
  /** Rooms staff call numbers to, in display order. */
  callRooms: { id: string; label: string }[];
  /** Languages the waiting-room display announces in. */
  displaySpeechLanguages: string[];
  /** The data store: 'failing' while check-ins cannot be saved (the patient is sent to the desk). */
  storage?: StorageStatus;
}

/** Why storage fails: a full disk, a read-only data folder, an I/O error, a damaged file. */
export type StorageFaultCode = 'disk-full' | 'read-only' | 'io' | 'corrupt';
export interface StorageStatus {
  state: 'ok' | 'failing';
  /** When the state last changed (clinic clock, ISO). */
  since: string;
  code?: StorageFaultCode;
  /** What staff should do, as a message key (staff.storage.advice.<code>). */
  advice?: string;
  /** 受付の人を呼ぶ requests held in memory until they can be written. */
  heldCalls: number;
}
/** A patient's call for staff that storage could not write yet (held in memory, written on recovery). */
export interface HeldCall {
  sessionId: string;
  kioskId: string;
  at: string;
}
/** Staff and admin: a loud alert about storage, or a call for staff it is holding. */
export type StorageAlert =
  | { kind: 'storage-failing'; at: string; status: StorageStatus }
  | { kind: 'storage-recovered'; at: string; status: StorageStatus; written: number }
  | { kind: 'call-staff-held'; at: string; call: HeldCall };

/** admin.verifyAudit: the audit chain is intact, or the first entry that does not verify. */
export type AuditCheck =
  | { intact: true; entries: number; head: string }
  | { intact: false; entries: number; brokenAt: number; message: string };

/** admin.backupNow: the verified copy that was written. */
export interface BackupSummary {
  file: string;
  createdAt: string;
  bytes: number;
  sessions: number;
  transitions: number;
  audit: number;
}

/** What became of a 受付票 print (pushed to the kiosk that completed the check-in, and to staff). */
export interface TicketPrintResult {
  sessionId: string;
  ticketNumber: number;
  outcome: 'printed' | 'failed' | 'no-printer';
  code?: PrinterProblem;
}

/** Requests: name -> input schema and which roles may call it. Outputs are typed below. */
export const requests = {
  'status.get': { input: z.object({}).strict(), roles: ['kiosk', 'staff', 'admin', 'display'] },
  'session.start': { input: z.object({ kioskId: id }).strict(), roles: ['kiosk'] },
  'session.get': { input: z.object({ sessionId: id }).strict(), roles: ['kiosk', 'staff', 'admin'] },
  /** What to ask the patient for each document today (printed 有効期限, birth date), with the clinic's policy. */
  'session.neededInputs': { input: z.object({ sessionId: id }).strict(), roles: ['kiosk'] },
  /** The insurers this clinic verifies most often, offered as buttons instead of typing a 保険者番号. */
  'session.insurerShortcuts': { input: z.object({ sessionId: id }).strict(), roles: ['kiosk'] },
  'session.send': {
    input: z
      .object({ sessionId: id, expectedVersion: z.number().int().nonnegative().optional(), event: patientEventSchema })
      .strict(),
    roles: ['kiosk'],
  },
  'staff.list': { input: z.object({ date: isoDate.optional() }).strict(), roles: ['staff', 'admin'] },
  'staff.act': { input: z.object({ sessionId: id, event: staffEventSchema }).strict(), roles: ['staff', 'admin'] },
  'admin.setOnlineMode': {
    input: z.object({ mode: onlineModeSchema, staff: staffName, reason }).strict(),
    roles: ['admin'],
  },
  'demo.presentCard': { input: z.object({ persona: text(64).min(1) }).strict(), roles: ['kiosk', 'staff', 'admin'] },
  'demo.personas': { input: z.object({}).strict(), roles: ['kiosk', 'staff', 'admin'] },
  /** Card reads from the terminal that the kiosk would not attach to a session by itself. */
  'staff.unmatchedReads': { input: z.object({ all: z.boolean().optional() }).strict(), roles: ['staff', 'admin'] },
  /** The names the admin gave the enrolled kiosks (LAN tablets), so staff see 「受付タブレットA」, not an id. */
  'staff.kioskNames': { input: z.object({}).strict(), roles: ['staff', 'admin'] },
  /** Attach an unmatched card read to a session that waits for a card, after staff checked who it is. */
  'staff.assignRead': {
    input: z.object({ readId: id, sessionId: id, staff: staffName, reason }).strict(),
    roles: ['staff', 'admin'],
  },
  'staff.dismissRead': {
    input: z.object({ readId: id, staff: staffName, reason }).strict(),
    roles: ['staff', 'admin'],
  },
  /** The re-verification queue: check-ins recorded offline and what the online check said later. */
  'staff.reverifications': { input: z.object({}).strict(), roles: ['staff', 'admin'] },
  'admin.getSettings': { input: z.object({}).strict(), roles: ['admin'] },
  /** 呼び出し: the public board, and the staff actions on it. */
  'calls.board': { input: z.object({}).strict(), roles: ['display', 'staff', 'admin'] },
  'calls.call': {
    input: z.object({ ticketNumber: ticketNumber, room: id, staff: staffName }).strict(),
    roles: ['staff', 'admin'],
  },
  'calls.recall': {
    input: z.object({ ticketNumber: ticketNumber, staff: staffName }).strict(),
    roles: ['staff', 'admin'],
  },
  'calls.done': {
    input: z.object({ ticketNumber: ticketNumber, staff: staffName }).strict(),
    roles: ['staff', 'admin'],
  },
  /** The 診察券 reader and 受付票 printer as staff and admin see them. */
  'devices.get': { input: z.object({}).strict(), roles: ['staff', 'admin'] },
  'devices.reprint': { input: z.object({ sessionId: id, staff: staffName }).strict(), roles: ['staff', 'admin'] },
  /** HID devices present on this machine, for the admin to pick the reader. */
  'devices.listHid': { input: z.object({}).strict(), roles: ['admin'] },
  /** Demo panel: a virtual 診察券 presented to the simulated reader. */
  'demo.scanPatientCard': {
    input: z.object({ cardNumber: text(64).min(1) }).strict(),
    roles: ['kiosk', 'staff', 'admin'],
  },
  /** Walk the audit's hash chain now. */
  'admin.verifyAudit': { input: z.object({}).strict(), roles: ['admin'] },
  /** An online backup now, into the admin's backup folder, verified before it counts. */
  'admin.backupNow': { input: z.object({}).strict(), roles: ['admin'] },
  'admin.updateSettings': {
    input: z.object({ patch: adminSettingsSchema.partial(), staff: staffName, reason }).strict(),
    roles: ['admin'],
  },
  /** The レセコン (ORCA) link of each check-in of a day (shared/receipt-link). */
  'staff.receiptLinks': { input: z.object({ date: isoDate.optional() }).strict(), roles: ['staff', 'admin'] },
  'staff.receiptLinkAlert': { input: z.object({}).strict(), roles: ['staff', 'admin'] },
  /** Try the ORCA registration again, optionally with the ORCA patient staff picked. */
  'staff.receiptLinkRetry': {
    input: z.object({ checkinId: id, patientId: orcaPatientId.optional(), staff: staffName, reason }).strict(),
    roles: ['staff', 'admin'],
  },
  /** Staff registered (or cancelled) it in ORCA themselves. */
  'staff.receiptLinkByHand': {
    input: z.object({ checkinId: id, acceptanceId: orcaAcceptanceId.optional(), staff: staffName, reason }).strict(),
    roles: ['staff', 'admin'],
  },
  /** Cancel the check-in's 受付 in ORCA (acceptmodv2 02), e.g. the patient left. */
  'staff.receiptLinkCancel': {
    input: z.object({ checkinId: id, staff: staffName, reason }).strict(),
    roles: ['staff', 'admin'],
  },
  'admin.receiptLinkSettings': { input: z.object({}).strict(), roles: ['admin'] },
  'admin.updateReceiptLinkSettings': {
    input: z.object({ settings: receiptLinkSettingsInputSchema, staff: staffName, reason }).strict(),
    roles: ['admin'],
  },
  /** Departments and doctors from ORCA (system01lstv2), to choose the defaults. */
  'admin.orcaChoices': { input: z.object({}).strict(), roles: ['admin'] },
} as const;
export type RequestName = keyof typeof requests;
export type RequestInput<N extends RequestName> = z.infer<(typeof requests)[N]['input']>;

/** Which facts change today's decision for a document (shared/eligibility/inputs.ts), as the core decides it. */
export interface DocumentInputs extends NeededInputs {
  document: PresentedDocument;
}

/** An insurer offered as a button on the printed-numbers screen (learned from verified check-ins). */
export interface InsurerShortcut {
  /** 6 or 8 digits, as printed. */
  insurerNumber: string;
  /** The insurer's name as the terminal reported it (e.g. 全国健康保険協会東京支部). */
  name?: string;
}

/** An enrolled kiosk's name as the admin gave it when pairing (a revoked one keeps it for old check-ins). */
export interface KioskName {
  kioskId: string;
  label: string;
}

export interface DemoPersona {
  id: string;
  label: string;
  /** What the terminal will answer for this persona, in Japanese, for the demo panel. */
  description?: string;
  /** The numbers printed on this persona's 保険証 / 資格確認書, to type in for a number query. */
  numbers?: PrintedNumbers;
}

/** A card-read file (face/) the reader adapter did not attach to a session by itself. */
export interface UnmatchedRead {
  id: string;
  fileName: string;
  /** When the kiosk picked the file up (clinic clock, ISO). */
  seenAt: string;
  /** The terminal's time from the file name, 'YYYY-MM-DDTHH:mm:ss' local, when it has one. */
  terminalTime?: string;
  /**
   * stale: older than every waiting session; ambiguous: several sessions wait and the person matched none
   * or more than one; no-waiting-session: nobody waited; unreadable: the file did not parse.
   */
  reason: 'stale' | 'ambiguous' | 'no-waiting-session' | 'unreadable';
  /** The parser's error code ('schema', 'encoding', …) or the terminal's error code. */
  errorCode?: string;
  detail?: string;
  outcome?: CardReadOutcome;
  /** Sessions that were waiting for a card when the file arrived. */
  candidates: string[];
  /**
   * A summary of a burst of junk in the folder (unreadable files, symlinks, FIFOs …): how many entries it
   * stands for (`fileName` is the first of them, `detail` names the kinds and a few samples). Absent = 1.
   */
  count?: number;
  status: 'open' | 'assigned' | 'dismissed';
  sessionId?: string;
  resolvedAt?: string;
  resolvedBy?: string;
}

export type ReverificationStatus = 'pending' | 'done' | 'failed' | 'needs-staff' | 'skipped';
export interface ReverificationEntry {
  sessionId: string;
  queuedAt: string;
  status: ReverificationStatus;
  attempts: number;
  lastAttemptAt?: string;
  /** What the online check said, as a short stable text (e.g. 'valid', 'not-found', 'no numbers to verify'). */
  result?: string;
}

export interface RequestOutputs {
  'status.get': KioskStatus;
  'session.start': CheckInSession;
  'session.get': CheckInSession;
  'session.send': CheckInSession;
  'session.neededInputs': DocumentInputs[];
  'session.insurerShortcuts': InsurerShortcut[];
  'staff.list': CheckInSession[];
  'staff.act': CheckInSession;
  'admin.setOnlineMode': OnlineStatus;
  'demo.presentCard': { presented: string };
  'demo.personas': DemoPersona[];
  'staff.unmatchedReads': UnmatchedRead[];
  'staff.kioskNames': KioskName[];
  'staff.assignRead': CheckInSession;
  'staff.dismissRead': UnmatchedRead;
  'staff.reverifications': ReverificationEntry[];
  'admin.getSettings': AdminSettings;
  'admin.updateSettings': AdminSettings;
  'calls.board': CallBoard;
  'calls.call': CallBoard;
  'calls.recall': CallBoard;
  'calls.done': CallBoard;
  'devices.get': DevicesView;
  'devices.reprint': TicketPrintResult;
  'devices.listHid': HidDeviceSummary[];
  'demo.scanPatientCard': { presented: string };
  'staff.receiptLinks': LinkStatus[];
  'staff.receiptLinkAlert': QueueAlert;
  'staff.receiptLinkRetry': LinkStatus;
  'staff.receiptLinkByHand': LinkStatus;
  'staff.receiptLinkCancel': LinkStatus;
  'admin.receiptLinkSettings': ReceiptLinkSettingsView;
  'admin.updateReceiptLinkSettings': ReceiptLinkSettingsView;
  'admin.orcaChoices': OrcaChoices;
  'admin.verifyAudit': AuditCheck;
  'admin.backupNow': BackupSummary;
}

export interface HidDeviceSummary {
  vendorId: number;
  productId: number;
  usagePage?: number;
  usage?: number;
  product?: string;
  manufacturer?: string;
}
export type RequestOutput<N extends RequestName> = RequestOutputs[N];

export const API_ERROR_CODES = [
  'invalid-payload',
  'unknown-request',
  'forbidden',
  'not-found',
  'conflict',
  'invalid-event',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events the core pushes. A kiosk receives its own sessions; staff and admin receive all. */
export interface ApiEvents {
  'session.updated': CheckInSession;
  'status.changed': OnlineStatus;
  /** Staff and admin only: a card read was recorded as unmatched, or one was resolved. */
  'reader.unmatched': UnmatchedRead;
  /** Staff and admin only: a re-verification entry changed. */
  'reverify.updated': ReverificationEntry;
  /** Every window: the kiosk's status after an admin changed a setting (idle timeout, demo panel, …). */
  'settings.changed': KioskStatus;
  /** Display, staff and admin: the call board after any call, recall, done or new waiting number. */
  'calls.board': CallBoard;
  /** Staff and admin: the 診察券 reader's or the printer's state changed. */
  'devices.changed': DevicesView;
  /** The kiosk that completed the check-in, and staff: the 受付票 printed or not. */
  'ticket.printed': TicketPrintResult;
  /** Staff and admin only: a check-in's レセコン link changed. */
  'receiptLink.updated': LinkStatus;
  /** Staff and admin only: the link queue became stuck, or recovered. */
  'receiptLink.alert': QueueAlert;
  /** Every window: the data store became failing or ok again (the patient screen sends people to the desk). */
  'storage.changed': StorageStatus;
  /** Staff and admin only: a loud storage alert with what to do, or a held call for staff. */
  'storage.alert': StorageAlert;
}
export type ApiEventName = keyof ApiEvents;
/** The one list of event names (kept in bridge.ts so the sandboxed preload need not bundle zod). */
export const API_EVENT_NAMES: readonly ApiEventName[] = EVENT_NAMES;

/** What a renderer sees, whichever transport carries it. */
export interface KioskApi {
  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<ApiResult<RequestOutput<N>>>;
  on<E extends ApiEventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void;
}

/** Validate a request on the core side: known name, allowed role, payload that fits the schema. */
export function parseRequest(
  role: Role,
  name: unknown,
  input: unknown,
): { ok: true; name: RequestName; input: RequestInput<RequestName> } | { ok: false; error: ApiError } {
  if (typeof name !== 'string' || !Object.hasOwn(requests, name)) {
    // Never String() an arbitrary value: a deeply nested array as the name overflowed the stack here (fuzz).
    const shown =
      typeof name === 'string'
        ? name.slice(0, 64)
        : `<${name === null ? 'null' : Array.isArray(name) ? 'array' : typeof name}>`;
    return { ok: false, error: { code: 'unknown-request', message: `unknown request '${shown}'` } };
  }
  const spec = requests[name as RequestName];
  if (!(spec.roles as readonly Role[]).includes(role)) {
    return { ok: false, error: { code: 'forbidden', message: `'${name}' is not allowed for the ${role} role` } };
  }
  let parsed: ReturnType<typeof spec.input.safeParse>;
  try {
    parsed = spec.input.safeParse(input ?? {});
  } catch {
    // Defensive: a validator that cannot cope (e.g. absurd nesting) still means a bad payload, not a throw.
    return { ok: false, error: { code: 'invalid-payload', message: `invalid payload for '${name}'` } };
  }
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-payload',
        message: `invalid payload for '${name}'`,
        issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    };
  }
  return { ok: true, name: name as RequestName, input: parsed.data as RequestInput<RequestName> };
}

/** Wire messages for the WebSocket transport. */
export const wireRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  input: z.unknown(),
});
export type WireRequest = z.infer<typeof wireRequestSchema>;
export type WireMessage =
  | { kind: 'response'; id: number; result: ApiResult<unknown> }
  | { kind: 'event'; event: ApiEventName; payload: unknown }
  | { kind: 'hello'; role: Role };

export type { CheckInSession, SessionEvent };
export type { CallBoard, DevicesView, PrinterProblem };
export type { LinkStatus, OrcaChoices, QueueAlert, ReceiptLinkSettingsView } from '../receipt-link/index';
export { REASON_MAX };
