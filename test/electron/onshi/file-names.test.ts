import { describe, expect, it } from 'vitest';
import {
  OnshiBuildError,
  faceFileName,
  formatTimestamp,
  parseFaceFileName,
  parseTimestamp,
  requestFileName,
  responseFileNameFor,
} from '../../../electron/onshi/index';

describe('request / response names', () => {
  it('requestFileName → OQSsiquc01req_<id>.xml', () => {
    expect(requestFileName('K20250602-0001')).toBe('OQSsiquc01req_K20250602-0001.xml');
  });

  it.each(['', '../x', 'a/b', 'a\\b', 'a b', 'x'.repeat(65), 'ｋ'])('requestFileName refuses unsafe id %j', (id) => {
    expect(() => requestFileName(id)).toThrow(OnshiBuildError);
  });

  it.each([
    ['OQSsiquc01req_K0001.xml', 'OQSsiquc01res_K0001.xml'],
    ['OQSmuquc01req_ABC.xml', 'OQSmuquc01res_ABC.xml'],
    ['OQSSIQUC01REQ_K0001.xml', 'OQSSIQUC01RES_K0001.xml'],
  ])('responseFileNameFor(%s) → %s', (request, response) => {
    expect(responseFileNameFor(request)).toBe(response);
  });

  it.each([
    'OQSsiquc01res_K0001.xml',
    'OQSsiquc01req_K0001.txt',
    'req/OQSsiquc01req_K0001.xml',
    'OQSsiquc01req_../x.xml',
    'random.xml',
  ])('responseFileNameFor(%s) → null', (name) => {
    expect(responseFileNameFor(name)).toBeNull();
  });

  it('pairs with requestFileName', () => {
    expect(responseFileNameFor(requestFileName('abc_1'))).toBe('OQSsiquc01res_abc_1.xml');
  });
});

describe('face names', () => {
  const parts = { year: 2025, month: 6, day: 2, hour: 9, minute: 5, second: 7 };

  it('faceFileName from parts or a timestamp string', () => {
    expect(faceFileName('1312345678', 'A0001', parts)).toBe('OQSsiquc01res_face_1312345678A0001_20250602090507.xml');
    expect(faceFileName('1312345678', '', '20250602090507')).toBe('OQSsiquc01res_face_1312345678_20250602090507.xml');
  });

  it.each<[string, string, Parameters<typeof faceFileName>[2]]>([
    ['131234567', 'A', parts],
    ['1312345678', 'a_b', parts],
    ['1312345678', '../x', parts],
    ['1312345678', 'A', '20250230090507'],
    ['1312345678', 'A', { ...parts, hour: 24 }],
    ['1312345678', 'A', { ...parts, month: 1.5 }],
  ])('faceFileName refuses %s / %s / %j', (code, opaque, at) => {
    expect(() => faceFileName(code, opaque, at)).toThrow(OnshiBuildError);
  });

  it('parseFaceFileName reads the institution code, the opaque id and the timestamp', () => {
    expect(parseFaceFileName('OQSsiquc01res_face_1312345678A0001_20250602090507.xml')).toEqual({
      institutionCode: '1312345678',
      opaqueId: 'A0001',
      timestamp: '20250602090507',
      at: parts,
      localTime: '2025-06-02T09:05:07',
    });
  });

  it('round-trips with faceFileName', () => {
    const name = faceFileName('0123456789', 'XYZ-9', parts);
    expect(parseFaceFileName(name)).toMatchObject({ institutionCode: '0123456789', opaqueId: 'XYZ-9', at: parts });
  });

  it('accepts names without an institution code (some exporters) and a case-changed prefix', () => {
    expect(parseFaceFileName('OQSsiquc01res_face_auto_20250602090507.xml')).toEqual({
      opaqueId: 'auto',
      timestamp: '20250602090507',
      at: parts,
      localTime: '2025-06-02T09:05:07',
    });
    expect(parseFaceFileName('oqssiquc01res_FACE_1312345678_20250602090507.XML')?.institutionCode).toBe('1312345678');
  });

  it.each([
    'OQSsiquc01res_K0001.xml',
    'OQSsiquc01res_face_1312345678_2025060209050.xml',
    'OQSsiquc01res_face_1312345678_20250230090507.xml',
    'OQSsiquc01res_face_1312345678_20250602250507.xml',
    'OQSsiquc01res_face_a/b_20250602090507.xml',
    'OQSsiquc01res_face_1312345678_20250602090507.xml.tmp',
    `OQSsiquc01res_face_${'x'.repeat(10_000)}_20250602090507.xml`,
  ])('parseFaceFileName(%s) → null', (name) => {
    expect(parseFaceFileName(name)).toBeNull();
  });

  it('formatTimestamp / parseTimestamp', () => {
    expect(formatTimestamp(parts)).toBe('20250602090507');
    expect(parseTimestamp('20250602090507')).toEqual(parts);
    expect(parseTimestamp('20240229235959')).toEqual({
      year: 2024,
      month: 2,
      day: 29,
      hour: 23,
      minute: 59,
      second: 59,
    });
    expect(parseTimestamp('20230229000000')).toBeNull();
    expect(parseTimestamp('2025060209050x')).toBeNull();
  });
});
