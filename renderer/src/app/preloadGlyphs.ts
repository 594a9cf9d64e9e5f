import { CODE_TABLES, UI_CATALOGUES } from '../i18n';

/**
 * Load every font subset the app's texts need, at start-up. The font is split by unicode-range and a
 * kiosk has no Japanese system font to fall back on, so a subset fetched late would flash empty boxes
 * (font-display: swap) on the screen where its first character appears. Loading them all up front costs
 * a few hundred kilobytes from local disk and makes every later screen draw at once.
 */
export function preloadGlyphs(fonts: FontFaceSet = document.fonts): Promise<unknown> {
  const texts: string[] = [];
  for (const table of [UI_CATALOGUES, ...Object.values(CODE_TABLES)]) {
    for (const messages of Object.values(table)) texts.push(...Object.values(messages as Record<string, string>));
  }
  const text = [...new Set(texts.join(''))].join('') + '0123456789';
  return Promise.all([fonts.load(`400 16px "BIZ UDGothic"`, text), fonts.load(`700 16px "BIZ UDGothic"`, text)]).catch(
    () => undefined,
  );
}
