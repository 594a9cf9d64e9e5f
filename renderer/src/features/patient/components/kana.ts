/** Katakana helpers for the on-screen keyboard and for hardware input (which often arrives as hiragana). */

/** The 50音表 by column (行), each top to bottom (段 a i u e o); '' leaves a gap as on the printed table. */
export const KANA_COLUMNS: readonly (readonly string[])[] = [
  ['ア', 'イ', 'ウ', 'エ', 'オ'],
  ['カ', 'キ', 'ク', 'ケ', 'コ'],
  ['サ', 'シ', 'ス', 'セ', 'ソ'],
  ['タ', 'チ', 'ツ', 'テ', 'ト'],
  ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ'],
  ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ'],
  ['マ', 'ミ', 'ム', 'メ', 'モ'],
  ['ヤ', '', 'ユ', '', 'ヨ'],
  ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  ['ワ', '', 'ヲ', '', 'ン'],
];

const DAKUTEN: Record<string, string> = {};
const HANDAKUTEN: Record<string, string> = {};
const SMALL: Record<string, string> = {};
{
  const base = 'カキクケコサシスセソタチツテトハヒフヘホウ';
  const voiced = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボヴ';
  for (let i = 0; i < base.length; i++) DAKUTEN[base[i]!] = voiced[i]!;
  const h = 'ハヒフヘホ';
  const p = 'パピプペポ';
  for (let i = 0; i < h.length; i++) HANDAKUTEN[h[i]!] = p[i]!;
  const big = 'アイウエオツヤユヨワカケ';
  const small = 'ァィゥェォッャュョヮヵヶ';
  for (let i = 0; i < big.length; i++) SMALL[big[i]!] = small[i]!;
}
const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const UNVOICED = invert(DAKUTEN);
const UNHALF = invert(HANDAKUTEN);
const BIG = invert(SMALL);

type Modifier = 'dakuten' | 'handakuten' | 'small';

/**
 * Apply ゛, ゜ or 小 to the last character, toggling as phone keyboards do: カ → ガ → カ, ハ → パ → ハ,
 * ヤ → ャ → ヤ. A character the modifier does not apply to is left as it is.
 */
export function applyModifier(text: string, modifier: Modifier): string {
  const chars = [...text];
  const last = chars.pop();
  if (last === undefined) return text;
  let next = last;
  if (modifier === 'dakuten') next = DAKUTEN[last] ?? UNVOICED[last] ?? DAKUTEN[UNHALF[last] ?? ''] ?? last;
  if (modifier === 'handakuten') next = HANDAKUTEN[last] ?? UNHALF[last] ?? HANDAKUTEN[UNVOICED[last] ?? ''] ?? last;
  if (modifier === 'small') next = SMALL[last] ?? BIG[last] ?? last;
  return chars.join('') + next;
}

/** Hiragana to katakana (ぁ-ゖ → ァ-ヶ), full-width space to ASCII space (one implementation, in shared/). */
export { toKatakana } from '../../../../../shared/insurance/kana';

/** Katakana, the long-vowel mark, the middle dot and single spaces between names. */
export function isKatakanaName(text: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB]+( [\u30A1-\u30FA\u30FC\u30FB]+)*$/.test(text.trim());
}
