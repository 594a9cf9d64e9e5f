/**
 * Soak (`npm run bench:soak`): SOAK_CHECKINS (default 10,000) check-ins through the real core and the
 * embedded terminal simulator (its folder, the onshi-folder adapter, SQLite), SOAK_KIOSKS kiosks at once,
 * four scripted paths (self-pay, call-staff, 資格確認書 numbers answered through the folder, マイナ保険証 card
 * read through a face file). Prints: RSS and heap after warm-up and at the end (after GC), the growth,
 * active handles and timers by type, and records lost (acknowledged vs. in the database). No assertions on
 * time; exit code 1 only if a record was lost or a check-in did not complete.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../../electron/core/index';
import type { CheckInSession } from '../../../shared/flow/session';
import { DESK, driveToEnd, pathFor, startSession, type ScriptPath } from './script';

const TOTAL = Number(process.env.SOAK_CHECKINS ?? 10_000);
const KIOSKS = Number(process.env.SOAK_KIOSKS ?? 8);
const WARMUP = Math.min(1000, Math.floor(TOTAL / 10));
const PATHS: readonly ScriptPath[] = ['A', 'B', 'C', 'D'];

const gc = (globalThis as { gc?: () => void }).gc;
function memory() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external };
}
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
function resources(): string {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([k, v]) => `${k}=${v}`).join(' ');
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-soak-'));
  const core = await createCore({
    dataDir: root,
    now: '2026-11-25T09:00:00+09:00',
    logToConsole: false,
    settings: { simulatorAnswerMs: 0 },
  });
  console.log(
    `Soak: ${TOTAL} check-ins, ${KIOSKS} kiosks at once, paths ${PATHS.join('/')}; Node ${process.version}; gc ${gc ? 'exposed' : 'NOT exposed (run with --expose-gc)'}`,
  );
  // session -> last acknowledged version and state (only these: the bench must not hold 10,000 snapshots
  // itself, or its own memory would be counted as the core's growth)
  const acked = new Map<string, { version: number; state: CheckInSession['state'] }>();
  const ack = (s: CheckInSession) => {
    const prev = acked.get(s.id);
    if (!prev || prev.version < s.version) acked.set(s.id, { version: s.version, state: s.state });
  };
  core.subscribe(DESK, (event, payload) => {
    if (event === 'session.updated') ack(payload as CheckInSession);
  });
  let lock: Promise<unknown> = Promise.resolve();
  const card = (run: () => Promise<CheckInSession>) => {
    const next = lock.then(run, run);
    lock = next.catch(() => undefined);
    return next;
  };

  let started = 0;
  let completed = 0;
  const failures: string[] = [];
  let warm: ReturnType<typeof memory> | undefined;
  let warmResources = '';
  const t0 = Date.now();
  let tWarm = t0;
  const kiosk = async (k: number) => {
    while (started < TOTAL) {
      const i = started++;
      try {
        const s = await startSession(core, k, ack);
        const end = await driveToEnd(core, s, pathFor(i, PATHS), ack, card);
        if (end.state === 'completed') completed += 1;
        else failures.push(`${s.id} ended ${end.state}`);
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
      if (completed === WARMUP && !warm) {
        warm = memory();
        warmResources = resources();
        tWarm = Date.now();
      }
      if ((i + 1) % 1000 === 0) console.log(`  … ${i + 1} started, rss ${mb(process.memoryUsage().rss)}`);
    }
  };
  await Promise.all(Array.from({ length: KIOSKS }, (_, k) => kiosk(k)));
  const t1 = Date.now();
  const end = memory();
  const endResources = resources();

  // Records lost: every acknowledged snapshot must be in the database at its version and state.
  let lost = 0;
  for (const [id, s] of acked) {
    const stored = core.internals.checkin.store.getSession(id);
    if (!stored || stored.version < s.version || (stored.version === s.version && stored.state !== s.state)) lost += 1;
  }
  const dbCompleted = core.internals.checkin.store
    .listSessions(core.internals.clock.today())
    .filter((s) => s.state === 'completed').length;
  const unmatched = core.internals.cardReads.store.unmatchedReads({ all: true }).length;
  await core.close();
  const closedResources = resources();
  fs.rmSync(root, { recursive: true, force: true });

  const w = warm ?? end;
  console.log(`
  check-ins completed                    ${completed} of ${TOTAL} (database: ${dbCompleted} completed)
  failures                               ${failures.length}
  acknowledged sessions                  ${acked.size}, records lost ${lost}
  unmatched card reads                   ${unmatched}
  throughput after warm-up               ${((TOTAL - WARMUP) / ((t1 - tWarm) / 1000)).toFixed(1)} check-ins/s (total ${((t1 - t0) / 1000).toFixed(1)} s)
  RSS       after ${WARMUP} (warm-up)        ${mb(w.rss)}   at end ${mb(end.rss)}   growth ${pct(w.rss, end.rss)}
  heap used after warm-up                ${mb(w.heap)}   at end ${mb(end.heap)}   growth ${pct(w.heap, end.heap)}
  active resources after warm-up         ${warmResources}
  active resources at end                ${endResources}
  active resources after core.close()    ${closedResources || '(none)'}`);
  for (const f of failures.slice(0, 10)) console.log(`  FAILED ${f}`);
  if (lost || failures.length || completed !== TOTAL) process.exitCode = 1;
}

void main();
