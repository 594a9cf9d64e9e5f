import { afterEach, describe, expect, it } from 'vitest';
import type { CheckInSession, PrintedNumbers } from '../../../../shared/flow/session';
import type { Core } from '../../../../electron/core/index';
import type { NumberQueryOutcome, TerminalHealth, TerminalTransport } from '../../../../electron/terminal/transport';
import { numbersToVerify } from '../../../../electron/core/reverify/service';
import { ADMIN, KIOSK, makeCore } from '../../../helpers/core';

const numbers: PrintedNumbers = {
  insurerNumber: '01130012',
  symbol: '12345678',
  number: '1234',
  branch: '00',
  birthDate: '1980-01-15',
};

/**
 * A terminal whose number answers the test scripts. Like the real transport, it reports the health of
 * every answer (an unavailable answer is a failure, an answer a success).
 */
function fakeReader() {
  const calls: string[] = [];
  let next: (sessionId: string) => NumberQueryOutcome = () => ({
    kind: 'answer',
    outcome: { ok: true, validity: 'valid' },
  });
  const health = new Set<(h: TerminalHealth) => void>();
  const reader: TerminalTransport = {
    kind: 'onshi-folder',
    dir: '/nowhere',
    start: () => {},
    setCardReadConsumer: () => {},
    kickCards: () => {},
    async query(owner) {
      calls.push(owner);
      const o = next(owner);
      for (const l of health) l(o.kind === 'unavailable' ? { ok: false, detail: o.detail } : { ok: true });
      return o;
    },
    onHealth(l) {
      health.add(l);
      return () => health.delete(l);
    },
    probe: async () => ({ ok: true }),
    async close() {},
    get internals(): TerminalTransport['internals'] {
      throw new Error('not a folder transport');
    },
  };
  return { reader, calls, answer: (f: typeof next) => (next = f) };
}

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function boot(reader: TerminalTransport, dataDir?: string) {
  const made = await makeCore({
    terminal: reader,
    ...(dataDir ? { dataDir } : {}),
    settings: { reverifyIntervalMs: 0, monitorProbeMs: 600_000, onlineMode: 'forced-offline' },
  });
  cores.push(made.core);
  return made;
}
const ok = <T>(r: { ok: boolean; value?: unknown }) => r.value as T;
async function offlineCheckIn(core: Core, kioskId = 'kiosk-1', n: PrintedNumbers = numbers) {
  const s = ok<CheckInSession>(await core.handle({ role: 'kiosk', kioskId }, 'session.start', { kioskId }));
  await core.handle({ role: 'kiosk', kioskId }, 'session.send', {
    sessionId: s.id,
    event: { type: 'choose-document', document: 'eligibility-certificate', printedValidUntil: '2027-07-31' },
  });
  const done = ok<CheckInSession>(
    await core.handle({ role: 'kiosk', kioskId }, 'session.send', {
      sessionId: s.id,
      event: { type: 'submit-numbers', numbers: n },
    }),
  );
  expect(done).toMatchObject({ state: 'completed', verification: { status: 'pending' } });
  return done;
}
const online = (core: Core) =>
  core.handle(ADMIN, 'admin.setOnlineMode', { mode: 'auto', staff: '院長', reason: '復旧' });

