import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromIso, eraOf } from '../../renderer/src/components/dates';
import { formatDate } from '../../renderer/src/components/formatDate';
import { applyModifier, isKatakanaName, toKatakana } from '../../renderer/src/components/kana';
import { kioskIdFromSearch, roleFromPath, webSocketUrl } from '../../renderer/src/api';

describe('和暦 dates', () => {
  it('converts each era to ISO and rejects days outside it', () => {
    expect(checkDraft({ era: 'showa', year: '21', month: '5', day: '3' })).toEqual({ ok: true, iso: '1946-05-03' });
    expect(checkDraft({ era: 'reiwa', year: '9', month: '07', day: '31' })).toEqual({ ok: true, iso: '2027-07-31' });
    expect(checkDraft({ era: 'heisei', year: '31', month: '4', day: '30' })).toEqual({ ok: true, iso: '2019-04-30' });
    expect(checkDraft({ era: 'heisei', year: '31', month: '5', day: '1' })).toEqual({ ok: false, error: 'era-range' });
    expect(checkDraft({ era: 'showa', year: '64', month: '1', day: '8' })).toEqual({ ok: false, error: 'era-range' });
    expect(checkDraft({ era: 'taisho', year: '15', month: '12', day: '24' })).toEqual({ ok: true, iso: '1926-12-24' });
    expect(checkDraft({ era: 'western', year: '2026', month: '2', day: '30' })).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(checkDraft({ era: 'western', year: '1946', month: '5', day: '' })).toEqual({
      ok: false,
      error: 'incomplete',
    });
  });

  it('reads dates back as printed', () => {
    expect(eraOf('1989-01-08')).toEqual({ era: 'heisei', eraYear: 1 });
    expect(formatDate('ja', '1946-05-03')).toBe('昭和21年5月3日（1946年）');
    expect(formatDate('ja', '2019-05-01')).toBe('令和元年5月1日（2019年）');
    expect(formatDate('en', '1946-05-03')).toBe('3 May 1946 – Showa (昭和) 21');
    expect(draftFromIso('1946-05-03', 'showa')).toEqual({ era: 'showa', year: '21', month: '5', day: '3' });
  });
});

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

describe('transport choice from the URL', () => {
  it('takes the role from the path and the kiosk id from ?kiosk=', () => {
    expect(roleFromPath('/')).toBe('kiosk');
    expect(roleFromPath('/staff')).toBe('staff');
    expect(roleFromPath('/admin/')).toBe('admin');
    expect(roleFromPath('/anything')).toBe('kiosk');
    expect(kioskIdFromSearch('?kiosk=front-2')).toBe('front-2');
    expect(kioskIdFromSearch('?kiosk=../../x')).toBe('kiosk-1');
    expect(kioskIdFromSearch('')).toBe('kiosk-1');
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:8787' }, 'staff', 'kiosk-1')).toBe(
      'ws://127.0.0.1:8787/api?role=staff&kiosk=kiosk-1',
    );
    expect(webSocketUrl({ protocol: 'https:', host: 'k.local' }, 'kiosk', 'a')).toBe(
      'wss://k.local/api?role=kiosk&kiosk=a',
    );
  });
});

describe('transport choice at start-up', () => {
  it('uses the preload bridge when Electron provides one, with its role and kiosk id', async () => {
    const { createApi } = await import('../../renderer/src/api');
    const calls: unknown[] = [];
    const bridge = {
      role: 'staff' as const,
      kioskId: 'front-1',
      request: async (name: string, input: unknown) => {
        calls.push([name, input]);
        return { ok: true as const, value: 'x' };
      },
      on: () => () => {},
    };
    const api = createApi({ kioskBridge: bridge, location: window.location } as unknown as Window & {
      kioskBridge: typeof bridge;
    });
    expect(api.transport).toBe('electron');
    expect(api.role).toBe('staff');
    expect(api.kioskId).toBe('front-1');
    expect(api.connection()).toBe('open');
    await expect(api.request('status.get', {})).resolves.toEqual({ ok: true, value: 'x' });
    expect(calls).toEqual([['status.get', {}]]);
  });

  it('turns a throwing bridge into an unavailable result instead of an exception', async () => {
    const { fromBridge } = await import('../../renderer/src/api/bridge');
    const api = fromBridge({
      role: 'kiosk',
      kioskId: 'k',
      request: () => Promise.reject(new Error('gone')),
      on: () => () => {},
    });
    await expect(api.request('status.get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'gone' },
    });
  });
});
