/**
 * Fonts per language (see ./fonts.css for which face draws which language, and why).
 *
 * The faces are declared up front by their @fontsource stylesheets, split by unicode-range, so nothing is
 * downloaded before its characters are drawn. A kiosk has no system fonts to fall back on, and a slice
 * fetched late draws empty boxes for a moment (font-display: swap) on the screen where its first character
 * appears. So: at start-up the Japanese texts are loaded (the kiosk starts in Japanese, staff read it), and
 * before the kiosk switches to another language, that language's texts are loaded in its face. Chinese and
 * Korean slices therefore arrive only when Chinese or Korean is chosen (or the switch shows 中文 / 한국어).
 */
import '@fontsource/biz-udgothic/400.css';
import '@fontsource/biz-udgothic/700.css';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import './fonts.css';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../../shared/i18n/locales';
import { CODE_TABLES, UI_CATALOGUES, type CodeTable } from './index';

/** The shipped face that draws each language first. */
export const LOCALE_FONT: { readonly [L in Locale]: string } = {
  ja: 'BIZ UDGothic',
  'ja-easy': 'BIZ UDGothic',
  en: 'Noto Sans',
  'zh-Hans': 'Noto Sans SC',
  ko: 'Noto Sans KR',
  vi: 'Noto Sans',
};

/** Every character a language's screens can show: its UI catalogue and domain tables, plus digits. */
export function localeText(locale: Locale): string {
  const texts: string[] = Object.values(UI_CATALOGUES[locale]);
  for (const table of Object.values(CODE_TABLES) as CodeTable[]) texts.push(...Object.values(table[locale] ?? {}));
  return [...new Set(texts.join('') + '0123456789')].join('');
}

const loading = new Map<string, Promise<void>>();

/** Load the slices of `family` that `text` needs, in both weights; resolves once (failures are not fatal). */
function loadFace(fonts: FontFaceSet, family: string, text: string): Promise<void> {
  const key = `${family}\u0000${text}`;
  let p = loading.get(key);
  if (!p) {
    p = Promise.all([fonts.load(`400 16px "${family}"`, text), fonts.load(`700 16px "${family}"`, text)]).then(
      () => undefined,
      () => undefined,
    );
    loading.set(key, p);
  }
  return p;
}

/**
 * Make a language ready to draw: its own face for all its texts, and BIZ UDGothic for the Japanese words
 * it quotes (document names as printed). Await this before switching, so the new screen draws at once.
 */
export function loadLocaleFonts(
  locale: Locale,
  fonts: FontFaceSet | undefined = globalThis.document?.fonts,
): Promise<void> {
  if (!fonts) return Promise.resolve();
  const text = localeText(locale);
  const own = loadFace(fonts, LOCALE_FONT[locale], text);
  const quoted = LOCALE_FONT[locale] === 'BIZ UDGothic' ? own : loadFace(fonts, 'BIZ UDGothic', localeText('ja'));
  return Promise.all([own, quoted]).then(() => undefined);
}

/** At start-up: Japanese (the kiosk's first screen, staff screens) and each language's own name on the switch. */
export function preloadStartFonts(fonts: FontFaceSet | undefined = globalThis.document?.fonts): Promise<void> {
  if (!fonts) return Promise.resolve();
  return Promise.all([
    loadLocaleFonts('ja', fonts),
    loadFace(fonts, 'BIZ UDGothic', localeText('ja-easy')),
    loadLocaleFonts('en', fonts), // staff and admin may read English; small (Latin slices)
    ...LOCALES.map((l) => loadFace(fonts, LOCALE_FONT[l], LOCALE_NAMES[l])),
  ]).then(() => undefined);
}
