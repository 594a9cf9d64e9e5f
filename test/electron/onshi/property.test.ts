import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOnshiResultXml, parseNumberQuery, parseOnshiResult } from '../../../electron/onshi/index';
import type { OnshiParse, OnshiPersonInput } from '../../../electron/onshi/index';
import { INSTITUTION_CODE, mainPerson } from '../../fixtures/onshi/scenarios';
import { fixture } from './helpers';

const ERRORS = ['too-large', 'not-xml', 'forbidden-dtd', 'encoding', 'schema'];
// Per call. Real parses take well under a millisecond; this only catches hangs and blow-ups on a slow,
// shared CI machine.
const TIME_BOUND_MS = 1_000;

/** Parses and checks what every outcome must satisfy, whatever the input. */
function parseChecked(bytes: Uint8Array): OnshiParse {
  const started = performance.now();
  const parse = parseOnshiResult(bytes);
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
  if (parse.ok) {
    for (const person of parse.result.people) {
      expect(person.insurerNumber).toMatch(/^(?:\d{6}|\d{8})$/);
      expect(person.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof person.name).toBe('string'); // '' when the file has no <Name>
      expect(person.nameKana.trim()).not.toBe('');
    }
    expect(['ok', 'error']).toContain(parse.result.status);
  } else {
    expect(ERRORS).toContain(parse.error);
    // "internal" details mark the defensive catch-alls: reaching one is a bug even though nothing throws.
    expect(parse.detail).not.toMatch(/internal/);
  }
  return parse;
}

const validFiles: Uint8Array[] = [
  ...readdirSync(new URL('../../fixtures/onshi/generated/', import.meta.url))
    .filter((name) => name.endsWith('.xml'))
    .map((name) => fixture(`generated/${name}`)),
  fixture('hand/main-face-utf8.xml'),
  fixture('hand/kokuho-sjis.xml'),
];

// Fragments that steer mutations toward the tokenizer's interesting paths.
const fragments = [
  '<',
  '>',
  '/>',
  '</',
  '&',
  ';',
  '&amp;',
  '&#x',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?',
  '?>',
  '<!DOCTYPE',
  '<!ENTITY',
  '"',
  "'",
  '=',
  '<a>',
  '</a>',
  '\u0000',
  '\uFEFF',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('fragment' as const), at: fc.nat(), text: fc.constantFrom(...fragments) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : change.at % bytes.length;
  switch (change.kind) {
    case 'truncate':
      return bytes.slice(0, at);
    case 'flip': {
      const copy = bytes.slice();
      copy[at] = change.byte;
      return copy;
    }
    case 'delete':
      return new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + change.length)]);
    case 'insert':
      return new Uint8Array([...bytes.subarray(0, at), ...change.bytes, ...bytes.subarray(at)]);
    case 'fragment':
      return new Uint8Array([
        ...bytes.subarray(0, at),
        ...new TextEncoder().encode(change.text),
        ...bytes.subarray(at),
      ]);
  }
}

describe('parseOnshiResult never throws and always returns in bounded time', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        parseChecked(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary text that starts like XML', () => {
    const xmlish = fc.array(
      fc.oneof(
        fc.constantFrom(...fragments, 'XmlMsg', 'MessageHeader', 'SegmentOfResult', '1', ' ', '\n'),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(xmlish, (parts) => {
        parseChecked(new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><XmlMsg>' + parts.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it('on random mutations (truncation, byte flips, deletions, insertions, markup fragments) of valid fixtures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...validFiles),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (file, changes) => {
          parseChecked(changes.reduce(mutate, file));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('parseNumberQuery likewise, on arbitrary bytes and on mutated requests', () => {
    const requests = readdirSync(new URL('../../fixtures/onshi/generated/req/', import.meta.url)).map((name) =>
      fixture(`generated/req/${name}`),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc
            .tuple(fc.constantFrom(...requests), fc.array(mutation, { minLength: 1, maxLength: 3 }))
            .map(([file, changes]) => changes.reduce(mutate, file)),
        ),
        (bytes) => {
          const parse = parseNumberQuery(bytes);
          if (parse.ok) {
            expect(parse.query.insurerNumber).toMatch(/^(?:\d{6}|\d{8})$/);
            expect(parse.query.institutionCode).toMatch(/^\d{10}$/);
          } else {
            expect(ERRORS).toContain(parse.error);
            expect(parse.detail).not.toMatch(/internal/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('builder → parser round trip for arbitrary names and numbers', () => {
  // Characters every CP932 file can carry, plus XML's special characters, so escaping is exercised too.
  const cp932Chars = [...'試験太郎花子医国髙﨑①　ｱｲｳｴｵﾃｽﾄﾀﾛｳﾞﾟ０１２３４５６７８９‐－ー・ABCxyz0189 -&<>"\'\t'];
  const text = (maxLength: number) =>
    fc.string({ unit: fc.constantFrom(...cp932Chars), minLength: 1, maxLength }).filter((value) => value.trim() !== '');
  const isoDate = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const person = fc.record({
    insurerNumber: fc.stringMatching(/^(?:\d{6}|\d{8})$/),
    symbol: fc.option(text(20), { nil: undefined }),
    number: text(20),
    branch: fc.option(fc.stringMatching(/^\d{2}$/), { nil: undefined }),
    name: text(40),
    nameKana: text(40),
    birthDate: isoDate,
  });

  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    it(`${encoding}: what goes in comes out`, () => {
      fc.assert(
        fc.property(fc.array(person, { minLength: 1, maxLength: 3 }), (people) => {
          const inputs: OnshiPersonInput[] = people.map((entry) => ({ ...mainPerson, ...entry }));
          const bytes = buildOnshiResultXml(
            { source: 'card', institutionCode: INSTITUTION_CODE, confirmationDate: '2025-06-02', people: inputs },
            { encoding },
          );
          const parse = parseChecked(bytes);
          if (!parse.ok) expect.fail(`${parse.error}: ${parse.detail}`);
          expect(
            parse.result.people.map(({ insurerNumber, symbol, number, branch, name, nameKana, birthDate }) => ({
              insurerNumber,
              symbol,
              number,
              branch,
              name,
              nameKana,
              birthDate,
            })),
          ).toEqual(people);
        }),
        { numRuns: 200 },
      );
    });
  }
});
