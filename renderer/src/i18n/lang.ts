/**
 * The language of a text the kiosk shows as it was entered (the clinic's name, a demo persona): `'ja'` when
 * it is written in Japanese script (kana or kanji), so that it can be marked `lang="ja"` on a screen in
 * another language (WCAG 3.1.2, language of parts): screen readers and the spoken guidance read it with a
 * Japanese voice, and the Japanese face draws it. Undefined otherwise (the text takes the page's language).
 */
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

export function japaneseLang(text: string | null | undefined): 'ja' | undefined {
  return text && JAPANESE_SCRIPT.test(text) ? 'ja' : undefined;
}
