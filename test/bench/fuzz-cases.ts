/**
 * Mutated inputs for the fuzz run (`npm run fuzz`, test/bench/fuzz.ts) and its bounded unit-test version
 * (test/electron/onshi/fuzz.test.ts): onshi result files made from the fixtures (byte flips, truncations,
 * encoding swaps, nesting bombs, huge attributes …), API request payloads for `parseRequest`, and raw
 * WebSocket text messages for `parseWireRequest`. Everything derives from a seeded PRNG, so a case is
 * reproducible from (seed, index).
 */
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { ROLES, requests, type Role } from '../../shared/api/index';

// ---------------------------------------------------------------------------------------------------
// PRNG

export interface Rng {
  next(): number; // [0, 1)
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast, good enough to spread mutations. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------------
// Onshi files

const FIXTURES = new URL('../fixtures/onshi/', import.meta.url);

/** Every valid fixture (results and requests), as bytes. */
export function loadOnshiSeeds(): Uint8Array[] {
  const read = (dir: string) =>
    readdirSync(new URL(dir, FIXTURES))
      .filter((n) => n.endsWith('.xml'))
      .map((n) => new Uint8Array(readFileSync(new URL(`${dir}${n}`, FIXTURES))));
  return [...read('generated/'), ...read('hand/'), ...read('generated/req/')];
}

const enc = new TextEncoder();
const FRAGMENTS = [
  '<',
  '>',
  '/>',
  '</',
  '&',
  ';',
  '&amp;',
  '&#x',
  '&#xD800;',
  '&#0;',
  '&xxe;',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?',
  '?>',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<!ENTITY',
  '"',
  "'",
  '=',
  '<a>',
  '</a>',
  '\u0000',
  '\uFEFF',
  '\r',
  '<XmlMsg>',
  '</XmlMsg>',
  '<ResultOfQualificationConfirmation>',
  '<Name>',
  '</Name>',
];
const FIELDS = [
  'SegmentOfResult',
  'ProcessingResultStatus',
  'ReferenceClassification',
  'QualificationValidity',
  'InsurerNumber',
  'InsuredIdentificationNumber',
  'InsuredCardSymbol',
  'InsuredBranchNumber',
  'Name',
  'NameKana',
  'Birthdate',
  'Sex1',
  'ErrorCode',
  'ErrorMessage',
  'MessageHeader',
  'MessageBody',
  'ResultList',
  'ResultOfQualificationConfirmation',
  'InsuredPartialContributionRatio',
  'ElderlyRecipientCertificateInfo',
  'QualificationConfirmSearchInfo',
  'ProcessExecutionTime',
];
const WEIRD_TEXT = [
  '',
  ' ',
  '　',
  '0',
  '-1',
  '99999999999999999999',
  '2024023O',
  '20240230',
  '19000229',
  '00000000',
  'ｱ'.repeat(300),
  '__proto__',
  'constructor',
  '&lt;',
  '\u202E',
  '𠮷野家',
  '①②',
  '‐',
  'NaN',
];

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function decodeSeed(bytes: Uint8Array): { text: string; sjis: boolean } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 100));
  const sjis = /encoding=["'](shift_jis|windows-31j|cp932)/i.test(head);
  return { text: sjis ? iconv.decode(Buffer.from(bytes), 'cp932') : new TextDecoder().decode(bytes), sjis };
}

type Mutation = { label: string; apply: (rng: Rng, bytes: Uint8Array) => Uint8Array };

/** Returns a random position just after a '>' (an element boundary) or a random position. */
function boundary(rng: Rng, bytes: Uint8Array): number {
  for (let tries = 0; tries < 8; tries++) {
    const at = rng.int(bytes.length + 1);
    const gt = bytes.indexOf(0x3e, at);
    if (gt >= 0) return gt + 1;
  }
  return rng.int(bytes.length + 1);
}

function textMutation(label: string, change: (rng: Rng, text: string) => string): Mutation {
  return {
    label,
    apply: (rng, bytes) => {
      const { text, sjis } = decodeSeed(bytes);
      const changed = change(rng, text);
      return sjis ? new Uint8Array(iconv.encode(changed, 'cp932')) : enc.encode(changed);
    },
  };
}

