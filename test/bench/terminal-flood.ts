/**
 * `npm run bench:terminal-flood`: junk floods through the real terminal transport and card-reads feature (real
 * folder, real SQLite file). Each wave drops FLOOD_N (default 5,000) junk files named like card reads into
 * face/ (plus a symlink and a FIFO), waits until all are dealt with, removes them, and lets the names be
 * forgotten. Prints per wave: staff alerts (target 1), the count it carries, SQLite rows written, names held
 * in memory before and after the files left, and the heap after a full GC. Figures only, no assertions.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { UnmatchedRead } from '../../shared/api/index';
import { createCardReadsService } from '../../electron/core/card-reads/service';
import { createClock, type Clock } from '../../electron/core/clock';
import { createLogger } from '../../electron/core/logger';
import { createTerminalTransport } from '../../electron/terminal/transport';
import { openReaderStores } from '../helpers/core';

const N = Number(process.env.FLOOD_N ?? 5000);
const WAVES = Number(process.env.FLOOD_WAVES ?? 6);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-flood-'));
  const dir = path.join(root, 'terminal');
  for (const sub of ['req', 'res', 'face']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const face = path.join(dir, 'face');
  const store = openReaderStores(path.join(root, 'data'));
  const clock = createClock({ timeZone: 'Asia/Tokyo' }) as Clock;
  const log = createLogger({ console: false });
  const cfg = () => ({
    pollMs: 50,
    idlePollMs: 200,
    stabilityMs: 40,
    settleMs: 0,
    watch: false,
    forgetAfterMs: 500,
    cardWaitMs: 60_000,
    clockSkewMs: 1000,
    junkQuietMs: 1000,
  });
  const transport = createTerminalTransport({
    dir,
    store: store.terminal,
    clock,
    log,
    institutionCode: () => '1312345678',
    config: cfg,
  });
  const cards = createCardReadsService({ store: store.cardReads, transport, clock, log, config: cfg });
  const alerts: UnmatchedRead[] = [];
  cards.onUnmatched((u) => alerts.push(u));
  transport.start();

  console.log(
    `Junk floods: ${WAVES} waves of ${N.toLocaleString('en')} junk face/ files + 1 symlink + 1 FIFO, Node ${process.version}`,
  );
  console.log(`heap before the first wave: ${heapMb().toFixed(1)} MB`);
  let seq = 0;
  for (let wave = 1; wave <= WAVES; wave++) {
    const alertsBefore = alerts.length;
    const rowsBefore =
      store.terminal.consumedFileNames('face').length +
      store.cardReads.unmatchedReads({ all: true, limit: 1_000_000 }).length;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      fs.writeFileSync(
        path.join(face, `OQSsiquc01res_face_1312345678F${String(++seq).padStart(7, '0')}_20261125090000.xml`),
        i % 2 ? `junk ${i}` : '<XmlMsg><MessageHeader>',
      );
    }
    fs.symlinkSync(
      '/etc/hostname',
      path.join(face, `OQSsiquc01res_face_${String(++seq).padStart(7, '0')}_20261125090000.xml`),
    );
    execFileSync('mkfifo', [
      path.join(face, `OQSsiquc01res_face_${String(++seq).padStart(7, '0')}_20261125090000.xml`),
    ]);
    await until(() => transport.internals.face.stats().done >= N && alerts.length > alertsBefore, 120_000);
    const dealtMs = performance.now() - t0;
    await sleep(2000); // nothing more should come for this wave
    const held = transport.internals.face.stats();
    for (const name of fs.readdirSync(face)) fs.unlinkSync(path.join(face, name));
    await until(
      () => transport.internals.face.stats().done === 0 && transport.internals.face.stats().skipped === 0,
      10_000,
    );
    const rowsAfter =
      store.terminal.consumedFileNames('face').length +
      store.cardReads.unmatchedReads({ all: true, limit: 1_000_000 }).length;
    const waveAlerts = alerts.slice(alertsBefore);
    console.log(
      `wave ${wave}: dealt with in ${(dealtMs / 1000).toFixed(1)} s; staff alerts ${waveAlerts.length} (count ${waveAlerts.map((a) => a.count ?? 1).join(', ')}); ` +
        `SQLite rows written ${rowsAfter - rowsBefore}; names held ${held.done} + ${held.skipped} skipped → 0 after the files left; heap ${heapMb().toFixed(1)} MB`,
    );
  }
  cards.close();
  await transport.close();
  store.close();
  fs.rmSync(root, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
