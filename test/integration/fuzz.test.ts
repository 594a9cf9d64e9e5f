/**
 * The bounded version of `npm run fuzz` (test/bench/fuzz.ts), so CI exercises it: 2,000 mutated onshi
 * files, 2,000 mutated API payloads and 2,000 mutated WebSocket messages, driven by fast-check with a fixed
 * seed (a failure prints the case seed; `FUZZ_SEED`-style reproduction with createRng(seed)). No throw
 * outside the typed errors, no broken invariant on a successful parse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../shared/api/index';
import { apiCase, createRng, loadOnshiSeeds, onshiCase, wireCase } from '../bench/fuzz-cases';
import { checkApi, checkOnshi, checkWire } from '../bench/fuzz-check';

const RUNS = 2_000;
const SEED = 20261129;
const seedArb = fc.integer({ min: 0, max: 0x7fffffff });

describe('fuzz (bounded)', () => {
  it('parseOnshiResult: mutated fixture files give a typed result, never a throw', () => {
    const seeds = loadOnshiSeeds();
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(seedArb, fc.boolean(), (caseSeed, fallback) => {
        const c = onshiCase(createRng(caseSeed), seeds);
        const verdict = checkOnshi(c, { cp932Fallback: fallback });
        outcomes.add(verdict.outcome);
        expect(verdict.problem ?? 'none', `${c.label} (case seed ${caseSeed})`).toBe('none');
        expect(verdict.outcome).not.toBe('THROW');
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The mutations reach both sides: successes and the main refusal codes.
    for (const expected of ['ok:ok', 'not-xml', 'encoding', 'schema']) expect(outcomes).toContain(expected);
  });

  it('parseRequest: mutated payloads, roles and names give a typed result, never a throw', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(seedArb, (caseSeed) => {
        const c = apiCase(createRng(caseSeed));
        const verdict = checkApi(c);
        outcomes.add(verdict.outcome);
        expect(verdict.problem ?? 'none', `${c.label} (case seed ${caseSeed})`).toBe('none');
      }),
      { seed: SEED, numRuns: RUNS },
    );
    for (const expected of ['ok', 'invalid-payload', 'forbidden', 'unknown-request'])
      expect(outcomes).toContain(expected);
  });

  it('parseWireRequest → parseRequest: mutated WebSocket text gives a typed result, never a throw', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(seedArb, fc.constantFrom('kiosk' as const, 'staff' as const, 'admin' as const), (caseSeed, role) => {
        const c = wireCase(createRng(caseSeed));
        const verdict = checkWire(c, role);
        outcomes.add(verdict.outcome);
        expect(verdict.problem ?? 'none', `${c.label} (case seed ${caseSeed})`).toBe('none');
      }),
      { seed: SEED, numRuns: RUNS },
    );
    for (const expected of ['ok', 'wire:invalid-payload', 'invalid-payload']) expect(outcomes).toContain(expected);
  });

  it('regression found by the full run: a deeply nested array as the request name is unknown-request, not a stack overflow', () => {
    let name: unknown = 'x';
    for (let i = 0; i < 10_000; i++) name = [name];
    // Before the fix, the error message did String(name) → Array.prototype.join recursion → RangeError.
    expect(parseRequest('kiosk', name, {})).toEqual({
      ok: false,
      error: { code: 'unknown-request', message: "unknown request '<array>'" },
    });
    expect(parseRequest('kiosk', null, {})).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
  });
});
