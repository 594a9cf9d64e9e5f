import fc from 'fast-check';

/**
 * Any text, lone surrogates included, biased toward what a kiosk meets: digits (ASCII and full-width),
 * hyphen look-alikes, kana and kanji, spaces. Built by hand because fast-check's `unit: 'binary'` takes
 * seconds to warm up.
 */
const codePoint = fc.oneof(
  fc
    .integer({ min: 0, max: 0x10ffff })
    .map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c))),
  fc.constantFrom(...'0123456789０１２３４５６７８９-‐‑‒–—―−ーｰ－ 　医国ｱｲ\t\n'),
);
export const anyText = fc.array(codePoint, { maxLength: 24 }).map((cs) => cs.join(''));
