import { afterEach, describe, expect, it } from 'vitest';
import type { CallBoard, DevicesView, TicketPrintResult } from '../../../../shared/api/index';
import type { CheckInSession } from '../../../../shared/flow/session';
import type { Core } from '../../../../electron/core/index';
import { interpretEscPos, printedText } from '../../../../electron/devices/printer/preview';
import { ADMIN, KIOSK, STAFF, devicesFromEnv, makeCore } from '../../../helpers/core';

const DISPLAY = { role: 'display', kioskId: 'waiting-room' } as const;
const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
function value<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
async function boot(env: Record<string, string> = { KIOSK_CARD_READER: 'simulator', KIOSK_PRINTER: 'simulator' }) {
  const { core } = await makeCore(devicesFromEnv(env));
  cores.push(core);
  return core;
}
const get = async (core: Core, id: string) =>
  value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: id }));

async function completeWithCard(core: Core, sessionId: string) {
  value(
    await core.handle(KIOSK, 'session.send', { sessionId, event: { type: 'choose-document', document: 'myna-card' } }),
  );
  const personas = value<{ id: string }[]>(await core.handle(KIOSK, 'demo.personas', {}));
  value(await core.handle(KIOSK, 'demo.presentCard', { persona: personas[0]!.id }));
  await expect.poll(async () => (await get(core, sessionId)).state, { timeout: 10_000 }).toBe('completed');
  return get(core, sessionId);
}

describe('core: 診察券 step, 受付票 and 呼び出し through the API', () => {
  it('a scan moves the 診察券 step on and is kept on the check-in; the ticket prints once on completion', async () => {
    const core = await boot();
    const printed: TicketPrintResult[] = [];
    core.subscribe(KIOSK, (e, p) => e === 'ticket.printed' && printed.push(p as TicketPrintResult));
    await expect
      .poll(async () => value<DevicesView>(await core.handle(STAFF, 'devices.get', {})).cardReader.status)
      .toBe('connected');
    const status = value<{ patientCardReader: string }>(await core.handle(KIOSK, 'status.get', {}));
    expect(status.patientCardReader).toBe('simulator');

    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    expect(s.state).toBe('patient-card');
    value(await core.handle(KIOSK, 'demo.scanPatientCard', { cardNumber: '00123456' }));
    await expect.poll(async () => (await get(core, s.id)).state).toBe('choose-document');
    expect((await get(core, s.id)).patientCardNumber).toBe('00123456');

    const done = await completeWithCard(core, s.id);
    await expect.poll(() => printed.length).toBe(1);
    expect(printed[0]).toEqual({ sessionId: s.id, ticketNumber: done.ticketNumber, outcome: 'printed' });
    const sim = core.internals.devices.hub()!.printerSimulator()!;
    const [job] = await sim.waitForJobs(1);
    const read = interpretEscPos(job!);
    expect(read.ok && printedText(read.elements)).toContain(String(done.ticketNumber));

    // A reprint from staff is audited and prints again; nothing else prints it a second time by itself.
    const re = value<TicketPrintResult>(
      await core.handle(STAFF, 'devices.reprint', { sessionId: s.id, staff: '鈴木' }),
    );
    expect(re.outcome).toBe('printed');
    await sim.waitForJobs(2);
    const audit = core.internals.db.prepare("SELECT actor, action FROM audit WHERE action = 'ticket.reprint'").all();
    expect(audit).toEqual([{ actor: 'staff:鈴木', action: 'ticket.reprint' }]);
  });

  it('a card that fails the clinic pattern sends the patient to the desk with the reason', async () => {
    const core = await boot();
    await expect
      .poll(async () => value<DevicesView>(await core.handle(STAFF, 'devices.get', {})).cardReader.status)
      .toBe('connected');
    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    value(await core.handle(KIOSK, 'demo.scanPatientCard', { cardNumber: 'XY-0099' }));
    await expect.poll(async () => (await get(core, s.id)).state).toBe('staff-confirm');
    const after = await get(core, s.id);
    expect(after.notice).toBe('patient-card-bad-characters');
    expect(after.staffReasons).toContain('patient-card-mismatch');
    expect(after.patientCardNumber).toBeUndefined();
  });

  it('no reader: no 診察券 step; a keyboard-scanner kiosk sends the scan itself; skipping is allowed', async () => {
    const off = await boot({});
    expect(value<CheckInSession>(await off.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' })).state).toBe(
      'choose-document',
    );
    const printResult = value<DevicesView>(await off.handle(STAFF, 'devices.get', {}));
    expect(printResult).toMatchObject({ cardReader: { mode: 'off' }, printer: { configured: false } });
    value(
      await off.handle(ADMIN, 'admin.updateSettings', {
        patch: { patientCardReader: { mode: 'keyboard' } },
        staff: '管理者',
        reason: 'scanner installed',
      }),
    );
    const s = value<CheckInSession>(await off.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    expect(s.state).toBe('patient-card');
    const scanned = value<CheckInSession>(
      await off.handle(KIOSK, 'session.send', {
        sessionId: s.id,
        event: { type: 'patient-card-scanned', raw: '12345' },
      }),
    );
    expect(scanned).toMatchObject({ state: 'choose-document', patientCardNumber: '12345' });
    const s2 = value<CheckInSession>(await off.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    const skipped = value<CheckInSession>(
      await off.handle(KIOSK, 'session.send', { sessionId: s2.id, event: { type: 'skip-patient-card' } }),
    );
    expect(skipped.state).toBe('choose-document');
  });

  it('the display sees the board and nothing else; staff call, the board follows and is audited', async () => {
    const core = await boot({});
    const toDisplay: string[] = [];
    const boards: CallBoard[] = [];
    core.subscribe(DISPLAY, (e, p) => {
      toDisplay.push(e);
      if (e === 'calls.board') boards.push(p as CallBoard);
    });
    const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
    const done = await completeWithCard(core, s.id);
    await expect.poll(() => boards.at(-1)?.waiting).toEqual([done.ticketNumber]);
    value(await core.handle(STAFF, 'calls.call', { ticketNumber: done.ticketNumber!, room: '1', staff: '鈴木' }));
    expect(boards.at(-1)?.nowCalling).toEqual([
      expect.objectContaining({ ticketNumber: done.ticketNumber, roomLabel: '診察室' }),
    ]);
    expect(value<CallBoard>(await core.handle(DISPLAY, 'calls.board', {})).announcementSeq).toBeGreaterThan(0);
    // Never sessions, card reads or device details on the public screen, and no way to ask for them.
    expect(toDisplay.filter((e) => !['calls.board', 'status.changed', 'settings.changed'].includes(e))).toEqual([]);
    for (const [name, input] of [
      ['session.get', { sessionId: s.id }],
      ['staff.list', {}],
      ['devices.get', {}],
      ['calls.call', { ticketNumber: 1, room: '1', staff: 'x' }],
    ] as const) {
      expect(await core.handle(DISPLAY, name, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await core.handle(STAFF, 'calls.call', { ticketNumber: 999, room: '1', staff: '鈴木' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const audit = core.internals.db.prepare("SELECT actor, action FROM audit WHERE action LIKE 'call.%'").all();
    expect(audit).toEqual([{ actor: 'staff:鈴木', action: 'call.call' }]);
  });
});
