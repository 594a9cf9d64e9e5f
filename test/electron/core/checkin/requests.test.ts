import { afterEach, describe, expect, it } from 'vitest';
import type { CheckInSession, DocumentInputs } from '../../../../shared/api/index';
import { neededInputs } from '../../../../shared/eligibility/inputs';
import type { Core } from '../../../../electron/core/index';
import { KIOSK, makeCore } from '../../../helpers/core';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function boot(settings: Parameters<typeof makeCore>[0] = {}) {
  const { core } = await makeCore({ settings: { reverifyIntervalMs: 0, ...settings.settings } });
  cores.push(core);
  return core;
}
function value<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}
const start = async (core: Core) =>
  value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));

describe('session.neededInputs', () => {
  it('answers for every document what changes today’s decision (national timeline by default)', async () => {
    const core = await boot();
    const s = await start(core);
    const inputs = value<DocumentInputs[]>(await core.handle(KIOSK, 'session.neededInputs', { sessionId: s.id }));
    expect(inputs).toHaveLength(9);
    const today = core.internals.clock.today();
    for (const i of inputs) expect(i).toEqual({ document: i.document, ...neededInputs(i.document, today, true) });
    // 資格確認書: the printed 有効期限 and the birth date (70–74) matter on 2026-11-25.
    expect(inputs.find((i) => i.document === 'eligibility-certificate')).toMatchObject({
      printedValidUntil: true,
      birthDate: true,
    });
  });

  it('applies the clinic’s policy: a refused 資格確認書 no longer asks the birth date (age changes nothing)', async () => {
    const core = await boot({ settings: { policy: { refuseDocuments: ['eligibility-certificate'] } } });
    const s = await start(core);
    const inputs = value<DocumentInputs[]>(await core.handle(KIOSK, 'session.neededInputs', { sessionId: s.id }));
    expect(inputs.find((i) => i.document === 'eligibility-certificate')).toMatchObject({ birthDate: false });
    expect(neededInputs('eligibility-certificate', core.internals.clock.today(), true).birthDate).toBe(true);
  });

  it('another kiosk’s session is not found', async () => {
    const core = await boot();
    const s = await start(core);
    const other = { role: 'kiosk', kioskId: 'kiosk-2' } as const;
    expect(await core.handle(other, 'session.neededInputs', { sessionId: s.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('typed numbers are validated by the core with shared/insurance', () => {
  async function atNumbers(core: Core) {
    const s = await start(core);
    return value<CheckInSession>(
      await core.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: {
          type: 'choose-document',
          document: 'eligibility-certificate',
          printedValidUntil: '2027-07-31',
          birthDate: '1980-01-15',
        },
      }),
    );
  }

  it('a wrong check digit is a typed error per field, and the session does not move', async () => {
    const core = await boot();
    const s = await atNumbers(core);
    const r = await core.handle(KIOSK, 'session.send', {
      sessionId: s.id,
      event: {
        type: 'submit-numbers',
        numbers: {
          insurerNumber: '01130013',
          symbol: '12345678',
          number: '1234',
          branch: '1',
          birthDate: '1980-01-15',
        },
      },
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-payload',
        issues: [
          { path: 'numbers.insurerNumber', message: 'insurerNumber.check-digit' },
          { path: 'numbers.branch', message: 'branch.two-digits' },
        ],
      },
    });
    expect(value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: s.id }))).toEqual(s);
  });

  it('valid numbers go through to the flow', async () => {
    const core = await boot();
    const s = await atNumbers(core);
    const r = await core.handle(KIOSK, 'session.send', {
      sessionId: s.id,
      event: {
        type: 'submit-numbers',
        numbers: {
          insurerNumber: '01130012',
          symbol: '12345678',
          number: '1234',
          branch: '00',
          birthDate: '1980-01-15',
        },
      },
    });
    expect(r.ok).toBe(true);
  });

  it('a declared insurer number is checked too', async () => {
    const core = await boot();
    const s = await start(core);
    const r = await core.handle(KIOSK, 'session.send', {
      sessionId: s.id,
      event: {
        type: 'submit-declaration',
        declaration: { nameKana: 'ヤマダ タロウ', birthDate: '1980-01-15', insurerNumber: '0113001' },
      },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', issues: [{ path: 'declaration.insurerNumber' }] },
    });
  });
});
