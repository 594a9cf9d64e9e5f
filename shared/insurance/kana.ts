/** Kana folding, one implementation for the kiosk's keyboard, the card-read matcher and the simulator. */

const HIRAGANA = /[\u3041-\u3096]/g;
const hiraganaToKatakana = (text: string) => text.replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** Hiragana to katakana (ぁ-ゖ → ァ-ヶ), full-width space to ASCII space; everything else unchanged (typing). */
export function toKatakana(text: string): string {
  return hiraganaToKatakana(text).replace(/\u3000/g, ' ');
}

/** Kana as comparable text: NFKC (half-width → full-width), no spaces, hiragana → katakana. */
export function normaliseKana(kana: string): string {
  return hiraganaToKatakana(kana.normalize('NFKC').replace(/[\s\u3000]/g, ''));
}

export function sameKana(a: string, b: string): boolean {
  return normaliseKana(a) === normaliseKana(b);
}
