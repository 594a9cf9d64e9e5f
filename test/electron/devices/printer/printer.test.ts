import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock, isClockError } from '../../../../electron/core/clock';
import { createLogger } from '../../../../electron/core/logger';
import { interpretEscPos, printedText } from '../../../../electron/devices/printer/preview';
import { createTicketPrinter } from '../../../../electron/devices/printer/printer';
import { startPrinterSimulator, type SimulatedPrinter } from '../../../../electron/devices/printer/simulator';
import {
  parseAsb,
  parseOfflineCause,
  parsePaperSensor,
  parsePrinterStatus,
  parseRealtimeStatus,
} from '../../../../electron/devices/printer/status';
import { parsePrinterTarget, type PrinterTarget } from '../../../../electron/devices/printer/target';
import type { TicketContent } from '../../../../electron/devices/printer/ticket';
import { tempDir } from '../../../helpers/temp';

const clock = (() => {
  const c = createClock({ fixedStart: '2026-11-25T09:41:00+09:00' });
  if (isClockError(c)) throw new Error(c.message);
  return c;
})();
const logger = createLogger({ console: false });
const TICKET: TicketContent = {
  clinicName: 'さくら内科クリニック',
  ticketNumber: 37,
  issuedAt: clock.now(),
  timeZone: clock.timeZone,
  nextStep: 'wait-for-call',
  documentsToShow: [],
};

const target = (url: string): PrinterTarget => {
  const r = parsePrinterTarget(url);
  if (!r.ok) throw new Error(r.message);
  return r.target;
};

describe('status bytes (DLE EOT n and ASB, bit layouts from the ESC/POS reference)', () => {
  it('DLE EOT 1: 0x12 online, 0x1A offline', () => {
    expect(parsePrinterStatus(0x12)).toEqual({ ok: true, value: { offline: false } });
    expect(parsePrinterStatus(0x1a)).toEqual({ ok: true, value: { offline: true } });
  });
  it('DLE EOT 2: cover open (bit 2), paper end stop (bit 5), error (bit 6)', () => {
    expect(parseOfflineCause(0x16)).toEqual({ ok: true, value: { coverOpen: true, paperOut: false, error: false } });
    expect(parseOfflineCause(0x32)).toEqual({ ok: true, value: { coverOpen: false, paperOut: true, error: false } });
    expect(parseOfflineCause(0x52)).toEqual({ ok: true, value: { coverOpen: false, paperOut: false, error: true } });
  });
  it('DLE EOT 4: near end (bits 2-3), paper end (bits 5-6)', () => {
    expect(parsePaperSensor(0x1e)).toEqual({ ok: true, value: { paperNearEnd: true, paperOut: false } });
    expect(parsePaperSensor(0x72)).toEqual({ ok: true, value: { paperNearEnd: false, paperOut: true } });
  });
  it('rejects bytes whose fixed bits are wrong (garbage, echoed data)', () => {
    for (const b of [0x00, 0xff, 0x41, 0x13, 0x92]) expect(parsePrinterStatus(b).ok).toBe(false);
    expect(parseRealtimeStatus([0x12, 0x12, 0xff]).ok).toBe(false);
  });
  it('ASB: four bytes, offline/cover/paper, fixed bits checked', () => {
    expect(parseAsb(Uint8Array.from([0x10, 0, 0, 0]))).toEqual({
      ok: true,
      value: { offline: false, coverOpen: false, paperOut: false, paperNearEnd: false, error: false },
    });
    expect(parseAsb(Uint8Array.from([0x38, 0x08, 0x0c, 0]))).toEqual({
      ok: true,
      value: { offline: true, coverOpen: true, paperOut: true, paperNearEnd: false, error: true },
    });
    expect(parseAsb(Uint8Array.from([0x10, 0, 0])).ok).toBe(false);
    expect(parseAsb(Uint8Array.from([0x11, 0, 0, 0])).ok).toBe(false);
    expect(parseAsb(Uint8Array.from([0x10, 0x80, 0, 0])).ok).toBe(false);
  });
});

