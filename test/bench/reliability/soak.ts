/**
 * Soak (`npm run bench:soak`): SOAK_CHECKINS (default 10,000) check-ins through the real core and the
 * embedded terminal simulator (its folder, the onshi-folder adapter, SQLite), SOAK_KIOSKS kiosks at once,
 * four scripted paths (self-pay, call-staff, 資格確認書 numbers answered through the folder, マイナ保険証 card
 * read through a face file). Prints a memory series (after a forced GC) every SOAK_SAMPLE_EVERY completed
 * check-ins (default TOTAL / 20): RSS split into anonymous / file-backed / shared, V8 heap used and
 * committed, external, arrayBuffers, the WAL file's size and the database's page count. Warm-up = the first
 * 20 % of the check-ins; growth = end vs. the post-warm-up sample; and the least-squares slope per 1,000
 * check-ins over the second half, which tells a leak (a slope that stays) from a plateau (about 0). Also:
 * active handles and timers, the embedded simulators' sizes, and records lost (acknowledged vs. in the
 * database). The heap figures include the bench's own map of acknowledged versions (one small entry per
 * session). SOAK_HEAP_SNAPSHOTS=<dir> writes a heap snapshot at every sample (slow; for diagnosis).
 * No assertions on time; exit code 1 only if a record was lost or a check-in did not complete.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { createCore } from '../../../electron/core/index';
import type { CheckInSession } from '../../../shared/flow/session';
import { DESK, driveToEnd, pathFor, startSession, type ScriptPath } from './script';

const TOTAL = Number(process.env.SOAK_CHECKINS ?? 10_000);
const KIOSKS = Number(process.env.SOAK_KIOSKS ?? 8);
/** Warm-up = the first 20 % of the check-ins; growth is measured from there to the end. */
const WARMUP = Math.floor(TOTAL * 0.2);
/** One memory sample every SOAK_SAMPLE_EVERY completed check-ins (default: 20 samples over the run). */
const SAMPLE_EVERY = Math.max(1, Number(process.env.SOAK_SAMPLE_EVERY ?? Math.floor(TOTAL / 20)));
const PATHS: readonly ScriptPath[] = ['A', 'B', 'C', 'D'];

const gc = (globalThis as { gc?: () => void }).gc;
function memory() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
}
/** Linux: how much of the RSS is anonymous memory (malloc, V8) vs. mapped files vs. shared memory (SQLite's -shm). */
function rssParts(): { anon: number; file: number; shmem: number } {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem') };
  } catch {
    return { anon: NaN, file: NaN, shmem: NaN };
  }
}
type Sample = ReturnType<typeof memory> &
  ReturnType<typeof rssParts> & { at: number; walBytes: number; dbPages: number };
