/**
 * The receipt-link queue against the ORCA simulator over real HTTP: a check-in becomes a 受付 in ORCA with
 * the right fields; 診察券 and name paths; ambiguous / unknown / mismatching patients go to staff; cancel;
 * ORCA down then up with 50 check-ins in between → 50 registrations, none twice, none lost, in order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startOrcaSimulator, type OrcaSimulator } from '../../electron/integrations/orca/simulator';
import { simBulkPatients, simPatients } from '../../electron/integrations/orca/simulator-data';
import { linkHarness, waitFor } from '../helpers/receipt-link';

let sim: OrcaSimulator | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await sim?.stop();
  sim = undefined;
});

async function setup(...args: Parameters<typeof linkHarness> extends [string, ...infer R] ? R : never) {
  sim = await startOrcaSimulator({ patients: [...simPatients(), ...simBulkPatients(50)] });
  const h = linkHarness(sim.url, ...args);
  cleanups.push(async () => {
    await h.link.stop();
    h.db.close();
  });
  return { sim, ...h };
}

// 2026-11-25 09:12:30 in Japan.
const completedAt = '2026-11-25T00:12:30.000Z';

describe('receipt link → ORCA (simulator over HTTP)', () => {
  it('card read (kana + birth date) → patient found → 受付 registered with the right fields', async () => {
    const { sim, link, db } = await setup();
    link.start();
    // Half-width kana, as some card readers give it, still matches ORCA's full-width name exactly.
    link.enqueueRegistration({
      checkinId: 'c1',
      completedAt,
      identity: { kanaName: 'ﾔﾏﾀﾞ ﾀﾛｳ', birthDate: '1980-07-07', sex: '1' },
    });
    await waitFor(() => link.status('c1')?.state === 'registered', 'registration');
    expect(sim.acceptances).toEqual([
      {
        acceptanceId: '00001',
        date: '2026-11-25',
        time: '09:12:30',
        patientId: '00001',
        departmentCode: '01',
        physicianCode: '10001',
        insuranceCombinationNumber: '0001',
        cancelled: false,
      },
    ]);
    expect(link.status('c1')).toMatchObject({
      state: 'registered',
      acceptanceId: '00001',
      patientId: '00001',
      warnings: [],
    });
    // Once settled, the queue keeps no name or birth date.
    expect(db.prepare("SELECT identity FROM receipt_link_jobs WHERE checkin_id = 'c1'").get()).toEqual({
      identity: null,
    });
  });

  it('診察券 number → patientgetv2 → registered; ORCA’s K-code warning is kept for staff', async () => {
    const { sim, link } = await setup();
    link.start();
    link.enqueueRegistration({ checkinId: 'c2', completedAt, identity: { patientNumber: '5' } });
    await waitFor(() => link.status('c2')?.state === 'registered', 'registration');
    expect(sim.acceptances[0]).toMatchObject({ patientId: '00005', insuranceCombinationNumber: '0001' });
    expect(link.status('c2')?.warnings).toEqual([
      'K3: 受付登録終了',
      '保険組合せが複数あります。保険組合せを自動設定しました',
    ]);
  });

  it('ambiguous name → staff with the candidates; staff pick one and retry (audited)', async () => {
    const { sim, link, audits } = await setup();
    link.start();
    link.enqueueRegistration({
      checkinId: 'c3',
      completedAt,
      identity: { kanaName: 'スズキ マコト', birthDate: '1975-11-02' },
    });
    await waitFor(() => link.status('c3')?.state === 'needs-staff', 'needs staff');
    const s = link.status('c3');
    expect(s?.reason).toBe('ambiguous-patient');
    expect(s?.candidates.map((c) => c.patientId)).toEqual(['00003', '00004']);
    expect(sim.acceptances).toEqual([]);
    expect(link.retry('c3', 'staff:suzuki', { patientId: 'x' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(link.retry('c3', 'staff:suzuki', { patientId: '00004' }).ok).toBe(true);
    await waitFor(() => link.status('c3')?.state === 'registered', 'registration after retry');
    expect(sim.acceptances.map((a) => a.patientId)).toEqual(['00004']);
    expect(audits).toEqual([
      { actor: 'staff:suzuki', action: 'receipt-link.retry', subject: 'c3', detail: 'patient 00004' },
    ]);
  });

  it('a 診察券 whose birth date is not the patient’s → staff, never a guess', async () => {
    const { sim, link } = await setup();
    link.start();
    link.enqueueRegistration({
      checkinId: 'c4',
      completedAt,
      identity: { patientNumber: '00001', birthDate: '1999-01-01' },
    });
    await waitFor(() => link.status('c4')?.state === 'needs-staff', 'needs staff');
    expect(link.status('c4')).toMatchObject({ reason: 'patient-mismatch', candidates: [{ patientId: '00001' }] });
    expect(sim.acceptances).toEqual([]);
  });

  it('unknown patient (初診) → staff; with new-patient 受付 enabled → registered as a new patient', async () => {
    const { sim, link, settings, audits } = await setup();
    link.start();
    link.enqueueRegistration({
      checkinId: 'c5',
      completedAt,
      identity: { kanaName: 'ハジメテ キタ', birthDate: '2001-02-03', sex: '2' },
    });
    await waitFor(() => link.status('c5')?.state === 'needs-staff', 'needs staff');
    expect(link.status('c5')?.reason).toBe('unknown-patient');
    expect(link.markDoneByHand('c5', 'staff:tanaka', { reason: 'registered at the desk' }).ok).toBe(true);
    expect(link.status('c5')?.state).toBe('by-hand');
    expect(audits.at(-1)).toMatchObject({ action: 'receipt-link.registered-by-hand', subject: 'c5' });

    settings.newPatient = true;
    link.enqueueRegistration({
      checkinId: 'c6',
      completedAt: '2026-11-25T00:20:00.000Z',
      identity: { kanaName: 'ハジメテ キタ', birthDate: '2001-02-03', sex: '2' },
    });
    await waitFor(() => link.status('c6')?.state === 'registered', 'new-patient registration');
    expect(sim.acceptances).toHaveLength(1);
    const newId = sim.acceptances[0]?.patientId ?? '';
    expect(sim.patients.get(newId)).toMatchObject({ kanaName: 'ハジメテ キタ', birthDate: '2001-02-03', sex: '2' });
    expect(link.status('c6')?.patientId).toBe(newId);
  });

  it('staff cancel: a registered 受付 is cancelled in ORCA (02); one never sent is just dropped', async () => {
    const { sim, link } = await setup();
    link.start();
    link.enqueueRegistration({ checkinId: 'c7', completedAt, identity: { patientNumber: '2' } });
    await waitFor(() => link.status('c7')?.state === 'registered', 'registration');
    link.enqueueCancel('c7');
    await waitFor(() => link.status('c7')?.state === 'cancelled', 'cancel');
    expect(sim.acceptances[0]?.cancelled).toBe(true);
    expect(sim.log.filter((l) => l.requestNumber === '02')).toHaveLength(1);

    await sim.setDown(true);
    link.enqueueRegistration({ checkinId: 'c8', completedAt, identity: { patientNumber: '3' } });
    await waitFor(() => (link.status('c8')?.attempts ?? 0) >= 1, 'a failed attempt');
    link.enqueueCancel('c8');
    expect(link.status('c8')?.state).toBe('cancelled');
    await sim.setDown(false);
    link.enqueueRegistration({ checkinId: 'c9', completedAt, identity: { patientNumber: '1' } });
    await waitFor(() => link.status('c9')?.state === 'registered', 'next registration');
    expect(sim.acceptances.map((a) => a.patientId)).toEqual(['00002', '00001']);
  });

  it('retention purges settled link rows, never unsent ones', async () => {
    const { sim, link } = await setup();
    link.start();
    link.enqueueRegistration({ checkinId: 'p1', completedAt, identity: { patientNumber: '1' } });
    await waitFor(() => link.status('p1')?.state === 'registered', 'registration');
    await sim.setDown(true);
    link.enqueueRegistration({ checkinId: 'p2', completedAt, identity: { patientNumber: '2' } });
    await waitFor(() => (link.status('p2')?.attempts ?? 0) >= 1, 'a failed attempt');
    expect(link.purgeBefore('2026-11-26')).toBe(1);
    expect(link.status('p1')).toBeUndefined();
    expect(link.status('p2')?.state).toBe('waiting');
  });

  it('queued before the admin chose the default 診療科 / 医師: waits (alert says why), then uses the defaults', async () => {
    const { sim, link, settings } = await setup({
      settings: { departmentCode: '', physicianCode: '' },
      deps: { stuckAfter: { attempts: 2, ms: 60_000 } },
    });
    link.start();
    link.enqueueRegistration({ checkinId: 'd1', completedAt, identity: { patientNumber: '1' } });
    await waitFor(() => link.alert().stuck, 'stuck alert');
    expect(link.alert()).toMatchObject({ reason: 'orca-not-configured', pending: 1 });
    settings.departmentCode = '03';
    settings.physicianCode = '10002';
    link.kick();
    await waitFor(() => link.status('d1')?.state === 'registered', 'registration');
    expect(sim.acceptances[0]).toMatchObject({ departmentCode: '03', physicianCode: '10002' });
  });

  it('ORCA down, 50 check-ins, ORCA back (busy, lost answers) → 50 registrations in order, 0 twice, 0 lost', async () => {
    sim = await startOrcaSimulator({ patients: simBulkPatients(50), duplicateCheck: false });
    const h = linkHarness(sim.url, { deps: { stuckAfter: { attempts: 3, ms: 60_000 } } });
    cleanups.push(async () => {
      await h.link.stop();
      h.db.close();
    });
    const { link } = h;
    await sim.setDown(true);
    link.start();
    const ids = simBulkPatients(50).map((p) => p.patientId);
    ids.forEach((patientId, i) => {
      link.enqueueRegistration({
        checkinId: `k${i}`,
        completedAt: new Date(Date.parse(completedAt) + i * 1000).toISOString(),
        identity: { patientNumber: patientId },
      });
    });
    await waitFor(() => link.alert().stuck, 'the stuck-queue alert');
    expect(link.alert()).toMatchObject({ stuck: true, pending: 50, reason: 'orca-unreachable' });
    expect(link.list().every((s) => s.state === 'waiting')).toBe(true);

    const s = sim;
    s.busyNext(3);
    s.dropAfterProcessing(5);
    await s.setDown(false);
    link.kick();
    await waitFor(() => ids.every((_, i) => link.status(`k${i}`)?.state === 'registered'), '50 registrations', 30_000);
    const registered = s.acceptances.filter((a) => !a.cancelled);
    expect(registered).toHaveLength(50);
    expect(new Set(registered.map((a) => a.patientId)).size).toBe(50);
    expect(registered.map((a) => a.patientId)).toEqual(ids);
    expect(link.alert()).toEqual({ stuck: false, pending: 0 });
    // The lost answers were confirmed by asking ORCA, not by sending again.
    expect(s.log.filter((l) => l.path === '/api01rv2/acceptlstv2').length).toBeGreaterThanOrEqual(5);
    expect(s.log.filter((l) => l.requestNumber === '01').length).toBe(50 + 3);
  });
});