describe('the printer setting (the grammar of electron/config.ts)', () => {
  it('parses tcp://HOST:PORT and absolute device paths, refuses the rest', () => {
    expect(parsePrinterTarget('tcp://192.168.1.50:9100')).toEqual({
      ok: true,
      target: { kind: 'tcp', host: '192.168.1.50', port: 9100 },
    });
    expect(parsePrinterTarget('tcp://printer.local:9100/')).toEqual({
      ok: true,
      target: { kind: 'tcp', host: 'printer.local', port: 9100 },
    });
    expect(parsePrinterTarget('tcp://[::1]:9101')).toEqual({
      ok: true,
      target: { kind: 'tcp', host: '::1', port: 9101 },
    });
    expect(parsePrinterTarget('/dev/usb/lp0')).toEqual({ ok: true, target: { kind: 'device', path: '/dev/usb/lp0' } });
    for (const bad of [
      '',
      'http://x',
      'tcp://x:0',
      'tcp://x:70000',
      'lp0',
      '/dev/../etc/passwd',
      'tcp://a b',
      'tcp://printer',
    ]) {
      expect(parsePrinterTarget(bad).ok).toBe(false);
    }
  });
});

describe('ticket printer over raw TCP against the printer simulator', () => {
  let sim: SimulatedPrinter | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('prints: status asked first, then the ticket bytes with the number and a cut; state is ready', async () => {
    sim = await startPrinterSimulator();
    const printer = createTicketPrinter({ target: target(sim.url), clock, logger, timeoutMs: 2000 });
    expect(await printer.print(TICKET)).toEqual({ ok: true, ticketNumber: 37 });
    const [job] = await sim.waitForJobs(1);
    expect(job!.subarray(0, 9).toString('hex')).toBe('100401100402100404');
    const r = interpretEscPos(job!);
    if (!r.ok) throw new Error(r.message);
    expect(printedText(r.elements)).toContain('37');
    expect(r.elements.at(-1)).toEqual({ type: 'cut', partial: true });
    expect(printer.state()).toMatchObject({
      configured: true,
      reachable: true,
      condition: { offline: false, paperOut: false },
    });
  });

  it.each([
    ['out-of-paper', 'out-of-paper'],
    ['cover-open', 'cover-open'],
    ['offline', 'offline'],
  ] as const)('%s: reports it, sends no ticket, and a later print works once fixed', async (mode, code) => {
    sim = await startPrinterSimulator({ mode });
    const printer = createTicketPrinter({ target: target(sim.url), clock, logger, timeoutMs: 2000 });
    const out = await printer.print(TICKET);
    expect(out).toMatchObject({ ok: false, code });
    const [job] = await sim.waitForJobs(1);
    expect(job!.length).toBe(9); // the three status requests only
    expect(printer.state().lastError?.code).toBe(code);
    sim.setMode('ready');
    expect(await printer.print(TICKET)).toEqual({ ok: true, ticketNumber: 37 }); // reprint
    const jobs = await sim.waitForJobs(2);
    expect(jobs[1]!.length).toBeGreaterThan(100);
  });

  it('paper near end still prints and is visible in the state', async () => {
    sim = await startPrinterSimulator({ mode: 'paper-near-end' });
    const printer = createTicketPrinter({ target: target(sim.url), clock, logger, timeoutMs: 2000 });
    expect((await printer.print(TICKET)).ok).toBe(true);
    await expect(printer.checkStatus()).resolves.toMatchObject({ condition: { paperNearEnd: true } });
  });

  it('unreachable printer: a typed failure, quickly, never a throw', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const printer = createTicketPrinter({ target: target(`tcp://127.0.0.1:${port}`), clock, logger, timeoutMs: 1000 });
    expect(await printer.print(TICKET)).toMatchObject({ ok: false, code: 'unreachable' });
    expect(printer.state().reachable).toBe(false);
  });

  it('a printer that never answers status: timeout, bounded', async () => {
    const silent = net.createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const printer = createTicketPrinter({ target: target(`tcp://127.0.0.1:${port}`), clock, logger, timeoutMs: 200 });
    expect(await printer.print(TICKET)).toMatchObject({ ok: false, code: 'timeout' });
    silent.close();
  });

  it('a printer answering garbage: an error, no ticket sent', async () => {
    const received: Buffer[] = [];
    const liar = net.createServer((s) => {
      s.on('data', (d: Buffer) => {
        received.push(d);
        s.write(Buffer.from([0xff]));
      });
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => liar.listen(0, '127.0.0.1', () => r()));
    const port = (liar.address() as net.AddressInfo).port;
    const printer = createTicketPrinter({ target: target(`tcp://127.0.0.1:${port}`), clock, logger, timeoutMs: 500 });
    expect(await printer.print(TICKET)).toMatchObject({ ok: false, code: 'error' });
    expect(Buffer.concat(received).length).toBe(9); // the three status requests, no ticket
    liar.close();
  });

  it('not configured: a typed failure', async () => {
    const printer = createTicketPrinter({ target: undefined, clock, logger });
    expect(await printer.print(TICKET)).toMatchObject({ ok: false, code: 'not-configured' });
  });

  it('jobs run one at a time, in order', async () => {
    sim = await startPrinterSimulator();
    const printer = createTicketPrinter({ target: target(sim.url), clock, logger, timeoutMs: 2000 });
    const outs = await Promise.all([1, 2, 3].map((n) => printer.print({ ...TICKET, ticketNumber: n })));
    expect(outs.map((o) => o.ok)).toEqual([true, true, true]);
    const jobs = await sim.waitForJobs(3);
    const numbers = jobs.map((j) => {
      const r = interpretEscPos(j);
      return r.ok ? r.elements.find((e) => e.type === 'qr') : undefined;
    });
    expect(numbers.map((q) => q?.type === 'qr' && q.data)).toEqual(['1', '2', '3']);
  });

  it('the simulator sends ASB after GS a and again when its condition changes', async () => {
    sim = await startPrinterSimulator();
    const socket = net.connect(sim.port, '127.0.0.1');
    const got: number[] = [];
    let wake = () => {};
    socket.on('data', (d: Buffer) => {
      got.push(...d);
      wake();
    });
    const bytes = (n: number) => new Promise<void>((r) => ((wake = () => got.length >= n && r()), wake()));
    socket.write(Buffer.from([0x1d, 0x61, 0x0f]));
    await bytes(4);
    expect(parseAsb(Uint8Array.from(got.slice(0, 4)))).toMatchObject({ ok: true, value: { coverOpen: false } });
    sim.setMode('cover-open');
    await bytes(8);
    expect(parseAsb(Uint8Array.from(got.slice(4, 8)))).toMatchObject({
      ok: true,
      value: { coverOpen: true, offline: true },
    });
    socket.destroy();
  });
});

