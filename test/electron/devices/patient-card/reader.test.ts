import { afterEach, describe, expect, it } from 'vitest';
import { createClock, isClockError } from '../../../../electron/core/clock';
import { createLogger } from '../../../../electron/core/logger';
import { createHidPatientCardReader } from '../../../../electron/devices/patient-card/adapter';
import { ScanAssembler } from '../../../../electron/devices/patient-card/assembler';
import {
  decodeMagstripeReport,
  decodePosReport,
  decodeStreamReport,
} from '../../../../electron/devices/patient-card/reports';
import {
  createSimulatedPatientCardReader,
  SIMULATED_READER,
} from '../../../../electron/devices/patient-card/simulator';
import type {
  PatientCardReader,
  ReaderConfig,
  ReaderEvent,
  ReaderState,
} from '../../../../electron/devices/patient-card/types';
import {
  encodeMagstripeReport,
  encodePosReports,
  VirtualHidBus,
} from '../../../../electron/devices/patient-card/virtual';

const clock = (() => {
  const c = createClock();
  if (isClockError(c)) throw new Error(c.message);
  return c;
})();
const logger = createLogger({ console: false });

/**
 * A Scanned Data Report written byte by byte from the HID POS usage tables (page 0x8C): report id 2, data
 * length, Symbology Identifier 1-3, Decoded Data (56 bytes), vendor symbology, reserved, Decoded Data Continued.
 */
function handReport(data: string, continued: boolean): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = 0x02;
  r[1] = data.length;
  r[2] = 0x5d; // ']'
  r[3] = 0x45; // 'E' — AIM EAN/UPC
  r[4] = 0x30; // '0'
  for (let i = 0; i < data.length; i++) r[5 + i] = data.charCodeAt(i);
  r[63] = continued ? 0x01 : 0x00;
  return r;
}

describe('HID report decoding', () => {
  it('HID POS scanned data report: data, symbology, continuation', () => {
    const d = decodePosReport(handReport('4901234567894', false));
    expect(d).toMatchObject({ kind: 'chunk', final: true, symbology: ']E0' });
    expect(d.kind === 'chunk' && new TextDecoder().decode(d.bytes)).toBe('4901234567894');
    expect(decodePosReport(handReport('0012', true))).toMatchObject({ kind: 'chunk', final: false });
  });

  it('other reports are ignored; a length beyond the report is an error', () => {
    const status = new Uint8Array(64);
    status[0] = 0x04;
    expect(decodePosReport(status).kind).toBe('ignore');
    const bad = handReport('12', false);
    bad[1] = 200;
    expect(decodePosReport(bad)).toMatchObject({ kind: 'error', code: 'bad-length' });
    expect(decodePosReport(new Uint8Array([0x02]))).toMatchObject({ kind: 'error', code: 'bad-length' });
    expect(decodePosReport(new Uint8Array(5000))).toMatchObject({ kind: 'error', code: 'bad-length' });
  });

  it('magnetic stripe (vendor report): track 2 between sentinels; a bad track is an error', () => {
    const d = decodeMagstripeReport(encodeMagstripeReport('0012345678'));
    expect(d.kind === 'chunk' && new TextDecoder().decode(d.bytes)).toBe('0012345678');
    expect(decodeMagstripeReport(encodeMagstripeReport('0012', { status: 1 }))).toMatchObject({
      kind: 'error',
      code: 'track-error',
    });
    expect(decodeMagstripeReport(new Uint8Array(337))).toMatchObject({ kind: 'error', code: 'empty-track' });
    expect(decodeMagstripeReport(new Uint8Array(3))).toMatchObject({ kind: 'error', code: 'bad-length' });
  });

  it('stream reports: [len][bytes]', () => {
    const d = decodeStreamReport(Uint8Array.from([3, 0x31, 0x32, 0x0d, 0, 0]));
    expect(d.kind === 'chunk' && [...d.bytes]).toEqual([0x31, 0x32, 0x0d]);
    expect(decodeStreamReport(Uint8Array.from([9, 0x31]))).toMatchObject({ kind: 'error' });
  });
});

