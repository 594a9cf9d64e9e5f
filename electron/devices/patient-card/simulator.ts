/**
 * The simulated 診察券 reader: a virtual HID POS scanner on a virtual bus, read by the real adapter. The demo
 * panel and the tests present a card number, unplug and replug it.
 */
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { createHidPatientCardReader } from './adapter';
import type { PatientCardReader } from './types';
import { DEFAULT_READER_TIMING } from './types';
import { encodePosReports, VirtualHidBus } from './virtual';

/** pid.codes test VID/PID: not a real product, so it never matches a real reader. */
export const SIMULATED_READER = {
  vendorId: 0x1209,
  productId: 0x0001,
  usagePage: 0x8c,
  usage: 0x02,
  path: 'virtual:patient-card',
  product: 'Simulated 診察券 reader',
};

export interface SimulatedPatientCardReader extends PatientCardReader {
  /** Present a card: the number is sent as HID POS reports. False while unplugged. */
  present(cardNumber: string): boolean;
  unplug(): void;
  replug(): void;
  pollNow(): Promise<void>;
  readonly bus: VirtualHidBus;
}

export function createSimulatedPatientCardReader(options: {
  clock: Clock;
  logger: Logger;
  pollMs?: number;
}): SimulatedPatientCardReader {
  const bus = new VirtualHidBus();
  bus.plug(SIMULATED_READER);
  const reader = createHidPatientCardReader({
    boundary: bus,
    config: {
      vendorId: SIMULATED_READER.vendorId,
      productId: SIMULATED_READER.productId,
      usagePage: 0x8c,
      format: 'pos',
      ...DEFAULT_READER_TIMING,
    },
    clock: options.clock,
    logger: options.logger,
    pollMs: options.pollMs ?? 500,
  });
  return {
    ...reader,
    bus,
    present(cardNumber) {
      if (cardNumber.length > 256) return false;
      return encodePosReports(cardNumber).every((r) => bus.send(SIMULATED_READER.path, r));
    },
    unplug: () => bus.unplug(SIMULATED_READER.path),
    replug: () => {
      bus.plug(SIMULATED_READER);
      void reader.pollNow();
    },
  };
}
