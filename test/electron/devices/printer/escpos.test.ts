import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as esc from '../../../../electron/devices/printer/escpos';
import { interpretEscPos, printedText, renderSvg } from '../../../../electron/devices/printer/preview';
import { encodeTicket, formatIssuedAt, wrap, type TicketContent } from '../../../../electron/devices/printer/ticket';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();

const TICKET: TicketContent = {
  clinicName: 'さくら内科クリニック',
  ticketNumber: 12,
  issuedAt: new Date('2026-11-25T00:41:00Z'),
  timeZone: 'Asia/Tokyo',
  nextStep: 'wait-for-call',
  documentsToShow: ['elderly-recipient-certificate'],
};

describe('ESC/POS commands (bytes from the Epson command reference)', () => {
  it('QR code: GS ( k model 2, module size, error correction M, store, print', () => {
    expect(hex(esc.qrCode('12', { moduleSize: 6, ecc: 'M' }))).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00', // fn 165: model 2
        '1d 28 6b 03 00 31 43 06', // fn 167: module size 6
        '1d 28 6b 03 00 31 45 31', // fn 169: level M (49)
        '1d 28 6b 05 00 31 50 30 31 32', // fn 180: store "12" (pL = 2 + 3)
        '1d 28 6b 03 00 31 51 30', // fn 181: print
      ].join(' '),
    );
  });

  it('cut, feed, size, alignment, kanji mode with Shift_JIS, status requests', () => {
    expect(hex(esc.cut(3))).toBe('1d 56 42 03');
    expect(hex(esc.feedLines(2))).toBe('1b 64 02');
    expect(hex(esc.charSize(8, 8))).toBe('1d 21 77');
    expect(hex(esc.charSize(2, 1))).toBe('1d 21 10');
    expect(hex(esc.align('center'))).toBe('1b 61 01');
    expect(hex(esc.japaneseMode())).toBe('1b 52 08 1c 43 01 1c 26');
    expect(hex(esc.statusRequest(4))).toBe('10 04 04');
    // 受 = 8E F3, 付 = 95 74 in Shift_JIS (JIS X 0208 row 28/41)
    expect(hex(esc.textLine('受付12'))).toBe('8e f3 95 74 31 32 0a');
  });

  it('text cannot smuggle a command: control characters become spaces', () => {
    const b = esc.textLine('A\x1dV\x00B\x1b@');
    expect([...b].filter((x) => x < 0x20 && x !== 0x0a)).toEqual([]);
  });

  it('rejects empty or oversized QR data', () => {
    expect(() => esc.qrCode('')).toThrow(RangeError);
    expect(() => esc.qrCode('x'.repeat(esc.QR_MAX_DATA + 1))).toThrow(RangeError);
  });
});

describe('受付票 bytes', () => {
  const bytes = encodeTicket(TICKET);

  it('matches the recorded byte stream', () => {
    // Recorded from this encoder after checking it with the preview (test/fixtures/printer/README.md); a
    // change to the bytes must be looked at and re-recorded on purpose.
    const recorded = fs.readFileSync(path.join(__dirname, '../../../fixtures/printer/ticket-12.bin'));
    expect(hex(bytes)).toBe(hex(recorded));
  });

  it('reads back: clinic, very large number, date, next step, documents, QR of the number only, cut', () => {
    const r = interpretEscPos(bytes);
    if (!r.ok) throw new Error(r.message);
    const text = printedText(r.elements);
    expect(text[0]).toBe('さくら内科クリニック');
    expect(text).toContain('受付番号 / Your number');
    const numberLine = r.elements.find((e) => e.type === 'line' && e.runs.some((x) => x.text === '12'));
    expect(numberLine?.type === 'line' && numberLine.runs[0]).toMatchObject({
      text: '12',
      width: 8,
      height: 8,
      bold: true,
    });
    expect(text).toContain('2026年11月25日(水) 09:41');
    expect(text).toContain('待合室でお待ちください。受付番号でお呼びします。');
    expect(text).toContain('・高齢受給者証 / Elderly recipient certificate');
    const qrs = r.elements.filter((e) => e.type === 'qr');
    expect(qrs).toEqual([{ type: 'qr', align: 'center', data: '12', moduleSize: 6, ecc: 'M' }]);
    expect(r.elements.at(-1)).toEqual({ type: 'cut', partial: true });
  });

  it('wraps long lines to the paper width by display columns', () => {
    for (const l of wrap('待合室でお待ちください。受付番号でお呼びします。'.repeat(2), 32)) {
      expect([...l].length * 2).toBeLessThanOrEqual(32);
    }
    expect(wrap('Please wait. We will call your number.', 20)).toEqual([
      'Please wait. We',
      'will call your',
      'number.',
    ]);
  });

  it('formats the date in the clinic time zone', () => {
    expect(formatIssuedAt(new Date('2026-11-24T15:05:00Z'), 'Asia/Tokyo')).toBe('2026年11月25日(水) 00:05');
  });

  it('refuses a ticket number out of range', () => {
    expect(() => encodeTicket({ ...TICKET, ticketNumber: -1 })).toThrow(RangeError);
  });

  it('renders an SVG preview with the QR modules and the text', () => {
    const r = interpretEscPos(bytes);
    if (!r.ok) throw new Error(r.message);
    const svg = renderSvg(r.elements);
    expect(svg).toMatch(/^<svg [^>]*width="576"/);
    expect(svg).toContain('>12</text>');
    expect(svg).toContain('<path d="M');
  });

  it('the preview refuses bytes it does not understand, with the offset', () => {
    expect(interpretEscPos(Buffer.from([0x41, 0x1b, 0x7a, 0x00]))).toMatchObject({
      ok: false,
      code: 'unknown-command',
      offset: 1,
    });
    expect(interpretEscPos(Buffer.from([0x1d, 0x28, 0x6b, 0x09]))).toMatchObject({ ok: false, code: 'truncated' });
  });
});
