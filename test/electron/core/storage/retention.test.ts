import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckInSession } from '../../../../shared/flow/session';
import { DB_FILE_NAME } from '../../../../electron/core/store/index';
import { tempDir } from '../../../helpers/temp';
import { KIOSK, STAFF, storageCore } from './kit';

const OLD = { kana: 'ヤマダハナコ', phone: '090-4321-8765', birth: '1958-07-19' };
const NEW = { kana: 'サトウジロウ', phone: '080-1111-2222', birth: '1990-01-02' };
/** The simulator persona whose card is presented with nobody waiting (an unmatched read keeps its identity). */
const CARD = { name: '試験　太郎', birth: '1980-01-15' };

/** On `day`: an offline マイナ保険証 check-in by self-declaration (kana, birth date, phone), approved by
 * staff with a reason that (against the advice) holds the phone number, and a card read nobody waited for. */
async function dayOfWork(dataDir: string, day: string, p: typeof OLD, withCard: boolean): Promise<void> {
  const kit = await storageCore(dataDir, {
    core: { now: `${day}T09:00:00+09:00`, settings: { simulatorAnswerMs: 0, onlineMode: 'forced-offline' } },
  });
  try {
    const send = async (s: CheckInSession, event: Record<string, unknown>) => {
      const r = await kit.core.handle(KIOSK, 'session.send', { sessionId: s.id, event });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as CheckInSession;
    };
    const started = await kit.core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' });
    if (!started.ok) throw new Error(started.error.message);
    let s = await send(started.value as CheckInSession, { type: 'choose-document', document: 'myna-card' });
    expect(s.state).toBe('self-declaration');
    s = await send(s, {
      type: 'submit-declaration',
      declaration: { nameKana: p.kana, birthDate: p.birth, phone: p.phone },
    });
    const approved = await kit.core.handle(STAFF, 'staff.act', {
      sessionId: s.id,
      event: { type: 'staff-approve', staff: '受付', reason: `電話 ${p.phone} の方` },
    });
    expect(approved).toMatchObject({ ok: true, value: { state: 'completed' } });
    if (withCard) {
      expect((await kit.core.handle(KIOSK, 'demo.presentCard', { persona: 'main-insured' })).ok).toBe(true);
      for (let i = 0; i < 300 && kit.core.internals.cardReads.store.unmatchedReads({ all: true }).length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(kit.core.internals.cardReads.store.unmatchedReads({ all: true })).toHaveLength(1);
    }
  } finally {
    await kit.close();
  }
}

const rawBytes = (dir: string) =>
  Buffer.concat(
    ['', '-wal']
      .map((s) => path.join(dir, DB_FILE_NAME + s))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f)),
  );
const present = (bytes: Buffer, texts: string[]) => texts.filter((t) => bytes.includes(Buffer.from(t, 'utf8')));

describe('retention that erases (the real core, at start and daily)', () => {
  it('purged kana, phone numbers, birth dates and card-read names are not in the SQLite file or its WAL; kept ones are; the audit still verifies', async () => {
    const dir = tempDir();
    await dayOfWork(dir, '2026-08-01', OLD, true);
    await dayOfWork(dir, '2026-08-02', { kana: 'タナカイチロウ', phone: '070-5555-6666', birth: '1970-03-04' }, false);
    const oldTexts = [OLD.kana, OLD.phone, OLD.birth, CARD.name, CARD.birth];
    expect(present(rawBytes(dir), oldTexts)).toEqual(oldTexts); // the test can see them before the purge

    // 2026-11-25 with 90 days kept: the start-up purge removes everything before 2026-08-27.
    await dayOfWork(dir, '2026-11-25', NEW, false);
    const kit = await storageCore(dir);
    try {
      const bytes = rawBytes(dir);
      expect(present(bytes, oldTexts)).toEqual([]);
      expect(present(bytes, [NEW.kana, NEW.phone, NEW.birth])).toHaveLength(3);
      expect(kit.core.internals.audit.verify()).toMatchObject({ intact: true });
      expect(kit.core.internals.audit.list(100).some((a) => a.detail?.includes(OLD.phone))).toBe(false);
      expect(kit.core.internals.checkin.store.listSessions('2026-08-01')).toEqual([]);
      expect(kit.core.internals.cardReads.store.unmatchedReads({ all: true })).toEqual([]);
    } finally {
      await kit.close();
    }
  });

  it('runs again on its schedule while the kiosk runs', async () => {
    const dir = tempDir();
    const kit = await storageCore(dir, { core: { storage: { okProbeMs: 0, retentionEveryMs: 20 } } });
    try {
      const anchors = () => kit.core.internals.audit.list(1000).filter((a) => a.action === 'audit.anchor').length;
      const first = anchors();
      expect(first).toBeGreaterThanOrEqual(1); // at start
      for (let i = 0; i < 200 && anchors() < first + 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(anchors()).toBeGreaterThanOrEqual(first + 2); // and again, each run leaving its anchor
    } finally {
      await kit.close();
    }
  });
});
