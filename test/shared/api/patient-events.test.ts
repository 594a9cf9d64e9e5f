import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../shared/api/index';

const send = (event: unknown) => parseRequest('kiosk', 'session.send', { sessionId: 's1', event });

describe('patient events at the edge', () => {
  it('save-draft takes only the bounded, typed fields of a draft', () => {
    expect(
      send({
        type: 'save-draft',
        draft: { step: 'number', number: '1234', birthDate: { era: 'showa', year: '45', month: '6', day: '' } },
      }).ok,
    ).toBe(true);
    expect(send({ type: 'save-draft', draft: { myNumber: '123456789012' } }).ok).toBe(false);
    expect(send({ type: 'save-draft', draft: { number: '1'.repeat(41) } }).ok).toBe(false);
    expect(
      send({ type: 'save-draft', draft: { birthDate: { era: 'showa', year: 'ab', month: '', day: '' } } }).ok,
    ).toBe(false);
    expect(send({ type: 'save-draft', draft: { step: '<script>' } }).ok).toBe(false);
    expect(send({ type: 'save-draft', draft: { document: 'passport' } }).ok).toBe(false);
  });

  it('a self-declaration needs a name in some script; kana alone, own script alone or both', () => {
    const declare = (d: object) => send({ type: 'submit-declaration', declaration: { birthDate: '1980-01-15', ...d } });
    expect(declare({ name: 'John Smith' }).ok).toBe(true);
    expect(declare({ name: "Nguyễn Thị O'Neil-Mai" }).ok).toBe(true);
    expect(declare({ name: '王小明' }).ok).toBe(true);
    expect(declare({ name: '김민준', nameKana: 'キム ミンジュン' }).ok).toBe(true);
    expect(declare({ nameKana: 'ヤマダ ハナコ' }).ok).toBe(true);
    expect(declare({}).ok).toBe(false);
    expect(declare({ name: '' }).ok).toBe(false);
    expect(declare({ name: '<b>x</b>' }).ok).toBe(false);
    expect(declare({ name: 'x'.repeat(101) }).ok).toBe(false);
  });
});
