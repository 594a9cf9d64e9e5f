/**
 * Exact-once across kiosk crashes: 50 check-ins queued while ORCA is down; ORCA comes back; the kiosk
 * process replaying them is SIGKILLed twice while a registration is on the wire (ORCA has acted, the answer
 * has not arrived), and restarted on the same database. ORCA here does NOT reject duplicates
 * (duplicateCheck off), so only the kiosk's inquiry-before-resend keeps each check-in to one 受付.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { startOrcaSimulator, type OrcaSimulator } from '../../electron/integrations/orca/simulator';
import { simBulkPatients } from '../../electron/integrations/orca/simulator-data';
import { linkHarness, openDb, waitFor } from '../helpers/receipt-link';

const here = path.dirname(fileURLToPath(import.meta.url));
const children: ChildProcess[] = [];
let sim: OrcaSimulator | undefined;

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sim?.stop();
});

function startKiosk(dir: string, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'children', 'receipt-link-worker.ts')], {
    env: { ...process.env, KIOSK_DATA_DIR: dir, KIOSK_ORCA_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`kiosk child exited early (${code})`)));
    child.stdout?.once('data', () => resolve(child));
  });
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGKILL');
  await exited;
}

it('50 check-ins across an outage and two kills mid-replay → 50 registrations, 0 twice, 0 lost', async () => {
  const patients = simBulkPatients(50);
  const s = await startOrcaSimulator({ patients, duplicateCheck: false });
  sim = s;
  await s.setDown(true);

  // Check-ins complete at the kiosk while ORCA is down: they wait in the queue.
  const setup = linkHarness(s.url);
  patients.forEach((p, i) => {
    setup.link.enqueueRegistration({
      checkinId: `k${i}`,
      completedAt: new Date(Date.parse('2026-11-25T00:30:00.000Z') + i * 1000).toISOString(),
      identity: { patientNumber: p.patientId, birthDate: p.birthDate },
    });
  });
  setup.db.close();
  await s.setDown(false);

  const sendingNow = () => {
    const db = openDb(path.join(setup.dir, 'kiosk.sqlite3'));
    const row = db.prepare("SELECT COUNT(*) AS n FROM receipt_link_jobs WHERE state = 'sending'").get();
    db.close();
    return row;
  };
  /** Let `before` registrations through, then slow ORCA's answers and kill the kiosk as soon as ORCA has
   * recorded the next one: its answer (300 ms away) never reaches the kiosk. */
  async function killMidSend(before: number) {
    const kiosk = await startKiosk(setup.dir, s.url);
    await waitFor(() => s.acceptances.length >= before, `${before} registrations`, 60_000);
    s.setSlow(300);
    await waitFor(() => s.acceptances.length >= before + 1, 'one more registration', 60_000);
    await kill(kiosk);
    s.setSlow(0);
    expect(sendingNow()).toEqual({ n: 1 });
  }
  await killMidSend(10);
  await killMidSend(30);

  const kiosk = await startKiosk(setup.dir, s.url);
  const db = openDb(path.join(setup.dir, 'kiosk.sqlite3'));
  const registeredCount = () => {
    const row = db.prepare("SELECT COUNT(*) AS n FROM receipt_link_jobs WHERE state = 'registered'").get();
    return typeof row === 'object' && row !== null && 'n' in row ? row.n : 0;
  };
  await waitFor(() => registeredCount() === 50, 'all 50 registered', 60_000);
  await kill(kiosk);
  db.close();

  expect(s.acceptances).toHaveLength(50);
  expect(s.acceptances.map((a) => a.patientId)).toEqual(patients.map((p) => p.patientId));
  expect(new Set(s.acceptances.map((a) => a.acceptanceId)).size).toBe(50);
  // The two registrations whose answers died with the kiosk were confirmed by asking ORCA.
  expect(s.log.filter((l) => l.path === '/api01rv2/acceptlstv2').length).toBeGreaterThanOrEqual(2);
}, 120_000);
