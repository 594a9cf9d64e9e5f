/**
 * Parsing one WebSocket text message into a request (the browser host's transport). Pure: no Node, no DOM.
 * Never throws: anything that is not a well-formed request message is a typed `invalid-payload` error. The
 * payload inside (`input`) is checked afterwards by `parseRequest`, like every other transport's.
 */
import { wireRequestSchema, type ApiError, type WireRequest } from './index';

export type WireRequestParse = { ok: true; request: WireRequest } | { ok: false; error: ApiError };

/** The browser host's WebSocket frame limit (64 KiB); a longer text is refused before JSON.parse sees it. */
export const WIRE_MAX_CHARS = 64 * 1024;

const NOT_A_REQUEST: WireRequestParse = {
  ok: false,
  error: { code: 'invalid-payload', message: 'not a request message' },
};

/** `text` is the message as received. Binary frames are not requests; neither is anything over the limit. */
export function parseWireRequest(text: string | undefined, maxChars = WIRE_MAX_CHARS): WireRequestParse {
  if (text === undefined) return NOT_A_REQUEST;
  if (text.length > maxChars) return { ok: false, error: { code: 'invalid-payload', message: 'message too large' } };
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
