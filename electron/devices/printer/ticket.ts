/**
 * The 受付票 (reception ticket) and its ESC/POS bytes. By construction it carries nothing personal: the type
 * has no field for a name, an insurance number or a birth date, the documents and next steps are closed
 * sets, and the QR code holds the ticket number only. The layout is the same whatever language the patient
 * used: Japanese first, a short English line under it.
 */
import type { AlsoNeededCode } from '../../../shared/eligibility/reasons';
import * as esc from './escpos';

export type TicketNextStep = 'wait-for-call' | 'show-at-desk';

export interface TicketContent {
  clinicName: string;
  /** 受付番号 of the clinic day. */
  ticketNumber: number;
  issuedAt: Date;
  timeZone: string;
  nextStep: TicketNextStep;
  /** Documents the patient still has to show at the desk (e.g. 高齢受給者証). */
  documentsToShow: readonly AlsoNeededCode[];
}

export interface TicketLayout {
  /** Half-width columns of the paper at the normal font (80 mm: 48, 58 mm: 32). */
  columns: number;
}

export const DEFAULT_LAYOUT: TicketLayout = { columns: 48 };

const NEXT_STEP: Record<TicketNextStep, { ja: string; en: string }> = {
  'wait-for-call': {
    ja: '待合室でお待ちください。受付番号でお呼びします。',
    en: 'Please wait. We will call your number.',
  },
  'show-at-desk': { ja: 'この票を受付にお出しください。', en: 'Please hand this slip to the desk.' },
};

const DOCUMENT: Record<AlsoNeededCode, { ja: string; en: string }> = {
  'elderly-recipient-certificate': { ja: '高齢受給者証', en: 'Elderly recipient certificate' },
  'limit-certificate': { ja: '限度額適用認定証', en: 'Limit certificate' },
  'specific-disease-certificate': { ja: '特定疾病療養受療証', en: 'Specific disease certificate' },
  'public-expense-certificate': { ja: '医療証・受給者証（公費）', en: 'Public medical aid certificate' },
  'my-number-card': { ja: 'マイナンバーカード', en: 'My Number Card' },
};

const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'];

/** 2026年11月25日(水) 09:41 in the clinic's time zone. */
export function formatIssuedAt(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(at);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return `${get('year')}年${get('month')}月${get('day')}日(${WEEKDAY_JA[wd] ?? ''}) ${get('hour')}:${get('minute')}`;
}

/** Display width in half-width columns (kanji and kana count 2). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x7f ? 2 : 1;
  return w;
}

/** Wrap to `columns` half-width columns; English wraps at spaces where it can. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const word of text.split(/(?<= )/)) {
    const ww = displayWidth(word);
    if (width + ww <= columns) {
      line += word;
      width += ww;
      continue;
    }
    if (ww <= columns && width > 0 && /^[\x20-\x7e]+$/.test(word)) {
      lines.push(line.trimEnd());
      line = word;
      width = ww;
      continue;
    }
    for (const ch of word) {
      const cw = displayWidth(ch);
      if (width + cw > columns) {
        lines.push(line.trimEnd());
        line = '';
        width = 0;
      }
      line += ch;
      width += cw;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The ticket number as printed and as carried by the QR code: plain decimal digits. */
export function ticketNumberText(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > 99_999) throw new RangeError('ticket number out of range');
  return String(n);
}

export function encodeTicket(t: TicketContent, layout: TicketLayout = DEFAULT_LAYOUT): Buffer {
  const number = ticketNumberText(t.ticketNumber);
  const cols = layout.columns;
  const out: Buffer[] = [];
  const lines = (text: string, size = 1) => {
    for (const l of wrap(text, Math.floor(cols / size))) out.push(esc.textLine(l));
  };
  out.push(esc.initialize(), esc.japaneseMode());
  out.push(esc.align('center'), esc.bold(true), esc.charSize(2, 2));
  lines(t.clinicName.trim().slice(0, 40), 2);
  out.push(esc.charSize(1, 1), esc.bold(false));
  lines('受付票 / Reception ticket');
  out.push(esc.feedLines(1));
  lines('受付番号 / Your number');
  // Very large: 8x for up to 4 digits (fits 48 columns of Font A 12-dot cells), smaller beyond.
  const big = number.length <= 4 ? 8 : 6;
  out.push(esc.bold(true), esc.charSize(big, big), esc.textLine(number), esc.charSize(1, 1), esc.bold(false));
  out.push(esc.feedLines(1));
  lines(formatIssuedAt(t.issuedAt, t.timeZone));
  out.push(esc.feedLines(1), esc.align('left'));
  const step = NEXT_STEP[t.nextStep];
  lines(step.ja);
  lines(step.en);
  if (t.documentsToShow.length > 0) {
    out.push(esc.feedLines(1));
    lines('受付で次の書類もお見せください:');
    lines('Please also show at the desk:');
    for (const code of t.documentsToShow) {
      const d = DOCUMENT[code];
      lines(`・${d.ja} / ${d.en}`);
    }
  }
  out.push(esc.feedLines(1), esc.align('center'), esc.qrCode(number, { moduleSize: 6, ecc: 'M' }));
  out.push(esc.kanjiOff(), esc.feedLines(2), esc.cut(3));
  return Buffer.concat(out);
}
