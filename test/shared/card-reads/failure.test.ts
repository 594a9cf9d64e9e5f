import { describe, expect, it } from 'vitest';
import { cardFailureKind } from '../../../shared/card-reads/failure';

describe('cardFailureKind', () => {
  it.each([
    ['暗証番号がロックされています。', 'pin-locked'],
    ['暗証番号の入力回数が上限に達したため閉塞しました', 'pin-locked'],
    ['電子証明書の有効期限が切れています', 'certificate-expired'],
    ['利用者証明用電子証明書が失効しています', 'certificate-expired'],
    ['保険証利用登録がされていません', 'not-registered'],
    ['健康保険証としての利用申込がありません', 'not-registered'],
    ['オンライン資格確認システムでエラーが発生しました。', 'system-error'],
    ['', 'system-error'],
  ] as const)('a failed answer saying %j is %s', (errorMessage, kind) => {
    expect(cardFailureKind({ ok: false, errorCode: 'E1', errorMessage })).toBe(kind);
  });

  it('reads the qualification validity of a successful answer exactly', () => {
    expect(cardFailureKind({ ok: true, validity: 'invalid' })).toBe('invalid');
    expect(cardFailureKind({ ok: true, validity: 'invalid-newer' })).toBe('invalid-newer');
    expect(cardFailureKind({ ok: true, validity: 'not-found' })).toBe('not-found');
    expect(cardFailureKind({ ok: true, validity: 'multiple' })).toBe('multiple');
    expect(cardFailureKind({ ok: true, validity: 'unknown' })).toBe('unknown');
    expect(cardFailureKind({ ok: true })).toBe('unknown');
  });

  it('full-width / compatibility forms are normalised, and only the start of a huge message is read', () => {
    expect(cardFailureKind({ ok: false, errorMessage: '暗証番号がﾛｯｸされています' })).toBe('pin-locked');
    expect(cardFailureKind({ ok: false, errorMessage: `${'あ'.repeat(1_000_000)}暗証番号ロック` })).toBe(
      'system-error',
    );
  });
});