describe('scan assembly', () => {
  const chunk = (s: string, final = false) => ({ kind: 'chunk' as const, bytes: new TextEncoder().encode(s), final });

  it('ends on a terminator, on a final report, or after the gap', () => {
    const a = new ScanAssembler({ maxLength: 32, gapMs: 100 });
    expect(a.push(chunk('0012'), 0)).toEqual([]);
    expect(a.push(chunk('3456\r'), 10)).toEqual([{ kind: 'scan', text: '00123456' }]);
    expect(a.push(chunk('77', true), 20)).toEqual([{ kind: 'scan', text: '77' }]);
    a.push(chunk('998'), 30);
    expect(a.tick(60)).toEqual([]);
    expect(a.tick(130)).toEqual([{ kind: 'scan', text: '998' }]);
  });

  it('a report after the gap starts a new scan', () => {
    const a = new ScanAssembler({ maxLength: 32, gapMs: 100 });
    a.push(chunk('111'), 0);
    expect(a.push(chunk('222\r'), 500)).toEqual([
      { kind: 'scan', text: '111' },
      { kind: 'scan', text: '222' },
    ]);
  });

  it('rejects over-long and non-printable scans, then recovers', () => {
    const a = new ScanAssembler({ maxLength: 8, gapMs: 100 });
    expect(a.push(chunk('1234567890123\r'), 0)).toEqual([{ kind: 'rejected', code: 'too-long', length: 8 }]);
    expect(a.push({ kind: 'chunk', bytes: Uint8Array.from([0x31, 0xff, 0x00, 0x0d]), final: false }, 10)).toEqual([
      { kind: 'rejected', code: 'garbage', length: 3 },
    ]);
    expect(a.push(chunk('4321\n'), 20)).toEqual([{ kind: 'scan', text: '4321' }]);
  });

  it('an interrupted scan is dropped', () => {
    const a = new ScanAssembler({ maxLength: 32, gapMs: 100 });
    a.push(chunk('00'), 0);
    expect(a.interrupt()).toEqual([{ kind: 'rejected', code: 'interrupted', length: 2 }]);
    expect(a.tick(1000)).toEqual([]);
  });
});

/** Wait for a state that satisfies `pred` (tests wait for state, never for time). */
function waitForState(reader: PatientCardReader, pred: (s: ReaderState) => boolean): Promise<ReaderState> {
  return new Promise((resolve) => {
    if (pred(reader.state())) return resolve(reader.state());
    const off = reader.onState((s) => {
      if (pred(s)) {
        off();
        resolve(s);
      }
    });
  });
}
function nextScan(reader: PatientCardReader): Promise<ReaderEvent> {
  return new Promise((resolve) => {
    const off = reader.onScan((e) => {
      off();
      resolve(e);
    });
  });
}

