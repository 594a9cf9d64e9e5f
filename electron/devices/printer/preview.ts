/**
 * Reads ESC/POS bytes back — the subset a 受付票 uses — into a model of what the printer would put on paper,
 * and draws it as SVG (80 mm paper: 576 dots, Font A 12x24 cells, kanji 24x24). Used for screenshots, for
 * the admin's test print preview and by tests that check what the bytes say rather than how they look.
 * Unknown commands are an error, not skipped: a preview that hides a byte it does not understand lies.
 */
import iconv from 'iconv-lite';
import qrcode from 'qrcode-generator';
import type { Align } from './escpos';
import { displayWidth } from './ticket';

export interface TextRun {
  text: string;
  width: number;
  height: number;
  bold: boolean;
}
export type PrintedElement =
  | { type: 'line'; align: Align; runs: TextRun[] }
  | { type: 'feed'; lines: number }
  | { type: 'qr'; align: Align; data: string; moduleSize: number; ecc: 'L' | 'M' | 'Q' | 'H' }
  | { type: 'cut'; partial: boolean };

export type PreviewResult =
  | { ok: true; elements: PrintedElement[] }
  | { ok: false; code: 'unknown-command' | 'truncated' | 'too-large'; offset: number; message: string };

const MAX_BYTES = 256 * 1024;
const ALIGNS: Align[] = ['left', 'center', 'right'];
const ECCS = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as const;

export function interpretEscPos(bytes: Uint8Array): PreviewResult {
  if (bytes.length > MAX_BYTES) return { ok: false, code: 'too-large', offset: 0, message: `${bytes.length} bytes` };
  const out: PrintedElement[] = [];
  let align: Align = 'left';
  let width = 1;
  let height = 1;
  let boldOn = false;
  let kanji = false;
  let qrSize = 3;
  let qrEcc: 'L' | 'M' | 'Q' | 'H' = 'L';
  let qrData = '';
  let runs: TextRun[] = [];
  let pending: number[] = [];

  const closeRun = () => {
    if (pending.length === 0) return;
    const text = kanji ? iconv.decode(Buffer.from(pending), 'Shift_JIS') : Buffer.from(pending).toString('latin1');
    runs.push({ text, width, height, bold: boldOn });
    pending = [];
  };
  const flushLine = (force: boolean) => {
    closeRun();
    if (runs.length > 0 || force) out.push({ type: 'line', align, runs });
    runs = [];
  };
  const fail = (code: 'unknown-command' | 'truncated', offset: number, message: string): PreviewResult => ({
    ok: false,
    code,
    offset,
    message,
  });

  let i = 0;
  const need = (n: number) => i + n <= bytes.length;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      flushLine(true);
      i += 1;
    } else if (b === 0x1b) {
      if (!need(2)) return fail('truncated', i, 'ESC');
      const c = bytes[i + 1]!;
      if (c === 0x40) {
        closeRun();
        [align, width, height, boldOn, kanji] = ['left', 1, 1, false, false];
        i += 2;
        continue;
      }
      if (!need(3)) return fail('truncated', i, `ESC ${c}`);
      const n = bytes[i + 2]!;
      if (c === 0x61) {
        align = ALIGNS[n % 48] ?? 'left';
      } else if (c === 0x45) {
        closeRun();
        boldOn = (n & 1) === 1;
      } else if (c === 0x64) {
        flushLine(false);
        out.push({ type: 'feed', lines: n });
      } else if (c !== 0x52 && c !== 0x74) {
        return fail('unknown-command', i, `ESC 0x${c.toString(16)}`);
      }
      i += 3;
    } else if (b === 0x1d) {
      if (!need(2)) return fail('truncated', i, 'GS');
      const c = bytes[i + 1]!;
      if (c === 0x21 && need(3)) {
        closeRun();
        width = ((bytes[i + 2]! >> 4) & 7) + 1;
        height = (bytes[i + 2]! & 7) + 1;
        i += 3;
      } else if (c === 0x61 && need(3)) {
        i += 3;
      } else if (c === 0x56 && need(3)) {
        const m = bytes[i + 2]!;
        flushLine(false);
        const withFeed = m === 65 || m === 66;
        if (withFeed && !need(4)) return fail('truncated', i, 'GS V');
        out.push({ type: 'cut', partial: m === 1 || m === 49 || m === 66 });
        i += withFeed ? 4 : 3;
      } else if (c === 0x28 && need(3) && bytes[i + 2] === 0x6b) {
        if (!need(5)) return fail('truncated', i, 'GS ( k');
        const len = bytes[i + 3]! | (bytes[i + 4]! << 8);
        if (!need(5 + len) || len < 2) return fail('truncated', i, 'GS ( k');
        const body = bytes.subarray(i + 5, i + 5 + len);
        const fn = body[1];
        if (body[0] !== 0x31) return fail('unknown-command', i, 'GS ( k: only QR (cn 49) is read');
        if (fn === 0x43) qrSize = body[2] ?? qrSize;
        else if (fn === 0x45) qrEcc = ECCS[(body[2] ?? 48) as keyof typeof ECCS] ?? 'L';
        else if (fn === 0x50) qrData = Buffer.from(body.subarray(3)).toString('latin1');
        else if (fn === 0x51) {
          flushLine(false);
          out.push({ type: 'qr', align, data: qrData, moduleSize: qrSize, ecc: qrEcc });
        } else if (fn !== 0x41) return fail('unknown-command', i, `GS ( k fn 0x${(fn ?? 0).toString(16)}`);
        i += 5 + len;
      } else {
        return fail(need(3) ? 'unknown-command' : 'truncated', i, `GS 0x${c.toString(16)}`);
      }
    } else if (b === 0x1c) {
      if (!need(2)) return fail('truncated', i, 'FS');
      const c = bytes[i + 1]!;
      if (c === 0x26 || c === 0x2e) {
        closeRun();
        kanji = c === 0x26;
        i += 2;
      } else if (c === 0x43 && need(3)) {
        i += 3;
      } else return fail('unknown-command', i, `FS 0x${c.toString(16)}`);
    } else if (b === 0x10) {
      if (!need(3) || bytes[i + 1] !== 0x04) return fail('unknown-command', i, 'DLE');
      i += 3;
    } else if (b < 0x20 || b === 0x7f) {
      return fail('unknown-command', i, `control byte 0x${b.toString(16)}`);
    } else if (kanji && ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc))) {
      if (!need(2)) return fail('truncated', i, 'Shift_JIS lead byte');
      pending.push(b, bytes[i + 1]!);
      i += 2;
    } else {
      pending.push(b);
      i += 1;
    }
  }
  flushLine(false);
  return { ok: true, elements: out };
}

