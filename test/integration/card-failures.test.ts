/**
 * Card failures and two kiosks sharing one card reader, through the real core, the real terminal folder
 * transport and the terminal simulator (real folders, real SQLite) — driven as the kiosk and staff windows
 * drive it (requests and subscriptions).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { UnmatchedRead } from '../../shared/api/index';
import type { CheckInSession } from '../../shared/flow/session';
import type { Settings } from '../../shared/settings';
import type { Core } from '../../electron/core/index';
import { STAFF, makeCore } from '../helpers/core';

const FAST: Partial<Settings> = {
  readerPollMs: 10,
  readerIdlePollMs: 20,
  readerStabilityMs: 10,
  readerQueryTimeoutMs: 700,
  readerCardWaitSeconds: 30,
  readerCardHeartbeatMs: 100,
  readerWatchHint: false,
  monitorProbeMs: 60,
  simulatorAnswerMs: 20,
  simulatorSlowAnswerMs: 300,
};

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function boot() {
  const { core } = await makeCore({ settings: FAST });
  cores.push(core);
  return core;
}
function value<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const kiosk = (id: string) => ({ role: 'kiosk', kioskId: id }) as const;
async function waitForCard(core: Core, kioskId: string) {
  const s = value<CheckInSession>(await core.handle(kiosk(kioskId), 'session.start', { kioskId }));
  return value<CheckInSession>(
    await core.handle(kiosk(kioskId), 'session.send', {
      sessionId: s.id,
      event: { type: 'choose-document', document: 'myna-card' },
    }),
  );
}
async function get(core: Core, id: string) {
  return value<CheckInSession>(await core.handle(STAFF, 'session.get', { sessionId: id }));
}
async function until(core: Core, id: string, pred: (s: CheckInSession) => boolean) {
  await expect.poll(async () => pred(await get(core, id)), { timeout: 5000 }).toBe(true);
  return get(core, id);
}

describe('card failures: each ends on its own guidance, with staff alerted', () => {
  it.each([
    ['pin-locked', 'pin-locked'],
    ['certificate-expired', 'certificate-expired'],
    ['not-registered', 'not-registered'],
    ['lost-qualification', 'invalid'],
    ['newer-qualification', 'invalid-newer'],
    ['not-found', 'not-found'],
    ['multiple', 'multiple'],
    ['system-error', 'system-error'],
  ])('persona %s → card-failed with notice card-%s, in the staff attention list', async (persona, kind) => {
    const core = await boot();
    const s = await waitForCard(core, 'kiosk-1');
    value(await core.handle(kiosk('kiosk-1'), 'demo.presentCard', { persona }));
    const failed = await until(core, s.id, (x) => x.state !== 'read-card');
    expect(failed).toMatchObject({
      state: 'card-failed',
      notice: `card-${kind}`,
      staffReasons: [`card-${kind}`],
      verification: { status: 'failed' },
    });
    // Never a dead end: calling staff puts it in front of a receptionist with the reason.
    const called = value<CheckInSession>(
      await core.handle(kiosk('kiosk-1'), 'session.send', { sessionId: s.id, event: { type: 'call-staff' } }),
    );
    expect(called).toMatchObject({ state: 'staff-confirm', staffReasons: [`card-${kind}`, 'patient-asked-for-help'] });
  });
});

describe('two kiosks, one card reader', () => {
  it('a read while two kiosks wait: both are told (and keep waiting), staff get the read to assign', async () => {
    const core = await boot();
    const staffEvents: UnmatchedRead[] = [];
    const off = core.subscribe(STAFF, (name, payload) => {
      if (name === 'reader.unmatched') staffEvents.push(payload as UnmatchedRead);
    });
    const a = await waitForCard(core, 'kiosk-1');
    const b = await waitForCard(core, 'kiosk-2');
    value(await core.handle(kiosk('kiosk-1'), 'demo.presentCard', { persona: 'main-insured' }));
    const toldA = await until(core, a.id, (x) => x.notice === 'card-unmatched');
    const toldB = await until(core, b.id, (x) => x.notice === 'card-unmatched');
    expect([toldA.state, toldB.state]).toEqual(['read-card', 'read-card']);
    expect(staffEvents).toHaveLength(1);
    expect(staffEvents[0]).toMatchObject({ reason: 'ambiguous', candidates: expect.arrayContaining([a.id, b.id]) });
    // Staff attach it to the right kiosk; the other patient can still ask for help.
    const done = value<CheckInSession>(
      await core.handle(STAFF, 'staff.assignRead', {
        readId: staffEvents[0]!.id,
        sessionId: a.id,
        staff: '山田',
        reason: '本人確認済み',
      }),
    );
    expect(done.state).toBe('completed');
    const helped = value<CheckInSession>(
      await core.handle(kiosk('kiosk-2'), 'session.send', { sessionId: b.id, event: { type: 'call-staff' } }),
    );
    expect(helped.state).toBe('staff-confirm');
    off();
  });

  it("a closed kiosk's wait expires after the heartbeat, and a later read at the other kiosk is matched", async () => {
    const core = await boot();
    const closeA = core.subscribe(kiosk('kiosk-1'), () => {});
    const keepB = core.subscribe(kiosk('kiosk-2'), () => {});
    const a = await waitForCard(core, 'kiosk-1');
    const b = await waitForCard(core, 'kiosk-2');
    closeA(); // the tab on kiosk-1 is closed while it waits for a card
    const ended = await until(core, a.id, (x) => x.state !== 'read-card');
    expect(ended).toMatchObject({ state: 'card-failed', notice: 'card-timeout' });
    expect(core.internals.cardReads.waiting()).toEqual([b.id]);
    value(await core.handle(kiosk('kiosk-2'), 'demo.presentCard', { persona: 'dependant' }));
    const done = await until(core, b.id, (x) => x.state === 'completed');
    expect(done.identity).toMatchObject({ name: '試験　花子' });
    expect(value<UnmatchedRead[]>(await core.handle(STAFF, 'staff.unmatchedReads', {}))).toEqual([]);
    keepB();
  });

  it('a kiosk that reconnects within the heartbeat (a reload) keeps its wait', async () => {
    const core = await boot();
    const first = core.subscribe(kiosk('kiosk-1'), () => {});
    const a = await waitForCard(core, 'kiosk-1');
    first();
    const again = core.subscribe(kiosk('kiosk-1'), () => {});
    // Well past the 100 ms heartbeat: the face folder is polled every 10–20 ms while a kiosk waits.
    const face = core.internals.terminal.internals.face;
    const from = face.passes;
    await expect.poll(() => face.passes, { timeout: 5000 }).toBeGreaterThan(from + 30);
    expect(core.internals.cardReads.waiting()).toEqual([a.id]);
    value(await core.handle(kiosk('kiosk-1'), 'demo.presentCard', { persona: 'main-insured' }));
    const done = await until(core, a.id, (x) => x.state === 'completed');
    expect(done.verification.status).toBe('verified');
    again();
  });
});