const SMALL: Mutation[] = [
  {
    label: 'byte-flip',
    apply: (rng, b) => {
      const c = b.slice();
      for (let k = 1 + rng.int(8); k > 0 && c.length; k--) c[rng.int(c.length)] = rng.int(256);
      return c;
    },
  },
  {
    label: 'bit-flip',
    apply: (rng, b) => {
      const c = b.slice();
      if (c.length) {
        const at = rng.int(c.length);
        c[at] = (c[at] ?? 0) ^ (1 << rng.int(8));
      }
      return c;
    },
  },
  { label: 'truncate', apply: (rng, b) => b.slice(0, rng.int(b.length + 1)) },
  {
    label: 'delete-range',
    apply: (rng, b) => {
      const at = rng.int(b.length + 1);
      return concat(b.subarray(0, at), b.subarray(at + 1 + rng.int(64)));
    },
  },
  {
    label: 'insert-bytes',
    apply: (rng, b) => {
      const at = rng.int(b.length + 1);
      const junk = new Uint8Array(1 + rng.int(16)).map(() => rng.int(256));
      return concat(b.subarray(0, at), junk, b.subarray(at));
    },
  },
  {
    label: 'insert-fragment',
    apply: (rng, b) => {
      const at = rng.int(b.length + 1);
      return concat(b.subarray(0, at), enc.encode(rng.pick(FRAGMENTS)), b.subarray(at));
    },
  },
  {
    label: 'duplicate-range',
    apply: (rng, b) => {
      const from = rng.int(b.length + 1);
      const slice = b.subarray(from, from + 1 + rng.int(200));
      const at = rng.int(b.length + 1);
      return concat(b.subarray(0, at), slice, b.subarray(at));
    },
  },
  textMutation('drop-element', (rng, t) => {
    const f = rng.pick(FIELDS);
    return t.replace(new RegExp(`<${f}>[^<]*</${f}>`), '');
  }),
  textMutation('duplicate-element', (rng, t) => {
    const f = rng.pick(FIELDS);
    return t.replace(new RegExp(`(<${f}>[^<]*</${f}>)`), '$1$1');
  }),
  textMutation('weird-value', (rng, t) => {
    const f = rng.pick(FIELDS);
    const v = rng.pick(WEIRD_TEXT).replace(/[<&]/g, '');
    return t.replace(new RegExp(`<${f}>[^<]*</${f}>`), `<${f}>${v}</${f}>`);
  }),
  textMutation('rename-element', (rng, t) => {
    const f = rng.pick(FIELDS);
    return t.replace(new RegExp(`<${f}>`), `<${f}x>`).replace(new RegExp(`</${f}>`), `</${f}x>`);
  }),
  textMutation('doctype', (rng, t) =>
    t.replace(/(<\?xml[^?]*\?>)?/, `$1<!DOCTYPE XmlMsg [<!ENTITY e SYSTEM "file:///etc/passwd">]>`),
  ),
  textMutation('many-attributes', (rng, t) => {
    const n = rng.pick([1, 31, 32, 33, 200]);
    const attrs = Array.from({ length: n }, (_, k) => ` a${k}="${k}"`).join('');
    return t.replace(/<XmlMsg/, `<XmlMsg${attrs}`);
  }),
];

