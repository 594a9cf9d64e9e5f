import { preloadStartFonts } from '../i18n/fonts';

/**
 * Load the font slices the first screens need, at start-up (see ../i18n/fonts.ts): a slice fetched late
 * would flash empty boxes on the screen where its first character appears. Other languages load their
 * slices when they are chosen.
 */
export function preloadGlyphs(fonts: FontFaceSet = document.fonts): Promise<unknown> {
  return preloadStartFonts(fonts);
}
