/**
 * The devices in one place for the core: the 診察券 reader (real HID, simulated, or off) and the 受付票
 * printer (KIOSK_PRINTER, the admin setting, or the embedded simulator), with one view for staff and admin
 * and one change event. The core wires it into its request table; nothing here knows about sessions.
 *
 * KIOSK_CARD_READER and KIOSK_PRINTER are parsed by electron/config.ts and arrive here as typed choices that
 * win over the admin's settings.
 */
import type { PrinterSpec, ReaderChoice } from '../config';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { CardReaderMode, DevicesView } from '../../shared/devices/state';
import { createHidPatientCardReader } from './patient-card/adapter';
import { loadNodeHidBoundary, type HidDeviceInfo } from './patient-card/boundary';
import { createSimulatedPatientCardReader, type SimulatedPatientCardReader } from './patient-card/simulator';
import type { PatientCardReader, ReaderEvent } from './patient-card/types';
import { choosePrinter } from './printer/config';
import { createTicketPrinter, type PrintOutcome, type TicketPrinter } from './printer/printer';
import { startPrinterSimulator, type SimulatedPrinter } from './printer/simulator';
import type { TicketContent } from './printer/ticket';

export type { ReaderChoice };

export interface DeviceHub {
  view(): DevicesView;
  onChange(listener: (view: DevicesView) => void): () => void;
  /** Accepted scans and rejections from whichever reader is active. */
  onScan(listener: (event: ReaderEvent) => void): () => void;
  readerMode(): CardReaderMode;
  printTicket(ticket: TicketContent): Promise<PrintOutcome>;
  checkPrinter(): Promise<DevicesView>;
  /** Demo panel / tests: a virtual 診察券 presented to the simulated reader. */
  presentCard(cardNumber: string): { ok: true } | { ok: false; message: string };
  listHidDevices(): Promise<HidDeviceInfo[]>;
  /** The embedded printer simulator, when KIOSK_PRINTER=simulator (demo, tests). */
  printerSimulator(): SimulatedPrinter | undefined;
  close(): Promise<void>;
}

export interface DeviceHubOptions {
  clock: Clock;
  logger: Logger;
  /** KIOSK_PRINTER (from electron/config.ts): wins over the admin's printer setting. */
  printer?: PrinterSpec;
  /** KIOSK_CARD_READER (from electron/config.ts): wins over the admin's reader choice. */
  cardReader?: ReaderChoice;
  /** The admin's printer setting (tcp://… or a path), used when KIOSK_PRINTER is unset. */
  printerSetting?: string;
  /** The admin's reader choice, used when KIOSK_CARD_READER is unset. */
  readerSetting?: ReaderChoice;
}

export async function createDeviceHub(options: DeviceHubOptions): Promise<DeviceHub> {
  const log = options.logger.child('devices');
  const listeners = new Set<(v: DevicesView) => void>();
  const scanListeners = new Set<(e: ReaderEvent) => void>();

  // ---- 診察券 reader
  const choice: ReaderChoice = options.cardReader ?? options.readerSetting ?? { mode: 'off' };
  let reader: PatientCardReader | undefined;
  let simulated: SimulatedPatientCardReader | undefined;
  if (choice.mode === 'simulator') {
    simulated = createSimulatedPatientCardReader({ clock: options.clock, logger: options.logger });
    reader = simulated;
  } else if (choice.mode === 'hid') {
    const loaded = await loadNodeHidBoundary();
    reader = createHidPatientCardReader({
      boundary: loaded.ok ? loaded.boundary : { unavailable: loaded.message },
      config: choice.config,
      clock: options.clock,
      logger: options.logger,
    });
  }

  // ---- 受付票 printer
  let printerSim: SimulatedPrinter | undefined;
  let printer: TicketPrinter;
  if (options.printer?.kind === 'simulator') {
    printerSim = await startPrinterSimulator();
    printer = createTicketPrinter({
      target: { kind: 'tcp', host: '127.0.0.1', port: printerSim.port },
      clock: options.clock,
      logger: options.logger,
    });
  } else {
    const chosen = choosePrinter(options.printer, options.printerSetting);
    if ('error' in chosen) log.warn('printer setting ignored', { message: chosen.error });
    printer = createTicketPrinter({
      target: 'target' in chosen ? chosen.target : undefined,
      clock: options.clock,
      logger: options.logger,
    });
  }

  const view = (): DevicesView => {
    const r = reader?.state();
    const p = printer.state();
    return {
      cardReader: r
        ? { mode: choice.mode, ...r }
        : {
            mode: 'off',
            status: 'not-configured',
            since: options.clock.nowIso(),
            scans: 0,
            rejected: 0,
            reconnects: 0,
          },
      printer: { ...p, simulated: printerSim !== undefined, ...(printerSim ? { target: 'simulator' } : {}) },
    };
  };
  const publish = () => {
    const v = view();
    for (const l of listeners) {
      try {
        l(v);
      } catch (e) {
        log.error('devices listener failed', { error: String(e) });
      }
    }
  };
  reader?.onState(publish);
  printer.onState(publish);
  reader?.onScan((e) => {
    for (const l of scanListeners) {
      try {
        l(e);
      } catch (err) {
        log.error('scan listener failed', { error: String(err) });
      }
    }
  });

  return {
    view,
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onScan(l) {
      scanListeners.add(l);
      return () => scanListeners.delete(l);
    },
    readerMode: () => (reader ? choice.mode : 'off'),
    printTicket: (t) => printer.print(t),
    async checkPrinter() {
      await printer.checkStatus();
      return view();
    },
    presentCard(cardNumber) {
      if (!simulated) return { ok: false, message: 'no simulated 診察券 reader (KIOSK_CARD_READER=simulator)' };
      return simulated.present(cardNumber) ? { ok: true } : { ok: false, message: 'the simulated reader is unplugged' };
    },
    async listHidDevices() {
      const loaded = await loadNodeHidBoundary();
      return loaded.ok ? loaded.boundary.list().catch(() => []) : [];
    },
    printerSimulator: () => printerSim,
    async close() {
      await reader?.close();
      await printerSim?.close();
    },
  };
}
