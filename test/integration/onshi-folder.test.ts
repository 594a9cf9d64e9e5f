/**
 * The real onshi-folder adapter against the terminal simulator through real folders in a temp dir, driven
 * through the core's API as the kiosk, staff and admin windows drive it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoPersona, OnlineStatus, ReverificationEntry, UnmatchedRead } from '../../shared/api/index';
import type { CheckInSession } from '../../shared/flow/session';
import type { Core } from '../../electron/core/index';
import type { Settings } from '../../shared/settings';
import { KIOSK, STAFF, ADMIN, makeCore } from '../helpers/core';

/** Short timeouts so the whole file stays fast; the defaults are in electron/core/settings.ts. */
const FAST: Partial<Settings> = {
  readerPollMs: 10,
  readerIdlePollMs: 20,
  readerStabilityMs: 10,
  readerQueryTimeoutMs: 700,
  readerCardWaitSeconds: 30,
  readerWatchHint: false,
  monitorProbeMs: 60,
  monitorFailuresForDown: 2,
  monitorDegradedWindowMs: 60_000,
  reverifyIntervalMs: 150,
  simulatorAnswerMs: 20,
  simulatorSlowAnswerMs: 300,
};

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function boot(dataDir?: string, settings: Partial<Settings> = FAST) {
  const made = await makeCore({ ...(dataDir ? { dataDir } : {}), settings });
  cores.push(made.core);
  return made;
}
async function shut(core: Core) {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}
function value<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const kiosk = (id: string) => ({ role: 'kiosk', kioskId: id }) as const;

async function startAt(core: Core, kioskId = 'kiosk-1') {
  return value<CheckInSession>(await core.handle(kiosk(kioskId), 'session.start', { kioskId }));
}
async function send(core: Core, s: CheckInSession, event: unknown) {
  return value<CheckInSession>(await core.handle(kiosk(s.kioskId), 'session.send', { sessionId: s.id, event }));
}
async function get(core: Core, id: string) {
  return value<CheckInSession>(await core.handle(STAFF, 'session.get', { sessionId: id }));
}
async function until(core: Core, id: string, pred: (s: CheckInSession) => boolean, timeout = 5000) {
  await expect.poll(async () => pred(await get(core, id)), { timeout }).toBe(true);
  return get(core, id);
}
async function personas(core: Core) {
  return value<DemoPersona[]>(await core.handle(KIOSK, 'demo.personas', {}));
}

