import { describe, expect, it } from 'vitest';
import { WIRE_MAX_CHARS, parseWireRequest } from '../../../shared/api/wire';

describe('parseWireRequest (the WebSocket message parse)', () => {
  it('reads a request message', () => {
    expect(parseWireRequest(JSON.stringify({ id: 3, name: 'status.get', input: {} }))).toEqual({
      ok: true,
      request: { id: 3, name: 'status.get', input: {} },
    });
  });

  it('a deeply nested input within the size limit is still a message (parseRequest judges the input)', () => {
    const deep = `{"id":1,"name":"status.get","input":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(parseWireRequest(deep)).toMatchObject({ ok: true, request: { id: 1, name: 'status.get' } });
  });

  it('refuses binary frames, non-JSON, wrong shapes and oversize text as invalid-payload, never a throw', () => {
    const bad = [
      undefined,
      '',
      'not json',
      'null',
      '[]',
      JSON.stringify({ id: -1, name: 'status.get' }),
      JSON.stringify({ id: 1, name: 'x'.repeat(65) }),
      `{"id":1,"name":"status.get","input":${'['.repeat(20_000)}${']'.repeat(20_000)}}`.slice(0, 30_000), // cut
      JSON.stringify({ id: 1, name: 'status.get', input: 'x'.repeat(WIRE_MAX_CHARS) }),
    ];
    for (const text of bad)
      expect(parseWireRequest(text)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(parseWireRequest('x'.repeat(WIRE_MAX_CHARS + 1))).toEqual({
      ok: false,
      error: { code: 'invalid-payload', message: 'message too large' },
    });
  });
});
