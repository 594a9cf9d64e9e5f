/**
 * Runs one fuzz case through the code under test and classifies what happened: the typed outcome (an error
 * code, or 'ok'), a throw (always a bug), or an invariant broken by a successful parse (also a bug).
 * Shared by `npm run fuzz` and the bounded unit test.
 */
import { performance } from 'node:perf_hooks';
import { API_ERROR_CODES, parseRequest } from '../../shared/api/index';
import { parseWireRequest } from '../../shared/api/wire';
import { parseOnshiResult, type OnshiParse } from '../../electron/onshi/index';
import type { ApiCase, OnshiCase, WireCase } from './fuzz-cases';

export interface CaseVerdict {
  outcome: string; // 'ok' | typed error code | 'THROW' | 'INVARIANT'
  ms: number;
  problem?: string;
}

const ONSHI_ERRORS = new Set(['too-large', 'not-xml', 'forbidden-dtd', 'encoding', 'schema']);
const API_ERRORS = new Set<string>(API_ERROR_CODES);

function onshiInvariant(parse: OnshiParse): string | undefined {
  if (!parse.ok) {
    if (!ONSHI_ERRORS.has(parse.error)) return `unknown error code ${String(parse.error)}`;
    if (typeof parse.detail !== 'string' || parse.detail.length === 0) return 'error without detail';
    if (/internal/.test(parse.detail)) return `defensive catch-all reached: ${parse.detail.slice(0, 200)}`;
    return undefined;
  }
  const r = parse.result;
  if (r.status !== 'ok' && r.status !== 'error') return `status ${String(r.status)}`;
  if (r.source !== 'card' && r.source !== 'numbers') return `source ${String(r.source)}`;
  for (const p of r.people) {
    if (!/^(?:\d{6}|\d{8})$/.test(p.insurerNumber)) return `insurerNumber ${p.insurerNumber}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate)) return `birthDate ${p.birthDate}`;
    if (typeof p.name !== 'string' || typeof p.nameKana !== 'string' || p.nameKana.trim() === '') return 'name/kana';
  }
  return undefined;
}

export function checkOnshi(c: OnshiCase, options?: { cp932Fallback?: boolean }): CaseVerdict {
  const started = performance.now();
  let parse: OnshiParse;
  try {
    parse = parseOnshiResult(c.bytes, options);
  } catch (error) {
    return { outcome: 'THROW', ms: performance.now() - started, problem: String(error).slice(0, 300) };
  }
  const ms = performance.now() - started;
  const problem = onshiInvariant(parse);
  if (problem) return { outcome: 'INVARIANT', ms, problem };
  return { outcome: parse.ok ? `ok:${parse.result.status}` : parse.error, ms };
}

export function checkApi(c: ApiCase): CaseVerdict {
  const started = performance.now();
  try {
    const parsed = parseRequest(c.role, c.name, c.input);
    const ms = performance.now() - started;
    if (parsed.ok) return { outcome: 'ok', ms };
    if (!API_ERRORS.has(parsed.error.code))
      return { outcome: 'INVARIANT', ms, problem: `unknown code ${parsed.error.code}` };
    return { outcome: parsed.error.code, ms };
  } catch (error) {
    return { outcome: 'THROW', ms: performance.now() - started, problem: String(error).slice(0, 300) };
  }
}

/** The WebSocket path: text → wire request → parseRequest, as the browser host does. */
export function checkWire(c: WireCase, role: Parameters<typeof parseRequest>[0] = 'kiosk'): CaseVerdict {
  const started = performance.now();
  try {
    const wire = parseWireRequest(c.text);
    if (!wire.ok) return { outcome: `wire:${wire.error.code}`, ms: performance.now() - started };
    const parsed = parseRequest(role, wire.request.name, wire.request.input);
    const ms = performance.now() - started;
    return { outcome: parsed.ok ? 'ok' : parsed.error.code, ms };
  } catch (error) {
    return { outcome: 'THROW', ms: performance.now() - started, problem: String(error).slice(0, 300) };
  }
}
