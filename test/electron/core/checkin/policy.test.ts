import { afterEach, describe, expect, it } from 'vitest';
import type { CheckInSession } from '../../../../shared/flow/session';
import type { Core } from '../../../../electron/core/index';
import type { Settings } from '../../../../shared/settings';
import { KIOSK, makeCore } from '../../../helpers/core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function offlineCertificateCheckIn(settings: Partial<Settings>): Promise<CheckInSession> {
  core = (await makeCore({ settings: { onlineMode: 'forced-offline', ...settings } })).core;
  const start = await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' });
  if (!start.ok) throw new Error(start.error.message);
  const id = (start.value as CheckInSession).id;
  const chosen = await core.handle(KIOSK, 'session.send', {
    sessionId: id,
    event: {
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
      birthDate: '1980-01-15',
    },
  });
  expect(chosen).toMatchObject({ ok: true, value: { state: 'enter-numbers', decision: { action: 'record-numbers' } } });
  const done = await core.handle(KIOSK, 'session.send', {
    sessionId: id,
    event: {
      type: 'submit-numbers',
      numbers: { insurerNumber: '01130012', symbol: '12345678', number: '1234', branch: '00', birthDate: '1980-01-15' },
    },
  });
  if (!done.ok) throw new Error(done.error.message);
  return done.value as CheckInSession;
}

describe('clinic policy in the core', () => {
  it('nationally, a valid 資格確認書 recorded offline completes and is queued for re-verification', async () => {
    const s = await offlineCertificateCheckIn({});
    expect(s).toMatchObject({ state: 'completed', verification: { status: 'pending' } });
    expect(core!.internals.reverify.store.pending().map((r) => r.sessionId)).toContain(s.id);
  });

  it('a stricter clinic setting (staff confirm every offline acceptance) sends the same check-in to a receptionist', async () => {
    const s = await offlineCertificateCheckIn({ policy: { staffConfirmOfflineAcceptance: true } });
    expect(s.state).toBe('staff-confirm');
    expect(s.decision?.reasons).toContain('clinic-policy-staff-confirmation');
  });

  it('the smartphone is refused unless the clinic says it has a smartphone-capable reader', async () => {
    core = (await makeCore()).core;
    const choose = async () => {
      const st = await core!.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' });
      const id = (st as { value: CheckInSession }).value.id;
      return (await core!.handle(KIOSK, 'session.send', {
        sessionId: id,
        event: { type: 'choose-document', document: 'myna-smartphone' },
      })) as { value: CheckInSession };
    };
    expect((await choose()).value.state).toBe('refused');
    const u = core.internals.settings.update({ smartphoneReader: true }, '2026-11-25T00:00:00.000Z');
    expect(u.ok).toBe(true);
    expect((await choose()).value.state).toBe('read-card');
  });
});