describe('HID reader adapter through the device boundary', () => {
  const readers: PatientCardReader[] = [];
  afterEach(async () => {
    await Promise.all(readers.splice(0).map((r) => r.close()));
  });
  const POS: ReaderConfig = {
    vendorId: 0x0c2e,
    productId: 0x0b8f,
    usagePage: 0x8c,
    format: 'pos',
    maxLength: 32,
    gapMs: 50,
  };
  const dev = {
    path: '/dev/hidraw3',
    vendorId: 0x0c2e,
    productId: 0x0b8f,
    usagePage: 0x8c,
    usage: 0x02,
    product: 'Voyager 1400g',
  };

  it('opens the configured device (by vendor, product and usage page) and reads a multi-report scan', async () => {
    const bus = new VirtualHidBus();
    bus.plug({ ...dev, path: '/dev/hidraw2', usagePage: 0x01, usage: 0x06 }); // the same scanner's keyboard interface
    bus.plug(dev);
    const reader = createHidPatientCardReader({ boundary: bus, config: POS, clock, logger, pollMs: 20 });
    readers.push(reader);
    const s = await waitForState(reader, (x) => x.status === 'connected');
    expect(s.device).toEqual({ vendorId: 0x0c2e, productId: 0x0b8f, product: 'Voyager 1400g' });
    expect(bus.isOpen('/dev/hidraw3')).toBe(true);
    expect(bus.isOpen('/dev/hidraw2')).toBe(false);
    const long = '0123456789'.repeat(6); // 60 characters: two reports, the first marked continued
    const reader2 = createHidPatientCardReader({ boundary: bus, config: { ...POS, maxLength: 64 }, clock, logger });
    readers.push(reader2);
    const scan = nextScan(reader);
    for (const r of [handReport('00123456', false)]) bus.send(dev.path, r);
    expect(await scan).toMatchObject({ kind: 'scan', text: '00123456', symbology: ']E0' });
    await reader.close();
    await waitForState(reader2, (x) => x.status === 'connected');
    const scan2 = nextScan(reader2);
    const reports = encodePosReports(long);
    expect(reports.length).toBe(2);
    for (const r of reports) bus.send(dev.path, r);
    expect(await scan2).toMatchObject({ kind: 'scan', text: long });
  });

  it('survives unplug mid-scan, notices it, and reopens on replug with no restart', async () => {
    const bus = new VirtualHidBus();
    bus.plug(dev);
    const reader = createHidPatientCardReader({ boundary: bus, config: POS, clock, logger, pollMs: 20 });
    readers.push(reader);
    await waitForState(reader, (x) => x.status === 'connected');
    const rejected = nextScan(reader);
    bus.send(dev.path, handReport('0012', true)); // first half of a scan …
    bus.unplug(dev.path); // … and the cable is pulled
    expect(await rejected).toMatchObject({ kind: 'rejected', code: 'interrupted' });
    const searching = await waitForState(reader, (x) => x.status === 'searching');
    expect(searching.detail).toContain('could not read');
    bus.plug(dev);
    const back = await waitForState(reader, (x) => x.status === 'connected');
    expect(back.reconnects).toBe(1);
    const scan = nextScan(reader);
    bus.send(dev.path, handReport('00123456', false));
    expect(await scan).toMatchObject({ kind: 'scan', text: '00123456' });
  });

  it('a device that disappears from the enumeration without a read error is noticed too', async () => {
    const bus = new VirtualHidBus();
    bus.plug(dev);
    const reader = createHidPatientCardReader({ boundary: bus, config: POS, clock, logger, pollMs: 20 });
    readers.push(reader);
    await waitForState(reader, (x) => x.status === 'connected');
    bus.vanish(dev.path); // the read error may come late or never

    expect((await waitForState(reader, (x) => x.status === 'searching')).detail).toBe('device removed');
  });

  it('garbage reports are rejected, counted, and never stop the reader', async () => {
    const bus = new VirtualHidBus();
    bus.plug(dev);
    const reader = createHidPatientCardReader({ boundary: bus, config: POS, clock, logger, pollMs: 20 });
    readers.push(reader);
    await waitForState(reader, (x) => x.status === 'connected');
    const events: ReaderEvent[] = [];
    reader.onScan((e) => events.push(e));
    const bad = handReport('12', false);
    bad[1] = 250;
    bus.send(dev.path, bad);
    bus.send(dev.path, new Uint8Array(4096));
    const binary = handReport('ab', false);
    binary[5] = 0x00;
    binary[6] = 0xfe;
    bus.send(dev.path, binary);
    bus.send(dev.path, handReport('1'.repeat(30), true)); // continued …
    bus.send(dev.path, handReport('2'.repeat(30), false)); // … 60 characters in all: too long
    const ok = nextScan(reader);
    bus.send(dev.path, handReport('00001111', false));
    expect(await ok).toMatchObject({ kind: 'scan', text: '00001111' });
    expect(events.map((e) => (e.kind === 'rejected' ? e.code : e.kind))).toEqual([
      'garbage',
      'garbage',
      'garbage',
      'too-long',
      'scan',
    ]);
    expect(reader.state()).toMatchObject({ status: 'connected', scans: 1, rejected: 4 });
  });

  it('a magnetic-stripe reader in vendor-report mode', async () => {
    const bus = new VirtualHidBus();
    const mag = { path: '/dev/hidraw5', vendorId: 0x0801, productId: 0x0002, usagePage: 0xff00 };
    bus.plug(mag);
    const reader = createHidPatientCardReader({
      boundary: bus,
      config: { vendorId: 0x0801, productId: 0x0002, format: 'magstripe', maxLength: 32, gapMs: 50 },
      clock,
      logger,
      pollMs: 20,
    });
    readers.push(reader);
    await waitForState(reader, (x) => x.status === 'connected');
    const scan = nextScan(reader);
    bus.send(mag.path, encodeMagstripeReport('1234567890'));
    expect(await scan).toMatchObject({ kind: 'scan', text: '1234567890' });
  });

  it('a stream reader without terminator: the scan ends after the gap', async () => {
    const bus = new VirtualHidBus();
    const d = { path: '/dev/hidraw6', vendorId: 0x1234, productId: 0x5678 };
    bus.plug(d);
    const reader = createHidPatientCardReader({
      boundary: bus,
      config: { vendorId: 0x1234, productId: 0x5678, format: 'stream', maxLength: 32, gapMs: 30 },
      clock,
      logger,
      pollMs: 20,
    });
    readers.push(reader);
    await waitForState(reader, (x) => x.status === 'connected');
    const scan = nextScan(reader);
    bus.send(d.path, Uint8Array.from([4, 0x30, 0x30, 0x31, 0x32]));
    bus.send(d.path, Uint8Array.from([2, 0x33, 0x34]));
    expect(await scan).toMatchObject({ kind: 'scan', text: '001234' });
  });

  it('cannot open (permissions) is visible as an error, and recovers when it can', async () => {
    const bus = new VirtualHidBus();
    bus.plug(dev);
    bus.refuse.add(dev.path);
    const reader = createHidPatientCardReader({ boundary: bus, config: POS, clock, logger, pollMs: 20 });
    readers.push(reader);
    expect((await waitForState(reader, (x) => x.status === 'error')).detail).toContain('permission denied');
    bus.refuse.delete(dev.path);
    await waitForState(reader, (x) => x.status === 'connected');
  });

  it('not configured, and node-hid unavailable, are states rather than crashes', async () => {
    const r1 = createHidPatientCardReader({
      boundary: new VirtualHidBus(),
      config: undefined,
      clock,
      logger,
      pollMs: 20,
    });
    const r2 = createHidPatientCardReader({
      boundary: { unavailable: 'libusb missing' },
      config: POS,
      clock,
      logger,
      pollMs: 20,
    });
    readers.push(r1, r2);
    await waitForState(r1, (x) => x.status === 'not-configured');
    expect((await waitForState(r2, (x) => x.status === 'unavailable')).detail).toBe('libusb missing');
  });
});

