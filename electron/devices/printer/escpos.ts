/**
 * ESC/POS command bytes (Epson "ESC/POS Application Programming Guide" / command reference), written
 * directly: the commands a 受付票 needs are few, and writing them here keeps every byte under test. Japanese
 * text is sent in the printer's kanji mode with the Shift_JIS code system (FS C 1), encoded by iconv-lite.
 */
import iconv from 'iconv-lite';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';

/** ESC @ — initialise the printer (clears the buffer's modes, not its contents). */
export const initialize = (): Buffer => Buffer.from([ESC, 0x40]);

/** ESC a n — justification. */
export const align = (a: Align): Buffer => Buffer.from([ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2]);

/** GS ! n — character size: width and height multipliers 1..8 (bits 4-6 width-1, bits 0-2 height-1). */
export function charSize(width: number, height: number): Buffer {
  const w = Math.min(8, Math.max(1, Math.trunc(width))) - 1;
  const h = Math.min(8, Math.max(1, Math.trunc(height))) - 1;
  return Buffer.from([GS, 0x21, (w << 4) | h]);
}

/** ESC E n — emphasised (bold). */
export const bold = (on: boolean): Buffer => Buffer.from([ESC, 0x45, on ? 1 : 0]);

/** ESC R 8 (international set: Japan) + FS C 1 (kanji code system: Shift_JIS) + FS & (kanji mode on). */
export const japaneseMode = (): Buffer => Buffer.from([ESC, 0x52, 0x08, FS, 0x43, 0x01, FS, 0x26]);

/** FS . — kanji mode off. */
export const kanjiOff = (): Buffer => Buffer.from([FS, 0x2e]);

/** ESC d n — print and feed n lines. */
export const feedLines = (n: number): Buffer => Buffer.from([ESC, 0x64, Math.min(255, Math.max(0, Math.trunc(n)))]);

/** GS V 66 n — feed n (vertical motion units) and partial cut. */
export const cut = (feed = 3): Buffer => Buffer.from([GS, 0x56, 0x42, Math.min(255, Math.max(0, Math.trunc(feed)))]);

/** DLE EOT n — real-time status transmission (1 printer, 2 offline cause, 3 error cause, 4 roll paper). */
export const statusRequest = (n: 1 | 2 | 3 | 4): Buffer => Buffer.from([DLE, EOT, n]);

/** GS a n — automatic status back (ASB): n = 0x0f enables drawer, online/offline, error and paper. */
export const enableAsb = (flags = 0x0f): Buffer => Buffer.from([GS, 0x61, flags & 0xff]);

/**
 * Text in Shift_JIS followed by LF. Control characters are replaced by spaces, so text can never smuggle a
 * command into the stream.
 */
export function textLine(text: string): Buffer {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return Buffer.concat([iconv.encode(clean, 'Shift_JIS'), Buffer.from([LF])]);
}

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';
const ECC: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };
/** The QR symbol's data area as stored by GS ( k fn 180 holds at most 7089 bytes; a ticket needs a few. */
export const QR_MAX_DATA = 7089;

function gsK(fnAndArgs: number[] | Buffer): Buffer {
  const len = fnAndArgs.length;
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, len & 0xff, (len >> 8) & 0xff]), Buffer.from(fnAndArgs)]);
}

/**
 * GS ( k — QR code, cn = 49 ('1'): fn 165 model 2, fn 167 module size, fn 169 error correction, fn 180 store
 * the data, fn 181 print it.
 */
export function qrCode(data: string, options: { moduleSize?: number; ecc?: QrErrorCorrection } = {}): Buffer {
  const bytes = Buffer.from(data, 'ascii');
  if (bytes.length === 0 || bytes.length > QR_MAX_DATA) throw new RangeError('QR data length out of range');
  const size = Math.min(16, Math.max(1, Math.trunc(options.moduleSize ?? 6)));
  return Buffer.concat([
    gsK([0x31, 0x41, 0x32, 0x00]),
    gsK([0x31, 0x43, size]),
    gsK([0x31, 0x45, ECC[options.ecc ?? 'M']]),
    gsK(Buffer.concat([Buffer.from([0x31, 0x50, 0x30]), bytes])),
    gsK([0x31, 0x51, 0x30]),
  ]);
}
