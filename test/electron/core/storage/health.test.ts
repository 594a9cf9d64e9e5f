import { describe, expect, it } from 'vitest';
import type { CheckInSession } from '../../../../shared/flow/session';
import type { KioskStatus } from '../../../../shared/api/index';
import { mountSmallDisk } from '../../../helpers/faults';
import { tempDir } from '../../../helpers/temp';
import { KIOSK, storageCore } from './kit';

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

describe('storage faults become a state (the real core)', () => {
  it('disk full mid-day (real tmpfs, else max_page_count): status says failing, staff alerted, 受付の人を呼ぶ held then written, recovery by itself', async () => {
    const disk = mountSmallDisk(8192);
    const kit = await storageCore(disk?.dir ?? tempDir(), { failingProbeMs: 20 });
    const db = kit.core.internals.db;
    try {
      const started = await kit.core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' });
      if (!started.ok) throw new Error(started.error.message);
      const s = started.value as CheckInSession;
      if (disk) disk.fill();
      else db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      // Writes until one needs space the disk does not have (the WAL grows into the full disk).
      let r = await kit.core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'choose-document', document: 'nothing' },
      });
      for (let i = 0; r.ok && i < 200; i++)
        r = await kit.core.handle({ role: 'kiosk', kioskId: `k${i}` }, 'session.start', { kioskId: `k${i}` });
      expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      const status = (await kit.core.handle(KIOSK, 'status.get', {})) as { ok: true; value: KioskStatus };
      expect(status.value.storage).toMatchObject({
        state: 'failing',
        code: 'disk-full',
        advice: 'staff.storage.advice.disk-full',
      });
      expect(kit.kioskSaw.at(-1)).toMatchObject({ state: 'failing' }); // every window hears it
      expect(kit.alerts.filter((a) => a.kind === 'storage-failing')).toHaveLength(1); // staff: one loud alert

      const before = kit.core.internals.checkin.sessions.get(s.id)!;
      // 受付の人を呼ぶ cannot be written: the patient is told staff were alerted, staff get it at once.
      const call = await kit.core.handle(KIOSK, 'session.send', { sessionId: s.id, event: { type: 'call-staff' } });
      expect(call).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringMatching(/^call-staff-held/) },
      });
      expect(kit.alerts.at(-1)).toMatchObject({
        kind: 'call-staff-held',
        call: { sessionId: s.id, kioskId: 'kiosk-1' },
      });
      expect(kit.core.internals.storage.status().heldCalls).toBe(1);
      expect(kit.core.internals.checkin.sessions.get(s.id)).toEqual(before); // nothing half-written

      if (disk) disk.free();
      else db.pragma('max_page_count = 1073741823');
      await until(() => kit.core.internals.storage.status().state === 'ok');
      expect(kit.alerts.at(-1)).toMatchObject({ kind: 'storage-recovered', written: 1 });
      expect(kit.kioskSaw.at(-1)).toMatchObject({ state: 'ok', heldCalls: 0 });
      const after = kit.core.internals.checkin.sessions.get(s.id)!;
      expect(after.state).toBe('staff-confirm');
      expect(after.staffReasons).toContain('patient-asked-for-help');
      expect(kit.core.internals.checkin.store.transitions(s.id).map((t) => t.eventType)).toContain('call-staff');
    } finally {
      await kit.close();
      disk?.release();
    }
  });

  it('read-only (SQLite refuses writes: query_only) is a state too; a probe clears it once writes work', async () => {
    const kit = await storageCore(tempDir());
    const db = kit.core.internals.db;
    try {
      const started = await kit.core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' });
      if (!started.ok) throw new Error(started.error.message);
      const s = started.value as CheckInSession;
      db.pragma('query_only = ON');
      const r = await kit.core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'choose-document', document: 'nothing' },
      });
      expect(r.ok).toBe(false);
      expect(kit.core.internals.storage.status()).toMatchObject({ state: 'failing', code: 'read-only' });
      expect(kit.core.internals.storage.health.probeNow()).toBe(false);
      db.pragma('query_only = OFF');
      expect(kit.core.internals.storage.health.probeNow()).toBe(true);
      expect(kit.alerts.map((a) => a.kind)).toEqual(['storage-failing', 'storage-recovered']);
    } finally {
      await kit.close();
    }
  });

  it('a conflict is not a storage fault', async () => {
    const kit = await storageCore(tempDir());
    try {
      const started = await kit.core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' });
      if (!started.ok) throw new Error(started.error.message);
      const s = started.value as CheckInSession;
      const r = await kit.core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        expectedVersion: 7,
        event: { type: 'cancel' },
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(kit.core.internals.storage.status().state).toBe('ok');
      expect(kit.alerts).toEqual([]);
    } finally {
      await kit.close();
    }
  });
});
