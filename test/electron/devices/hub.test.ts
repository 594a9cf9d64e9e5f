import { describe, expect, it } from 'vitest';
import { createClock, isClockError } from '../../../electron/core/clock';
import { createLogger } from '../../../electron/core/logger';
import { parseCardReader, parsePrinterSpec } from '../../../electron/config';
import { createDeviceHub } from '../../../electron/devices/hub';
import type { ReaderEvent } from '../../../electron/devices/patient-card/types';
import { interpretEscPos, printedText } from '../../../electron/devices/printer/preview';
import { ticketForSession } from '../../../electron/devices/printer/ticket-for-session';
import type { DevicesView } from '../../../shared/devices/state';

const clock = (() => {
  const c = createClock({ fixedStart: '2026-11-25T09:00:00+09:00' });
  if (isClockError(c)) throw new Error(c.message);
  return c;
})();
const logger = createLogger({ console: false });

describe('device hub', () => {
  it('KIOSK_CARD_READER parsing (electron/config.ts)', () => {
    expect(parseCardReader('off')).toEqual({ mode: 'off' });
    expect(parseCardReader(' Simulator ')).toEqual({ mode: 'simulator' });
    expect(parseCardReader('hid:0c2e:0b8f:8c')).toMatchObject({
      mode: 'hid',
      config: { vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c, format: 'pos' },
    });
    expect(parseCardReader('hid:0801:0002:ff00')).toMatchObject({ config: { format: 'magstripe' } });
    expect(parseCardReader('hid:0801:0002:ff00:stream')).toMatchObject({ config: { format: 'stream' } });
    for (const bad of ['hid:xyz', 'hid:12345:1', 'on', 'hid:1:2:3:4:5']) expect(parseCardReader(bad)).toBeUndefined();
  });

  it('simulated reader and printer: a presented card is a scan, a ticket reaches the printer, the view follows', async () => {
    const hub = await createDeviceHub({
      clock,
      logger,
      cardReader: parseCardReader('simulator')!,
      printer: parsePrinterSpec('simulator')!,
    });
    try {
      const connected = new Promise<DevicesView>((resolve) => {
        if (hub.view().cardReader.status === 'connected') resolve(hub.view());
        hub.onChange((v) => v.cardReader.status === 'connected' && resolve(v));
      });
      expect((await connected).cardReader).toMatchObject({ mode: 'simulator', status: 'connected' });
      const scan = new Promise<ReaderEvent>((resolve) => hub.onScan(resolve));
      expect(hub.presentCard('00123456')).toEqual({ ok: true });
      expect(await scan).toMatchObject({ kind: 'scan', text: '00123456' });

      const ticket = ticketForSession(
        {
          state: 'completed',
          ticketNumber: 42,
          decision: {
            action: 'read-card',
            staff: false,
            alsoNeeded: ['elderly-recipient-certificate', 'limit-certificate'],
            reasons: [],
          },
        },
        { name: 'さくら内科クリニック', timeZone: clock.timeZone },
        clock.now(),
      );
      expect(ticket?.documentsToShow).toEqual(['elderly-recipient-certificate']); // 'if-held' ones are not listed
      expect(await hub.printTicket(ticket!)).toEqual({ ok: true, ticketNumber: 42 });
      const [job] = await hub.printerSimulator()!.waitForJobs(1);
      const r = interpretEscPos(job!);
      expect(r.ok && printedText(r.elements)).toContain('42');
      expect(hub.view().printer).toMatchObject({ simulated: true, target: 'simulator', reachable: true });

      hub.printerSimulator()!.setMode('out-of-paper');
      expect(await hub.printTicket(ticket!)).toMatchObject({ ok: false, code: 'out-of-paper' });
      expect(hub.view().printer.lastError?.code).toBe('out-of-paper');
    } finally {
      await hub.close();
    }
  });

  it('nothing configured: reader off, printer not configured, a demo scan is refused', async () => {
    const hub = await createDeviceHub({ clock, logger });
    try {
      expect(hub.readerMode()).toBe('off');
      expect(hub.view()).toMatchObject({
        cardReader: { mode: 'off', status: 'not-configured' },
        printer: { configured: false },
      });
      expect(hub.presentCard('1234').ok).toBe(false);
    } finally {
      await hub.close();
    }
  });

  it('no ticket for a session that is not completed', () => {
    expect(
      ticketForSession(
        { state: 'staff-confirm', ticketNumber: undefined, decision: undefined },
        { name: 'x', timeZone: 'Asia/Tokyo' },
        clock.now(),
      ),
    ).toBeUndefined();
  });
});
