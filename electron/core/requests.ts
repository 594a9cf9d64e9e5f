/**
 * The request table: every API name in shared/api mapped to exactly one typed handler,
 * `(context, input) => ApiResult<RequestOutputs[N]>`. The handler types are derived from `requests` (input
 * schemas) and `RequestOutputs` with a mapped type, so a handler that returns the wrong output, or reads
 * an input field that does not exist, does not compile; dispatch uses the same mapped type (no casts).
 */
import {
  parseRequest,
  type ApiError,
  type ApiResult,
  type RequestInput,
  type RequestName,
  type RequestOutputs,
} from '../../shared/api/index';
import { REQUEST_NAMES } from '../../shared/api/bridge';

export { REQUEST_NAMES };
import type { Caller } from './feature';

export interface RequestContext {
  caller: Caller;
  /** When the request arrived, on the clinic clock (ISO). */
  now: string;
}

type Awaitable<T> = T | Promise<T>;
export type Handler<N extends RequestName> = (
  ctx: RequestContext,
  input: RequestInput<N>,
) => Awaitable<ApiResult<RequestOutputs[N]>>;
export type RequestTable = { [N in RequestName]: Handler<N> };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ApiError['code'], message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message },
});

/**
 * Who an audited staff action is by: the signed-in account the gate put on the caller. `typed` (the name in
 * the request) is used only by in-process callers that have no sign-in (tests, tools) — every transport
 * goes through the gate, which always sets the actor for staff and admin.
 */
export const actorName = (ctx: RequestContext, typed: string): string => ctx.caller.actor?.name ?? typed;

/** Merges the features' handlers; every API name must have exactly one (checked here, at start-up). */
export function buildRequestTable(
  parts: { feature: string; handlers: Partial<RequestTable> }[],
): Partial<RequestTable> {
  const owner = new Map<string, string>();
  for (const p of parts) {
    for (const name of Object.keys(p.handlers)) {
      const before = owner.get(name);
      if (before) throw new Error(`request '${name}' is handled by both ${before} and ${p.feature}`);
      owner.set(name, p.feature);
    }
  }
  const missing = REQUEST_NAMES.filter((n) => !owner.has(n));
  if (missing.length) throw new Error(`no handler for: ${missing.join(', ')}`);
  const table: Partial<RequestTable> = {};
  for (const p of parts) Object.assign(table, p.handlers);
  return table;
}

function call<N extends RequestName>(
  table: Partial<RequestTable>,
  ctx: RequestContext,
  name: N,
  input: RequestInput<N>,
) {
  const handler = table[name];
  return handler ? handler(ctx, input) : fail('unknown-request', `no handler for '${name}'`);
}

/** Parse (name, role, payload) at the edge, then run the one handler for that name. */
export async function dispatch(
  table: Partial<RequestTable>,
  caller: Caller,
  now: () => string,
  name: unknown,
  input: unknown,
  onError: (name: RequestName, e: unknown) => void,
): Promise<ApiResult<RequestOutputs[RequestName]>> {
  const parsed = parseRequest(caller.role, name, input);
  if (!parsed.ok) return parsed;
  try {
    return await call(table, { caller, now: now() }, parsed.name, parsed.input);
  } catch (e) {
    onError(parsed.name, e);
    return fail('internal', 'the kiosk could not complete this request');
  }
}
