import { afterEach, describe, expect, it } from 'vitest';
import type { CheckInSession } from '../../../shared/flow/session';
import type { Core } from '../../../electron/core/index';
import { ADMIN, KIOSK, STAFF, makeCore } from '../../helpers/core';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function boot(dataDir?: string) {
  const made = await makeCore(dataDir ? { dataDir } : {});
  cores.push(made.core);
  return made;
}
function value<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('core: sessions through the API', () => {
  it('runs the thin path: マイナ保険証 -> reader -> 受付番号, and staff see it live', async () => {
    const { core } = await boot();
    const staffSeen: CheckInSession[] = [];
    core.subscribe(STAFF, (event, payload) => event === 'session.updated' && staffSeen.push(payload as CheckInSession));
    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    const waiting = value<CheckInSession>(
      await core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'choose-document', document: 'myna-card' },
      }),
    );
    expect(waiting.state).toBe('read-card');
    const personas = value<{ id: string }[]>(await core.handle(KIOSK, 'demo.personas', {}));
    expect(personas.length).toBeGreaterThan(0);
    value(await core.handle(KIOSK, 'demo.presentCard', { persona: personas[0]!.id }));
    await expect
      .poll(async () => value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: s.id })).state, {
        timeout: 10_000,
      })
      .toBe('completed');
    const done = value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: s.id }));
    expect(done.ticketNumber).toBe(1);
    expect(staffSeen.map((x) => x.state)).toEqual(['choose-document', 'read-card', 'completed']);
    const list = value<CheckInSession[]>(await core.handle(STAFF, 'staff.list', {}));
    expect(list.map((x) => x.id)).toContain(s.id);
  });

  it('a restart in the middle of a session brings it back in the same state, and it can finish', async () => {
    const first = await boot();
    const s = value<CheckInSession>(await first.core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    const before = value<CheckInSession>(
      await first.core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'choose-document', document: 'myna-card' },
      }),
    );
    await cores.pop()!.close();

    const second = await boot(first.dataDir);
    const after = value<CheckInSession>(await second.core.handle(KIOSK, 'session.get', { sessionId: s.id }));
    expect(after).toEqual(before);
    const personas = value<{ id: string }[]>(await second.core.handle(KIOSK, 'demo.personas', {}));
    value(await second.core.handle(KIOSK, 'demo.presentCard', { persona: personas[0]!.id }));
    await expect
      .poll(
        async () => value<CheckInSession>(await second.core.handle(KIOSK, 'session.get', { sessionId: s.id })).state,
        { timeout: 10_000 },
      )
      .toBe('completed');
  });

  it('refuses payloads that fail the schema with a typed error, and never trusts the caller', async () => {
    const { core } = await boot();
    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    expect(
      await core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'choose-document', document: 'passport' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    // A patient's kiosk cannot send what only the reader or staff may say.
    expect(
      await core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'card-read', outcome: { ok: true, validity: 'valid' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(
      await core.handle(KIOSK, 'staff.act', {
        sessionId: s.id,
        event: { type: 'staff-override', staff: 'x', reason: 'y', outcome: 'complete' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-2' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await core.handle({ role: 'kiosk', kioskId: 'kiosk-2' }, 'session.get', { sessionId: s.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await core.handle(KIOSK, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    expect(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(
      await core.handle(STAFF, 'staff.act', {
        sessionId: s.id,
        event: { type: 'staff-approve', staff: '山田', reason: '' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
  });

  it('a stale version from a second window is a conflict, not a lost update', async () => {
    const { core } = await boot();
    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    value(
      await core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        expectedVersion: 0,
        event: { type: 'choose-document', document: 'nothing' },
      }),
    );
    expect(
      await core.handle(KIOSK, 'session.send', { sessionId: s.id, expectedVersion: 0, event: { type: 'back' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('staff override with a reason completes a session and is written to the audit log', async () => {
    const { core } = await boot();
    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    value(await core.handle(KIOSK, 'session.send', { sessionId: s.id, event: { type: 'call-staff' } }));
    const done = value<CheckInSession>(
      await core.handle(STAFF, 'staff.act', {
        sessionId: s.id,
        event: { type: 'staff-override', staff: '山田', reason: '目視で確認済み', outcome: 'complete' },
      }),
    );
    expect(done).toMatchObject({ state: 'completed', ticketNumber: 1 });
    expect(core.internals.audit.list()).toContainEqual(
      expect.objectContaining({
        actor: 'staff:山田',
        action: 'session.override-complete',
        subject: s.id,
        detail: '目視で確認済み',
      }),
    );
  });

  it('starting a new session on a kiosk closes the abandoned one there', async () => {
    const { core } = await boot();
    const a = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    value(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    expect(value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: a.id })).state).toBe('cancelled');
  });

  it('forced offline switches the patient flow away from the reader, and is audited', async () => {
    const { core } = await boot();
    const st = value<{ online: boolean }>(
      await core.handle(ADMIN, 'admin.setOnlineMode', { mode: 'forced-offline', staff: '院長', reason: '回線工事' }),
    );
    expect(st.online).toBe(false);
    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    const next = value<CheckInSession>(
      await core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'choose-document', document: 'myna-card' },
      }),
    );
    expect(next.state).not.toBe('read-card');
    expect(next.online).toBe(false);
    expect(core.internals.audit.list()[0]).toMatchObject({ actor: 'admin:院長', action: 'online-mode' });
    expect(await core.handle(STAFF, 'admin.setOnlineMode', { mode: 'auto', staff: 'x', reason: 'y' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('a full disk during a transition is a typed error; the last saved state stays intact and usable', async () => {
    const { core } = await boot();
    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    const db = core.internals.db;
    // Cap the file at its current size: once the free space in its pages is used up, SQLite fails exactly
    // as on a full disk (SQLITE_FULL).
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let lastSaved = s;
    let failure: unknown;
    for (let i = 0; i < 2000 && !failure; i++) {
      const event =
        lastSaved.state === 'choose-document' ? { type: 'choose-document', document: 'nothing' } : { type: 'back' };
      const r = await core.handle(KIOSK, 'session.send', { sessionId: s.id, event });
      if (r.ok) lastSaved = r.value as CheckInSession;
      else failure = r;
    }
    expect(failure).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('disk is full') },
    });
    expect(value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: s.id }))).toEqual(lastSaved);
    db.pragma('max_page_count = 1073741823'); // space freed: the kiosk carries on from the saved state
    const next = await core.handle(KIOSK, 'session.send', {
      sessionId: s.id,
      event: lastSaved.state === 'choose-document' ? { type: 'cancel' } : { type: 'back' },
    });
    expect(next.ok).toBe(true);
  });
});