describe('re-verification service', () => {
  it('runs when the monitor comes back and applies the answers', async () => {
    const f = fakeReader();
    const { core } = await boot(f.reader);
    const s = await offlineCheckIn(core);
    expect(await core.internals.reverify.runOnce()).toEqual({ processed: 0, stoppedEarly: true }); // still offline
    expect((await online(core)).ok).toBe(true);
    await expect.poll(() => core.internals.checkin.sessions.get(s.id)!.verification.status).toBe('verified');
    expect(core.internals.reverify.store.get(s.id)).toMatchObject({
      status: 'done',
      attempts: 1,
      result: 'valid',
    });
    expect(f.calls).toEqual([s.id]);
    // Nothing is asked twice.
    await core.internals.reverify.runOnce();
    expect(f.calls).toEqual([s.id]);
  });

  it('a timeout leaves the entry pending, counts a monitor failure and stops the run', async () => {
    const f = fakeReader();
    const { core } = await boot(f.reader);
    const a = await offlineCheckIn(core, 'kiosk-1');
    const b = await offlineCheckIn(core, 'kiosk-2');
    f.answer(() => ({ kind: 'unavailable', detail: 'no answer within 15 s' }));
    core.internals.monitor.setMode('auto');
    const r = await core.internals.reverify.runOnce();
    expect(r).toEqual({ processed: 0, stoppedEarly: true });
    expect(f.calls).toEqual([a.id]);
    expect(core.internals.reverify.store.get(a.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      result: expect.stringContaining('unavailable'),
    });
    expect(core.internals.reverify.store.get(b.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(core.internals.monitor.status().state).toBe('degraded');
  });

  it('nothing is dropped across a restart: pending entries are verified by the next start', async () => {
    const f = fakeReader();
    const first = await boot(f.reader);
    const s = await offlineCheckIn(first.core);
    await cores.pop()!.close();
    const second = await makeCore({
      terminal: f.reader,
      dataDir: first.dataDir,
      settings: { reverifyIntervalMs: 0, monitorProbeMs: 600_000, onlineMode: 'auto' },
    });
    cores.push(second.core);
    await expect.poll(() => second.core.internals.reverify.store.get(s.id)?.status).toBe('done');
  });

  it('mismatch: the session stays completed and staff see it; cancelled sessions are skipped', async () => {
    const f = fakeReader();
    const { core } = await boot(f.reader);
    const bad = await offlineCheckIn(core, 'kiosk-1');
    const gone = await offlineCheckIn(core, 'kiosk-2');
    core.internals.db
      .prepare(
        `UPDATE sessions SET state = 'cancelled', snapshot = json_set(snapshot, '$.state', 'cancelled') WHERE id = ?`,
      )
      .run(gone.id);
    f.answer(() => ({ kind: 'answer', outcome: { ok: true, validity: 'not-found' } }));
    const pushed: CheckInSession[] = [];
    core.subscribe(
      { role: 'staff', kioskId: 'desk' },
      (e, p) => e === 'session.updated' && pushed.push(p as CheckInSession),
    );
    core.internals.monitor.setMode('auto');
    await core.internals.reverify.runOnce();
    expect(core.internals.checkin.sessions.get(bad.id)).toMatchObject({
      state: 'completed',
      staffReasons: ['reverify-mismatch'],
      verification: { status: 'failed', validity: 'not-found' },
    });
    expect(pushed.map((p) => p.id)).toContain(bad.id);
    expect(core.internals.reverify.store.get(bad.id)).toMatchObject({ status: 'failed', result: 'not-found' });
    expect(core.internals.reverify.store.get(gone.id)).toMatchObject({ status: 'skipped' });
    expect(core.internals.audit.list()[0]).toMatchObject({
      actor: 'reverify',
      action: 'session.reverify-mismatch',
    });
  });

  it('uses declared numbers when complete, and leaves a bare declaration for staff', () => {
    const base = {
      id: 's',
      version: 1,
      kioskId: 'k',
      state: 'staff-confirm',
      startedAt: '',
      updatedAt: '',
      today: '',
      verification: { status: 'pending' },
      staffReasons: [],
      staffActions: [],
    } as CheckInSession;
    expect(numbersToVerify({ ...base, numbers })).toEqual(numbers);
    expect(
      numbersToVerify({
        ...base,
        declaration: { nameKana: 'ｼｹﾝ', birthDate: '1980-01-15', insurerNumber: '01130012', number: '1234' },
      }),
    ).toEqual({ insurerNumber: '01130012', number: '1234', birthDate: '1980-01-15' });
    expect(numbersToVerify({ ...base, declaration: { nameKana: 'ｼｹﾝ', birthDate: '1980-01-15' } })).toBeUndefined();
  });

  it('a kiosk cannot send a reverification result itself', async () => {
    const f = fakeReader();
    const { core } = await boot(f.reader);
    const s = await offlineCheckIn(core);
    expect(
      await core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'reverification-result', outcome: { ok: true, validity: 'valid' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
  });
});
