/**
 * Devices as a core feature: the 診察券 reader and the 受付票 printer (electron/devices/hub.ts) wired to the
 * check-in sessions. A scan goes to the one session waiting on the 診察券 step; a completed check-in prints
 * its ticket once (recorded in ticket_prints, so a restart or a later re-verification never prints it
 * again) and the kiosk is told whether it printed — a failure never blocks anything. Staff reprint; staff
 * and admin see the devices' state; the admin lists HID devices to pick the reader.
 */
import type { KioskStatus, TicketPrintResult } from '../../../shared/api/index';
import type { CheckInSession } from '../../../shared/flow/session';
import type { Settings } from '../../../shared/settings';
import type { PrinterSpec, ReaderChoice } from '../../config';
import { createDeviceHub, type DeviceHub } from '../../devices/hub';
import { DEFAULT_READER_TIMING } from '../../devices/patient-card/types';
import { ticketForSession } from '../../devices/printer/ticket-for-session';
import type { AuditLog } from '../audit/index';
import type { SessionManager } from '../checkin/sessions';
import type { Clock } from '../clock';
import { createListeners, defineFeature } from '../feature';
import type { Logger } from '../logger';
import { actorName, fail, ok, type RequestTable } from '../requests';
import { guarded, type Db, type Migration } from '../store/index';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'ticket prints',
    sql: `
      -- One row per completed check-in whose 受付票 was attempted: it is never printed twice by itself.
      CREATE TABLE ticket_prints (
        session_id TEXT PRIMARY KEY,
        ticket_number INTEGER NOT NULL,
        at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('printed', 'failed', 'no-printer')),
        code TEXT,
        reprints INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
];

/** KIOSK_PRINTER and KIOSK_CARD_READER as electron/config.ts parsed them; they win over the admin's settings. */
export interface DeviceEnvironment {
  printer?: PrinterSpec;
  cardReader?: ReaderChoice;
}

/** The reader in use: KIOSK_CARD_READER wins over the admin's setting. */
export function patientCardMode(environment: DeviceEnvironment, s: Settings): KioskStatus['patientCardReader'] {
  return environment.cardReader?.mode ?? s.patientCardReader.mode;
}

function readerChoice(s: Settings): ReaderChoice {
  const r = s.patientCardReader;
  if (r.mode === 'simulator') return { mode: 'simulator' };
  if (r.mode === 'hid' && r.vendorId !== undefined && r.productId !== undefined) {
    const usagePage = r.usagePage !== undefined ? { usagePage: r.usagePage } : {};
    return {
      mode: 'hid',
      config: {
        vendorId: r.vendorId,
        productId: r.productId,
        ...usagePage,
        format: r.format ?? 'pos',
        ...DEFAULT_READER_TIMING,
      },
    };
  }
  return { mode: 'off' }; // 'keyboard' is read by the kiosk itself; 'off' has no step
}

export interface DevicesDeps {
  audit: AuditLog;
  clock: Clock;
  log: Logger;
  settings: { get(): Settings; onChange(l: (c: { changed: (keyof Settings)[] }) => void): () => void };
  sessions: SessionManager;
  environment: DeviceEnvironment;
  demoEnabled: () => boolean;
}

export interface Devices {
  hub(): DeviceHub | undefined;
  mode(): KioskStatus['patientCardReader'];
}

export const devicesFeature = defineFeature({
  name: 'devices',
  migrations,
  create({ db, audit, clock, log, settings, sessions, environment, demoEnabled }: DevicesDeps & { db: Db }) {
    let hub: DeviceHub | undefined;
    const offs: (() => void)[] = [];
    const inFlight = new Set<string>();
    const onError = (e: unknown) => log.error('devices listener failed', { error: String(e) });
    const printed = createListeners<{ result: TicketPrintResult; kioskId: string }>(onError);
    const changed = createListeners<ReturnType<DeviceHub['view']>>(onError);
    const getPrint = db.prepare<[string], { outcome: string }>(
      'SELECT outcome FROM ticket_prints WHERE session_id = ?',
    );
    const upsert = db.prepare(
      `INSERT INTO ticket_prints (session_id, ticket_number, at, outcome, code) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(session_id) DO UPDATE SET at = excluded.at, outcome = excluded.outcome, code = excluded.code,
         reprints = reprints + 1`,
    );
    const recordPrint = guarded((r: TicketPrintResult, at: string) => {
      upsert.run(r.sessionId, r.ticketNumber, at, r.outcome, r.code ?? null);
    });

    const print = async (s: CheckInSession): Promise<TicketPrintResult | undefined> => {
      const st = settings.get();
      const ticket = ticketForSession(s, { name: st.clinicName, timeZone: st.timeZone }, clock.now());
      if (!ticket || !hub) return undefined;
      const r = await hub.printTicket(ticket);
      const base = { sessionId: s.id, ticketNumber: ticket.ticketNumber };
      const result: TicketPrintResult = r.ok
        ? { ...base, outcome: 'printed' }
        : { ...base, outcome: r.code === 'not-configured' ? 'no-printer' : 'failed', code: r.code };
      try {
        recordPrint(result, clock.nowIso());
      } catch (e) {
        log.error('could not record a ticket print', { error: String(e) });
      }
      printed.emit({ result, kioskId: s.kioskId });
      return result;
    };

    const onScan = (text: string) => {
      const waiting = sessions.list(clock.today()).filter((s) => s.state === 'patient-card');
      if (waiting.length !== 1) {
        // One reader, several kiosks on its step: guessing could attach a card to the wrong patient.
        log.warn('patient card scan not delivered', { waiting: waiting.length });
        return;
      }
      const r = sessions.apply(waiting[0]!.id, { type: 'patient-card-scanned', raw: text }, { actor: 'reader' });
      if (!r.ok) log.warn('patient card scan not applied', { code: r.error.code });
    };

    const build = async () => {
      const old = hub;
      hub = undefined;
      await old?.close();
      const s = settings.get();
      const next = await createDeviceHub({
        clock,
        logger: log,
        ...(environment.printer ? { printer: environment.printer } : {}),
        ...(environment.cardReader ? { cardReader: environment.cardReader } : {}),
        printerSetting: s.printer,
        readerSetting: readerChoice(s),
      });
      next.onScan((e) =>
        e.kind === 'scan' ? onScan(e.text) : log.info('patient card scan rejected', { code: e.code }),
      );
      next.onChange((v) => changed.emit(v));
      hub = next;
      changed.emit(next.view());
    };

    const handlers: Pick<RequestTable, 'devices.get' | 'devices.reprint' | 'devices.listHid' | 'demo.scanPatientCard'> =
      {
        'devices.get': () => (hub ? ok(hub.view()) : fail('unavailable', 'devices are starting')),
        'devices.reprint': async (ctx, { sessionId, staff }) => {
          const s = sessions.get(sessionId);
          if (!s) return fail('not-found', `no session ${sessionId}`);
          if (s.state !== 'completed') return fail('conflict', 'only a completed check-in has a 受付票');
          const r = await print(s);
          if (!r) return fail('unavailable', 'devices are starting');
          audit.write({
            at: clock.nowIso(),
            actor: `${ctx.caller.role}:${actorName(ctx, staff)}`,
            action: 'ticket.reprint',
            subject: sessionId,
            detail: r.outcome,
          });
          return ok(r);
        },
        'devices.listHid': async () => ok(hub ? await hub.listHidDevices() : []),
        'demo.scanPatientCard': (_ctx, { cardNumber }) => {
          if (!demoEnabled()) return fail('forbidden', 'the demo panel is disabled');
          if (!hub) return fail('unavailable', 'devices are starting');
          const r = hub.presentCard(cardNumber);
          return r.ok ? ok({ presented: cardNumber }) : fail('conflict', r.message);
        },
      };

    return {
      service: { hub: () => hub, mode: () => patientCardMode(environment, settings.get()) } satisfies Devices,
      handlers,
      subscribe(caller, emit) {
        const staff = caller.role === 'staff' || caller.role === 'admin';
        const a = staff ? changed.on((v) => emit('devices.changed', v)) : () => {};
        const b = printed.on(({ result, kioskId }) => {
          if (staff || (caller.role === 'kiosk' && caller.kioskId === kioskId)) emit('ticket.printed', result);
        });
        return () => {
          a();
          b();
        };
      },
      async start() {
        await build();
        offs.push(
          sessions.onUpdate((s) => {
            if (s.state !== 'completed' || s.ticketNumber === undefined || inFlight.has(s.id) || getPrint.get(s.id))
              return;
            inFlight.add(s.id);
            void print(s).finally(() => inFlight.delete(s.id));
          }),
          settings.onChange(({ changed: keys }) => {
            if (keys.includes('printer') || keys.includes('patientCardReader')) void build();
          }),
        );
      },
      async close() {
        for (const off of offs.splice(0)) off();
        await hub?.close();
      },
    };
  },
});
