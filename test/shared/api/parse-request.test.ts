import { describe, expect, it } from 'vitest';
import { parseRequest, requests, API_EVENT_NAMES } from '../../../shared/api/index';
import { EVENT_NAMES, REQUEST_NAMES } from '../../../shared/api/bridge';

describe('parseRequest (the edge of the core)', () => {
  it('refuses an unknown or non-string name, without echoing more than 64 characters of it', () => {
    expect(parseRequest('kiosk', 'session.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-request' },
    });
    expect(parseRequest('kiosk', 42, {})).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    expect(parseRequest('kiosk', 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    const long = parseRequest('kiosk', 'x'.repeat(10_000), {});
    expect(!long.ok && long.error.message.length).toBeLessThan(100);
  });

  it('checks the role before the payload', () => {
    expect(parseRequest('kiosk', 'admin.getSettings', { anything: 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(parseRequest('staff', 'session.start', { kioskId: 'k' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses extra keys, wrong types and bad ids with located issues (at most 20)', () => {
    expect(parseRequest('kiosk', 'session.get', { sessionId: 'a', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(parseRequest('kiosk', 'session.get', { sessionId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', issues: [{ path: 'sessionId' }] },
    });
    const many = parseRequest('admin', 'admin.updateSettings', {
      patch: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 1])),
      staff: '',
      reason: '',
    });
    expect(!many.ok && many.error.issues!.length).toBeLessThanOrEqual(20);
  });

  it('a valid payload comes back parsed; a missing one is an empty object', () => {
    expect(parseRequest('kiosk', 'status.get', undefined)).toEqual({ ok: true, name: 'status.get', input: {} });
    expect(parseRequest('kiosk', 'session.send', { sessionId: 's1', event: { type: 'back' } })).toEqual({
      ok: true,
      name: 'session.send',
      input: { sessionId: 's1', event: { type: 'back' } },
    });
  });

  it('the name lists the preload uses are the API’s (one list of each)', () => {
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(requests).sort());
    expect(API_EVENT_NAMES).toBe(EVENT_NAMES);
  });
});
