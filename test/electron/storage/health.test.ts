import { describe, expect, it } from 'vitest';
import { mountSmallDisk } from '../../helpers/faults';
import { tempDir } from '../../helpers/temp';
import { storageKit } from './kit';

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

describe('storage faults become a state', () => {
  it('disk full mid-day (real tmpfs, else max_page_count): failing + alert, call-staff held then written, recovery by probe', async () => {
    const disk = mountSmallDisk(2048);
    const kit = storageKit(disk?.dir ?? tempDir(), { failingProbeMs: 20 });
    try {
      const s = kit.sessions.start('kiosk-1');
      if (!s.ok) throw new Error(s.error.message);
      const before = kit.sessions.get(s.session.id)!;
      // The fault: the disk really fills (or, without a mountable disk, SQLite's cap on the file's pages).
      if (disk) disk.fill();
      else kit.raw.db.pragma(`max_page_count = ${kit.raw.db.pragma('page_count', { simple: true }) as number}`);
      // A few big-enough writes so the WAL must grow into the full disk.
      const chosen = kit.sessions.apply(
        s.session.id,
        { type: 'choose-document', document: 'nothing' },
        { actor: 'kiosk:kiosk-1' },
      );
      let r = chosen;
      for (let i = 0; r.ok && i < 50; i++) r = kit.sessions.start(`kiosk-${i + 2}`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unavailable');
      expect(kit.health.status()).toMatchObject({
        state: 'failing',
        code: 'disk-full',
        advice: 'storage.advice.disk-full',
      });
      expect(kit.alerts.filter((a) => a.kind === 'storage-failing')).toHaveLength(1);

      // 受付の人を呼ぶ cannot be written: it is held and staff are told at once.
      const call = kit.sessions.apply(s.session.id, { type: 'call-staff' }, { actor: 'kiosk:kiosk-1' });
      expect(call.ok).toBe(false);
      kit.held.hold({ sessionId: s.session.id, kioskId: 'kiosk-1' });
      expect(kit.alerts.at(-1)).toMatchObject({
        kind: 'call-staff-held',
        call: { sessionId: s.session.id, kioskId: 'kiosk-1' },
      });
      expect(kit.health.status().heldCalls).toBe(1);
      // Nothing half-written: the stored session is exactly what it was.
      expect(kit.sessions.get(s.session.id)).toEqual(chosen.ok ? chosen.session : before);

      // Space comes back: the probe (every 20 ms here) notices with no restart and writes the held call.
      if (disk) disk.free();
      else kit.raw.db.pragma('max_page_count = 1073741823');
      await until(() => kit.health.status().state === 'ok');
      expect(kit.alerts.at(-1)).toMatchObject({ kind: 'storage-recovered', written: 1 });
      expect(kit.health.status().heldCalls).toBe(0);
      const after = kit.sessions.get(s.session.id)!;
      expect(after.state).toBe('staff-confirm');
      expect(after.staffReasons).toContain('patient-asked-for-help');
      expect(kit.store.transitions(s.session.id).map((t) => t.eventType)).toContain('call-staff');
    } finally {
      kit.close();
      disk?.release();
    }
  });

  it('read-only (SQLite refuses writes: query_only) is a state too, and an ordinary write that succeeds clears it', () => {
    const kit = storageKit(tempDir());
    try {
      const s = kit.sessions.start('kiosk-1');
      if (!s.ok) throw new Error(s.error.message);
      kit.raw.db.pragma('query_only = ON');
      const r = kit.sessions.apply(
        s.session.id,
        { type: 'choose-document', document: 'nothing' },
        { actor: 'kiosk:kiosk-1' },
      );
      expect(r.ok).toBe(false);
      expect(kit.health.status()).toMatchObject({ state: 'failing', code: 'read-only' });
      expect(kit.health.probeNow()).toBe(false);
      kit.raw.db.pragma('query_only = OFF');
      expect(
        kit.sessions.apply(s.session.id, { type: 'choose-document', document: 'nothing' }, { actor: 'kiosk:kiosk-1' })
          .ok,
      ).toBe(true);
      expect(kit.health.status().state).toBe('ok');
      expect(kit.alerts.map((a) => a.kind)).toEqual(['storage-failing', 'storage-recovered']);
    } finally {
      kit.close();
    }
  });

  it('a conflict is not a storage fault', () => {
    const kit = storageKit(tempDir());
    try {
      const s = kit.sessions.start('kiosk-1');
      if (!s.ok) throw new Error(s.error.message);
      const r = kit.sessions.apply(s.session.id, { type: 'cancel' }, { actor: 'kiosk:kiosk-1', expectedVersion: 7 });
      expect(r.ok).toBe(false);
      expect(kit.health.status().state).toBe('ok');
      expect(kit.alerts).toEqual([]);
    } finally {
      kit.close();
    }
  });
});
