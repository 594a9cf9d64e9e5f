/// <reference lib="dom" />
/**
 * Glyph coverage in the browser: is every visible character drawn by one of the fonts the app ships, with
 * its face loaded? (document.fonts.check() cannot tell: it answers true when no face covers a character.)
 */
import type { Page } from 'playwright-core';
import type { Locale } from '../../shared/i18n/locales';

export const SHIPPED = ['BIZ UDGothic', 'Noto Sans', 'Noto Sans SC', 'Noto Sans KR'];
export const PRIMARY_FONT: Record<Locale, string> = {
  ja: 'BIZ UDGothic',
  'ja-easy': 'BIZ UDGothic',
  en: 'Noto Sans',
  'zh-Hans': 'Noto Sans SC',
  ko: 'Noto Sans KR',
  vi: 'Noto Sans',
};

export interface Coverage {
  missing: { ch: string; stack: string }[];
  drawnBy: Record<string, number>;
  chars: number;
  /** The same, for the text in the page's language only (not the parts marked `lang` otherwise, e.g. Japanese names). */
  own: { drawnBy: Record<string, number>; chars: number };
}

/**
 * For every visible character: the face the browser draws it with is the first family in its element's
 * font stack that has a face (of that weight) whose unicode-range covers it. That face must be one of the
 * shipped ones and be loaded; otherwise the character is drawn by a system font or as an empty box.
 */
export async function coverage(page: Page, options: { decorative?: boolean } = {}): Promise<Coverage> {
  return page.evaluate(
    async ({ shipped, decorative }) => {
      await document.fonts.ready;
      const unquote = (f: string) => f.trim().replace(/^["']|["']$/g, '');
      const ranges = (r: string) =>
        r.split(',').map((part) => {
          const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as const;
        });
      const faces = [...document.fonts].map((f) => ({
        face: f,
        family: unquote(f.family),
        weight: Number(f.weight),
        ranges: ranges(f.unicodeRange),
      }));
      const items: { text: string; stack: string[]; weight: number; own: boolean }[] = [];
      const pageLang = document.documentElement.lang;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = (n.textContent ?? '').replace(/\s+/g, '');
        // Decorative text (aria-hidden, SVG labels such as the sample card's fields) is drawn too: counted on request.
        const skip = decorative ? 'script, style' : '[aria-hidden="true"], svg, script, style';
        if (!el || !text || el.closest(skip)) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        const cs = getComputedStyle(el);
        items.push({
          text,
          stack: cs.fontFamily.split(',').map(unquote),
          weight: Number(cs.fontWeight) >= 600 ? 700 : 400,
          own: (el.closest('[lang]')?.getAttribute('lang') ?? pageLang) === pageLang,
        });
      }
      // Make sure every face that could draw these characters has been asked for (as the page itself would).
      await Promise.all(
        items.flatMap((it) =>
          it.stack
            .filter((f) => shipped.includes(f))
            .map((f) => document.fonts.load(`${it.weight} 32px "${f}"`, it.text)),
        ),
      );
      const missing: { ch: string; stack: string }[] = [];
      const drawnBy: Record<string, number> = {};
      let chars = 0;
      const own = { drawnBy: {} as Record<string, number>, chars: 0 };
      for (const it of items) {
        for (const ch of it.text) {
          const cp = ch.codePointAt(0)!;
          chars++;
          if (it.own) own.chars++;
          let drawn: string | null = null;
          for (const family of it.stack) {
            const face = faces.find(
              (f) => f.family === family && f.weight === it.weight && f.ranges.some(([a, b]) => cp >= a && cp <= b),
            );
            if (face) {
              drawn = face.face.status === 'loaded' && shipped.includes(family) ? family : null;
              break;
            }
          }
          if (drawn && it.own) own.drawnBy[drawn] = (own.drawnBy[drawn] ?? 0) + 1;
          if (drawn) drawnBy[drawn] = (drawnBy[drawn] ?? 0) + 1;
          else if (!missing.some((m) => m.ch === ch)) missing.push({ ch, stack: it.stack.join(',') });
        }
      }
      return { missing, drawnBy, chars, own };
    },
    { shipped: SHIPPED, decorative: options.decorative ?? false },
  );
}