const ENCODING: Mutation[] = [
  {
    label: 'encoding:cp932-keep-declaration',
    apply: (_rng, b) => new Uint8Array(iconv.encode(decodeSeed(b).text, 'cp932')),
  },
  {
    label: 'encoding:cp932-no-declaration',
    apply: (_rng, b) => new Uint8Array(iconv.encode(decodeSeed(b).text.replace(/^<\?xml[^?]*\?>/, ''), 'cp932')),
  },
  {
    label: 'encoding:cp932-declaration-without-encoding',
    apply: (_rng, b) =>
      new Uint8Array(iconv.encode(decodeSeed(b).text.replace(/^<\?xml[^?]*\?>/, '<?xml version="1.0"?>'), 'cp932')),
  },
  {
    label: 'encoding:utf8-declared-sjis',
    apply: (_rng, b) =>
      enc.encode(decodeSeed(b).text.replace(/^<\?xml[^?]*\?>/, '<?xml version="1.0" encoding="Shift_JIS"?>')),
  },
  {
    label: 'encoding:utf8-bom',
    apply: (rng, b) =>
      concat(
        new Uint8Array([0xef, 0xbb, 0xbf]),
        rng.chance(0.5) ? b : new Uint8Array(iconv.encode(decodeSeed(b).text, 'cp932')),
      ),
  },
  {
    label: 'encoding:utf16le',
    apply: (_rng, b) => new Uint8Array(iconv.encode(decodeSeed(b).text, 'utf16-le', { addBOM: true })),
  },
  {
    label: 'encoding:utf16be-no-bom',
    apply: (_rng, b) => new Uint8Array(iconv.encode(decodeSeed(b).text, 'utf16-be')),
  },
  {
    label: 'encoding:declared-other',
    apply: (rng, b) =>
      enc.encode(
        decodeSeed(b).text.replace(
          /^<\?xml[^?]*\?>/,
          `<?xml version="1.0" encoding="${rng.pick(['EUC-JP', 'ISO-2022-JP', 'UTF-16', 'latin1', 'x'])}"?>`,
        ),
      ),
  },
  { label: 'encoding:latin1', apply: (_rng, b) => new Uint8Array(Buffer.from(decodeSeed(b).text, 'latin1')) },
];

/** Expensive ones (large allocations): rarer. */
const BOMBS: Mutation[] = [
  {
    label: 'nesting-bomb',
    apply: (rng, b) => {
      const n = rng.pick([63, 64, 65, 1000, 100_000]);
      const at = boundary(rng, b);
      const closed = rng.chance(0.5);
      return concat(b.subarray(0, at), enc.encode('<n>'.repeat(n) + (closed ? '</n>'.repeat(n) : '')), b.subarray(at));
    },
  },
  {
    label: 'element-bomb',
    apply: (rng, b) => {
      const n = rng.pick([49_000, 50_001, 200_000]);
      const at = boundary(rng, b);
      return concat(b.subarray(0, at), enc.encode('<e/>'.repeat(n)), b.subarray(at));
    },
  },
  {
    label: 'huge-attribute',
    apply: (rng, b) => {
      const size = rng.pick([1_000, 100_000, 4 * 1024 * 1024 - 2048, 5_000_000]);
      const t = decodeSeed(b).text;
      const i = t.indexOf('<XmlMsg') + 7;
      return enc.encode(`${t.slice(0, i)} big="${'A'.repeat(size)}"${t.slice(i)}`);
    },
  },
  {
    label: 'huge-text',
    apply: (rng, b) => {
      const size = rng.pick([10_000, 1_000_000]);
      return enc.encode(decodeSeed(b).text.replace(/<NameKana>[^<]*/, `<NameKana>${'ｱ'.repeat(size)}`));
    },
  },
  {
    label: 'unterminated-comment-at-end',
    apply: (_rng, b) => concat(b, enc.encode('<!--' + '-'.repeat(100_000))),
  },
];

export interface OnshiCase {
  bytes: Uint8Array;
  label: string;
}

/** One mutated onshi file: 1–4 mutations (one of them an encoding swap or a bomb now and then). */
export function onshiCase(rng: Rng, seeds: readonly Uint8Array[]): OnshiCase {
  let bytes = rng.pick(seeds);
  const labels: string[] = [];
  const apply = (m: Mutation) => {
    bytes = m.apply(rng, bytes);
    labels.push(m.label);
  };
  if (rng.chance(0.2)) apply(rng.pick(ENCODING));
  if (rng.chance(0.004)) apply(rng.pick(BOMBS));
  for (let k = rng.chance(0.25) ? 0 : 1 + rng.int(3); k > 0; k--) apply(rng.pick(SMALL));
  if (rng.chance(0.05)) bytes = new Uint8Array(rng.int(512)).map(() => rng.int(256));
  return { bytes, label: labels.join('+') || 'unchanged' };
}

