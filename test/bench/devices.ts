/**
 * `npx tsx test/bench/devices.ts`: figures for the devices and calls paths (no assertions; it prints).
 * - 診察券 scan: HID POS reports into the real adapter (virtual bus) → scan event, per scan.
 * - 受付票: encode + connect + DLE EOT status + write + close against the printer simulator over TCP.
 * - 呼び出し: call() on SQLite (WAL) including the board rebuild pushed to listeners.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createClock, isClockError } from '../../electron/core/clock';
import { createLogger } from '../../electron/core/logger';
import { CALLS_MIGRATIONS } from '../../electron/core/calls/migrations';
import { createCallsService } from '../../electron/core/calls/service';
import { migrateFeature } from '../../electron/core/store/index';
import { createHidPatientCardReader } from '../../electron/devices/patient-card/adapter';
import { encodePosReports, VirtualHidBus } from '../../electron/devices/patient-card/virtual';
import { createTicketPrinter } from '../../electron/devices/printer/printer';
import { startPrinterSimulator } from '../../electron/devices/printer/simulator';

const clock = (() => {
  const c = createClock({ fixedStart: '2026-11-25T09:00:00+09:00' });
  if (isClockError(c)) throw new Error(c.message);
  return c;
})();
const logger = createLogger({ console: false, level: 'error' });
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
function report(label: string, samples: number[], unit: 'ms' | 'µs' = 'ms') {
  const s = [...samples].sort((a, b) => a - b);
  const f = (v: number) => (unit === 'µs' ? `${(v * 1000).toFixed(1)} µs` : `${v.toFixed(2)} ms`);
  console.log(
    `${label.padEnd(44)} n=${s.length}  median ${f(pct(s, 50))}  p90 ${f(pct(s, 90))}  p99 ${f(pct(s, 99))}  max ${f(s.at(-1)!)}`,
  );
}

async function scans(n: number) {
  const bus = new VirtualHidBus();
  const dev = { path: 'bench', vendorId: 1, productId: 2, usagePage: 0x8c };
  bus.plug(dev);
  const reader = createHidPatientCardReader({
    boundary: bus,
    config: { vendorId: 1, productId: 2, format: 'pos', maxLength: 32, gapMs: 150 },
    clock,
    logger,
    pollMs: 10,
    maxReportsPerSecond: Number.MAX_SAFE_INTEGER, // the flood guard (200/s) would drop a benchmark's burst
  });
  await new Promise<void>((r) => reader.onState((s) => s.status === 'connected' && r()));
  const samples: number[] = [];
  let got = 0;
  reader.onScan(() => (got += 1));
  for (let i = 0; i < n; i++) {
    const reports = encodePosReports(String(10_000_000 + i));
    const t = performance.now();
    for (const r of reports) bus.send(dev.path, r);
    samples.push(performance.now() - t);
  }
  await reader.close();
  if (got !== n) throw new Error(`expected ${n} scans, got ${got}`);
  report('診察券 scan: reports → scan event', samples, 'µs');
}

async function prints(n: number) {
  const sim = await startPrinterSimulator();
  const printer = createTicketPrinter({ target: { kind: 'tcp', host: '127.0.0.1', port: sim.port }, clock, logger });
  const samples: number[] = [];
  for (let i = 1; i <= n; i++) {
    const t = performance.now();
    const r = await printer.print({
      clinicName: 'さくら内科クリニック',
      ticketNumber: i,
      issuedAt: clock.now(),
      timeZone: clock.timeZone,
      nextStep: 'wait-for-call',
      documentsToShow: [],
    });
    samples.push(performance.now() - t);
    if (!r.ok) throw new Error(r.message);
  }
  await sim.close();
  report('受付票: encode + TCP status + write + close', samples);
}

function calls(n: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-calls-'));
  const db = new Database(path.join(dir, 'k.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrateFeature(db, 'calls', CALLS_MIGRATIONS);
  const svc = createCallsService({
    db,
    clock,
    logger,
    rooms: () => [
      { id: '1', label: '第1診察室' },
      { id: '2', label: '第2診察室' },
    ],
  });
  for (let i = 1; i <= n; i++) svc.enqueue(i, 'kiosk');
  svc.onBoard(() => undefined);
  const samples: number[] = [];
  for (let i = 1; i <= n; i++) {
    const t = performance.now();
    svc.call(i, i % 2 ? '1' : '2', 'staff:bench');
    samples.push(performance.now() - t);
  }
  db.close();
  report(`呼び出し: call() + board (${n} tickets/day)`, samples);
}

await scans(Number(process.env.BENCH_SCANS ?? 2000));
await prints(Number(process.env.BENCH_PRINTS ?? 200));
calls(Number(process.env.BENCH_CALLS ?? 400));
