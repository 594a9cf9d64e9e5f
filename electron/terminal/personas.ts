/**
 * The terminal simulator's personas (resources/simulator/personas.json): loading, validation, and turning
 * one into the result file the terminal would write for a card read or a number query.
 *
 * Dates in the fixtures are literal 'YYYY-MM-DD' or relative to the clinic's today ('today-3y-10d',
 * 'today+1y'), so a preschool child stays preschool and a 72-year-old stays 72 whatever the date.
 */
import { z } from 'zod';
import type { DemoPersona } from '../../shared/api/index';
import type { PrintedNumbers } from '../../shared/flow/session';
import type { OnshiPersonInput, OnshiResultInput } from '../onshi/index';
import personasFixture from '../../resources/simulator/personas.json' with { type: 'json' };
import { shiftDate } from './local-time';

export const PERSONA_BEHAVIOURS = ['normal', 'slow', 'no-answer', 'system-error'] as const;
export type PersonaBehaviour = (typeof PERSONA_BEHAVIOURS)[number];

const dateExpr = z
  .string()
  .regex(/^(?:\d{4}-\d{2}-\d{2}|today(?:[+-]\d+[ymd])*)$/, "a 'YYYY-MM-DD' date or 'today±Ny±Nm±Nd'");

const numbersSchema = z.object({
  insurerNumber: z.string().regex(/^\d{6}(?:\d{2})?$/),
  symbol: z.string().min(1).max(20).optional(),
  number: z.string().min(1).max(20),
  branch: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  birthDate: dateExpr,
});

const personSchema = z
  .object({
    insurerNumber: z.string().regex(/^\d{6}(?:\d{2})?$/),
    symbol: z.string().min(1).max(20).optional(),
    number: z.string().min(1).max(20),
    branch: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    name: z.string().min(1),
    nameKana: z.string().min(1),
    birthDate: dateExpr,
  })
  .passthrough();

export const personaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  label: z.string().min(1),
  description: z.string().min(1),
  behaviour: z.enum(PERSONA_BEHAVIOURS).default('normal'),
  encoding: z.enum(['utf-8', 'shift_jis']).default('utf-8'),
  validity: z.enum(['valid', 'invalid', 'invalid-newer', 'not-found', 'multiple', 'valid-unregistered']).optional(),
  failure: z
    .object({ kind: z.enum(['segment', 'processing']), code: z.string().min(1), message: z.string().min(1) })
    .optional(),
  /**
   * 'card': the failure comes from the card / reader (PIN lock, expired certificate, no insurance-use
   * registration), so only card reads fail; a number query for the same person answers normally.
   */
  failureOn: z.enum(['card', 'any']).optional(),
  numbers: numbersSchema,
  people: z.array(personSchema),
});
export type Persona = z.infer<typeof personaSchema>;

export const personaFileSchema = z
  .object({ version: z.literal(1), personas: z.array(personaSchema).min(1) })
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.personas.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['personas', i, 'id'], message: `duplicate persona id ${p.id}` });
      ids.add(p.id);
      if (p.behaviour === 'system-error' && !p.failure) {
        ctx.addIssue({
          code: 'custom',
          path: ['personas', i, 'failure'],
          message: 'a system-error persona needs a failure',
        });
      }
      const validity = p.validity ?? (p.failure ? undefined : 'valid');
      if ((validity === 'valid' || validity === 'invalid' || validity === 'invalid-newer') && p.people.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['personas', i, 'people'],
          message: `a ${validity} persona has exactly one person`,
        });
      }
    });
  });

export type PersonaLoad = { ok: true; personas: Persona[] } | { ok: false; message: string };

/** Validates persona data (the bundled fixture by default). */
export function loadPersonas(data: unknown = personasFixture): PersonaLoad {
  const parsed = personaFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      message: parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    };
  }
  return { ok: true, personas: parsed.data.personas };
}

/** The bundled personas; a broken fixture is a build error, so this throws. */
export function defaultPersonas(): Persona[] {
  const r = loadPersonas();
  if (!r.ok) throw new Error(`resources/simulator/personas.json is invalid: ${r.message}`);
  return r.personas;
}

/** 'today-3y-10d' → a date relative to `today`; a literal date stays as it is. */
export function resolveDate(expr: string, today: string): string {
  if (!expr.startsWith('today')) return expr;
  let years = 0;
  let months = 0;
  let days = 0;
  for (const m of expr.slice(5).matchAll(/([+-]\d+)([ymd])/g)) {
    const n = Number(m[1]);
    if (m[2] === 'y') years += n;
    else if (m[2] === 'm') months += n;
    else days += n;
  }
  return shiftDate(today, years, months, days);
}

function resolveDeep<T>(value: T, today: string): T {
  if (typeof value === 'string')
    return (/^today(?:[+-]\d+[ymd])*$/.test(value) ? resolveDate(value, today) : value) as T;
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, today)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, today)])) as T;
  }
  return value;
}

/** The persona's printed numbers with dates resolved. */
export function personaNumbers(p: Persona, today: string): PrintedNumbers {
  return resolveDeep(p.numbers, today) as PrintedNumbers;
}

export function demoPersona(p: Persona, today: string): DemoPersona {
  return { id: p.id, label: p.label, description: p.description, numbers: personaNumbers(p, today) };
}

/**
 * The result file content for this persona. `nowLocal` is the terminal's local 'YYYY-MM-DDTHH:mm:ss'
 * (ProcessExecutionTime, consent times).
 */
export function personaResult(
  p: Persona,
  ctx: { source: 'card' | 'numbers'; today: string; nowLocal: string; institutionCode: string; fileId?: string },
): OnshiResultInput {
  const people = resolveDeep(p.people, ctx.today).map((person) => {
    const out = { ...person } as unknown as OnshiPersonInput;
    if (out.consents && out.consents.time !== undefined) out.consents = { ...out.consents, time: ctx.nowLocal };
    return out;
  });
  const numbers = personaNumbers(p, ctx.today);
  const failure = p.failure && (p.failureOn !== 'card' || ctx.source === 'card') ? p.failure : undefined;
  const input: OnshiResultInput = {
    source: ctx.source,
    institutionCode: ctx.institutionCode,
    confirmationDate: ctx.today,
    processedAt: ctx.nowLocal,
    ...(ctx.fileId ? { fileId: ctx.fileId } : {}),
    ...(failure ? { failure } : {}),
    ...(p.validity ? { validity: p.validity } : {}),
    // A card-side failure names nobody: the terminal never got to the qualification.
    people: failure?.kind === 'segment' || (failure && p.failureOn === 'card') ? [] : people,
  };
  if (ctx.source === 'numbers' && failure?.kind !== 'segment') {
    input.echo = {
      insurerNumber: numbers.insurerNumber,
      ...(numbers.symbol ? { symbol: numbers.symbol } : {}),
      number: numbers.number,
      ...(numbers.branch ? { branch: numbers.branch } : {}),
      birthDate: numbers.birthDate,
      limitCertificateConsent: false,
    };
  }
  return input;
}