// ---------------------------------------------------------------------------------------------------
// API payloads

const VALID_INPUTS: Array<[string, unknown]> = [
  ['status.get', {}],
  ['session.start', { kioskId: 'kiosk-1' }],
  ['session.get', { sessionId: 's-1' }],
  ['session.send', { sessionId: 's-1', expectedVersion: 3, event: { type: 'choose-document', document: 'myna-card' } }],
  [
    'session.send',
    {
      sessionId: 's-1',
      event: {
        type: 'choose-document',
        document: 'eligibility-certificate',
        birthDate: '1980-01-15',
        printedValidUntil: '2026-12-31',
      },
    },
  ],
  [
    'session.send',
    {
      sessionId: 's-1',
      event: {
        type: 'submit-numbers',
        numbers: {
          insurerNumber: '01130012',
          symbol: '12345678',
          number: '1234',
          branch: '00',
          birthDate: '1980-01-15',
        },
      },
    },
  ],
  [
    'session.send',
    {
      sessionId: 's-1',
      event: {
        type: 'submit-declaration',
        declaration: { nameKana: 'シケン タロウ', birthDate: '1980-01-15', phone: '0312345678' },
      },
    },
  ],
  ['session.send', { sessionId: 's-1', event: { type: 'call-staff' } }],
  ['staff.list', { date: '2026-11-25' }],
  [
    'staff.act',
    {
      sessionId: 's-1',
      event: { type: 'staff-override', staff: '受付 花子', reason: '確認済み', outcome: 'complete' },
    },
  ],
  ['admin.setOnlineMode', { mode: 'forced-offline', staff: 'admin', reason: 'terminal maintenance' }],
  ['demo.presentCard', { persona: 'main-insured' }],
  ['staff.unmatchedReads', { all: true }],
  ['staff.assignRead', { readId: 'r1', sessionId: 's-1', staff: 'x', reason: 'y' }],
  ['staff.dismissRead', { readId: 'r1', staff: 'x', reason: 'y' }],
  [
    'admin.updateSettings',
    {
      patch: { clinicName: '試験クリニック', idleTimeoutSeconds: 90, policy: { refuseDocuments: ['notice-only'] } },
      staff: 'admin',
      reason: 'r',
    },
  ],
];

const NAMES = [
  ...Object.keys(requests),
  '',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'status.get ',
  'STATUS.GET',
  'session.start\u0000',
  'a'.repeat(10_000),
];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'type',
  'event',
  'sessionId',
  'staff',
  'reason',
  'patch',
  '',
  'a'.repeat(1000),
];

function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

function randomValue(rng: Rng): unknown {
  switch (rng.int(14)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return rng.pick([0, -1, -0, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 1e308, -1e-308]);
    case 3:
      return rng.chance(0.5);
    case 4:
      return rng.pick(WEIRD_TEXT);
    case 5:
      return 'x'.repeat(rng.pick([65, 501, 100_000, 1_000_000]));
    case 6:
      return [];
    case 7:
      return {};
    case 8:
      return deep(rng.pick([10, 1000, 10_000]), 'x', rng.chance(0.5));
    case 9:
      return Array.from({ length: rng.pick([10, 10_000]) }, () => 'myna-card');
    case 10:
      return JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    case 11:
      return rng.pick(['myna-card', 'nothing', 'choose-document', 'staff-override', 'forced-online']);
    case 12:
      return { type: rng.pick(['choose-document', 'staff-approve', 'submit-numbers', 'x']) };
    default:
      return String.fromCharCode(...Array.from({ length: rng.int(20) }, () => rng.int(0x10000)));
  }
}

function clone(v: unknown): unknown {
  return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
}

