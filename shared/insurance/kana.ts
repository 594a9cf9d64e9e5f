/** Kana as comparable text: NFKC (half-width → full-width), no spaces, hiragana → katakana. */
export function normaliseKana(kana: string): string {
  return kana
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export function sameKana(a: string, b: string): boolean {
  return normaliseKana(a) === normaliseKana(b);
}