/** Least-squares slope of y over x (bytes per check-in). */
function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
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
  let warm: Sample | undefined;
  const samples: Sample[] = [];
  const walFile = path.join(root, 'kiosk.sqlite3-wal');
  const sample = (at: number): Sample => {
    const m = memory();
    let walBytes = 0;
    try {
      walBytes = fs.statSync(walFile).size;
    } catch {
      // no WAL file at this moment
    }
    const dbPages = Number(core.internals.db.pragma('page_count', { simple: true }));
    const s = { ...m, ...rssParts(), at, walBytes, dbPages };
    if (process.env.SOAK_HEAP_SNAPSHOTS)
      v8.writeHeapSnapshot(path.join(process.env.SOAK_HEAP_SNAPSHOTS, `soak-${at}.heapsnapshot`));
    samples.push(s);
    return s;
  };
  sample(0);
  let warmResources = '';
  const t0 = Date.now();
  let tWarm = t0;
  const kiosk = async (k: number) => {
    while (started < TOTAL) {
      const i = started++;
      try {
        const s = await startSession(core, k, ack);
        const end = await driveToEnd(core, s, pathFor(i, PATHS), ack, card);
        if (end.state === 'completed') {
          completed += 1;
          if (completed % SAMPLE_EVERY === 0 && completed < TOTAL) sample(completed);
          if (completed === WARMUP && !warm) {
            warm = samples[samples.length - 1]?.at === WARMUP ? samples[samples.length - 1] : sample(WARMUP);
            warmResources = resources();
            tWarm = Date.now();
          }
        } else failures.push(`${s.id} ended ${end.state}`);
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
      if ((i + 1) % 1000 === 0) console.log(`  … ${i + 1} started, rss ${mb(process.memoryUsage().rss)}`);
    }
  };
  await Promise.all(Array.from({ length: KIOSKS }, (_, k) => kiosk(k)));
  const t1 = Date.now();
  const end = sample(completed);
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
  const orca = core.internals.orcaSimulator;
  const orcaSizes = orca
    ? `acceptances ${orca.acceptances.length}, patients ${orca.patients.size}, request log ${orca.log.length}`
    : '(not running)';
  const jobs = core.internals.db
    .prepare(`SELECT state, count(*) AS n FROM receipt_link_jobs GROUP BY state ORDER BY state`)
    .all() as { state: string; n: number }[];
  await core.close();
  const closedResources = resources();
  fs.rmSync(root, { recursive: true, force: true });

  const w = warm ?? end;
  console.log(
    '\n  completed   rss MB (anon / file / shmem)   heapUsed / heapTotal MB   external MB   arrayBuffers MB   WAL MB   db pages',
  );
  for (const x of samples)
    console.log(
      `  ${String(x.at).padStart(9)}   ${(x.rss / 2 ** 20).toFixed(1).padStart(6)} (${[x.anon, x.file, x.shmem].map((v) => (v / 2 ** 20).toFixed(1)).join(' / ')})   ${`${(x.heap / 2 ** 20).toFixed(1)} / ${(x.heapTotal / 2 ** 20).toFixed(1)}`.padStart(23)}   ${(x.external / 2 ** 20).toFixed(1).padStart(11)}   ${(x.arrayBuffers / 2 ** 20).toFixed(1).padStart(15)}   ${(x.walBytes / 2 ** 20).toFixed(1).padStart(6)}   ${String(x.dbPages).padStart(8)}`,
    );
  // Slope over the second half of the run (per 1,000 check-ins): a leak keeps a positive slope, a plateau ~0.
  const second = samples.filter((x) => x.at >= TOTAL / 2);
  const per1000 = (pick: (x: Sample) => number) =>
    `${((slope(second.map((x) => ({ x: x.at, y: pick(x) }))) * 1000) / 2 ** 20).toFixed(2)} MB`;
  console.log(`
  slope per 1,000 check-ins over the second half (${second.length} samples, least squares):
    rss ${per1000((x) => x.rss)} (anon ${per1000((x) => x.anon)})   heapUsed ${per1000((x) => x.heap)}   heapTotal ${per1000((x) => x.heapTotal)}   external ${per1000((x) => x.external)}   arrayBuffers ${per1000((x) => x.arrayBuffers)}`);
  console.log(`
  check-ins completed                    ${completed} of ${TOTAL} (database: ${dbCompleted} completed)
  failures                               ${failures.length}
  acknowledged sessions                  ${acked.size}, records lost ${lost}
  unmatched card reads                   ${unmatched}
  embedded ORCA simulator                ${orcaSizes}
  receipt-link jobs                      ${jobs.map((j) => `${j.state} ${j.n}`).join(', ') || '(none)'}
  throughput after warm-up               ${((TOTAL - WARMUP) / ((t1 - tWarm) / 1000)).toFixed(1)} check-ins/s (total ${((t1 - t0) / 1000).toFixed(1)} s)
  RSS       after ${WARMUP} (warm-up, 20 %)  ${mb(w.rss)}   at end ${mb(end.rss)}   growth ${pct(w.rss, end.rss)}
  heap used after warm-up                ${mb(w.heap)}   at end ${mb(end.heap)}   growth ${pct(w.heap, end.heap)}
  external  after warm-up                ${mb(w.external)}   at end ${mb(end.external)}   growth ${pct(w.external, end.external)}
  active resources after warm-up         ${warmResources}
  active resources at end                ${endResources}
  active resources after core.close()    ${closedResources || '(none)'}`);
  for (const f of failures.slice(0, 10)) console.log(`  FAILED ${f}`);
  if (lost || failures.length || completed !== TOTAL) process.exitCode = 1;
}

void main();