describe('simulated reader', () => {
  it('presents a card, unplugs and replugs, through the same adapter', async () => {
    const sim = createSimulatedPatientCardReader({ clock, logger, pollMs: 20 });
    try {
      await waitForState(sim, (x) => x.status === 'connected');
      expect(sim.state().device?.vendorId).toBe(SIMULATED_READER.vendorId);
      const scan = nextScan(sim);
      expect(sim.present('00123456')).toBe(true);
      expect(await scan).toMatchObject({ kind: 'scan', text: '00123456' });
      sim.unplug();
      await waitForState(sim, (x) => x.status === 'searching');
      expect(sim.present('1')).toBe(false);
      sim.replug();
      await waitForState(sim, (x) => x.status === 'connected');
      expect(sim.state().reconnects).toBe(1);
    } finally {
      await sim.close();
    }
  });
});

describe('node-hid boundary on this machine', () => {
  it('loads node-hid (libusb/hidraw), enumerates, and reports a configured reader that is absent as searching', async () => {
    const { loadNodeHidBoundary } = await import('../../../../electron/devices/patient-card/boundary');
    const loaded = await loadNodeHidBoundary();
    if (!loaded.ok) throw new Error(`node-hid did not load here: ${loaded.message}`);
    expect(Array.isArray(await loaded.boundary.list())).toBe(true);
    const reader = createHidPatientCardReader({
      boundary: loaded.boundary,
      config: { vendorId: 0x1209, productId: 0xfffe, format: 'pos', maxLength: 32, gapMs: 50 },
      clock,
      logger,
      pollMs: 50,
    });
    try {
      await reader.pollNow();
      expect(reader.state().status).toBe('searching');
    } finally {
      await reader.close();
    }
  });
});