/** Mutates a random node of a JSON-like tree (in place where it can; returns the new root). */
function mutateTree(rng: Rng, root: unknown): unknown {
  if (root === null || typeof root !== 'object' || rng.chance(0.1)) return randomValue(rng);
  const path: Array<Record<string, unknown>> = [];
  let node = root as Record<string, unknown>;
  for (;;) {
    path.push(node);
    const keys = Object.keys(node);
    const key = keys.length ? rng.pick(keys) : undefined;
    const child = key === undefined ? undefined : node[key];
    if (key === undefined || child === null || typeof child !== 'object' || rng.chance(0.3)) {
      switch (rng.int(4)) {
        case 0:
          if (key !== undefined) node[key] = randomValue(rng);
          break;
        case 1:
          if (key !== undefined) delete node[key];
          break;
        case 2:
          Object.defineProperty(node, rng.pick(KEYS), {
            value: randomValue(rng),
            enumerable: true,
            configurable: true,
            writable: true,
          });
          break;
        default:
          if (key !== undefined) {
            node[`${key}${rng.pick(['', 'x', ' ', 'Id'])}`] = node[key];
            delete node[key];
          }
      }
      return root;
    }
    node = child as Record<string, unknown>;
  }
}

export interface ApiCase {
  role: Role;
  name: unknown;
  input: unknown;
  label: string;
}

export function apiCase(rng: Rng): ApiCase {
  const [validName, validInput] = rng.pick(VALID_INPUTS);
  let input = clone(validInput);
  const labels: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    input = mutateTree(rng, input);
    labels.push('tree');
  }
  let name: unknown = validName;
  if (rng.chance(0.1)) {
    name = rng.chance(0.7) ? rng.pick(NAMES) : randomValue(rng);
    labels.push('name');
  }
  const role = rng.chance(0.8) ? rng.pick(ROLES) : (rng.pick(['', 'root', '__proto__', 'Admin']) as Role);
  return { role, name, input, label: `${validName}:${labels.join('+')}` };
}

export interface WireCase {
  text: string;
  label: string;
}

/** A raw WebSocket text message: a serialised request, then text-level damage. */
export function wireCase(rng: Rng): WireCase {
  const [name, input] = rng.pick(VALID_INPUTS);
  let text = JSON.stringify({ id: rng.pick([0, 1, 42, -1, 1.5, 2 ** 60]), name, input: clone(input) });
  const labels: string[] = [];
  for (let k = rng.int(4); k > 0; k--) {
    const at = rng.int(text.length + 1);
    // The deep ones (cases 3, 4) cost milliseconds each: 1 in 50 steps.
    const kind = rng.chance(0.02) ? 3 + rng.int(2) : rng.pick([0, 1, 2, 5, 6]);
    switch (kind) {
      case 0:
        text = text.slice(0, at);
        labels.push('truncate');
        break;
      case 1:
        text = text.slice(0, at) + String.fromCharCode(rng.int(0x10000)) + text.slice(at + 1);
        labels.push('char-flip');
        break;
      case 2:
        text =
          text.slice(0, at) +
          rng.pick(['{', '}', '[', ']', '"', ',', ':', '\\', '\\u0000', 'null', '1e999', '"__proto__":{}', '\uFEFF']) +
          text.slice(at);
        labels.push('insert');
        break;
      case 3:
        // Up to the host's 64 KiB frame limit, and once beyond it (refused by size).
        text = rng.pick(['[', '{"a":']).repeat(rng.pick([1000, 12_000, 100_000])) + text;
        labels.push('deep-prefix');
        break;
      case 4:
        {
          // Built as text: JSON.stringify itself would overflow the stack on this.
          const n = rng.pick([1000, 12_000, 50_000]);
          const [open, close] = rng.chance(0.5) ? ['[', ']'] : ['{"a":', '}'];
          text = `{"id":1,"name":${JSON.stringify(name)},"input":${open.repeat(n)}1${close.repeat(n)}}`;
        }
        labels.push('deep-input');
        break;
      case 5:
        text = text.replace(/"name":"[^"]*"/, `"name":${JSON.stringify(rng.pick(NAMES))},"name":"status.get"`);
        labels.push('duplicate-key');
        break;
      default:
        text = rng.pick(['', ' ', 'null', '[]', '0', '"x"', 'true', '{}']);
        labels.push('scalar');
    }
  }
  return { text, label: `${name}:${labels.join('+') || 'valid'}` };
}