/** The printed text, one string per line (tests look for what is and is not on the paper). */
export function printedText(elements: readonly PrintedElement[]): string[] {
  return elements.filter((e) => e.type === 'line').map((e) => e.runs.map((r) => r.text).join(''));
}

const DOTS = 576;
const CELL_W = 12;
const CELL_H = 24;
const LINE_GAP = 6;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Draw the elements as an SVG of the paper (1 SVG unit = 1 printer dot). */
export function renderSvg(elements: readonly PrintedElement[], options: { fontFamily?: string } = {}): string {
  const font = options.fontFamily ?? "'BIZ UDGothic', 'Noto Sans CJK JP', monospace";
  const parts: string[] = [];
  let y = 16;
  for (const e of elements) {
    if (e.type === 'feed') {
      y += e.lines * (CELL_H + LINE_GAP);
    } else if (e.type === 'cut') {
      parts.push(`<line x1="0" y1="${y + 8}" x2="${DOTS}" y2="${y + 8}" stroke="#888" stroke-dasharray="8 6"/>`);
      parts.push(`<text x="4" y="${y + 4}" font-size="14" fill="#888" font-family="sans-serif">cut</text>`);
      y += 24;
    } else if (e.type === 'qr') {
      const qr = qrcode(0, e.ecc);
      qr.addData(e.data);
      qr.make();
      const n = qr.getModuleCount();
      const m = e.moduleSize;
      const size = n * m;
      const x0 = e.align === 'center' ? (DOTS - size) / 2 : e.align === 'right' ? DOTS - size : 0;
      const rects: string[] = [];
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++) if (qr.isDark(r, c)) rects.push(`M${x0 + c * m} ${y + r * m}h${m}v${m}h-${m}z`);
      parts.push(`<path d="${rects.join('')}" fill="#000"/>`);
      y += size + LINE_GAP;
    } else {
      const lineH = Math.max(1, ...e.runs.map((r) => r.height)) * CELL_H;
      const total = e.runs.reduce((s, r) => s + displayWidth(r.text) * CELL_W * r.width, 0);
      let x = e.align === 'center' ? (DOTS - total) / 2 : e.align === 'right' ? DOTS - total : 0;
      for (const r of e.runs) {
        const w = displayWidth(r.text) * CELL_W * r.width;
        if (w > 0) {
          parts.push(
            `<text x="${x}" y="${y + lineH * 0.86}" font-size="${CELL_H * r.height}" textLength="${w}" lengthAdjust="spacingAndGlyphs"` +
              ` font-weight="${r.bold ? 700 : 400}" font-family="${esc(font)}" fill="#000">${esc(r.text)}</text>`,
          );
        }
        x += w;
      }
      y += lineH + LINE_GAP;
    }
  }
  const h = Math.ceil(y + 16);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DOTS}" height="${h}" viewBox="0 0 ${DOTS} ${h}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}