describe('onshi-folder adapter + terminal simulator (real folders)', () => {
  it('card read: the simulator drops a face file, the adapter delivers it, the session completes with a ticket', async () => {
    const { core, dataDir } = await boot();
    const status = value<{ readerAdapter: string; demoPanel: boolean }>(await core.handle(KIOSK, 'status.get', {}));
    expect(status).toMatchObject({ readerAdapter: 'simulator', demoPanel: true });
    const staffSeen: string[] = [];
    core.subscribe(STAFF, (e, p) => e === 'session.updated' && staffSeen.push((p as CheckInSession).state));
    const s = await startAt(core);
    expect((await send(core, s, { type: 'choose-document', document: 'myna-card' })).state).toBe('read-card');
    value(await core.handle(KIOSK, 'demo.presentCard', { persona: 'main-insured' }));
    const done = await until(core, s.id, (x) => x.state === 'completed');
    expect(done).toMatchObject({
      ticketNumber: 1,
      verification: { status: 'verified', validity: 'valid' },
      identity: {
        source: 'card',
        name: '試験　太郎',
        nameKana: 'ｼｹﾝ ﾀﾛｳ',
        birthDate: '1980-01-15',
        insurerNumber: '01130012',
      },
    });
    expect(staffSeen).toEqual(['choose-document', 'read-card', 'completed']);
    const face = fs.readdirSync(path.join(dataDir, 'onshi-sim', 'face'));
    expect(face).toHaveLength(1); // consumed, recorded, never moved or deleted
  });

  it('number verification (資格確認書): req/ → res/ → completed', async () => {
    const { core, dataDir } = await boot();
    const p = (await personas(core)).find((x) => x.id === 'dependant')!;
    const s = await startAt(core);
    await send(core, s, {
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
    });
    expect((await send(core, s, { type: 'submit-numbers', numbers: p.numbers })).state).toBe('verifying');
    const done = await until(core, s.id, (x) => x.state === 'completed');
    expect(done).toMatchObject({
      ticketNumber: 1,
      verification: { status: 'verified' },
      identity: { source: 'numbers', name: '試験　花子' },
    });
    await expect
      .poll(() => fs.readdirSync(path.join(dataDir, 'onshi-sim', 'req')).filter((n) => !n.startsWith('.')))
      .toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'onshi-sim', 'res'))).toHaveLength(1);
  });

  it('no answer: the query times out, the session goes to staff, the monitor is degraded and says so', async () => {
    const { core } = await boot();
    const statuses: OnlineStatus[] = [];
    core.subscribe(KIOSK, (e, p) => e === 'status.changed' && statuses.push(p as OnlineStatus));
    const p = (await personas(core)).find((x) => x.id === 'no-answer')!;
    const s = await startAt(core);
    await send(core, s, {
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
    });
    await send(core, s, { type: 'submit-numbers', numbers: p.numbers });
    const after = await until(core, s.id, (x) => x.state === 'staff-confirm');
    expect(after).toMatchObject({ staffReasons: ['verification-unavailable'], verification: { status: 'pending' } });
    expect(statuses.at(-1)).toMatchObject({
      state: 'degraded',
      online: true,
      detail: expect.stringContaining('no answer'),
    });
    const queue = value<ReverificationEntry[]>(await core.handle(STAFF, 'staff.reverifications', {}));
    expect(queue[0]).toMatchObject({ sessionId: s.id, status: 'pending' });
  });

  it('slow answer: answered after the delay, within the timeout', async () => {
    const { core } = await boot();
    const p = (await personas(core)).find((x) => x.id === 'slow-answer')!;
    const s = await startAt(core);
    await send(core, s, {
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
    });
    await send(core, s, { type: 'submit-numbers', numbers: p.numbers });
    // The request is out and unanswered (state, not time): the session waits in 'verifying'.
    await expect.poll(() => core.internals.terminal.internals.pendingQueries().length).toBe(1);
    expect((await get(core, s.id)).state).toBe('verifying');
    await until(core, s.id, (x) => x.state === 'completed');
  });

  it('terminal down then up: monitor down → offline check-ins recorded → back up → re-verified, mismatches flagged for staff', async () => {
    const { core, dataDir } = await boot();
    const statuses: string[] = [];
    const reverified: ReverificationEntry[] = [];
    core.subscribe(STAFF, (e, p) => {
      if (e === 'status.changed') statuses.push((p as OnlineStatus).state);
      if (e === 'reverify.updated') reverified.push(p as ReverificationEntry);
    });
    const all = await personas(core);
    const share = path.join(dataDir, 'onshi-sim');
    fs.renameSync(share, `${share}.away`); // the terminal's share disappears
    await expect
      .poll(async () => value<{ online: OnlineStatus }>(await core.handle(KIOSK, 'status.get', {})).online.state)
      .toBe('down');

    // Offline: the patient flow switches to recording the numbers (and to manual entry for the card).
    const good = await startAt(core, 'kiosk-1');
    await send(core, good, {
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
    });
    const recorded = await send(core, good, {
      type: 'submit-numbers',
      numbers: all.find((x) => x.id === 'main-insured')!.numbers,
    });
    expect(recorded).toMatchObject({ state: 'completed', verification: { status: 'pending' } });
    const bad = await startAt(core, 'kiosk-2');
    await send(core, bad, {
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
    });
    await send(core, bad, { type: 'submit-numbers', numbers: all.find((x) => x.id === 'lost-qualification')!.numbers });
    const card = await startAt(core, 'kiosk-3');
    expect((await send(core, card, { type: 'choose-document', document: 'myna-card' })).state).not.toBe('read-card');

    fs.renameSync(`${share}.away`, share); // back
    const ok = await until(core, good.id, (x) => x.verification.status === 'verified');
    expect(ok.state).toBe('completed');
    const flagged = await until(core, bad.id, (x) => x.verification.status === 'failed');
    expect(flagged).toMatchObject({
      state: 'completed',
      staffReasons: ['reverify-mismatch'],
      verification: { validity: 'invalid' },
    });
    expect(statuses).toContain('down');
    expect(statuses.at(-1)).toBe('up');
    const queue = value<ReverificationEntry[]>(await core.handle(STAFF, 'staff.reverifications', {}));
    expect(Object.fromEntries(queue.map((q) => [q.sessionId, q.status]))).toMatchObject({
      [good.id]: 'done',
      [bad.id]: 'failed',
    });
    expect(reverified.map((r) => r.status)).toEqual(expect.arrayContaining(['done', 'failed']));
  });

  it('forced offline and back: an offline self-declaration without numbers is left for staff', async () => {
    const { core } = await boot();
    value(await core.handle(ADMIN, 'admin.setOnlineMode', { mode: 'forced-offline', staff: '院長', reason: '訓練' }));
    const s = await startAt(core);
    const decl = await send(core, s, { type: 'choose-document', document: 'myna-card' });
    expect(decl.state).toBe('self-declaration');
    await send(core, s, {
      type: 'submit-declaration',
      declaration: { nameKana: 'シケン タロウ', birthDate: '1980-01-15' },
    });
    value(await core.handle(ADMIN, 'admin.setOnlineMode', { mode: 'auto', staff: '院長', reason: '訓練終了' }));
    await expect
      .poll(
        async () =>
          value<ReverificationEntry[]>(await core.handle(STAFF, 'staff.reverifications', {})).find(
            (q) => q.sessionId === s.id,
          )?.status,
      )
      .toBe('needs-staff');
    expect((await get(core, s.id)).verification.status).toBe('pending');
  });

  it('restart mid-wait: waits survive, consumed files are not re-applied, the card read after the restart completes', async () => {
    const first = await boot();
    const a = await startAt(first.core, 'kiosk-a');
    const b = await startAt(first.core, 'kiosk-b');
    await send(first.core, a, { type: 'choose-document', document: 'myna-card' });
    await send(first.core, b, { type: 'choose-document', document: 'myna-card' });
    // Two kiosks wait: a card read cannot be attributed by the adapter alone.
    value(await first.core.handle(KIOSK, 'demo.presentCard', { persona: 'main-insured' }));
    let reads: UnmatchedRead[] = [];
    await expect
      .poll(
        async () => (reads = value<UnmatchedRead[]>(await first.core.handle(STAFF, 'staff.unmatchedReads', {}))).length,
      )
      .toBe(1);
    expect(reads[0]).toMatchObject({ reason: 'ambiguous', candidates: expect.arrayContaining([a.id, b.id]) });
    const assigned = value<CheckInSession>(
      await first.core.handle(STAFF, 'staff.assignRead', {
        readId: reads[0]!.id,
        sessionId: a.id,
        staff: '山田',
        reason: '本人確認済み',
      }),
    );
    expect(assigned.state).toBe('completed');
    expect(first.core.internals.audit.list()[0]).toMatchObject({ action: 'reader.assign-read', subject: a.id });
    await shut(first.core);

    const second = await boot(first.dataDir);
    // Several polls of face/: the consumed face file is still there, and must stay consumed.
    const passes = second.core.internals.terminal.internals.face.passes;
    await expect.poll(() => second.core.internals.terminal.internals.face.passes).toBeGreaterThan(passes + 3);
    expect((await get(second.core, b.id)).state).toBe('read-card');
    expect(value<UnmatchedRead[]>(await second.core.handle(STAFF, 'staff.unmatchedReads', {}))).toEqual([]);
    value(await second.core.handle(KIOSK, 'demo.presentCard', { persona: 'dependant' }));
    const done = await until(second.core, b.id, (x) => x.state === 'completed');
    expect(done).toMatchObject({ ticketNumber: 2, identity: { name: '試験　花子' } });
  });

  it('restart mid-verification: the answer to the request sent before the restart completes the session once', async () => {
    const first = await boot(undefined, { ...FAST, simulatorSlowAnswerMs: 600, readerQueryTimeoutMs: 3000 });
    const p = (await personas(first.core)).find((x) => x.id === 'slow-answer')!;
    const s = await startAt(first.core);
    await send(first.core, s, {
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
    });
    await send(first.core, s, { type: 'submit-numbers', numbers: p.numbers });
    await expect.poll(() => first.core.internals.simulator!.answered().size).toBe(1);
    await shut(first.core);

    const second = await boot(first.dataDir, { ...FAST, simulatorSlowAnswerMs: 600, readerQueryTimeoutMs: 3000 });
    const done = await until(second.core, s.id, (x) => x.state === 'completed');
    expect(done.verification.status).toBe('verified');
    const events = second.core.internals.checkin.store.transitions(s.id).map((t) => t.eventType);
    expect(events.filter((e) => e === 'verification-result')).toHaveLength(1);
    expect(second.core.internals.db.prepare(`SELECT COUNT(*) AS n FROM number_queries`).get()).toEqual({ n: 1 });
  });

  it('every simulator persona can be checked in, by card and by numbers, with staff where the flow asks for them', async () => {
    const { core } = await boot(undefined, {
      ...FAST,
      readerCardWaitSeconds: 1,
      readerQueryTimeoutMs: 500,
      monitorFailuresForDown: 20,
    });
    const list = await personas(core);
    expect(list).toHaveLength(17);
    let ticket = 0;
    const finish = async (s: CheckInSession) => {
      let x = await until(core, s.id, (y) => ['completed', 'staff-confirm', 'card-failed'].includes(y.state), 5000);
      if (x.state === 'card-failed') x = await send(core, x, { type: 'call-staff' });
      if (x.state === 'staff-confirm') {
        x = value<CheckInSession>(
          await core.handle(STAFF, 'staff.act', {
            sessionId: s.id,
            event: { type: 'staff-approve', staff: '山田', reason: '窓口で確認' },
          }),
        );
      }
      expect(x.state).toBe('completed');
      expect(x.ticketNumber).toBe(++ticket);
      return x;
    };
    const seen: Record<string, string> = {};
    for (const p of list) {
      const byCard = await startAt(core);
      await send(core, byCard, { type: 'choose-document', document: 'myna-card' });
      value(await core.handle(KIOSK, 'demo.presentCard', { persona: p.id }));
      const c = await finish(byCard);
      const byNumbers = await startAt(core);
      await send(core, byNumbers, {
        type: 'choose-document',
        document: 'eligibility-certificate',
        printedValidUntil: '2027-07-31',
      });
      await send(core, byNumbers, { type: 'submit-numbers', numbers: p.numbers });
      const n = await finish(byNumbers);
      seen[p.id] = `${c.verification.status}/${n.verification.status}`;
    }
    expect(seen).toMatchObject({
      'main-insured': 'verified/verified',
      'kokuho-sjis': 'verified/verified',
      'lost-qualification': 'failed/failed',
      'not-found': 'failed/failed',
      'system-error': 'failed/failed',
      'no-answer': 'not-needed/pending',
    });
  });
});
