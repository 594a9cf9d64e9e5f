/**
 * The producing side of the API, checked at run time: a scripted day through the real core (embedded
 * terminal simulator, real folders, real SQLite) records every request output and every pushed event, and
 * each must fit the schema of its declared type in shared/api — and go only to its audience. The schemas
 * below are tied to the TypeScript types both ways (`Same`), so they cannot drift from shared/api.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type {
  ApiEventName,
  CallBoard,
  CheckInSession,
  DevicesView,
  HidDeviceSummary,
  TicketPrintResult,
  DemoPersona,
  DocumentInputs,
  InsurerShortcut,
  KioskName,
  KioskStatus,
  OnlineStatus,
  RequestName,
  ReverificationEntry,
  UnmatchedRead,
} from '../../../shared/api/index';
import { adminSettingsSchema, documentSchema, onlineModeSchema } from '../../../shared/api/index';
import { SESSION_STATES } from '../../../shared/flow/session';
import {
  LINK_REASONS,
  LINK_STATES,
  receiptLinkSettingsSchema,
  type LinkStatus,
  type OrcaChoices,
  type QueueAlert,
  type ReceiptLinkSettingsView,
} from '../../../shared/receipt-link/index';
import type { Caller, Core } from '../../../electron/core/index';
import { ADMIN, KIOSK, STAFF, devicesFromEnv, makeCore } from '../../helpers/core';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(ok: Same<A, B>) => ok;

const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const onlineStatus = z.object({
  state: z.enum(['up', 'degraded', 'down']),
  mode: onlineModeSchema,
  online: z.boolean(),
  since: iso,
  detail: z.string().optional(),
});
const kioskStatus = z.object({
  now: iso,
  today: day,
  online: onlineStatus,
  clinicName: z.string().min(1),
  languages: z.array(z.string()),
  idleTimeoutSeconds: z.number().int(),
  demoPanel: z.boolean(),
  readerAdapter: z.enum(['simulator', 'onshi-folder']),
  patientCardReader: z.enum(['off', 'hid', 'keyboard', 'simulator']),
  callRooms: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })),
  displaySpeechLanguages: z.array(z.string()),
  storage: z
    .object({
      state: z.enum(['ok', 'failing']),
      since: iso,
      code: z.enum(['disk-full', 'read-only', 'io', 'corrupt']).optional(),
      advice: z.string().optional(),
      heldCalls: z.number().int().nonnegative(),
    })
    .optional(),
});
const storageStatus = kioskStatus.shape.storage.unwrap();
const outcome = z.object({ ok: z.boolean() }).passthrough();
const unmatchedRead = z.object({
  id: z.string(),
  fileName: z.string(),
  seenAt: iso,
  terminalTime: z.string().optional(),
  reason: z.enum(['stale', 'ambiguous', 'no-waiting-session', 'unreadable']),
  errorCode: z.string().optional(),
  detail: z.string().optional(),
  outcome: outcome.optional(),
  candidates: z.array(z.string()),
  status: z.enum(['open', 'assigned', 'dismissed']),
  sessionId: z.string().optional(),
  resolvedAt: iso.optional(),
  resolvedBy: z.string().optional(),
});
const reverification = z.object({
  sessionId: z.string(),
  queuedAt: iso,
  status: z.enum(['pending', 'done', 'failed', 'needs-staff', 'skipped']),
  attempts: z.number().int().nonnegative(),
  lastAttemptAt: iso.optional(),
  result: z.string().optional(),
});
const persona = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string().optional(),
  numbers: z.unknown().optional(),
});
const documentInputs = z.object({ document: documentSchema, printedValidUntil: z.boolean(), birthDate: z.boolean() });
const kioskName = z.object({ kioskId: z.string().min(1), label: z.string().min(1).max(40) }).strict();
const insurerShortcut = z
  .object({ insurerNumber: z.string().regex(/^\d{6}(\d{2})?$/), name: z.string().max(40).optional() })
  .strict();
// A session snapshot: the fields every window relies on, typed; the rest as the flow makes them.
const session = z
  .object({
    id: z.string(),
    version: z.number().int().nonnegative(),
    kioskId: z.string(),
    state: z.enum(SESSION_STATES),
    startedAt: iso,
    updatedAt: iso,
    today: day,
    staffReasons: z.array(z.string()),
    staffActions: z.array(z.unknown()),
    verification: z.object({ status: z.string() }).passthrough(),
  })
  .passthrough();

const linkStatus = z.object({
  checkinId: z.string(),
  state: z.enum(LINK_STATES),
  reason: z.enum(LINK_REASONS).optional(),
  detail: z.string().optional(),
  acceptanceId: z.string().optional(),
  patientId: z.string().optional(),
  warnings: z.array(z.string()),
  candidates: z.array(
    z.object({
      patientId: z.string(),
      kanaName: z.string(),
      birthDate: z.string(),
      sex: z.enum(['1', '2']).optional(),
    }),
  ),
  attempts: z.number().int().nonnegative(),
  updatedAt: iso,
});
const queueAlert = z.object({
  stuck: z.boolean(),
  pending: z.number().int().nonnegative(),
  since: iso.optional(),
  reason: z.enum(LINK_REASONS).optional(),
  detail: z.string().optional(),
});
const linkSettingsView = receiptLinkSettingsSchema.extend({
  passwordSet: z.boolean(),
  source: z.enum(['environment', 'settings', 'none']),
});
// 呼び出し: numbers and room labels only (a public screen).
const calledNumber = z
  .object({
    ticketNumber: z.number().int().min(1),
    roomId: z.string(),
    roomLabel: z.string(),
    calledAt: iso,
    callCount: z.number().int().nonnegative(),
  })
  .strict();
const callBoard = z
  .object({
    day,
    nowCalling: z.array(calledNumber),
    recentlyCalled: z.array(calledNumber),
    waiting: z.array(z.number().int().min(1)),
    announcementSeq: z.number().int().nonnegative(),
    lastAnnouncement: calledNumber.optional(),
  })
  .strict();
const printerProblem = z.enum([
  'not-configured',
  'unreachable',
  'timeout',
  'offline',
  'cover-open',
  'out-of-paper',
  'error',
]);
const devicesView = z
  .object({
    cardReader: z
      .object({
        mode: z.enum(['off', 'hid', 'simulator']),
        status: z.enum(['not-configured', 'unavailable', 'searching', 'connected', 'error']),
        device: z
          .object({ vendorId: z.number().int(), productId: z.number().int(), product: z.string().optional() })
          .strict()
          .optional(),
        detail: z.string().optional(),
        since: iso,
        lastScanAt: iso.optional(),
        scans: z.number().int().nonnegative(),
        rejected: z.number().int().nonnegative(),
        reconnects: z.number().int().nonnegative(),
      })
      .strict(),
    printer: z
      .object({
        configured: z.boolean(),
        target: z.string().optional(),
        simulated: z.boolean(),
        condition: z.union([
          z.literal('unknown'),
          z
            .object({
              offline: z.boolean(),
              coverOpen: z.boolean(),
              paperOut: z.boolean(),
              paperNearEnd: z.boolean(),
              error: z.boolean(),
            })
            .strict(),
        ]),
        reachable: z.union([z.boolean(), z.literal('unknown')]),
        lastError: z.object({ code: printerProblem, message: z.string(), at: iso }).strict().optional(),
        lastPrintedAt: iso.optional(),
      })
      .strict(),
  })
  .strict();
const ticketPrint = z
  .object({
    sessionId: z.string(),
    ticketNumber: z.number().int().min(1),
    outcome: z.enum(['printed', 'failed', 'no-printer']),
    code: printerProblem.optional(),
  })
  .strict();
const hidDevice = z
  .object({
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    usagePage: z.number().int().optional(),
    usage: z.number().int().optional(),
    product: z.string().optional(),
    manufacturer: z.string().optional(),
  })
  .strict();
const codeName = z.object({ code: z.string(), name: z.string() });
const orcaChoices = z.union([
  z.object({ ok: z.literal(true), departments: z.array(codeName), physicians: z.array(codeName) }),
  z.object({ ok: z.literal(false), reason: z.enum(LINK_REASONS), detail: z.string() }),
]);

// Both ways: a schema that allows less or more than the declared type fails to compile.
same<z.infer<typeof onlineStatus>, OnlineStatus>(true);
same<z.infer<typeof kioskStatus>, KioskStatus>(true);
same<z.infer<typeof reverification>, ReverificationEntry>(true);
same<z.infer<typeof documentInputs>, DocumentInputs>(true);
same<z.infer<typeof insurerShortcut>, InsurerShortcut>(true);
same<z.infer<typeof kioskName>, KioskName>(true);
same<Omit<z.infer<typeof unmatchedRead>, 'outcome'>, Omit<UnmatchedRead, 'outcome'>>(true);
same<Omit<z.infer<typeof persona>, 'numbers'>, Omit<DemoPersona, 'numbers'>>(true);
same<(typeof SESSION_STATES)[number], CheckInSession['state']>(true);
same<z.infer<typeof linkStatus>, LinkStatus>(true);
same<z.infer<typeof queueAlert>, QueueAlert>(true);
same<z.infer<typeof linkSettingsView>, ReceiptLinkSettingsView>(true);
same<z.infer<typeof orcaChoices>, OrcaChoices>(true);
same<z.infer<typeof callBoard>, CallBoard>(true);
same<z.infer<typeof devicesView>, DevicesView>(true);
same<z.infer<typeof ticketPrint>, TicketPrintResult>(true);
same<z.infer<typeof hidDevice>, HidDeviceSummary>(true);

const OUTPUTS: Record<RequestName, z.ZodType> = {
  'status.get': kioskStatus,
  'session.start': session,
  'session.get': session,
  'session.send': session,
  'session.neededInputs': z.array(documentInputs).length(9),
  'session.insurerShortcuts': z.array(insurerShortcut).max(6),
  'staff.list': z.array(session),
  'staff.act': session,
  'admin.setOnlineMode': onlineStatus,
  'demo.presentCard': z.object({ presented: z.string() }).strict(),
  'demo.personas': z.array(persona).min(1),
  'staff.unmatchedReads': z.array(unmatchedRead),
  'staff.kioskNames': z.array(kioskName),
  'staff.assignRead': session,
  'staff.dismissRead': unmatchedRead,
  'staff.reverifications': z.array(reverification),
  'admin.getSettings': adminSettingsSchema,
  'admin.updateSettings': adminSettingsSchema,
  'staff.receiptLinks': z.array(linkStatus),
  'staff.receiptLinkAlert': queueAlert,
  'staff.receiptLinkRetry': linkStatus,
  'staff.receiptLinkByHand': linkStatus,
  'staff.receiptLinkCancel': linkStatus,
  'admin.receiptLinkSettings': linkSettingsView,
  'admin.updateReceiptLinkSettings': linkSettingsView,
  'admin.orcaChoices': orcaChoices,
  'calls.board': callBoard,
  'calls.call': callBoard,
  'calls.recall': callBoard,
  'calls.done': callBoard,
  'devices.get': devicesView,
  'devices.reprint': ticketPrint,
  'devices.listHid': z.array(hidDevice),
  'demo.scanPatientCard': z.object({ presented: z.string() }).strict(),
  'admin.verifyAudit': z.union([
    z.object({ intact: z.literal(true), entries: z.number().int(), head: z.string().length(64) }),
    z.object({ intact: z.literal(false), entries: z.number().int(), brokenAt: z.number().int(), message: z.string() }),
  ]),
  'admin.backupNow': z.object({
    file: z.string(),
    createdAt: iso,
    bytes: z.number().int().positive(),
    sessions: z.number().int(),
    transitions: z.number().int(),
    audit: z.number().int(),
  }),
};
const EVENTS: Record<ApiEventName, z.ZodType> = {
  'session.updated': session,
  'status.changed': onlineStatus,
  'reader.unmatched': unmatchedRead,
  'reverify.updated': reverification,
  'settings.changed': kioskStatus,
  'receiptLink.updated': linkStatus,
  'receiptLink.alert': queueAlert,
  'calls.board': callBoard,
  'devices.changed': devicesView,
  'ticket.printed': ticketPrint,
  'storage.changed': storageStatus,
  'storage.alert': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('storage-failing'), at: iso, status: storageStatus }),
    z.object({ kind: z.literal('storage-recovered'), at: iso, status: storageStatus, written: z.number().int() }),
    z.object({
      kind: z.literal('call-staff-held'),
      at: iso,
      call: z.object({ sessionId: z.string(), kioskId: z.string(), at: iso }),
    }),
  ]),
};

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('the core keeps its side of the contract', () => {
  it('every output and every pushed event fits its declared type, and reaches only its audience', async () => {
    ({ core } = await makeCore({
      // The 診察券 step and the 受付票 with the embedded simulators, so their outputs and events are seen too.
      ...devicesFromEnv({ KIOSK_CARD_READER: 'simulator', KIOSK_PRINTER: 'simulator' }),
      settings: {
        readerPollMs: 10,
        readerIdlePollMs: 20,
        readerStabilityMs: 10,
        readerWatchHint: false,
        simulatorAnswerMs: 10,
        reverifyIntervalMs: 100,
      },
    }));
    const c = core;
    const OTHER = { role: 'kiosk', kioskId: 'kiosk-2' } as const;
    const DISPLAY = { role: 'display', kioskId: 'waiting-room' } as const;
    const events: { to: Caller; event: ApiEventName; payload: unknown }[] = [];
    for (const to of [KIOSK, OTHER, STAFF, ADMIN, DISPLAY])
      c.subscribe(to, (event, payload) => events.push({ to, event, payload }));
    const outputs: { name: RequestName; value: unknown }[] = [];
    const call = async (caller: Caller, name: RequestName, input: unknown) => {
      const r = await c.handle(caller, name, input);
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
      outputs.push({ name, value: r.value });
      return r.value;
    };
    const sessionOf = (v: unknown) => session.parse(v) as unknown as CheckInSession;
    const state = async (id: string) => sessionOf(await call(STAFF, 'session.get', { sessionId: id })).state;

    await call(KIOSK, 'status.get', {});
    await call(ADMIN, 'demo.personas', {});
    // A card check-in, starting with the clinic's 診察券 on the simulated reader.
    await expect
      .poll(async () => ((await call(STAFF, 'devices.get', {})) as DevicesView).cardReader.status)
      .toBe('connected');
    const s = sessionOf(await call(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    expect(s.state).toBe('patient-card');
    await call(KIOSK, 'demo.scanPatientCard', { cardNumber: '00123456' });
    await expect.poll(() => state(s.id)).toBe('choose-document');
    await call(KIOSK, 'session.neededInputs', { sessionId: s.id });
    await call(KIOSK, 'session.insurerShortcuts', { sessionId: s.id });
    await call(KIOSK, 'session.send', { sessionId: s.id, event: { type: 'choose-document', document: 'myna-card' } });
    await call(KIOSK, 'demo.presentCard', { persona: 'main-insured' });
    await expect.poll(() => state(s.id)).toBe('completed');
    await expect.poll(() => events.some((e) => e.to === KIOSK && e.event === 'ticket.printed')).toBe(true);
    // 呼び出し and a reprint of the 受付票.
    const n = sessionOf(await call(STAFF, 'session.get', { sessionId: s.id })).ticketNumber!;
    await call(DISPLAY, 'calls.board', {});
    await call(STAFF, 'calls.call', { ticketNumber: n, room: '1', staff: '受付' });
    await call(STAFF, 'calls.recall', { ticketNumber: n, staff: '受付' });
    await call(STAFF, 'calls.done', { ticketNumber: n, staff: '受付' });
    await call(STAFF, 'devices.reprint', { sessionId: s.id, staff: '受付' });
    await call(ADMIN, 'devices.listHid', {});
    // A card read nobody waits for: staff see it and dismiss it.
    await call(KIOSK, 'demo.presentCard', { persona: 'dependant' });
    await call(STAFF, 'staff.kioskNames', {});
    await expect.poll(async () => ((await call(STAFF, 'staff.unmatchedReads', {})) as unknown[]).length).toBe(1);
    const [read] = (await call(STAFF, 'staff.unmatchedReads', {})) as UnmatchedRead[];
    await call(STAFF, 'staff.dismissRead', { readId: read!.id, staff: '受付', reason: '持ち主不明' });
    // Offline: a 資格確認書 with numbers is recorded, and re-verified when the terminal is back.
    await call(ADMIN, 'admin.setOnlineMode', { mode: 'forced-offline', staff: '院長', reason: '点検' });
    const o = sessionOf(await call(OTHER, 'session.start', { kioskId: 'kiosk-2' }));
    await call(OTHER, 'session.send', { sessionId: o.id, event: { type: 'skip-patient-card' } });
    await call(OTHER, 'session.send', {
      sessionId: o.id,
      event: {
        type: 'choose-document',
        document: 'eligibility-certificate',
        printedValidUntil: '2027-07-31',
        birthDate: '1980-01-15',
      },
    });
    const personas = (await call(ADMIN, 'demo.personas', {})) as DemoPersona[];
    const numbers = personas.find((p) => p.id === 'main-insured')!.numbers;
    await call(OTHER, 'session.send', { sessionId: o.id, event: { type: 'submit-numbers', numbers } });
    await call(ADMIN, 'admin.setOnlineMode', { mode: 'auto', staff: '院長', reason: '復旧' });
    await expect
      .poll(async () => ((await call(STAFF, 'staff.reverifications', {})) as ReverificationEntry[])[0]?.status)
      .toBe('done');
    // Storage fails (SQLite refuses writes) while a patient calls for staff: held, alerted, written on recovery.
    const h = sessionOf(await call(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    c.internals.db.pragma('query_only = ON');
    expect(await c.handle(KIOSK, 'session.send', { sessionId: h.id, event: { type: 'call-staff' } })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    c.internals.db.pragma('query_only = OFF');
    expect(c.internals.storage.health.probeNow()).toBe(true);
    expect(await state(h.id)).toBe('staff-confirm');
    await call(ADMIN, 'admin.verifyAudit', {});
    await call(ADMIN, 'admin.backupNow', {});
    // Staff and admin.
    await call(STAFF, 'staff.list', {});
    await call(ADMIN, 'admin.getSettings', {});
    await call(ADMIN, 'admin.updateSettings', { patch: { idleTimeoutSeconds: 100 }, staff: '院長', reason: '調整' });

    // Every output fits its request's type.
    for (const { name, value } of outputs) expect(OUTPUTS[name].safeParse(value).error, name).toBeUndefined();
    expect(new Set(outputs.map((o) => o.name)).size).toBeGreaterThanOrEqual(14);
    // Every event fits its type; every kind of event was seen.
    for (const { event, payload } of events) expect(EVENTS[event].safeParse(payload).error, event).toBeUndefined();
    expect(new Set(events.map((e) => e.event))).toEqual(new Set(Object.keys(EVENTS)));
    // Audience: a kiosk gets only its own sessions and no staff-only events.
    for (const e of events.filter((x) => x.to.role === 'kiosk')) {
      expect(['reader.unmatched', 'reverify.updated', 'storage.alert', 'devices.changed']).not.toContain(e.event);
      if (e.event === 'ticket.printed')
        expect((e.payload as TicketPrintResult).sessionId).toBe(e.to.kioskId === 'kiosk-1' ? s.id : o.id);
      if (e.event === 'session.updated') expect((e.payload as CheckInSession).kioskId).toBe(e.to.kioskId);
    }
    // The public display gets the call board and the kiosk status (rooms, announcement languages, storage
    // health: codes and counts) only — nothing of sessions, card reads, links or devices.
    expect(new Set(events.filter((e) => e.to === DISPLAY).map((e) => e.event))).toEqual(
      new Set(['calls.board', 'status.changed', 'settings.changed', 'storage.changed']),
    );
    expect(
      events.some(
        (e) => e.to === STAFF && e.event === 'session.updated' && (e.payload as CheckInSession).kioskId === 'kiosk-2',
      ),
    ).toBe(true);
  });
});
