/**
 * `npx tsx test/bench/orca-replay.ts`: how fast the receipt-link queue drains after an ORCA outage, through
 * the real queue (SQLite, WAL, synchronous=FULL), the real client and the ORCA simulator over HTTP on
 * 127.0.0.1. N check-ins are queued while ORCA is down; ORCA comes back; the time until all are registered
 * is measured, with and without lost answers (each lost answer costs an inquiry). No assertions: figures.
 */
import { performance } from 'node:perf_hooks';
import { startOrcaSimulator } from '../../electron/integrations/orca/simulator';
import { simBulkPatients } from '../../electron/integrations/orca/simulator-data';
import { linkHarness, waitFor } from '../helpers/receipt-link';

const N = Number(process.env.BENCH_N ?? 200);

async function run(label: string, lost: number): Promise<void> {
  const patients = simBulkPatients(N);
  const sim = await startOrcaSimulator({ patients, duplicateCheck: false });
  await sim.setDown(true);
  const h = linkHarness(sim.url, { deps: { backoff: { baseMs: 5, maxMs: 20 } } });
  const done = new Map<string, number>();
  const queued = new Map<string, number>();
  patients.forEach((p, i) => {
    queued.set(`b${i}`, performance.now());
    h.link.enqueueRegistration({
      checkinId: `b${i}`,
      completedAt: new Date(Date.parse('2026-11-25T00:00:00Z') + i * 1000).toISOString(),
      identity: { patientNumber: p.patientId },
    });
  });
  h.link.start();
  sim.dropAfterProcessing(lost);
  const t0 = performance.now();
  await sim.setDown(false);
  h.link.kick();
  await waitFor(
    () => {
      for (let i = 0; i < N; i++)
        if (!done.has(`b${i}`) && h.link.status(`b${i}`)?.state === 'registered') done.set(`b${i}`, performance.now());
      return done.size === N;
    },
    'drain',
    120_000,
  );
  const total = performance.now() - t0;
  await h.link.stop();
  h.db.close();
  const dup = sim.acceptances.length - new Set(sim.acceptances.map((a) => a.patientId)).size;
  console.log(
    `${label}: ${N} registrations in ${total.toFixed(0)} ms (${((N / total) * 1000).toFixed(1)}/s, ${(total / N).toFixed(1)} ms each), lost answers ${lost}, inquiries ${sim.log.filter((l) => l.path === '/api01rv2/acceptlstv2').length}, duplicates ${dup}, registered ${sim.acceptances.length}`,
  );
  await sim.stop();
}

await run('clean replay', 0);
await run('replay with lost answers', Math.round(N / 10));
