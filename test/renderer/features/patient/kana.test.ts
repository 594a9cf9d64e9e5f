import { describe, expect, it } from 'vitest';
import { applyModifier, isKatakanaName, toKatakana } from '../../../../renderer/src/features/patient/components/kana';

describe('katakana input', () => {
  it('toggles ゛ ゜ and small kana on the last character', () => {
    expect(applyModifier('カ', 'dakuten')).toBe('ガ');
    expect(applyModifier('ガ', 'dakuten')).toBe('カ');
    expect(applyModifier('ハ', 'handakuten')).toBe('パ');
    expect(applyModifier('バ', 'handakuten')).toBe('パ');
    expect(applyModifier('パ', 'dakuten')).toBe('バ');
    expect(applyModifier('キヤ', 'small')).toBe('キャ');
    expect(applyModifier('ウ', 'dakuten')).toBe('ヴ');
    expect(applyModifier('ン', 'dakuten')).toBe('ン');
    expect(applyModifier('', 'small')).toBe('');
  });

  it('turns hiragana into katakana and accepts names with one space', () => {
    expect(toKatakana('すずき　はなこ')).toBe('スズキ ハナコ');
    expect(isKatakanaName('スズキ ハナコ')).toBe(true);
    expect(isKatakanaName('ヴィエト・グエン')).toBe(true);
    expect(isKatakanaName('鈴木')).toBe(false);
    expect(isKatakanaName('スズキ  ハナコ')).toBe(false);
  });
});
