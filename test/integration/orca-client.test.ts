/**
 * The ORCA client against the ORCA simulator over real HTTP on 127.0.0.1: both wire formats, busy retries,
 * outages, auth, timeouts and the "answer lost after ORCA acted" case.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOrcaClient, type OrcaClientConfig } from '../../electron/integrations/orca/client';
import {
  startOrcaSimulator,
  type OrcaSimulator,
  type OrcaSimulatorOptions,
} from '../../electron/integrations/orca/simulator';

let sim: OrcaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function setup(simOptions: OrcaSimulatorOptions = {}, clientOptions: Partial<OrcaClientConfig> = {}) {
  sim = await startOrcaSimulator(simOptions);
  const client = createOrcaClient({
    baseUrl: sim.url,
    user: 'ormaster',
    password: 'ormaster',
    busyBackoffMs: 1,
    timeoutMs: 2000,
    ...clientOptions,
  });
  return { sim, client };
}

const register = {
  requestNumber: '01' as const,
  patientId: '00001',
  acceptanceDate: '2026-11-25',
  acceptanceTime: '09:12:30',
  departmentCode: '01',
  physicianCode: '10001',
};

describe('ORCA client ↔ simulator', () => {
  it('reads a patient by id, keeping only what the link needs', async () => {
    const { client } = await setup();
    const r = await client.getPatient('00002');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.patient).toEqual({
      patientId: '00002',
      kanaName: 'サトウ　ハナコ',
      birthDate: '1992-03-14',
      sex: '2',
      insuranceCombinations: [
        { number: '0001', providerClass: '060', expiredDate: '9999-12-31' },
        { number: '0002', providerClass: '980', expiredDate: '9999-12-31' },
      ],
    });
    expect(JSON.stringify(r.value)).not.toContain('東京都');
    const missing = await client.getPatient('99999');
    expect(missing.ok && missing.value.header.apiResult).toBe('10');
  });

  it('searches by kana and birth date (two look-alikes come back as two)', async () => {
    const { client } = await setup();
    const r = await client.searchPatients({ kanaName: 'スズキ　マコト', birthDate: '1975-11-02' });
    expect(r.ok && r.value.patients.map((p) => p.patientId)).toEqual(['00003', '00004']);
    const none = await client.searchPatients({ kanaName: 'ダレモイナイ', birthDate: '2000-01-01' });
    expect(none.ok && none.value.patients).toEqual([]);
  });

  it('registers a 受付 without insurance data; ORCA chooses the 保険組合せ and warns (K3) when it had to pick', async () => {
    const { sim, client } = await setup();
    const r = await client.accept({ ...register, patientId: '00005' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.apiResult).toBe('K3');
    expect(r.value.warnings).toEqual(['保険組合せが複数あります。保険組合せを自動設定しました']);
    expect(r.value.acceptanceId).toBe('00001');
    expect(r.value.insuranceCombinationNumber).toBe('0001');
    expect(sim.acceptances[0]).toMatchObject({
      patientId: '00005',
      date: '2026-11-25',
      time: '09:12:30',
      departmentCode: '01',
      physicianCode: '10001',
    });
  });

  it('answers 16 to the same 受付 twice, and cancels with 02', async () => {
    const { sim, client } = await setup();
    const first = await client.accept(register);
    const again = await client.accept(register);
    expect(first.ok && first.value.apiResult).toBe('00');
    expect(again.ok && again.value.apiResult).toBe('16');
    const id = first.ok ? first.value.acceptanceId : undefined;
    const cancel = await client.accept({ ...register, requestNumber: '02', acceptanceId: id });
    expect(cancel.ok && cancel.value.apiResult).toBe('00');
    expect(sim.acceptances[0]?.cancelled).toBe(true);
    const list = await client.listAcceptances({ date: '2026-11-25' });
    expect(list.ok && list.value.entries).toEqual([]);
  });

  it('retries with back-off while ORCA is busy (90), then gives up with a typed error', async () => {
    const sleeps: number[] = [];
    const { sim, client } = await setup(
      {},
      { busyBackoffMs: 10, busyAttempts: 4, sleep: async (ms) => void sleeps.push(ms) },
    );
    sim.busyNext(2);
    const ok = await client.accept(register);
    expect(ok.ok && ok.value.apiResult).toBe('00');
    expect(sleeps).toEqual([10, 20]);
    sim.busyNext(10);
    const busy = await client.accept({ ...register, acceptanceTime: '09:13:00' });
    expect(busy).toEqual({ ok: false, error: expect.objectContaining({ code: 'busy', apiResult: '90' }) });
    expect(sim.acceptances).toHaveLength(1);
  });

  it('falls back to xml2 for an ORCA without JSON and keeps working', async () => {
    const { sim, client } = await setup({ jsonSupported: false });
    const r = await client.accept(register);
    expect(r.ok && r.value.acceptanceId).toBe('00001');
    expect(client.format()).toBe('xml');
    const p = await client.getPatient('00001');
    expect(p.ok && p.value.patient?.kanaName).toBe('ヤマダ　タロウ');
    const deps = await client.departments('2026-11-25');
    expect(deps.ok && deps.value.map((d) => d.code)).toEqual(['01', '03', '04']);
    expect(sim.acceptances).toHaveLength(1);
  });

  it('lists departments and doctors (system01lstv2), skipping the padding records', async () => {
    const { client } = await setup();
    const docs = await client.physicians('2026-11-25');
    expect(docs).toEqual({
      ok: true,
      value: [
        { code: '10001', name: '鈴木　一郎' },
        { code: '10002', name: '高橋　花子' },
      ],
    });
  });

  it('types the failures: wrong password, outage, slow answer, answer lost after ORCA acted', async () => {
    const { sim, client } = await setup({}, { timeoutMs: 300 });
    const wrong = createOrcaClient({ baseUrl: sim.url, user: 'ormaster', password: 'nope' });
    expect(await wrong.getPatient('00001')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'auth', httpStatus: 401 }),
    });

    sim.setSlow(1000);
    expect(await client.getPatient('00001')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'timeout' }),
    });
    const slowAccept = await client.accept(register);
    expect(slowAccept).toEqual({ ok: false, error: expect.objectContaining({ code: 'outcome-unknown' }) });
    sim.setSlow(0);

    sim.dropAfterProcessing(1);
    const lost = await client.accept({ ...register, acceptanceTime: '10:00:00' });
    expect(lost).toEqual({ ok: false, error: expect.objectContaining({ code: 'outcome-unknown' }) });
    expect(sim.acceptances.map((a) => a.time)).toEqual(['09:12:30', '10:00:00']);

    await sim.setDown(true);
    expect(await client.accept(register)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'unreachable' }),
    });
    await sim.setDown(false);
    expect((await client.getPatient('00001')).ok).toBe(true);
  });

  it('refuses a URL that is not http(s)', async () => {
    const c = createOrcaClient({ baseUrl: 'file:///etc/passwd', user: 'u', password: 'p' });
    expect(await c.getPatient('1')).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-configured' }) });
  });
  it('keeps only the newest logLimit requests in its log (the demo simulator runs for days)', async () => {
    const { sim, client } = await setup({ logLimit: 5 });
    for (let i = 0; i < 12; i++) {
      const r = await client.getPatient(`0000${(i % 3) + 1}`);
      expect(r.ok).toBe(true);
    }
    expect((await client.accept(register)).ok).toBe(true);
    expect(sim.log).toHaveLength(5);
    // the newest request is last, the oldest ones were dropped
    expect(sim.log.at(-1)).toEqual({ path: '/orca11/acceptmodv2', requestNumber: '01' });
    expect(sim.log.slice(0, 4).every((l) => l.path === '/api01rv2/patientgetv2')).toBe(true);
    expect(sim.acceptances).toHaveLength(1);
  });
});