describe('ticket printer on a device path', () => {
  it('writes the bytes to the path; status is unknown there', async () => {
    const dir = tempDir();
    const dev = path.join(dir, 'lp0');
    fs.writeFileSync(dev, '');
    const printer = createTicketPrinter({ target: target(dev), clock, logger, timeoutMs: 1000 });
    expect(await printer.print(TICKET)).toEqual({ ok: true, ticketNumber: 37 });
    const r = interpretEscPos(fs.readFileSync(dev));
    expect(r.ok && printedText(r.elements)).toContain('37');
    expect(printer.state().condition).toBe('unknown');
  });

  it('a missing device: unreachable, and no file is created', async () => {
    const dev = path.join(tempDir(), 'missing-lp');
    const printer = createTicketPrinter({ target: target(dev), clock, logger, timeoutMs: 1000 });
    expect(await printer.print(TICKET)).toMatchObject({ ok: false, code: 'unreachable' });
    expect(fs.existsSync(dev)).toBe(false);
  });
});

describe('printer choice', () => {
  it('KIOSK_PRINTER (parsed by electron/config.ts) wins over the admin setting; a bad setting is an error', async () => {
    const { choosePrinter } = await import('../../../../electron/devices/printer/config');
    const { readRuntimeConfig } = await import('../../../../electron/config');
    const fromEnv = readRuntimeConfig({ KIOSK_PRINTER: 'tcp://10.0.0.5:9100' }, { dataDir: '/d' }).config.printer;
    expect(fromEnv).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 9100 });
    expect(choosePrinter(fromEnv?.kind === 'simulator' ? undefined : fromEnv, '/dev/usb/lp0')).toEqual({
      source: 'env',
      target: { kind: 'tcp', host: '10.0.0.5', port: 9100 },
    });
    expect(choosePrinter(undefined, '/dev/usb/lp0')).toEqual({
      source: 'setting',
      target: { kind: 'device', path: '/dev/usb/lp0' },
    });
    expect(choosePrinter(undefined, 'printer')).toMatchObject({ source: 'setting', error: expect.any(String) });
    expect(choosePrinter(undefined, '  ')).toEqual({ source: 'none' });
    expect(readRuntimeConfig({ KIOSK_PRINTER: 'printer' }, { dataDir: '/d' }).errors).toEqual([
      expect.stringContaining('KIOSK_PRINTER'),
    ]);
  });
});
