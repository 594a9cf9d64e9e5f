import { describe, expect, it } from 'vitest';
import { japaneseLang } from '../../renderer/src/i18n/lang';

describe('japaneseLang (the language of a text shown as entered)', () => {
  it('marks text in kana or kanji as Japanese', () => {
    expect(japaneseLang('さくら内科クリニック')).toBe('ja');
    expect(japaneseLang('山田医院')).toBe('ja');
    expect(japaneseLang('Sakura クリニック')).toBe('ja');
  });
  it('leaves other text to the page language', () => {
    expect(japaneseLang('Sakura Clinic')).toBeUndefined();
    expect(japaneseLang('사쿠라 의원')).toBeUndefined();
    expect(japaneseLang('')).toBeUndefined();
    expect(japaneseLang(null)).toBeUndefined();
  });
});
