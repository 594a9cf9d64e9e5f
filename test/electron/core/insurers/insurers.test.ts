import { afterEach, describe, expect, it } from 'vitest';
import type { CheckInSession, InsurerShortcut } from '../../../../shared/api/index';
import type { Core } from '../../../../electron/core/index';
import { cleanInsurerName, MAX_NAME_LENGTH, verifiedInsurer } from '../../../../electron/core/insurers/index';
import { ADMIN, KIOSK, makeCore } from '../../../helpers/core';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function boot(settings: Record<string, unknown> = {}) {
  const { core } = await makeCore({ settings: { reverifyIntervalMs: 0, simulatorAnswerMs: 0, ...settings } });
  cores.push(core);
  return core;
}
function value<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}
const start = async (core: Core) =>
  value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
const shortcuts = async (core: Core) => {
  const s = await start(core);
  return value<InsurerShortcut[]>(await core.handle(KIOSK, 'session.insurerShortcuts', { sessionId: s.id }));
};
const state = async (core: Core, id: string) =>
  value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: id })).state;

/** One マイナ保険証 check-in verified by the terminal simulator for this persona. */
async function cardCheckIn(core: Core, persona: string) {
  const s = await start(core);
  value(
    await core.handle(KIOSK, 'session.send', {
      sessionId: s.id,
      event: { type: 'choose-document', document: 'myna-card' },
    }),
  );
  value(await core.handle(KIOSK, 'demo.presentCard', { persona }));
  await expect.poll(() => state(core, s.id), { timeout: 10_000 }).toBe('completed');
}

/** One 資格確認書 check-in whose typed numbers the terminal simulator answers. */
async function numbersCheckIn(core: Core, numbers: Record<string, string>, birthDate: string) {
  const s = await start(core);
  value(
    await core.handle(KIOSK, 'session.send', {
      sessionId: s.id,
      event: {
        type: 'choose-document',
        document: 'eligibility-certificate',
        printedValidUntil: '2027-07-31',
        birthDate,
      },
    }),
  );
  value(
    await core.handle(KIOSK, 'session.send', {
      sessionId: s.id,
      event: { type: 'submit-numbers', numbers: { ...numbers, birthDate } as never },
    }),
  );
  await expect.poll(() => state(core, s.id), { timeout: 10_000 }).not.toBe('verifying');
  return state(core, s.id);
}

describe('insurer shortcuts (learned from verified check-ins)', () => {
  it('offers an insurer only after the set number of verified check-ins, with the terminal’s name', async () => {
    const core = await boot();
    expect(await shortcuts(core)).toEqual([]);
    await cardCheckIn(core, 'main-insured');
    await cardCheckIn(core, 'main-insured');
    expect(await shortcuts(core)).toEqual([]); // two visits could point at one patient
    await cardCheckIn(core, 'main-insured');
    expect(await shortcuts(core)).toEqual([{ insurerNumber: '01130012', name: '全国健康保険協会東京支部' }]);
  });

  it('counts verified number queries too, but never a failed one, and orders by how often', async () => {
    const core = await boot({ insurerShortcutsMinVisits: 3 });
    const kyokai = { insurerNumber: '01130012', symbol: '12345678', number: '1234', branch: '00' };
    for (let i = 0; i < 4; i++) expect(await numbersCheckIn(core, kyokai, '1980-01-15')).toBe('completed');
    // 該当資格なし (not-found persona's numbers) and a lost qualification: not counted.
    const notFound = { insurerNumber: '06139992', symbol: '9', number: '5555', branch: '00' };
    for (let i = 0; i < 3; i++) expect(await numbersCheckIn(core, notFound, '1970-07-07')).not.toBe('completed');
    const list = await shortcuts(core);
    expect(list.map((s) => s.insurerNumber)).toEqual(['01130012']);
    // The table holds a count per insurer: no session, patient, number or birth date.
    const columns = core.internals.db
      .prepare(`SELECT name FROM pragma_table_info('insurer_shortcuts')`)
      .all()
      .map((c) => (c as { name: string }).name);
    expect(columns).toEqual(['insurer_number', 'name', 'verified', 'last_day']);
  });

  it('0 turns them off; another kiosk cannot ask for a session that is not its own', async () => {
    const core = await boot({ insurerShortcutsMinVisits: 0 });
    for (let i = 0; i < 3; i++) await cardCheckIn(core, 'main-insured');
    expect(await shortcuts(core)).toEqual([]);
    const s = await start(core);
    expect(
      await core.handle({ role: 'kiosk', kioskId: 'kiosk-2' }, 'session.insurerShortcuts', { sessionId: s.id }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('an admin cannot set 1 or 2 (one patient’s insurer on a public screen)', async () => {
    const core = await boot();
    for (const bad of [1, 2, -1, 1.5])
      expect(
        await core.handle(ADMIN, 'admin.updateSettings', {
          patch: { insurerShortcutsMinVisits: bad },
          staff: '管理者',
          reason: 'テスト',
        }),
      ).toMatchObject({ ok: false });
    for (const good of [0, 3, 10])
      expect(
        await core.handle(ADMIN, 'admin.updateSettings', {
          patch: { insurerShortcutsMinVisits: good },
          staff: '管理者',
          reason: 'テスト',
        }),
      ).toMatchObject({ ok: true });
  });
});

describe('what is learned from a session', () => {
  const at = '2026-11-25T00:00:00.000Z';
  const base = {
    verification: { status: 'verified', at, validity: 'valid' },
    identity: { source: 'card', insurerNumber: '01130012', insurerName: '全国健康保険協会東京支部' },
    today: '2026-11-25',
  };
  it('only the transition that verified it, only terminal-confirmed identities, only valid numbers', () => {
    expect(verifiedInsurer(base as never, at)).toEqual({ digits: '01130012', name: '全国健康保険協会東京支部' });
    expect(verifiedInsurer(base as never, '2026-11-25T00:00:05.000Z')).toBeUndefined(); // a later transition
    expect(
      verifiedInsurer({ ...base, identity: { ...base.identity, source: 'declared' } } as never, at),
    ).toBeUndefined();
    expect(
      verifiedInsurer({ ...base, identity: { ...base.identity, insurerNumber: '01130013' } } as never, at),
    ).toBeUndefined();
    expect(verifiedInsurer({ ...base, verification: { status: 'pending' } } as never, at)).toBeUndefined();
    expect(
      verifiedInsurer({ ...base, identity: { source: 'numbers', insurerNumber: '  138990' } } as never, at),
    ).toEqual({
      digits: '138990',
    });
  });
  it('names are bounded, printable text', () => {
    expect(cleanInsurerName('全国健康保険協会\u0000東京支部\u202e')).toBe('全国健康保険協会東京支部');
    expect(cleanInsurerName('  ')).toBeUndefined();
    expect(cleanInsurerName('Ａ'.repeat(100))).toBe('A'.repeat(MAX_NAME_LENGTH));
  });
});
