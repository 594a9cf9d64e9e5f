/**
 * Parsing one WebSocket text message into a request (the browser host's transport). Pure: no Node, no DOM.
 * Never throws: anything that is not a well-formed request message is a typed `invalid-payload` error. The
 * payload inside (`input`) is checked afterwards by `parseRequest`, like every other transport's.
 */
import { wireRequestSchema, type ApiError, type WireRequest } from './index';

export type WireRequestParse = { ok: true; request: WireRequest } | { ok: false; error: ApiError };

const NOT_A_REQUEST: WireRequestParse = {
  ok: false,
  error: { code: 'invalid-payload', message: 'not a request message' },
};

/** `text` is the message as received (the transport bounds its size). Binary frames are not requests. */
export function parseWireRequest(text: string | undefined): WireRequestParse {
  if (text === undefined) return NOT_A_REQUEST;
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return NOT_A_REQUEST;
  }
  let parsed: ReturnType<typeof wireRequestSchema.safeParse>;
  try {
    parsed = wireRequestSchema.safeParse(message);
  } catch {
    // Defensive: a validator failure (e.g. a stack overflow on absurd nesting) is still just a bad message.
    return NOT_A_REQUEST;
  }
  return parsed.success ? { ok: true, request: parsed.data } : NOT_A_REQUEST;
}
